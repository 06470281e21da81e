"""Parenthetical citations: forms, page ranges, false positives, the essay's 22."""

from __future__ import annotations

import pytest

from rift.citations import find_citations, find_running_authors, page_range


@pytest.mark.parametrize(
    "pages,expected",
    [
        ("256-61", (256, 261)),
        ("62-7", (62, 67)),
        ("127-131", (127, 131)),
        ("98-101", (98, 101)),
        ("51", (51, 51)),
        ("1198-9", (1198, 1199)),
        ("pp. 12-14", (12, 14)),
        ("12, 15-17", (12, 17)),
        ("xii-xiv", (12, 14)),
        (None, (None, None)),
    ],
)
def test_citations_page_range(pages, expected):
    assert page_range(pages) == expected


@pytest.mark.parametrize(
    "text,author,year,pages",
    [
        ("They met. (Nogee, 256-61)", "Nogee", None, "256-61"),
        ("They met. (Simmons 62-7)", "Simmons", None, "62-7"),
        ("They met. (Halle, 127-131)", "Halle", None, "127-131"),
        ("They met. (Westard, 51)", "Westard", None, "51"),
        ("They met. (Nogee 1985, 199)", "Nogee", "1985", "199"),
        ("They met. (Nogee, 1985)", "Nogee", "1985", None),
        ("They met. (Lewis and Xue, 40-2)", "Lewis and Xue", None, "40-2"),
        ("They met. (Smith et al., 4)", "Smith et al.", None, "4"),
        ("They met. (Nogee, pp. 12-14)", "Nogee", None, "pp. 12-14"),
        ("They met (Van Ness, 7).", "Van Ness", None, "7"),
        # a surname that opens with a lower-case particle
        ("They met (van der Berg, 7).", "van der Berg", None, "7"),
        ("They met (de Waal 2010, 190-2).", "de Waal", "2010", "190-2"),
    ],
)
def test_citations_forms(text, author, year, pages):
    (c,) = find_citations(text)
    assert (c.author, c.year, c.pages) == (author, year, pages)
    assert text[c.start:c.end] == c.text


def test_citations_several_in_one_parenthesis():
    cs = find_citations("Both agree. (Nogee, 199; Simmons, 17)")
    assert [(c.author, c.pages) for c in cs] == [("Nogee", "199"), ("Simmons", "17")]


def test_citations_ibid_takes_previous_author():
    cs = find_citations("One. (Nogee, 199) Two. (ibid.) Three. (Ibid., 45)")
    assert [(c.author, c.pages, c.ibid) for c in cs] == [("Nogee", "199", False), ("Nogee", None, True), ("Nogee", "45", True)]


def test_citations_author_without_page():
    cs = find_citations("They met in Moscow. (Nogee) Later they met in Peking (China) again.")
    assert [c.author for c in cs] == ["Nogee"]


def test_citations_cut_off_at_paragraph_end():
    text = "These accusations caused great strife. (Nogee,\n\nMany historians agree."
    (c,) = find_citations(text)
    assert c.author == "Nogee" and c.truncated and c.pages is None


@pytest.mark.parametrize(
    "text",
    [
        "the nationalist (and anticommunist) government",
        "(the USSR had charged 1% interest on the loan)",
        "ICBM (a missile that carries nuclear warheads)",
        "in the spring (March 1960) the talks failed",
        "(See below.)",
        "the treaty (1950) was signed",
    ],
)
def test_citations_prose_parentheticals_are_not_citations(text):
    assert find_citations(text) == []


def test_citations_running_author_linked():
    text = 'Alvin Z. Rubenstien, in his book "Soviet Foreign Policy Since World War II" makes the argument.'
    (hit,) = find_running_authors(text, {"Rubenstien"})
    assert hit[0] == "Rubenstien" and hit[1] == "Alvin Z. Rubenstien"
    assert hit[2] == "Soviet Foreign Policy Since World War II"


def test_citations_essay_all_22(essay_text):
    from rift.clean import repair_text

    r = repair_text(essay_text)
    cs = find_citations(r.text, [p - 2 for p in r.paragraphs[1:]] + [len(r.text)])
    got = [(c.author, c.pages) for c in cs]
    assert got == [
        ("Rubenstien", "148"), ("Nogee", "256-61"), ("Salisbury", "33-7"), ("Nogee", "199"),
        ("Simmons", "17"), ("Warth", "56-9"), ("Westard", "36-7"), ("Salisbury", "48-50"),
        ("Nogee", "261-5"), ("Westard", "51"), ("Halle", "127-131"), ("Arabtov", "68-71"),
        ("Griffith", "61-2"), ("Simmons", "52-5"), ("Griffith", "98-101"), ("Simmons", "62-7"),
        ("Westard", "86-9"), ("Griffith", "115-8"), ("Westard", "103-9"), ("Nogee", None),
        ("Salisbury", "85-9"), ("Nogee", "278"),
    ]
    assert [c.truncated for c in cs].count(True) == 1


def test_citations_names_with_diacritics():
    cs = find_citations("A claim (L\u00fcthi, 31-4). Another claim (L\u00fcthi).")
    assert [(c.author, c.pages) for c in cs] == [("L\u00fcthi", "31-4"), ("L\u00fcthi", None)]


def test_citations_sample_narrative_all_found():
    from rift.clean import repair_text
    from rift.sample import sample_path

    r = repair_text(sample_path().read_text(encoding="utf-8"))
    cs = find_citations(r.text)
    assert len(cs) == 24
    assert sum(c.ibid for c in cs) == 1 and any(c.author == "Nogee" and c.year == "1985" for c in cs)
