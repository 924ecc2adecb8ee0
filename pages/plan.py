"""My safety plan: the person's own steps for hard moments, saved as they go."""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from core import plan, store
from core.plan import (
    CONTACT_PARTS,
    CONTACTS_MAX,
    ITEM_MAX,
    ITEMS_MAX,
    PARTS,
    PHONE_MAX,
    SafetyPlan,
)
from core.safety import emergency_numbers, help_lines
from core.summary_pdf import plan_pdf
from ui import chrome, contacts, session
from ui.crisis import country, emergency_words
from ui.nav import link
from ui.render import PROBLEMS, keep_refusal, show_kept_refusal

K = "plan-"


def current(db: Database, owner: str) -> SafetyPlan:
    """The saved plan; before anything is saved, one that starts with the person's lines."""
    saved = store.get_plan(db, owner=owner)
    if saved is not None:
        return saved
    code = country()
    return SafetyPlan(professionals=plan.starter_professionals(
        [line for line in help_lines(code) if line.country_code == code],
        emergency_numbers(code)))


def keep(key: str, value: object) -> None:
    """Save one part (a callback: it runs before the page is drawn again)."""
    db = session.database()
    if db is None:
        return
    owner = session.owner()
    try:
        changed = plan.with_part(current(db, owner), key, value)
        store.save_plan(db, owner=owner, plan=changed, now=session.now())
    except PROBLEMS as problem:
        keep_refusal(K + key, problem)
        return
    st.session_state[K + "saved"] = key


def keep_lines(key: str) -> None:
    keep(key, plan.lines_from_text(st.session_state.get(K + key)))


def keep_contacts(key: str, rows: int) -> None:
    found = []
    for row in range(rows):
        name = (st.session_state.get(f"{K}{key}-{row}-name") or "").strip()
        phone = (st.session_state.get(f"{K}{key}-{row}-phone") or "").strip()
        if name or phone:
            found.append({"name": name or phone, "phone": phone or None})
    keep(key, found)


def list_part(part: plan.Part, items: tuple[str, ...]) -> None:
    st.text_area(part.hint, value="\n".join(items), key=K + part.key, height=140,
                 max_chars=ITEM_MAX * ITEMS_MAX, on_change=keep_lines, args=(part.key,))


def contact_part(part: plan.Part, people: tuple[plan.PlanContact, ...]) -> None:
    st.caption(part.hint)
    rows = min(len(people) + 1, CONTACTS_MAX)
    for row in range(rows):
        person = people[row] if row < len(people) else None
        name, phone = st.columns([3, 2])
        name.text_input(f"Name {row + 1}", value=person.name if person else "",
                        key=f"{K}{part.key}-{row}-name", max_chars=ITEM_MAX,
                        on_change=keep_contacts, args=(part.key, rows))
        phone.text_input(f"Number {row + 1}", value=(person.phone or "") if person else "",
                         key=f"{K}{part.key}-{row}-phone", max_chars=PHONE_MAX,
                         on_change=keep_contacts, args=(part.key, rows))
    contacts.show(people, label=part.title, key=f"{K}{part.key}-links")


def main() -> None:
    with chrome.page(
        "My safety plan",
        icon=":material/health_and_safety:",
        intro="Steps for hard moments, written in your own words while things feel calmer. "
        "Fill in any part, in any order — it saves as you go, and you can change it any "
        "time. Many people make theirs with a therapist or someone they trust.",
    ):
        db = session.database()
        if db is None:
            return
        saved = current(db, session.owner())
        st.markdown(
            f":material/emergency: If you might act on thoughts of harming yourself now, "
            f"please {emergency_words(country())}, or use a free line on "
            "**Get help now**."
        )
        st.page_link(link("help"), label="Free help lines for your country", icon=":material/sos:")
        just_saved = st.session_state.pop(K + "saved", None)
        for number, part in enumerate(PARTS, start=1):
            st.subheader(f"{number}. {part.title}")
            show_kept_refusal(K + part.key)
            if part.key in CONTACT_PARTS:
                contact_part(part, getattr(saved, part.key))
            else:
                list_part(part, getattr(saved, part.key))
            if just_saved == part.key:
                st.caption(":material/check: Saved.")
        st.subheader("Keep a copy")
        st.write("A one-page copy to print, keep in your wallet or share with someone you trust.")
        st.download_button(
            "Download my plan (PDF)",
            data=lambda: plan_pdf(current(db, session.owner())),
            file_name="my-safety-plan.pdf",
            mime="application/pdf",
            key=K + "pdf",
            icon=":material/picture_as_pdf:",
        )
        st.caption(
            "Your plan stays in your space, like the rest of your data: it's part of your "
            "download on Your data, and deleted with everything else. It's a self-help tool, "
            "not treatment."
        )


main()
