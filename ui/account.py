"""Sign in and sign out, where the host set up Streamlit's built-in OIDC sign-in
([auth] in secrets.toml). Only hosted spaces offer it: local data is already kept."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from core.modes import Mode
from ui import session

DEFAULT_LABEL = "Sign in to keep your goals"


def providers() -> list[tuple[str | None, str]]:
    """(provider, button words) for each sign-in the host configured: the default one
    ([auth] with its own client_id) and named ones ([auth.google], …)."""
    try:
        auth = st.secrets.get("auth")
    except Exception:  # no secrets.toml: no sign-in
        return []
    if not isinstance(auth, Mapping):
        return []
    found: list[tuple[str | None, str]] = []
    if "client_id" in auth:
        found.append((None, DEFAULT_LABEL))
    found += [(str(name), f"Sign in with {str(name).title()}") for name, value in auth.items()
              if isinstance(value, Mapping)]
    return found


def controls(where: str) -> None:
    """The sign-in buttons, or "Sign out" for a signed-in person (hosted mode only)."""
    if (session.mode() is Mode.LOCAL or session.place().elsewhere or session.in_demo()
            or not session.signin_available()):
        return  # local data is kept; a visit through a proxy to a local app can't sign in
    if session.signed_in_owner() is not None:
        if st.button("Sign out", key=f"account-{where}-out", icon=":material/logout:"):
            st.logout()
        return
    for provider, label in providers():
        if st.button(label, key=f"account-{where}-in-{provider or 'default'}",
                     icon=":material/login:"):
            st.login(provider) if provider else st.login()
