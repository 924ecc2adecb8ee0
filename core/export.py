"""Export everything (JSON with a schema version, and CSV), and import it back.

An import is validated completely with the pydantic models before anything is written,
then written in one transaction: a bad, truncated, oversized or wrong-version file
changes nothing and says why in plain words. Ids are kept, so importing the same file
twice does not duplicate anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from core import store
from core.limits import MAX_IMPORT_BYTES
from core.models import (
    MAX_AHEAD,
    CheckIn,
    Dream,
    Goal,
    GoalVersion,
    Win,
    context_day,
    friendly_messages,
    kind_error,
    latest_day,
)
from core.plan import SafetyPlan
from core.store import transfer

if TYPE_CHECKING:
    from sqlite_utils import Database

SCHEMA_VERSION = 2  # 2 added the safety plan
READABLE_VERSIONS = (1, 2)
APP = "small-steps"
CSV_FILES = ("goals.csv", "check_ins.csv", "wins.csv")


class ImportProblem(ValueError):
    """The file was not imported; `messages` say why, kindly, and nothing was changed."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


SETTING_KEY = re.compile(r"[a-z][a-z0-9_-]{0,39}")
SETTING_TEXT_MAX = 200
IMPORTED_ON = "imported_on"  # the person's day, in the validation context of an import


class ExportedGoal(Goal):
    # How many versions and check-ins a space may hold is the store's to judge
    # (core.limits, checked when the file is written): export writes whatever is held,
    # and import accepts exactly what the store accepts.
    versions: list[GoalVersion] = Field(min_length=1)
    check_ins: list[CheckIn] = Field(default_factory=list)

    @model_validator(mode="after")
    def _days_make_sense(self, info: Any) -> ExportedGoal:
        """Dates a person could not have saved: refused on import (an export is read
        without a day, and is never refused)."""
        today = context_day(info, IMPORTED_ON)
        if today is None:
            return self
        late = latest_day(today)
        if self.start_date > today + MAX_AHEAD:
            raise kind_error("A goal in that file starts more than two years from now.")
        if any(c.day > late for c in self.check_ins):
            raise kind_error("A check-in in that file is dated in the future.")
        if self.achieved_on is not None and not self.start_date <= self.achieved_on <= late:
            raise kind_error("A goal in that file was reached on a day that can't be right.")
        return self

    @model_validator(mode="after")
    def _consistent(self) -> ExportedGoal:
        numbers = [v.version for v in self.versions]
        if len(set(numbers)) != len(numbers) or self.version not in numbers:
            raise ValueError("goal versions do not match")
        if any(v.goal_id != self.id for v in self.versions) or any(
            c.goal_id != self.id for c in self.check_ins
        ):
            raise ValueError("a version or check-in belongs to another goal")
        if len({c.day for c in self.check_ins}) != len(self.check_ins):
            raise ValueError("two check-ins for one day")
        return self


class ExportFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    app: Literal["small-steps"]
    schema_version: int
    exported_at: str
    goals: list[ExportedGoal]
    dreams: list[Dream] = Field(default_factory=list)
    wins: list[Win] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    safety_plan: SafetyPlan | None = None

    @field_validator("settings", mode="after")
    @classmethod
    def _small_plain_settings(cls, value: dict[str, Any]) -> dict[str, Any]:
        """Settings are a few short words, numbers or switches under simple names."""
        for key, setting in value.items():
            if not SETTING_KEY.fullmatch(key):
                raise kind_error("A setting in that file has a name Small Steps doesn't use.")
            plain = setting is None or isinstance(setting, bool | int) or (
                isinstance(setting, str) and len(setting) <= SETTING_TEXT_MAX
                and setting.isprintable())
            if not plain:
                raise kind_error("A setting in that file doesn't look right.")
        return value

    @model_validator(mode="after")
    def _days_make_sense(self, info: Any) -> ExportFile:
        today = context_day(info, IMPORTED_ON)
        if today is not None and any(w.day > latest_day(today) for w in self.wins):
            raise kind_error("A small win in that file is dated in the future.")
        return self

    @model_validator(mode="after")
    def _unique_and_linked(self) -> ExportFile:
        goal_ids = [g.id for g in self.goals]
        if len(set(goal_ids)) != len(goal_ids):
            raise ValueError("two goals share an id")
        if len({w.id for w in self.wins}) != len(self.wins):
            raise ValueError("two wins share an id")
        dream_ids = {d.id for d in self.dreams}
        if any(g.dream_id is not None and g.dream_id not in dream_ids for g in self.goals):
            raise ValueError("a goal points to a dream that is not in the file")
        return self


