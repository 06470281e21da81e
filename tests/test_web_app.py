"""The web app (``rift serve``): jobs, documents, filters, downloads, the one error shape, limits
and the token. Uses the blank model (fast); one test uses the real model."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time

import pytest
from fastapi.testclient import TestClient

from rift.report.synthetic import synthetic_result
from rift.store import Store
from rift.web import ServeConfig, create_app

PAYLOAD = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"
ERROR_KEYS = {"status", "code", "message", "details"}


def _wait(client: TestClient, job_id: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def _assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


@pytest.fixture(scope="module")
def synthetic():
    return synthetic_result(60, seed=11)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory, synthetic):
    """A database holding the synthetic analysis, written once and copied for each test."""
    db = tmp_path_factory.mktemp("template") / "rift.duckdb"
    with Store(db) as store:
        store.save(synthetic)
    return db


@pytest.fixture()
def client(tmp_path, template_db, blank_nlp):
    db = tmp_path / "rift.duckdb"
    shutil.copyfile(template_db, db)
    app = create_app(ServeConfig(db=db, model="blank", max_upload_bytes=20_000), nlp=blank_nlp)
    with TestClient(app) as c:
        yield c


def test_web_error_shape_is_pinned(client):
    err = _assert_error(client.get("/api/no-such-thing"), 404, "not_found")
    assert err["details"] == []
    err = _assert_error(client.get("/api/events", params={"date_from": "1958-13"}), 422, "invalid_request")
    assert err["details"][0]["loc"] == ["query", "date_from"]
    _assert_error(client.post("/api/jobs", json={"title": "no text"}), 422, "invalid_request")
    _assert_error(client.post("/api/jobs", content=b"{not json", headers={"content-type": "application/json"}), 422)
    _assert_error(client.delete("/api/events"), 405, "method_not_allowed")


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2fetc%2fpasswd",
    "/static/vendor/../../../../etc/passwd",
    "/api/export/..%2f..%2fetc%2fpasswd",
    "/api/documents/..%2f..%2fetc%2fpasswd",
    "/api/jobs/..%2fpasswd",
    "/jobs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
])
def test_web_path_traversal_is_404(client, path):
    response = client.get(path)
    _assert_error(response, 404)
    assert "root:" not in response.text


def test_web_static_files_are_served(client):
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")


def test_web_upload_over_the_limit_is_413(client):
    big = "x" * 30_000
    _assert_error(client.post("/api/jobs", json={"text": big}), 413, "payload_too_large")
    _assert_error(client.post("/upload", data={"text": big}), 413)
    _assert_error(client.post("/api/jobs/upload", files={"file": ("big.txt", big.encode())}), 413)


def test_web_upload_limit_counts_a_body_without_content_length(client):
    def chunks():
        for _ in range(30):
            yield b"y" * 1000

    response = client.post("/api/jobs", content=chunks(), headers={"content-type": "application/json"})
    _assert_error(response, 413)


def test_web_empty_or_binary_upload_is_422(client):
    _assert_error(client.post("/upload", data={"text": "   "}), 422, "invalid_input")
    _assert_error(client.post("/api/jobs/upload", files={"file": ("x.png", b"\x89PNG\r\n\x1a\n....")}), 422, "invalid_input")


def test_web_job_runs_in_the_background_and_adds_the_document(client):
    response = client.post("/api/jobs", json={"text": "In 1958 the Soviet Union signed a treaty with China (Nogee, 12). " + PAYLOAD, "title": "T1"})
    assert response.status_code == 202 and response.headers["location"].startswith("/api/jobs/")
    job = _wait(client, response.json()["id"])
    assert job["status"] == "done" and job["progress"] == 1.0 and len(job["documents"]) == 1
    docs = client.get("/api/documents").json()
    assert len(docs) == 2 and job["documents"][0] in {d["id"] for d in docs}
    doc = client.get(f"/api/documents/{job['documents'][0]}").json()
    assert PAYLOAD in doc["text"] and doc["title"] == "T1"
    assert client.get("/api/jobs").json()[0]["id"] == job["id"]
    _assert_error(client.get("/api/jobs/nope"), 404)


def test_web_form_upload_redirects_to_the_job_page(client):
    response = client.post("/upload", data={"title": "form"}, files={"file": ("essay.txt", b"In 1960 China criticised the Soviet Union.")},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/jobs/")
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and 'data-job="' in page.text
    job = _wait(client, response.headers["location"].rsplit("/", 1)[1])
    assert job["status"] == "done"
    assert client.get(f"/api/documents/{job['documents'][0]}").json()["path"] == "essay.txt"


def test_web_documents_and_records(client, synthetic):
    docs = client.get("/api/documents").json()
    assert [d["id"] for d in docs] == [synthetic.documents[0].id]
    assert "text" not in docs[0] and docs[0]["n_events"] == 60
    events = client.get("/api/events").json()
    assert len(events) == 60
    assert client.get("/api/events", params={"limit": 5, "offset": 10}).json() == events[10:15]
    assert len(client.get("/api/causal").json()) == len(synthetic.causal)
    assert len(client.get("/api/claims").json()) == len(synthetic.claims)
    assert len(client.get("/api/sources").json()) == len(synthetic.sources)
    assert client.get("/api/status").json()["documents"] == 1
    summary = client.get("/api/report").json()["summary"]
    assert summary["events"] == 60


@pytest.mark.parametrize("params", [
    {"actor": "USA"},
    {"dyad": "CHN-SUN"},
    {"dyad": "SUN->CHN"},
    {"category": "AID,ASSAULT"},
    {"date_from": "1940", "date_to": "1950-06"},
    {"source": "Nogee"},
])
def test_web_event_filters_match_the_library(client, synthetic, params):
    from rift.report.filters import Filters

    got = [e["id"] for e in client.get("/api/events", params=params).json()]
    f = Filters(**params)
    expected = [e.id for e in synthetic.events if f.keeps_event(e)]
    assert got == expected and got


def test_web_empty_filter_fields_from_the_html_form_are_ignored(client):
    response = client.get("/report", params={"actor": "", "dyad": "", "category": "", "date_from": "", "date_to": "", "source": "", "document": ""})
    assert response.status_code == 200


@pytest.mark.parametrize("params", [{"dyad": "SUN"}, {"actor": "<script>"}, {"document": "../../etc"}, {"limit": 0}, {"category": "A;B"}])
def test_web_malformed_filters_are_422(client, params):
    _assert_error(client.get("/api/events", params=params), 422, "invalid_request")


def test_web_downloads(client, synthetic):
    text = client.get("/api/export/events.csv", params={"dyad": "CHN-SUN"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all({r["source"], r["target"]} == {"CHN", "SUN"} for r in rows)
    response = client.get("/api/export/events.parquet")
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    assert 'filename="rift-events.parquet"' in response.headers["content-disposition"]
    lines = client.get("/api/export/claims.jsonl").text.splitlines()
    assert len(lines) == len(synthetic.claims)
    tl = client.get("/api/export/timeline.json").json()
    assert len(tl["events"]) == sum(1 for e in synthetic.events if e.date)
    graphml = client.get("/api/export/causal.graphml")
    assert graphml.headers["content-type"].startswith("application/graphml+xml") and b"<graphml" in graphml.content
    _assert_error(client.get("/api/export/passwords.csv"), 404)
    _assert_error(client.get("/api/export/events.xlsx"), 404)


def test_web_csv_download_is_spreadsheet_safe(client):
    job = client.post("/api/jobs", json={"text": "=HYPERLINK(\"http://evil\") In 1958 China met India (Nogee, 3).", "title": "=cmd|' /C calc'!A0"}).json()
    _wait(client, job["id"])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/documents.csv").text)))
    titled = [r for r in rows if "cmd" in r["title"]]
    assert titled and titled[0]["title"].startswith("'=") and titled[0]["text"].startswith("'=")


def test_web_report_page_and_headers(client, synthetic):
    response = client.get("/report", params={"dyad": "CHN-SUN"})
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "sha256-" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "/api/export/events.csv?dyad=CHN-SUN" in response.text
    home = client.get("/")
    assert home.status_code == 200 and synthetic.documents[0].id in home.text
    assert "script-src 'self'" in home.headers["content-security-policy"]


def test_web_openapi_and_docs(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/jobs", "/api/jobs/{job_id}", "/api/documents", "/api/events", "/api/export/{name}"):
        assert path in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "category", "date_from", "date_to", "source", "document"} <= params
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    assert "cdn" not in docs.text.lower()


def test_web_token_is_required_when_set(tmp_path):
    app = create_app(ServeConfig(db=tmp_path / "t.duckdb", model="blank", token="s3cret"))  # loads no model: no job runs
    with TestClient(app) as c:
        err = _assert_error(c.get("/api/documents"), 401, "unauthorized")
        assert "token" in err["message"]
        _assert_error(c.get("/"), 401)
        _assert_error(c.get("/openapi.json"), 401)
        _assert_error(c.get("/api/documents", headers={"Authorization": "Bearer wrong"}), 401)
        assert c.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        first = c.get("/?token=s3cret")
        assert first.status_code == 200 and "rift_token=s3cret" in first.headers["set-cookie"]
        assert "HttpOnly" in first.headers["set-cookie"] and "SameSite=Strict" in first.headers["set-cookie"]
        assert c.get("/api/documents").status_code == 200  # the cookie now


def test_web_host_check_and_cross_site_posts(tmp_path, blank_nlp):
    app = create_app(ServeConfig(db=tmp_path / "h.duckdb", model="blank", allowed_hosts=("127.0.0.1", "localhost")), nlp=blank_nlp)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/status").status_code == 200
        _assert_error(c.get("/api/status", headers={"host": "evil.example"}), 400, "bad_host")
        _assert_error(c.post("/api/jobs", json={"text": "x"}, headers={"origin": "http://evil.example"}), 403, "cross_site")
        ok = c.post("/api/jobs", json={"text": "In 1958 China met India."}, headers={"origin": "http://127.0.0.1:8000"})
        assert ok.status_code == 202


def test_web_cli_serve_help_names_its_options():
    from typer.testing import CliRunner

    from rift.cli.main import _register, app

    _register()
    out = CliRunner().invoke(app, ["serve", "--help"]).output
    for flag in ("--db", "--host", "--port", "--token", "--model", "--max-upload-mb"):
        assert flag in out
    assert "127.0.0.1" in out


def test_web_cli_report_writes_a_filtered_report(tmp_path, template_db):
    from typer.testing import CliRunner

    from rift.cli.main import _register, app

    _register()
    db = tmp_path / "rift.duckdb"
    shutil.copyfile(template_db, db)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(tmp_path), "-o", str(out), "--dyad", "CHN-SUN"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    data = json.loads(html.split('id="rift-data">', 1)[1].split("</script>", 1)[0])
    assert data["events"] and all(e["dyad"] == "CHN-SUN" for e in data["events"])


@pytest.mark.model
def test_web_real_model_job(tmp_path):
    """One upload through the real spaCy model: the job finishes and its document is stored."""
    app = create_app(ServeConfig(db=tmp_path / "m.duckdb"))
    text = ("In 1958 Khrushchev visited Beijing and met Mao (Nogee, 199). In 1960 the Soviet Union withdrew "
            "its advisers from China, which ended the alliance (Salisbury, 48-50).")
    with TestClient(app) as c:
        job = _wait(c, c.post("/api/jobs", json={"text": text, "title": "real"}).json()["id"], timeout=180)
        assert job["status"] == "done", job
        doc = c.get(f"/api/documents/{job['documents'][0]}").json()
        assert doc["n_sentences"] == 2
        assert len(c.get("/api/citations").json()) == 2


def test_web_job_queue_is_bounded():
    import threading

    from rift.errors import BusyError
    from rift.read import RawText
    from rift.web.jobs import Jobs

    release = threading.Event()
    jobs = Jobs(corpus=None, model="blank", max_pending=2)
    jobs._pool.submit(release.wait)  # occupy the single worker so jobs stay queued
    try:
        jobs.submit(RawText("a.txt", "x", "utf-8"))
        jobs.submit(RawText("b.txt", "x", "utf-8"))
        with pytest.raises(BusyError):
            jobs.submit(RawText("c.txt", "x", "utf-8"))
    finally:
        release.set()
        jobs.shutdown()


def test_web_corpus_on_a_batch_store_is_read_only(tmp_path, blank_nlp):
    from rift.batch.run import BatchConfig, run_batch
    from rift.errors import StorageError
    from rift.web.corpus import Corpus

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The Soviets signed a treaty with China in 1950. (Nogee, 12)")
    run_batch([str(tmp_path / "in")], tmp_path / "store", BatchConfig(model="blank"), nlp=blank_nlp)
    corpus = Corpus(tmp_path / "store" / "rift.duckdb")
    try:
        assert corpus.read_only
        assert len(corpus.result().documents) == 1
        with pytest.raises(StorageError, match="batch store"):
            corpus.add([])
    finally:
        corpus.close()
