"""How much one person's space may hold: generous for a human, small for a script.

The store checks these inside every write transaction (core.store.room), whichever path
writes (a page, an import, the dream flow), so a write that would pass one is undone
whole. Export writes whatever the store holds, and import accepts exactly what the store
accepts, so a person's own download always comes back in.
"""

from __future__ import annotations

MAX_GOALS = 200  # all statuses
# Wordings kept per goal and in the whole space: past these the oldest in-between
# versions make way (core.store.goals.trim_histories); an edit never fails for them.
MAX_VERSIONS = 100
MAX_ALL_VERSIONS = 2_000
MAX_CHECK_INS = 10_000  # in the whole space: five goals every day for five years
MAX_WINS = 5_000
MAX_WINS_PER_DAY = 100
MAX_DREAMS = 50
MAX_SETTINGS = 20  # keys
MAX_SETTINGS_BYTES = 4_000  # the settings as stored (JSON)
# Everything the person wrote, in UTF-8 bytes: about 1,500 full-length notes.
MAX_WORDS_BYTES = 3_000_000
# The largest import file: room for the export of a space full to every limit above
# (JSON can double the bytes of words full of quotes and line breaks), checked by
# tests/test_limits.py. Decimal megabytes, as the browser counts them.
MAX_IMPORT_BYTES = 16_000_000
