"""An import full of Markdown and HTML, in every field a file can carry, shown on every
page in real Chromium: no image, no foreign link, no styled text, no request to another
host. (An imported version's reason was once rendered as Markdown: a remote image loaded.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from core import demo, export, store
from tests.browser.conftest import DESKTOP, Outside, after, open_context, wait_ready
from tests.conftest import NOW, TODAY
from tests.server import StreamlitServer
from ui.session import LOCAL_OWNER

PAYLOAD = ('![t](http://px.example/p)<img src="http://px.example/h">'
           '[Call](https://evil.example):red[**URGENT**]')  # 100 characters: all a reason may hold
PAGES = ("", "checkin", "wins", "data", "build", "learn", "faq", "help", "plan")


def poisoned(value: Any, key: str = "") -> Any:
    """Every piece of a person's text in an export, replaced by the payload."""
    text_keys = {"text", "when", "why", "smaller_version", "reason", "note", "what_happened",
                 "what_learned", "try_next", "expected", "less", "more", "much_less",
                 "much_more", "warning_signs", "coping", "reasons", "safe_place"}
    if isinstance(value, dict):
        return {k: poisoned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned(v, key) for v in value]
    if isinstance(value, str) and value and key in text_keys:
        return PAYLOAD
    return value


def markup_on(page: Page) -> list[str]:
    """What the payload must never become on a page."""
    found = page.evaluate("""() => {
        const out = [];
        for (const img of document.querySelectorAll('img'))
            if (!img.src.startsWith(location.origin) && !img.src.startsWith('data:'))
                out.push('img ' + img.src);
        for (const a of document.querySelectorAll('a[href]'))
            if (a.href.includes('evil.example') || a.href.includes('px.example'))
                out.push('link ' + a.href);
        for (const el of document.querySelectorAll('strong, b'))
            if (el.textContent.includes('URGENT') || el.textContent === 'bold')
                out.push('styled ' + el.textContent);
        return out;
    }""")
    return [str(item) for item in found]


@pytest.mark.browser
def test_an_import_full_of_markup_stays_plain_text_on_every_page(browser: Browser,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    source = store.memory_db()
    demo.populate(source, owner="someone", today=TODAY, weeks=3)
    data = poisoned(json.loads(export.to_json(source, owner="someone", now=NOW)))
    db = store.open_db(path)
    export.import_space(db, owner=LOCAL_OWNER, now=NOW,
                        file=export.parse_import(json.dumps(data).encode(), today=TODAY))
    db.close()
    outside = Outside()
    with StreamlitServer(path) as server:
        page = open_context(browser, server, DESKTOP, outside).new_page()
        for name in PAGES:
            page.goto(f"{server.url}/{name}")
            wait_ready(page)
            if name == "data":
                for expander in page.get_by_text("History (").all():
                    after(page, expander.click)
                assert "px.example/p)" in page.content()  # the words are there, as words
            assert markup_on(page) == [], name
    assert outside.urls == []
