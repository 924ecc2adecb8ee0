"""Regenerate the README's screenshots from the real app in headless Chromium.

    uv run python -m scripts.screenshots            # writes docs/images/*.png

A fresh database with the demo person (fixed seed, dates relative to today) is used,
so the pictures show a realistic, made-up history and never anyone's real data.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from core import demo, store
from tests.browser.conftest import CHROMIUM_ARGS, DESKTOP, PHONE, wait_ready
from tests.server import ROOT, StreamlitServer
from ui.session import LOCAL_OWNER

OUT = ROOT / "docs" / "images"
SHOTS = (("today", DESKTOP, "today-desktop.png"), ("build", DESKTOP, "build-desktop.png"),
         ("wins", DESKTOP, "wins-desktop.png"), ("today", PHONE, "today-phone.png"))


def shoot(page: Page, url: str, out: Path) -> None:
    page.goto(url)
    wait_ready(page)
    page.wait_for_timeout(800)  # let charts finish their first paint
    page.screenshot(path=str(out), full_page=False)


def main() -> None:
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("Install Debian's chromium first: apt-get install -y chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.db"
        db = store.open_db(path)
        demo.populate(db, owner=LOCAL_OWNER, today=dt.date.today())
        db.close()
        with StreamlitServer(path) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for key, viewport, name in SHOTS:
                context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
                # Today is the default page: Streamlit serves it at "/" ("/today" is not found)
                shoot(context.new_page(), f"{server.url}/{'' if key == 'today' else key}",
                      OUT / name)
                context.close()
                print(f"wrote {OUT / name}")
            browser.close()


if __name__ == "__main__":
    main()