def export_space(db: Database, *, owner: str, now: dt.datetime) -> ExportFile:
    goals = [
        ExportedGoal.model_validate(
            goal.model_dump()
            | {"versions": store.goal_versions(db, owner=owner, goal_id=goal.id),
               "check_ins": transfer.all_check_ins(db, owner=owner, goal_id=goal.id)}
        )
        for goal in transfer.all_goals(db, owner=owner)
    ]
    return ExportFile(app=APP, schema_version=SCHEMA_VERSION,
                      exported_at=now.isoformat(timespec="seconds"), goals=goals,
                      dreams=transfer.all_dreams(db, owner=owner),
                      wins=transfer.all_wins(db, owner=owner),
                      settings=store.get_settings(db, owner=owner),
                      safety_plan=store.get_plan(db, owner=owner))


def to_json(db: Database, *, owner: str, now: dt.datetime) -> bytes:
    data = export_space(db, owner=owner, now=now).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def parse_import(raw: bytes, *, today: dt.date | None = None) -> ExportFile:
    """Check a file completely; raise ImportProblem with plain words if it can't be used.
    `today` is the person's day: nothing in the file may be dated after it (pages always
    pass it)."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportProblem([f"That file is bigger than {MAX_IMPORT_BYTES // 1_000_000} MB, "
                             "so it can't be a Small Steps export. Nothing was changed."])
    try:
        # utf-8-sig: a file saved again by Notepad starts with a byte-order mark.
        # ValueError: json refuses integers of thousands of digits.
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ImportProblem(["That file isn't a complete Small Steps export (it may be cut "
                             "off or a different kind of file). Nothing was changed."]) from None
    if not isinstance(data, dict) or data.get("app") != APP:
        raise ImportProblem(["That file doesn't look like a Small Steps export. "
                             "Nothing was changed."])
    version = data.get("schema_version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise ImportProblem([f"That export is in format {version!r}, but this version of Small "
                             f"Steps reads formats {READABLE_VERSIONS[0]} to {SCHEMA_VERSION}. "
                             "Nothing was changed."])
    try:
        return ExportFile.model_validate(data, context={IMPORTED_ON: today})
    except ValidationError as error:
        details = [m for m in friendly_messages(error) if "didn't look right" not in m]
        raise ImportProblem(["Part of that file couldn't be read, so nothing was imported.",
                             *details[:3]]) from None


def import_space(db: Database, *, owner: str, file: ExportFile, now: dt.datetime) -> int:
    """Write a checked export into `owner`'s space in one transaction. Returns the number
    of goals imported."""
    try:
        transfer.load_space(
            db, owner=owner, now=now, dreams=file.dreams, wins=file.wins,
            goals=[(g, g.versions, g.check_ins) for g in file.goals], settings=file.settings,
            plan=file.safety_plan,
        )
    except store.LimitReached as full:
        raise ImportProblem(["With that file your space would hold more than it can, so "
                             "nothing was imported.", str(full)]) from None
    return len(file.goals)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Spreadsheet apps run cells that start like a formula; a leading ' keeps them text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in header])
    return out.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheets read UTF-8


def to_csv(db: Database, *, owner: str, now: dt.datetime) -> dict[str, bytes]:
    """goals.csv, check_ins.csv and wins.csv, for spreadsheets."""
    space = export_space(db, owner=owner, now=now)
    goals = [g.model_dump(mode="json", exclude={"versions", "check_ins", "gas"}) for g in
             space.goals]
    check_ins = [c.model_dump(mode="json") | {"goal": g.text} for g in space.goals
                 for c in g.check_ins]
    wins = [w.model_dump(mode="json") for w in space.wins]
    goal_header = list(Goal.model_fields)
    goal_header.remove("gas")
    return {
        "goals.csv": _csv(goal_header, goals),
        "check_ins.csv": _csv(["goal_id", "goal", *(k for k in CheckIn.model_fields
                                                     if k != "goal_id")], check_ins),
        "wins.csv": _csv(list(Win.model_fields), wins),
    }


def to_csv_zip(db: Database, *, owner: str, now: dt.datetime) -> bytes:
    """The CSV files in one .zip, so one click downloads them all."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in to_csv(db, owner=owner, now=now).items():
            archive.writestr(zipfile.ZipInfo(name, date_time=now.timetuple()[:6]), data)
    return out.getvalue()
