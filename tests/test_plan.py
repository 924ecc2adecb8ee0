"""My safety plan in core: the model's rules, the store, export and import, delete-all,
the therapist summary and the one-page PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlite_utils import Database

from core import demo, export, store, summary
from core.models import InvalidInput
from core.plan import (
    CONTACTS_MAX,
    ITEMS_MAX,
    PARTS,
    PlanContact,
    SafetyPlan,
    lines,
    lines_from_text,
    starter_professionals,
    with_part,
)
from core.safety import emergency_numbers, help_lines
from core.summary_pdf import plan_pdf
from tests.conftest import NOW, TODAY

PLAN = SafetyPlan(
    warning_signs=("Staying in bed", "Not answering texts"),
    coping=("Hot shower",),
    people=(PlanContact(name="Sam", phone="+61 400 123 456"), PlanContact(name="Nan")),
    reasons=("My dog",),
)


def test_the_plan_follows_the_stanley_brown_order_in_our_words() -> None:
    assert [p.key for p in PARTS] == ["warning_signs", "coping", "distractions", "people",
                                      "professionals", "safer", "reasons"]
    assert all(p.title and p.hint for p in PARTS)


def test_every_part_is_optional() -> None:
    assert SafetyPlan().empty and not PLAN.empty


def test_a_contact_number_becomes_digits_to_dial() -> None:
    assert PLAN.people[0].dial == "+61400123456"
    assert PLAN.people[1].dial is None
    assert PLAN.people[0].label == "Sam · +61 400 123 456"


@pytest.mark.parametrize("phone", ["0400 abc", "12", "call me", "+", "1" * 40])
def test_a_number_that_is_not_a_number_is_refused_kindly(phone: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        with_part(PLAN, "people", [{"name": "Sam", "phone": phone}])
    assert "number" in refused.value.messages[0]


def test_too_much_in_one_part_is_refused_kindly() -> None:
    with pytest.raises(InvalidInput):
        with_part(PLAN, "coping", ["x"] * (ITEMS_MAX + 1))
    with pytest.raises(InvalidInput):
        with_part(PLAN, "people", [{"name": f"P{i}"} for i in range(CONTACTS_MAX + 1)])


def test_a_text_box_gives_one_line_per_item() -> None:
    assert lines_from_text("  Walk\n\n Call Sam \n") == ["Walk", "Call Sam"]
    assert with_part(PLAN, "coping", lines_from_text("a\nb")).coping == ("a", "b")


def test_the_plan_starts_with_the_person_s_own_lines() -> None:
    started = starter_professionals(help_lines("AU")[:-1], emergency_numbers("AU"))
    assert [(c.name, c.phone) for c in started] == [("Lifeline", "131114"),
                                                    ("Emergency services", "000")]
    us = starter_professionals(help_lines("US")[:-1], emergency_numbers("US"))
    assert [c.phone for c in us] == ["988", "741741", "911"]  # one entry per number


def test_lines_leave_out_empty_parts() -> None:
    found = lines(PLAN)
    assert ("h3", "Signs that a hard time is starting") in found
    assert ("user", "Sam · +61 400 123 456") in found
    assert not any("Making my surroundings safer" in text for _, text in found)


def test_store_keeps_one_plan_per_owner(db: Database) -> None:
    assert store.get_plan(db, owner="alice") is None
    store.save_plan(db, owner="alice", plan=PLAN, now=NOW)
    store.save_plan(db, owner="alice", plan=with_part(PLAN, "coping", ["Walk"]), now=NOW)
    assert store.get_plan(db, owner="alice") == with_part(PLAN, "coping", ["Walk"])
    assert store.get_plan(db, owner="bob") is None


def test_export_and_import_carry_the_plan(db: Database) -> None:
    store.save_plan(db, owner="alice", plan=PLAN, now=NOW)
    data = export.parse_import(export.to_json(db, owner="alice", now=NOW))
    assert data.schema_version == export.SCHEMA_VERSION and data.safety_plan == PLAN
    export.import_space(db, owner="bob", file=data, now=NOW)
    assert store.get_plan(db, owner="bob") == PLAN


def test_an_old_export_without_a_plan_imports_and_keeps_the_plan_here(db: Database) -> None:
    store.save_plan(db, owner="alice", plan=PLAN, now=NOW)
    old = export.to_json(db, owner="nobody-yet", now=NOW).replace(
        b'"schema_version": 2', b'"schema_version": 1').replace(b'"safety_plan": null', b'"x": 1')
    old = old.replace(b',\n "x": 1', b"")
    export.import_space(db, owner="alice", file=export.parse_import(old), now=NOW)
    assert store.get_plan(db, owner="alice") == PLAN


def test_delete_all_removes_the_plan(db: Database) -> None:
    store.save_plan(db, owner="alice", plan=PLAN, now=NOW)
    store.delete_owner(db, owner="alice")
    assert store.get_plan(db, owner="alice") is None
    assert db.execute("SELECT count(*) FROM safety_plans").fetchone()[0] == 0


def test_the_therapist_summary_has_the_plan_only_when_asked(db: Database) -> None:
    store.save_plan(db, owner="alice", plan=PLAN, now=NOW)
    start = TODAY - dt.timedelta(weeks=4)
    without = summary.build(db, owner="alice", start=start, end=TODAY, include_reflections=False)
    with_plan = summary.build(db, owner="alice", start=start, end=TODAY,
                              include_reflections=False, include_plan=True)
    assert "My safety plan" not in summary.to_markdown(without)
    text = summary.to_markdown(with_plan)
    assert "## My safety plan" in text and "Staying in bed" in text


def test_the_plan_prints_on_one_page(db: Database) -> None:
    pdf = plan_pdf(PLAN)
    assert pdf.startswith(b"%PDF") and b"/Count 1" in pdf
    full = SafetyPlan.model_validate({key: [f"line {n} " + "x" * 40 for n in range(10)]
                                      for key in ("warning_signs", "coping", "distractions",
                                                  "safer", "reasons")})
    assert b"/Count 1" in plan_pdf(full)  # smaller type, still one page


def test_the_demo_person_has_a_made_up_plan(db: Database) -> None:
    demo.populate(db, owner="demo", today=TODAY, weeks=2)
    plan = store.get_plan(db, owner="demo")
    assert plan is not None and plan.people and plan.reasons
