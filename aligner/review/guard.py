"""Who may talk to the review server: the checks every request passes first.

The server binds to 127.0.0.1 only, but any web page the editor has open could still
send requests to it, and a DNS-rebinding page could even read the answers. So every
request must

- name the server by its loopback address (``Host: 127.0.0.1:PORT`` or
  ``localhost:PORT``; another name means DNS rebinding),
- come from the review page itself when the browser says where it comes from
  (``Origin``, required on every request that changes something, and
  ``Sec-Fetch-Site``),
- carry the random token as the first part of its path (``/TOKEN/...``), compared in
  constant time.

No CORS header is ever sent, so other origins cannot read any answer either.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Mapping

SAFE_METHODS = ("GET", "HEAD")


def new_token() -> str:
    """A fresh random token for the URL (192 bits, URL-safe)."""
    return secrets.token_urlsafe(24)


def allowed_origins(port: int) -> set[str]:
    return {f"http://127.0.0.1:{port}", f"http://localhost:{port}"}


def refusal(method: str, target: str, headers: Mapping[str, str], token: str, port: int) -> str | None:
    """Why the request must be refused (None: it may go on). ``target`` is the raw path."""
    host = (headers.get("Host") or "").strip().lower()
    if host not in {f"127.0.0.1:{port}", f"localhost:{port}"}:
        return "unexpected Host header"
    origin = headers.get("Origin")
    if origin is not None and origin not in allowed_origins(port):
        return "request from another origin"
    if origin is None and method not in SAFE_METHODS:
        return "a change needs the Origin header of the review page"
    site = headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        return f"request from another site ({site})"
    if strip_token(target, token) is None:
        return "missing or wrong token"
    return None


def strip_token(target: str, token: str) -> str | None:
    """The route after ``/TOKEN``, without the query; None without the token."""
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        return None
    first, slash, rest = path[1:].partition("/")
    if not hmac.compare_digest(first.encode(), token.encode()):
        return None
    return slash + rest  # "" for "/TOKEN" itself
