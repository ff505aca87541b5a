"""The review server refuses what is not the review page: no token, another origin or host,
a path outside the reviewed files, another method. Spoken to with http.client on 127.0.0.1."""

import http.client
import json
import shutil
import threading
from pathlib import Path

import pytest

from aligner.engine import check_files
from aligner.review.server import ReviewServer
from aligner.review.session import Outputs, ReviewSession

CORPUS = Path(__file__).parents[1] / "corpus"
NAME = "002_63d1d6def9e2a9b0.txt"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    for side in ("en", "ru"):
        (root / side).mkdir()
        shutil.copy(CORPUS / side / NAME, root / side / NAME)
    result = check_files([str(root / "en" / NAME)])
    session = ReviewSession(result, str(root / "decisions.json"), Outputs(str(root / "out")))
    server = ReviewServer(session)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def request(server, method, path, body=None, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    headers.setdefault("Host", f"127.0.0.1:{server.port}")
    if body is not None:
        headers.setdefault("Content-Type", "application/json")
        headers.setdefault("Origin", f"http://127.0.0.1:{server.port}")
        body = body.decode() if isinstance(body, bytes) else json.dumps(body)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for name, value in headers.items():
        if value is not None:  # None: leave the header out
                connection.putheader(name.replace("_", "-"), value)
    if body is not None:
        connection.putheader("Content-Length", str(len(body.encode())))
    connection.endheaders(body.encode() if body is not None else None)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response, data


def test_it_listens_on_loopback_only_and_the_page_needs_the_token(server):
    assert server.server_address[0] == "127.0.0.1"
    response, page = request(server, "GET", f"/{server.token}/")
    assert response.status == 200 and b"Zhang Ming" in page
    assert "connect-src 'self'" in response.getheader("Content-Security-Policy")
    assert response.getheader("Access-Control-Allow-Origin") is None
    for path in ("/", "/api/state", f"/{server.token[:-1]}/", f"/{server.token}x/api/state",
                 f"/x/{server.token}/api/state", f"/api/state?token={server.token}"):
        response, data = request(server, "GET", path)
        assert response.status == 403, path
        assert b"Zhang" not in data and json.loads(data) == {"error": "missing or wrong token"}


def test_another_origin_or_host_is_refused_even_with_the_token(server):
    state = f"/{server.token}/api/state"
    assert request(server, "GET", state)[0].status == 200
    assert request(server, "GET", state, Origin="http://evil.example")[0].status == 403
    assert request(server, "GET", state, Origin=f"http://127.0.0.1:{server.port + 1}")[0].status == 403
    assert request(server, "GET", state, Sec_Fetch_Site="cross-site")[0].status == 403
    assert request(server, "GET", state, Host=f"evil.example:{server.port}")[0].status == 403  # DNS rebinding
    response, data = request(server, "OPTIONS", state, Origin="http://evil.example",
                             Access_Control_Request_Method="POST")
    assert response.status == 403 and response.getheader("Access-Control-Allow-Origin") is None
    finish = f"/{server.token}/api/finish"
    assert request(server, "POST", finish, {}, Origin="http://evil.example")[0].status == 403
    assert request(server, "POST", finish, {}, Origin=None)[0].status == 403
    assert not server.done.is_set()


def test_nothing_outside_the_reviewed_files_is_served(server):
    for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/en/" + NAME, "/decisions.json",
                 "/static/../../setup.cfg"):
        response, data = request(server, "GET", f"/{server.token}{path}")
        assert response.status == 404, path
        assert b"root:" not in data and b"Zhang" not in data
    response, data = request(server, "POST", f"/{server.token}/api/edit",
                             {"path": "/etc/passwd", "start": 0, "end": 4, "before": "root", "after": "toor"})
    assert response.status == 400 and json.loads(data) == {"error": "not a file of this review"}
    response, _ = request(server, "POST", f"/{server.token}/api/decision", "not a decision")
    assert response.status == 400
    response, data = request(server, "POST", f"/{server.token}/api/decision", b"[" * 100000 + b"]" * 100000)
    assert response.status == 400 and json.loads(data) == {"error": "body is not JSON"}
    response, _ = request(server, "POST", f"/{server.token}/api/decision", {}, Content_Type="text/plain")
    assert response.status == 415
    own = f"http://127.0.0.1:{server.port}"
    assert request(server, "PUT", f"/{server.token}/api/state", Origin=own)[0].status == 405


def test_the_address_without_its_final_slash_leads_to_the_page(server):
    response, _ = request(server, "GET", f"/{server.token}")
    assert response.status == 301 and response.getheader("Location") == f"/{server.token}/"
