"""The upload sweeper's rules (ui/uploads.py), on a stand-in for Streamlit's manager."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from core import limits
from ui.uploads import sweep


@dataclass
class Rec:
    file_id: str
    data: bytes


class Manager:
    def __init__(self) -> None:
        self.file_storage: dict[str, dict[str, Rec]] = defaultdict(dict)

    def add(self, session: str, file_id: str, size: int) -> None:
        self.file_storage[session][file_id] = Rec(file_id, b"x" * size)

    def remove_file(self, session: str, file_id: str) -> None:
        self.file_storage.get(session, {}).pop(file_id, None)

    def remove_session_files(self, session: str) -> None:
        self.file_storage.pop(session, None)


def test_a_live_session_keeps_its_newest_files_up_to_one_import() -> None:
    manager = Manager()
    for n in range(4):
        manager.add("live", f"f{n}", limits.MAX_IMPORT_BYTES // 3)
    freed = sweep(manager, lambda s: True, now=0, grace=120, gone_since={})
    assert list(manager.file_storage["live"]) == ["f1", "f2", "f3"]
    assert freed == limits.MAX_IMPORT_BYTES // 3


def test_a_gone_session_keeps_its_files_for_a_reconnect_then_loses_them() -> None:
    manager, gone_since = Manager(), dict[str, float]()
    manager.add("asleep", "f", 1000)
    assert sweep(manager, lambda s: False, now=0, grace=120, gone_since=gone_since) == 0
    assert sweep(manager, lambda s: False, now=100, grace=120, gone_since=gone_since) == 0
    assert "asleep" in manager.file_storage  # a phone back within two minutes finds it
    assert sweep(manager, lambda s: False, now=121, grace=120, gone_since=gone_since) == 1000
    assert "asleep" not in manager.file_storage and gone_since == {}


def test_a_session_that_comes_back_starts_its_wait_again() -> None:
    manager, gone_since = Manager(), dict[str, float]()
    manager.add("blip", "f", 10)
    sweep(manager, lambda s: False, now=0, grace=120, gone_since=gone_since)
    sweep(manager, lambda s: True, now=60, grace=120, gone_since=gone_since)
    assert sweep(manager, lambda s: False, now=150, grace=120, gone_since=gone_since) == 0
    assert "blip" in manager.file_storage
