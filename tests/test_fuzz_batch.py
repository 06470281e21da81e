"""Fuzz the corpus readers of ``rift batch``: JSONL lines and FRUS TEI volumes.

A bad line or a bad volume must become a :class:`rift.batch.BadInput` with a one-line message
(or, for TEI, an ``InputError``) while the rest of the stream goes on; nothing else escapes,
external entities are never fetched or expanded, and no input hangs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _hostile import DEADLINE, HOSTILE_TEXTS, bounded, hostile_text
from rift.errors import InputError

FUZZ = settings(max_examples=40, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
GOOD_LINE = json.dumps({"id": "good", "text": "In 1950 Moscow and Peking signed a treaty."})
TEI_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
TEI_CLOSE = "</body></text></TEI>"


def items(path: Path) -> list:
    from rift.batch import iter_items

    return bounded(lambda: list(iter_items([str(path)])))


def check_stream(found: list, *, good: set[str]) -> None:
    """Every item is a WorkItem or a one-line BadInput; the good documents all came through."""
    from rift.batch import BadInput, WorkItem

    ids = set()
    for it in found:
        assert isinstance(it, (WorkItem, BadInput)), it
        if isinstance(it, BadInput):
            assert it.message and "\n" not in it.message
        else:
            assert it.raw.text.strip()
            it.raw.text.encode("utf-8")  # storable: no lone surrogates
            ids.add(it.key.rsplit("#", 1)[-1])
    assert good <= ids, (good, ids)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
json_objects = st.fixed_dictionaries(
    {}, optional={"id": json_values, "text": st.one_of(hostile_text, json_values), "date": json_values, "title": json_values}
)


@FUZZ
@given(st.lists(st.one_of(json_objects.map(json.dumps), st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                          hostile_text), max_size=6))
def test_fuzz_jsonl_lines(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    body = "\n".join([GOOD_LINE] + [ln.replace("\n", " ").replace("\r", " ") for ln in lines])
    path.write_bytes(body.encode("utf-8", "surrogatepass"))
    check_stream(items(path), good={"good"})


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("[" * 10_000 + "]" * 10_000),  # deeper than Python's recursion limit
        pytest.param('{"id": "x", "text": ' + "[" * 10_000 + "]" * 10_000 + "}"),
        '{"id": "s", "text": "Moscow \\ud800 Peking"}',  # a lone surrogate escape
        '{"id": "n", "text": "a", "date": 1e999}',
        '{"id": "big", "text": "' + "9" * 5000 + '", "date": ' + "9" * 5000 + "}",
        '{"id": ["a"], "text": "In 1950.", "title": {"x": 1}}',
        "\x00\x01\x02",
        '{"id": "nul", "text": "Moscow\\u0000Peking in 1950"}',
    ],
    ids=["deep-array", "deep-text", "surrogate", "inf-date", "huge-numbers", "odd-types", "control-bytes", "nul-escape"],
)
def test_fuzz_jsonl_hostile_lines(tmp_path, line):
    path = tmp_path / "corpus.jsonl"
    path.write_text(GOOD_LINE + "\n" + line + "\n" + GOOD_LINE.replace("good", "after") + "\n", encoding="utf-8")
    check_stream(items(path), good={"good", "after"})


def test_fuzz_jsonl_5mb_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    text = HOSTILE_TEXTS["5mb_single_line_prose"]()
    path.write_text(json.dumps({"id": "huge", "text": text}) + "\n" + GOOD_LINE + "\n", encoding="utf-8")
    found = items(path)
    check_stream(found, good={"good", "huge"})


def _tei(*docs: str) -> str:
    return TEI_HEAD + TEI_OPEN + "".join(docs) + TEI_CLOSE


def _doc(i: int, body: str) -> str:
    return (f'<div type="document" xml:id="d{i}"><head>Memo {i}</head>'
            f'<dateline><date when="1962-10-{i + 10:02d}">Oct</date></dateline><p>{body}</p></div>')


@FUZZ
@given(hostile_text)
def test_fuzz_tei_text_content(tmp_path_factory, text):
    from xml.sax.saxutils import escape

    path = tmp_path_factory.mktemp("tei") / "volume.xml"
    body = escape("".join(ch for ch in text if ch in "\t\n\r" or (" " <= ch and not "\ud800" <= ch <= "\udfff" and ch not in "\ufffe\uffff")))
    path.write_text(_tei(_doc(0, "Moscow and Peking met in 1950."), _doc(1, body)), encoding="utf-8")
    check_stream(items(path), good={"d0"})


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_tei_arbitrary_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("tei") / "volume.xml"
    path.write_bytes(data)
    check_stream(items(path), good=set())


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d0"><p>&lol9;</p></div></body></text></TEI>'
)


@pytest.mark.parametrize(
    "name,content",
    [
        ("billion-laughs", BILLION_LAUGHS),
        ("external-entity", '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                             + TEI_OPEN + _doc(0, "leak: &xxe; end") + TEI_CLOSE),
        ("external-dtd", '<?xml version="1.0"?><!DOCTYPE t SYSTEM "http://127.0.0.1:9/evil.dtd">' + TEI_OPEN + _doc(0, "x") + TEI_CLOSE),
        ("truncated", _tei(_doc(0, "In 1950."), _doc(1, "In 1951."))[:-40]),
        ("nested-10k", TEI_HEAD + TEI_OPEN + '<div type="document" xml:id="d0"><p>In 1950.</p>' + "<div>" * 10_000
         + "deep" + "</div>" * 10_000 + "</div>" + TEI_CLOSE),
        pytest.param("nested-1500", TEI_HEAD + TEI_OPEN + '<div type="document" xml:id="d0"><p>In 1950.</p>' + "<div>" * 1500
                     + "deep" + "</div>" * 1500 + "</div>" + TEI_CLOSE),
        ("nested-docs", _tei('<div type="document" xml:id="d0"><p>outer</p>' + _doc(1, "inner") + "</div>")),
        ("5mb-paragraph", _tei(_doc(0, HOSTILE_TEXTS["5mb_single_line_prose"]().replace("&", "and")))),
        ("nul-char-ref", _tei(_doc(0, "Moscow &#0; Peking"))),
        ("utf16", None),
        ("empty", ""),
    ],
)
def test_fuzz_tei_hostile_volumes(tmp_path, name, content):
    path = tmp_path / "volume.xml"
    if name == "utf16":
        path.write_bytes(_tei(_doc(0, "In 1950.")).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    else:
        path.write_text(content, encoding="utf-8")
    found = items(path)
    check_stream(found, good=set())
    for it in found:
        text = getattr(getattr(it, "raw", None), "text", "")
        assert "root:" not in text, "an external entity was read"
        assert len(text) < 6_000_000, "an entity was expanded"


def test_fuzz_tei_iter_tei_raises_only_input_error(tmp_path):
    from rift.batch.tei import iter_tei

    path = tmp_path / "bad.xml"
    path.write_text(_tei(_doc(0, "ok"))[:-30], encoding="utf-8")
    with pytest.raises(InputError) as info:
        bounded(lambda: list(iter_tei(path)))
    assert "\n" not in info.value.message
