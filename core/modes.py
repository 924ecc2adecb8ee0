"""Where data lives and whose it is: local, hosted, demo — safe by default.

- local: one person on their own computer; data persists in the SQLite file.
- hosted: every visitor gets a private space. Anonymous visitors' data lives only for
  their browser session; a signed-in person's data persists under an owner derived
  from a hash of their identity (their email is never stored).

If no mode is configured, a server listening only on loopback is local, and anything
reachable from other machines is hosted: one shared database is never served to strangers.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Mapping
from enum import StrEnum


class Mode(StrEnum):
    LOCAL = "local"
    HOSTED = "hosted"


LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(address: str | None) -> bool:
    """True only when the server listens on this machine alone. An empty address means
    "every interface", which other machines can reach."""
    if not address:
        return False
    host = address.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ModeProblem(ValueError):
    """The configured mode is not one we know; `str(exc)` says how to fix it."""


def resolve_mode(configured: str | None, server_address: str | None) -> Mode:
    if configured:
        try:
            return Mode(configured.strip().lower())
        except ValueError:
            raise ModeProblem(
                f"SMALL_STEPS_MODE is {configured!r}; use 'local' or 'hosted'."
            ) from None
    return Mode.LOCAL if is_loopback(server_address) else Mode.HOSTED


def owner_for_identity(*, issuer: str, subject: str) -> str:
    """A stable owner id for a signed-in person: a hash, so no identity is stored."""
    digest = hashlib.sha256(f"{issuer}\x00{subject}".encode()).hexdigest()
    return f"user-{digest[:40]}"


def demo_owner(base_owner: str) -> str:
    """The demo person's owner, kept apart from the real person's data."""
    return f"demo-{hashlib.sha256(base_owner.encode()).hexdigest()[:16]}"


# Headers that proxies, tunnels and load balancers add: any of them means the request
# was passed on from somewhere else (nginx, Caddy, cloudflared, ngrok, a cloud host).
PROXY_HEADERS = frozenset({
    "forwarded", "x-real-ip", "x-client-ip", "x-original-forwarded-for", "via",
    "cf-connecting-ip", "true-client-ip", "fastly-client-ip", "fly-client-ip",
    "x-cluster-client-ip", "x-envoy-external-address", "x-appengine-user-ip",
})


def host_name(host: str) -> str:
    """The name in a `Host` header, without its port: "[::1]:8501" -> "::1"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def from_elsewhere(headers: Mapping[str, str]) -> str | None:
    """Why a request looks like it reached us from another machine, or None when it came
    straight from this computer. A server on loopback behind a proxy or tunnel looks local
    by its address alone; the request itself still tells: a `Host` that is not this
    computer, or a header that proxies add."""
    names = {name.lower(): value for name, value in headers.items()}
    host = names.get("host", "")
    if host and not is_loopback(host_name(host)):
        return "host"
    if any(name.startswith("x-forwarded-") or name in PROXY_HEADERS for name in names):
        return "proxy"
    return None
