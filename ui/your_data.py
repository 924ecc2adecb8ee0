"""The tools on the Your data page: privacy in plain words, export, import, delete,
and the therapist summary."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlite_utils import Database

from core import export, store, summary
from core.limits import MAX_IMPORT_BYTES
from core.modes import Mode
from core.summary_pdf import to_pdf
from ui import account, session, uploads
from ui.render import PROBLEMS, kindly, refusal

PERIODS = (2, 4, 6, 8, 12, 26)  # weeks; a summary covers at most summary.MAX_WEEKS


def privacy() -> None:
    """Where the data lives and who can see it: one Markdown element (our words only)."""
    said = ["### Where your data lives, and who can see it"]
    if session.in_demo():
        said.append(
            "You're in the demo: everything shown belongs to a made-up person and is "
            "deleted when you leave the demo."
        )
    local = session.mode() is Mode.LOCAL
    if local:
        said.append(
            "Everything you write stays in one file on this computer. Small Steps sends "
            "nothing anywhere: no accounts, no tracking, no analytics. Anyone who can "
            "open files on this computer could read it, so keep your computer locked."
        )
        said.append("Your data file:")
    elif session.persistent():
        said.append(
            "You're signed in, so your goals are kept on this website's server under a "
            "private code made from your sign-in (we never store your email). Other "
            "visitors can never see them. The people who run this server could read the "
            "database, as with any website. There is no tracking or analytics."
        )
    else:
        said.append(
            "This is a private session. What you add is kept only while this browser "
            "tab is open — nobody else can see it, and it's gone when you reload or close the tab. "
            "To keep it, download it below and bring the file back next time."
        )
    st.markdown("\n\n".join(said))
    account.controls("data")
    if local:
        st.code(str(session.db_path()), language=None)


def export_section(db: Database, owner: str) -> None:
    st.markdown(
        "### Download everything\n\n"
        "The JSON file has everything and can be imported again. The zip holds "
        f"{', '.join(export.CSV_FILES)}, which open in a spreadsheet."
    )
    now = session.now()
    stamp = now.strftime("%Y-%m-%d")
    st.download_button(
        "Download all my data (JSON)",
        key="export-json",
        data=lambda: export.to_json(db, owner=owner, now=now),  # built on click only
        file_name=f"small-steps-{stamp}.json",
        mime="application/json",
        icon=":material/download:",
    )
    st.download_button(
        "Download spreadsheet files (CSV, zipped)",
        key="export-csv",
        data=lambda: export.to_csv_zip(db, owner=owner, now=now),  # built on click only
        file_name=f"small-steps-{stamp}-csv.zip",
        mime="application/zip",
        icon=":material/table:",
    )


IMPORT_ROUND = "import-round"  # a new uploader (empty) after each import
IMPORT_DONE = "import-done"


def import_section(db: Database, owner: str) -> None:
    st.subheader("Bring back a download")
    if done := st.session_state.pop(IMPORT_DONE, None):
        st.success(done, icon=":material/check_circle:")
    upload = st.file_uploader(
        "A Small Steps JSON file",
        type=["json"],
        key=f"import-file-{st.session_state.get(IMPORT_ROUND, 0)}",
        max_upload_size=MAX_IMPORT_BYTES // 1_000_000,
    )
    if upload is None:
        return
    st.session_state[uploads.KEEP_KEY] = upload.file_id  # the page frame lets go of others
    if not st.button("Import this file", key="import-go", icon=":material/upload:"):
        return
    raw = upload.getvalue()
    # Read once: the server forgets the file now, whatever happens next, and the box
    # starts empty on the next run.
    st.session_state[uploads.KEEP_KEY] = None
    uploads.let_go()
    st.session_state[IMPORT_ROUND] = st.session_state.get(IMPORT_ROUND, 0) + 1
    try:
        data = export.parse_import(raw, today=session.today())
        count = export.import_space(db, owner=owner, file=data, now=session.now())
    except PROBLEMS as problem:
        refusal(problem)
        return
    st.session_state[IMPORT_DONE] = (
        f"Imported {count} goal{'s' if count != 1 else ''} with their check-ins and wins. "
        "Anything already here with the same id was updated, not copied."
    )
    st.rerun()  # the goal list above shows what came in


def delete_section(db: Database, owner: str) -> None:
    st.markdown(
        "### Delete all my data\n\n"
        "This removes every goal, check-in, reflection, win and your safety plan in this "
        "space. It can't "
        "be undone — download a copy first if you might want it later."
    )
    sure = st.checkbox("Yes, I want to delete everything", key="delete-sure")
    if st.button(
        "Delete all my data", key="delete-go", disabled=not sure, icon=":material/delete_forever:"
    ):
        with kindly():
            store.delete_owner(db, owner=owner)
            st.session_state.pop("delete-sure", None)
            st.success("Done. Everything in this space is deleted.", icon=":material/check_circle:")


def summary_section(db: Database, owner: str) -> None:
    st.markdown(
        "### A summary for my therapist\n\n"
        "A one-page overview to bring to a session: your goals and their versions, "
        "week-by-week progress, mood, wins and Goal Attainment Scaling where you set "
        "levels, and your safety plan if you tick it. It's marked as self-reported, not a "
        "clinical measurement."
    )
    today = session.today()
    weeks = st.selectbox(
        "Period", PERIODS, index=2, key="summary-weeks", format_func=lambda w: f"The last {w} weeks"
    )
    include = st.checkbox("Include my reflections after hard days", key="summary-reflections")
    with_plan = st.checkbox("Include my safety plan", key="summary-plan")
    start, end = summary.clamp_range(
        today - dt.timedelta(weeks=weeks) + dt.timedelta(days=1), today
    )

    def report() -> summary.Summary:  # built only when a download is clicked
        return summary.build(db, owner=owner, start=start, end=end, include_reflections=include,
                             include_plan=with_plan)

    row = st.container(horizontal=True)  # side by side: one block, not three
    row.download_button(
        "Summary (PDF)",
        data=lambda: to_pdf(report()),
        file_name="small-steps-summary.pdf",
        mime="application/pdf",
        key="summary-pdf",
        icon=":material/picture_as_pdf:",
    )
    row.download_button(
        "Summary (Markdown)",
        data=lambda: summary.to_markdown(report()).encode("utf-8"),
        file_name="small-steps-summary.md",
        mime="text/markdown",
        key="summary-md",
        icon=":material/description:",
    )
