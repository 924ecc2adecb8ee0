"""Phone links for the people and services in a safety plan, as one Streamlit element.

A components-v2 element (`contacts.js`, `contacts.css`, inline, nothing fetched): the
names a person typed reach the browser as JSON and are set with `textContent` only, so
they never become Markdown or HTML; each link's href is `tel:` or `sms:` and digits.
"""

from __future__ import annotations

from typing import Any, TypedDict

from core.plan import PlanContact
from ui.components import own

_COMPONENT = own("contacts", files="contacts", html='<ul class="ss-contacts"></ul>')


class Link(TypedDict):
    href: str
    label: str


class Item(TypedDict):
    name: str
    links: list[Link]


def items(contacts: tuple[PlanContact, ...]) -> list[Item]:
    """Who can be called or texted from here: those with a number."""
    return [{"name": c.name, "links": [{"href": f"tel:{c.dial}", "label": f"Call {c.name}"},
                                       {"href": f"sms:{c.dial}", "label": f"Text {c.name}"}]}
            for c in contacts if c.dial]


def show(contacts: tuple[PlanContact, ...], *, label: str, key: str) -> Any:
    found = items(contacts)
    if not found:
        return None
    return _COMPONENT(key=key, data={"label": label, "items": found})
