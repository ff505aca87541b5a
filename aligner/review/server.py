"""The review web app: the standard library's threading HTTP server on 127.0.0.1.

Why the standard library: the app is one page plus five small JSON routes for one
local user; :mod:`http.server` does that without adding a framework, an ASGI server
and their dependencies to every installation of a command-line tool.

Routes (all below ``/TOKEN``; see :mod:`aligner.review.guard` for what every request
must carry):

=======  ==================  ==================================================
GET      ``/TOKEN/``         the review page (the report with decision buttons)
GET      ``/TOKEN/api/state`` the decisions so far (resuming a review)
POST     ``/TOKEN/api/decision`` a decision on a finding (a decisions-file entry)
POST     ``/TOKEN/api/edit``     a free edit of English text
POST     ``/TOKEN/api/undo``     forget a decision or free edit (``{"key": …}``)
POST     ``/TOKEN/api/finish``   write the corrected files; the server then stops
=======  ==================  ==================================================

Nothing else is served: no file is read from a request's path.
"""

from __future__ import annotations

import json
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aligner.errors import AlignerError
from aligner.review.guard import new_token, refusal, strip_token
from aligner.review.session import ReviewSession

HOST = "127.0.0.1"
MAX_BODY = 1 << 20  # bytes; a decision is a few hundred
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")


class ReviewServer(ThreadingHTTPServer):
    """Serves one :class:`ReviewSession` on ``127.0.0.1`` and a free port (``port=0``)."""

    daemon_threads = True

    def __init__(self, session: ReviewSession, port: int = 0, token: str | None = None):
        super().__init__((HOST, port), _Handler)
        self.session = session
        self.token = token or new_token()
        self.done = threading.Event()  # set once Finish has written the files

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/{self.token}/"


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "aligner-review"
    sys_version = ""

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows the URL and the outcome, not every request

    def do_GET(self) -> None:  # noqa: N802 - the base class's naming
        route = self._route()
        if route is None:
            return
        if route == "":  # the page's relative links need the slash
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", f"/{self.server.token}/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route == "/":
            self._send(HTTPStatus.OK, self.server.session.page().encode("utf-8"), "text/html; charset=utf-8")
        elif route == "/api/state":
            self._json(HTTPStatus.OK, self.server.session.state())
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:  # noqa: N802
        route = self._route()
        if route is None:
            return
        session = self.server.session
        actions = {"/api/decision": session.decide, "/api/edit": session.edit, "/api/undo": session.undo,
                   "/api/finish": lambda entry: session.finish()}
        if route not in actions:
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        body = self._body()
        if body is None:
            return
        try:
            answer = actions[route](body)
        except AlignerError as error:
            self._error(HTTPStatus.BAD_REQUEST, str(error))
            return
        except Exception as error:  # a bug: one line on the terminal and on the page, no traceback
            message = f"{type(error).__name__}: {error} (a bug in aligner; please report it)"
            sys.stderr.write(f"aligner: error: {route}: {message}\n")
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, message)
            return
        self._json(HTTPStatus.OK, answer)
        if route == "/api/finish":
            self.server.done.set()

    def do_PUT(self) -> None:  # noqa: N802
        self._refuse_method()

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT  # noqa: N815 - no CORS preflight, nothing else

    def _refuse_method(self) -> None:
        if self._route() is not None:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "method not allowed")

    def _route(self) -> str | None:
        """The route below the token, or None after answering 403."""
        reason = refusal(self.command, self.path, self.headers, self.server.token, self.server.port)
        if reason is not None:
            self._error(HTTPStatus.FORBIDDEN, reason)
            return None
        return strip_token(self.path, self.server.token)

    def _body(self):
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON")
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "body too large")
            return None
        try:
            return json.loads(self.rfile.read(length) or b"{}")
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            self._error(HTTPStatus.BAD_REQUEST, "body is not JSON")
            return None

    def _json(self, status: HTTPStatus, data) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json")

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._json(status, {"error": message})

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
