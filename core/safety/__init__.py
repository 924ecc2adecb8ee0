"""Safety: crisis wording in what people write, harm described in a goal, and the
help-line directory. See docs/safety.md for what these checks do and cannot do."""

from core.safety.crisis import (
    any_crisis,
    crisis_category,
    detect_crisis,
    goal_harm,
    harm_in,
    prepare,
)
from core.safety.helplines import (
    DEFAULT_COUNTRY,
    INTERNATIONAL,
    Contact,
    ContactKind,
    HelpLine,
    canonical_country,
    countries,
    country_for_locale,
    country_name,
    emergency_numbers,
    help_lines,
    known_country,
)

__all__ = [
    "DEFAULT_COUNTRY",
    "INTERNATIONAL",
    "Contact",
    "ContactKind",
    "HelpLine",
    "any_crisis",
    "canonical_country",
    "countries",
    "country_for_locale",
    "country_name",
    "crisis_category",
    "detect_crisis",
    "emergency_numbers",
    "goal_harm",
    "harm_in",
    "help_lines",
    "known_country",
    "prepare",
]
