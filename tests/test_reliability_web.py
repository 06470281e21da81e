"""The web app under hostile requests and concurrent clients.

In process (FastAPI's TestClient, blank model): Hypothesis-made paths under every route family,
request bodies, query strings and headers never get a 5xx and always get the one JSON error
shape; traversal never reads a file; oversize bodies get 413 however they are sent. Against a
real ``rift serve`` (uvicorn, loopback): it binds 127.0.0.1 unless ``--host`` says otherwise, a
``--token`` server answers 401 without the token, and a 3-second version of
``bench/load_web.py`` (the 30-second, 50-client run is a script, not a CI test) gets no error.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _hostile import DEADLINE
from rift.report.synthetic import synthetic_result
from rift.store import Store
from rift.web import ServeConfig, create_app

REPO = Path(__file__).resolve().parents[1]
LIMIT = 20_000
ERROR_KEYS = {"status", "code", "message", "details"}
FUZZ = settings(max_examples=50, deadline=DEADLINE,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def load_bench():
    """Import ``bench/load_web.py`` (not a package) as a module."""
    spec = importlib.util.spec_from_file_location("load_web", REPO / "bench" / "load_web.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_web"] = module
    spec.loader.exec_module(module)
    return module


def assert_error_shape(response, *statuses: int) -> None:
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS, body
    assert body["error"]["status"] == response.status_code and body["error"]["message"]


def assert_no_leak(response) -> None:
    text = response.content
    assert b"root:x:0:0" not in text and b"DUCK" not in text[:16] and b"PRIVATE KEY" not in text


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "rift.duckdb"
    with Store(db) as store:
        store.save(synthetic_result(40, seed=3))
    return db


@pytest.fixture(scope="module")
def client(tmp_path_factory, template_db, blank_nlp):
    db = tmp_path_factory.mktemp("webc") / "rift.duckdb"
    shutil.copyfile(template_db, db)
    app = create_app(ServeConfig(db=db, model="blank", max_upload_bytes=LIMIT), nlp=blank_nlp)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# --- paths: traversal and garbage under every route family --------------------------------

TRAVERSALS = ["..", "%2e%2e", "%252e%252e", "..%2f", "..%5c", "%c0%ae%c0%ae", ".%2e"]
PREFIXES = ["/static/", "/static/vendor/", "/api/export/", "/api/documents/", "/api/jobs/", "/jobs/", "/"]
TARGETS = ["etc/passwd", "rift.duckdb%00.csv", "..\\..\\src\\rift\\web\\app.py"]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("dots", TRAVERSALS)
def test_reliability_web_traversal_is_404(client, prefix, dots):
    for target in TARGETS:
        path = prefix + "/".join([dots] * 6) + "/" + target
        response = client.get(path)
        assert response.status_code in (404, 405) or (prefix == "/" and response.status_code == 200 and path == "/"), path
        if response.status_code != 200:
            assert_error_shape(response, 404, 405)
        assert_no_leak(response)


segment = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12).map(lambda s: quote(s, safe=""))


@FUZZ
@given(st.sampled_from(PREFIXES), st.lists(st.one_of(segment, st.sampled_from(TRAVERSALS)), min_size=1, max_size=6))
def test_reliability_web_fuzz_paths(client, prefix, parts):
    response = client.get(prefix + "/".join(parts))
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        assert_error_shape(response, response.status_code)
    assert_no_leak(response)


@FUZZ
@given(st.dictionaries(st.sampled_from(["actor", "target", "dyad", "category", "date_from", "date_to", "document",
                                        "limit", "offset", "quad", "q", "min_intensity", "token", "x"]),
                       st.one_of(st.text(max_size=30), st.integers().map(str)), max_size=5),
       st.sampled_from(["/api/events", "/api/claims", "/api/causal", "/api/citations", "/api/series", "/api/phases",
                        "/api/report", "/api/export/events.csv", "/report"]))
def test_reliability_web_fuzz_query_strings(client, params, path):
    response = client.get(path, params=params)
    assert response.status_code in (200, 422), (response.status_code, params, response.text[:300])
    if response.status_code == 422:
        assert_error_shape(response, 422)


# --- bodies: malformed requests get 422 in the one shape, oversize ones 413 ----------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                           max_leaves=8)


@FUZZ
@given(st.one_of(json_values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=300),
                 st.fixed_dictionaries({"text": json_values, "title": json_values}).map(lambda v: json.dumps(v).encode())),
       st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                        "application/json; charset=utf-16", ""]))
def test_reliability_web_fuzz_job_bodies(client, body, content_type):
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/jobs", content=body, headers=headers)
    # 503: the bounded job queue is full (a slow machine): back-pressure, in the one error shape
    assert response.status_code in (202, 415, 422, 503), (response.status_code, body[:80], response.text[:300])
    if response.status_code != 202:
        assert_error_shape(response, response.status_code)


def test_reliability_web_undecodable_json_body_is_422(client):
    response = client.post("/api/jobs", content=b"\x00" * 5, headers={"content-type": "application/json"})
    assert_error_shape(response, 422)


@FUZZ
@given(st.binary(max_size=600), st.text(max_size=40), st.one_of(st.none(), st.text(max_size=40)))
def test_reliability_web_fuzz_uploads(client, data, filename, title):
    form = {"title": title} if title is not None else {}
    response = client.post("/api/jobs/upload", files={"file": (filename or "x", data)}, data=form)
    assert response.status_code in (202, 422, 503), (response.status_code, response.text[:300])
    if response.status_code != 202:
        assert_error_shape(response, response.status_code)


def test_reliability_web_malformed_multipart_and_headers(client):
    cases = [
        dict(content=b"--xx\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", headers={"content-type": "multipart/form-data; boundary=xx"}),
        dict(content=b"garbage", headers={"content-type": "multipart/form-data"}),
        dict(content=b"garbage", headers={"content-type": "multipart/form-data; boundary="}),
        dict(files={"notfile": ("a.txt", b"In 1950.")}),
    ]
    for case in cases:
        response = client.post("/api/jobs/upload", **case)
        assert_error_shape(response, 400, 422)
    for length in ("abc", "-1", "1e9", "99999999999999999999"):
        response = client.post("/api/jobs", content=b"{}", headers={"content-type": "application/json", "content-length": length})
        assert response.status_code in (400, 413, 422), (length, response.status_code)
        assert_error_shape(response, response.status_code)


@pytest.mark.parametrize("how", ["json", "form", "upload", "chunked", "lying-length"])
def test_reliability_web_oversize_is_413(client, how):
    big = "In 1950 Moscow and Peking signed a treaty. " * (LIMIT // 40 + 10)
    if how == "json":
        response = client.post("/api/jobs", json={"text": big})
    elif how == "form":
        response = client.post("/upload", data={"text": big})
    elif how == "upload":
        response = client.post("/api/jobs/upload", files={"file": ("big.txt", big.encode())})
    elif how == "chunked":
        response = client.post("/api/jobs", content=(big[i:i + 999].encode() for i in range(0, len(big), 999)),
                               headers={"content-type": "application/json"})
    else:  # a Content-Length that says less than the body
        body = json.dumps({"text": big}).encode()
        response = client.post("/api/jobs", content=body, headers={"content-type": "application/json", "content-length": "10"})
        assert response.status_code in (400, 413, 422)
        return
    assert_error_shape(response, 413)


# --- a real server on loopback ---------------------------------------------------------------


@pytest.fixture(scope="module")
def bench():
    return load_bench()


def _listening_addresses(pid: int) -> set[str]:
    import psutil

    proc = psutil.Process(pid)
    conns = proc.net_connections(kind="inet") if hasattr(proc, "net_connections") else proc.connections(kind="inet")
    return {c.laddr.ip for c in conns if c.status == psutil.CONN_LISTEN}


def test_reliability_web_serve_loopback_token_and_mini_load(tmp_path, bench):
    """One real server with a token: it listens on 127.0.0.1 only, answers 401 without the
    token, and ten clients for three seconds get no error, no 5xx, and their jobs finish."""
    db = tmp_path / "rift.duckdb"
    bench.seed_database(db, n_events=60)
    token = "s3cret-token"
    with bench.serve(db, token=token, max_upload_mb=0.05) as (url, proc):
        assert _listening_addresses(proc.pid) == {"127.0.0.1"}
        assert httpx.get(url + "/api/status", timeout=10).status_code == 401
        assert httpx.get(url + "/api/status", headers={"Authorization": "Bearer nope"}, timeout=10).status_code == 401
        ok = httpx.get(url + "/api/status", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert ok.status_code == 200 and ok.json()["documents"] == 1
        summary = bench.run_load(url, proc.pid, clients=10, seconds=3, warmup=1, token=token,
                                 max_upload_bytes=int(0.05 * 1024 * 1024))
    assert bench.check(summary, max_growth_mb=500) == [], json.dumps(summary, indent=1)
    assert summary["requests"] > 10


@pytest.mark.slow
def test_reliability_web_serve_host_option(tmp_path, bench):
    with bench.serve(tmp_path / "rift.duckdb", host="0.0.0.0", token="t") as (_url, proc):
        assert _listening_addresses(proc.pid) == {"0.0.0.0"}
