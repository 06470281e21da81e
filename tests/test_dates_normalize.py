"""The normaliser: find_timexes on tables of expressions, anchoring, the essay, garbage."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rift.dates.normalize import find_timexes
from rift.dates.values import is_valid_value, iso_key


def _one(text: str, phrase: str, **kw):
    """The expression of ``text`` overlapping ``phrase``."""
    i = text.index(phrase)
    found = [t for t in find_timexes(text, **kw) if t.start < i + len(phrase) and i < t.end]
    assert found, f"nothing found in {phrase!r}: {find_timexes(text, **kw)}"
    return found


# --- the thirteen essay expressions, in sentences of their own ------------------------------
ESSAY_CASES = [
    # (context, phrase, values, mod, type)
    ("In November 1957 the Soviets agreed to help.", "November 1957", ["1957-11"], None, "DATE"),
    ("In the fall of 1958 the Chinese began to bombard Quemoy.", "the fall of 1958", ["1958-FA"], None, "DATE"),
    ("Tensions became even more heated in late 1959 when the USSR refused.", "late 1959", ["1959"], "END", "DATE"),
    ("Then, in the summer of 1960, some three thousand specialists left China.", "the summer of 1960", ["1960-SU"], None, "DATE"),
    ("Relations took a nose-dive from 1960 to 1963.", "1960 to 1963", ["1960", "1963"], None, "DATE"),
    ("In the early 1960's China accused the Soviets.", "the early 1960's", ["196"], "START", "DATE"),
    ("The point was reached sometime in the mid 1960's.", "mid 1960's", ["196"], "MID", "DATE"),
    ("In 1966 the Chinese named the Soviet Union. In March of that year the Chinese boycotted it.", "March of that year", ["1966-03"], None, "DATE"),
    ("By 1965 the schism was complete.", "1965", ["1965"], "ON_OR_BEFORE", "DATE"),
    ("During the nineteenth century Russian tsars conquered parts of China.", "the nineteenth century", ["18"], None, "DATE"),
    ("The roots can be traced back to the thirteenth and fourteenth century when Mongols came.",
     "the thirteenth and fourteenth century", ["12", "13"], None, "DATE"),
    ("The loan came in February 1950. Only a few months before the loan was made the Soviets lent to Poland.",
     "a few months before the loan", ["1950-02"], "BEFORE", "DATE"),
    ("They opposed the People's Republic for about the first fifteen years of its existence.",
     "the first fifteen years of its existence", ["P15Y"], "APPROX", "DURATION"),
]


@pytest.mark.parametrize("text, phrase, values, mod, ttype", ESSAY_CASES)
def test_dates_normalize_essay_expressions(text, phrase, values, mod, ttype):
    found = _one(text, phrase)
    assert [t.value for t in found] == values
    assert all(t.type == ttype for t in found)
    assert found[0].mod == mod
    assert all(t.explicit for t in found)


def test_dates_normalize_few_months_before_names_its_interval():
    text = "The loan came in February 1950. Only a few months before the loan was made the Soviets lent to Poland."
    (t,) = _one(text, "a few months before the loan")
    assert t.text.endswith("the loan")
    assert t.interval == ("1949-11-01", "1950-01-31")


def test_dates_normalize_range_is_linked():
    found = find_timexes("Relations took a nose-dive from 1960 to 1963.")
    assert [t.range_with for t in found] == [1, 0]


# --- anchored on the knowledge base: explicit=False, with the entry ----------------------------
KB_CASES = [
    ("The Chinese needed the money to fight the Korean War.", "the Korean War", "1950-06/1953-07", "korean_war", ("1950-06-25", "1953-07-27")),
    ("The Chinese criticized him during the Cuban missile crisis.", "the Cuban missile crisis", "1962-10", "cuban_missile_crisis", ("1962-10-16", "1962-10-28")),
    ("Albania received criticism during the Twenty-second Congress of the Soviet Party.", "the Twenty-second Congress", "1961-10", "cpsu_congress_22", ("1961-10-17", "1961-10-31")),
    ("After 1962, the 22nd Party Congress was recalled.", "the 22nd Party Congress", "1961-10", "cpsu_congress_22", ("1961-10-17", "1961-10-31")),
    ("Khrushchev's overthrow prevented him from acting.", "Khrushchev's overthrow", "1964-10", "sun_khrushchev_firstsec", ("1964-10-14", "1964-10-14")),
    ("After the fall of Khrushchev, Brezhnev ruled.", "the fall of Khrushchev", "1964-10", "sun_khrushchev_firstsec", ("1964-10-14", "1964-10-14")),
    ("Relations cooled under Brezhnev.", "Brezhnev", "1964-10/1982-11", "sun_brezhnev_gensec", ("1964-10-14", "1982-11-10")),
    ("The Chinese boycotted the Twenty-third Party Congress.", "Twenty-third Party Congress", "1966-03", "cpsu_congress_23", ("1966-03-29", "1966-04-08")),
]


@pytest.mark.parametrize("text, phrase, value, kb, interval", KB_CASES)
def test_dates_normalize_kb_anchored(text, phrase, value, kb, interval):
    (t,) = _one(text, phrase)
    assert (t.value, t.kb, t.anchor, t.explicit) == (value, kb, kb, False)
    assert t.interval == interval


def test_dates_normalize_successor_of_stalin():
    (t,) = _one("The first real signs came early in the reign of the successor to Stalin, Nikita Khrushchev.",
                "early in the reign of the successor to Stalin")
    assert t.text == "early in the reign of the successor to Stalin"
    assert (t.kb, t.mod, t.explicit) == ("sun_khrushchev_firstsec", "START", False)
    assert t.interval[0] == "1953-09-07" and t.interval[1] < "1958-01-01"


def test_dates_normalize_kb_off():
    assert find_timexes("They fought the Korean War.", kb=False) == []


# --- a broader table of expressions ------------------------------------------------------------
TABLE = [
    ("On 25 June 1950 the KPA crossed.", "25 June 1950", "1950-06-25"),
    ("On June 25, 1950, the KPA crossed.", "June 25, 1950", "1950-06-25"),
    ("It began on Saturday, June 24, 1950.", "Saturday, June 24, 1950", "1950-06-24"),
    ("The battle lasted from 31 May-1 June 1916.", "1 June 1916", "1916-06-01"),
    ("In 1950. Later, on 12 July, they sailed.", "12 July", "1950-07-12"),
    ("It was 1950-06-25 then.", "1950-06-25", "1950-06-25"),
    ("The wars of 499 to 493 BC were long.", "493 BC", "BC0493"),
    ("Sparta fell in 371 B.C.", "371 B.C.", "BC0371"),
    ("the 4th century BC saw it", "the 4th century BC", "BC03"),
    ("in the 470s BC Athens grew", "the 470s BC", "BC047"),
    ("in the 1870s France rebuilt", "the 1870s", "187"),
    ("in the sixties it changed", "the sixties", "196"),
    ("the eighteenth-century state", "eighteenth-century", "17"),
    ("In May 1915. Fifteen months later they attacked.", "Fifteen months later", "1916-08"),
    ("In 1776. Two years earlier the war began.", "Two years earlier", "1774"),
    ("On 25 June 1950 they invaded. Thirteen days later they crossed.", "Thirteen days later", "1950-07-08"),
    ("On 25 June 1950 they invaded. The next day they crossed.", "The next day", "1950-06-26"),
    ("In 1943 they fought. The following spring they landed.", "The following spring", "1944-SP"),
    ("In November 1776 they fought. In the winter the army rested.", "the winter", "1777-WI"),
    ("In 1964 he fell. That year was hard.", "That year", "1964"),
    ("It lasted less than two weeks.", "less than two weeks", "P2W"),
    ("It was a months-long trek.", "months-long", "PXM"),
    ("He was 18 years old.", "18 years old", "P18Y"),
    ("He stayed for several days.", "several days", "PXD"),
    ("the past two centuries", "the past two centuries", "P2CE"),
    ("now the war is over", "now", "PRESENT_REF"),
    ("the former president", "former", "PAST_REF"),
    ("the future of Europe", "future", "FUTURE_REF"),
    ("the first half of 2008", "the first half of 2008", "2008-H1"),
    ("In 1918. At 11 a.m. on 11 November 1918 the guns fell silent.", "11 a.m.", "1918-11-11T11:00"),
    ("the night of April 18, 1775", "the night of April 18, 1775", "1775-04-18TNI"),
    ("Christmas 1776 came", "Christmas 1776", "1776-12-25"),
    ("attacks averaged 30 a day", "a day", "P1D"),
    ("Patrols went out daily.", "daily", "XXXX-XX-XX"),
    ("Between 1955 and 1957 many died.", "1955", "1955"),
    ("the class of 1914-18 served", "1914", "1914"),
    ("In 1966 it began. By mid-1967 it spread.", "mid-1967", "1967"),
    # a look back does not move the story: the date after it counts from where the story was
    ("Late in January 1979 Deng came, angry at the invasion the previous month. On 17 February they crossed.", "17 February", "1979-02-17"),
    ("In May 1972 they met, and the talks of the month before were forgotten. That June they signed.", "That June", "1972-06"),
    ("In March 1969 they clashed, and the year before they had quarrelled. That August they clashed again.", "That August", "1969-08"),
    ("In February 1979 Moscow, which had signed a treaty with Hanoi in November 1978, protested. In April they met.", "April", "1979-04"),
    ("Nasser had nationalised the canal in July 1956. In October Israel invaded.", "October", "1956-10"),
    # ... but a look back dated after where the story was has moved the story on
    ("In October 1971 the UN seated Peking. Nixon had been to Peking in February 1972, and Tanaka followed on "
     "25 September.", "25 September", "1972-09-25"),
    ("In 1971 the talks stalled. Bonn had signed the treaty in May 1973, and in June the Czechs followed.", "June", "1973-06"),
    # a month at the end of a year, told when the story stands at the start of the next, is last year's
    ("Noriega gave himself up on 3 January 1990. On 22 December the OAS had deplored the invasion.", "22 December",
     "1989-12-22"),
    ("In January 1962 they met again. In March they signed.", "March", "1962-03"),
    ("In December 1963 the Chinese replied. In January they met.", "January", "1963-01"),  # (not forward: reports look back)
    # a year naming a thing after a possessive spelt as students spell it leaves the story where it is
    ("In the autumn of 1978 Santiago asked Buenos Aires to go to the Court under there 1972 treaty. On 12 December "
     "they met.", "12 December", "1978-12-12"),
    ("In January 1996 Athens rejected the claim, citing the 1947 Treaty of Paris. That month both sides sent "
     "warships.", "That month", "1996-01"),
    # "until X, when ...": the story goes on at X (a plain "until X" is only where something ended)
    ("In 1954 Moscow sold its shares. The idea lay dormant until May 1958, when the Soviets agreed to leave; by that "
     "summer they had gone.", "that summer", "1958-SU"),
    ("In 1954 Moscow sold its shares. The quarrel lasted until 1958. That summer they met.", "That summer", "1954-SU"),
    # (not a relative one: "a month after Brandt had won" counts from its own event)
    ("On 21 December 1972 they signed, a month after Brandt had won an election. That month they met.", "That month", "1972-12"),
    ("In January 1968 Dubcek took over, after Brezhnev, visiting Prague in December 1967, had refused to help. "
     "At the end of March they met.", "the end of March", "1968-03"),
    ("In February 1961 China lent Albania money, which replaced the Soviet credits promised in 1957. "
     "That spring Moscow cut its aid.", "That spring", "1961-SP"),
    ("In 1959 Moscow refused to give the data, which was promised in 1957. That autumn they quarrelled.",
     "That autumn", "1959-FA"),
    ("In September 1979 Carter asked Congress for aid, which was approved in 1980. That October Cuba sent teachers.",
     "That October", "1979-10"),
    # a year after the noun it names ("the trade agreement of 1972") leaves the story where it is
    ("In January 1975 Moscow renounced the trade agreement of 1972. Ford visited Peking that December.", "that December", "1975-12"),
    ("But events of 1958 soon strained relations. That autumn they quarrelled.", "That autumn", "1958-FA"),
    ("In 1986 they met. The third phase began with the Angolan offensive of 1987. That autumn they fought.", "That autumn", "1987-FA"),
    ("At the end of 1962 they quarrelled. That autumn they met.", "That autumn", "1962-FA"),
]


@pytest.mark.parametrize("text, phrase, value", TABLE)
def test_dates_normalize_table(text, phrase, value):
    found = _one(text, phrase)
    assert value in [t.value for t in found]


@pytest.mark.parametrize("text", [
    "The Soviets may decide later.",
    "They had 1500 soldiers and 2000 horses.",
    "The Long March began.",
    "A spring of fresh water.",
    "The fall of Berlin was near.",
    "Call 555-1234 now!",
])
def test_dates_normalize_not_dates(text):
    bad = [t for t in find_timexes(text, kb=False) if t.value not in ("PRESENT_REF",)]
    assert bad == []


def test_dates_normalize_news_uses_dct():
    text = "Officials said yesterday that this year the talks would resume. Three days ago they met."
    news = {t.text: t.value for t in find_timexes(text, dct="1989-05-16", doctype="news")}
    assert news["this year"] == "1989"
    assert news["Three days ago"] == "1989-05-13"


def test_dates_normalize_narrative_ignores_dct_for_that_year():
    text = "In 1956 Khrushchev spoke. That year Poland rose."
    (t,) = [x for x in find_timexes(text, dct="2009-12-19") if x.text == "That year"]
    assert t.value == "1956"


# --- garbage in: nothing raised, nothing absurd ---------------------------------------------------
def _sane(text, found):
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.text == text[t.start:t.end]
        assert is_valid_value(t.value), t
        if t.interval:
            a, b = iso_key(t.interval[0]), iso_key(t.interval[1])
            assert a <= b, t
            assert -9999 <= a[0] <= 9999 and -9999 <= b[0] <= 9999, t


@pytest.mark.parametrize("text", [
    "", " ", "the 99th century", "February 30, 1950", "1" * 1_000_000, "\x00\x01\x02", "December 32 1950",
    "the 0th century", "in 0 BC", "year 99999", "30/02/1950", "9999 AD later", "14 years after 9999",
])
def test_dates_normalize_garbage(text):
    found = find_timexes(text)
    _sane(text, found)
    if "99th" in text or "0th" in text:
        assert found == []
    if text.startswith("February 30"):
        assert [t.value for t in found] in (["1950-02"], [])


_WORDS = ["in", "the", "of", "early", "late", "mid", "1958", "1960's", "summer", "fall", "March", "May", "that", "year",
          "two", "days", "later", "before", "BC", "490", "century", "nineteenth", "Khrushchev's", "overthrow", "-", ",",
          "30", "February", "next", "week", "ago", "under", "Brezhnev", "the Korean War", "99th", "0", "99999", "'", "."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=25),
       st.sampled_from(["narrative", "news"]), st.sampled_from([None, "1989-05-16", "bad"]))
def test_dates_normalize_property_never_raises(words, doctype, dct):
    text = " ".join(words)
    _sane(text, find_timexes(text, doctype=doctype, dct=dct))


def test_dates_normalize_named_event_sets_the_scene():
    text = "After Khrushchev's overthrow, relations froze. That year the Chinese tested a bomb."
    (that_year,) = [t for t in find_timexes(text) if t.text == "That year"]
    assert (that_year.value, that_year.anchor) == ("1964", "t0")
    mentioned = "Khrushchev's overthrow was a surprise. That year was hard."
    assert [t.value for t in find_timexes(mentioned) if t.text == "That year"] == ["XXXX"]


@pytest.mark.model
def test_dates_seasons_after_december_and_years_after_a_look_back(nlp):
    """'the following summer' after December is next year's; 'eleven years later' right after a date
    the sentence names counts from that date, though it looked back."""
    doc = nlp("In December 1946 Athens complained to the Security Council, but the following summer the Soviet "
              "delegate vetoed an American resolution. The previous summer they had quarrelled.")
    vals = [r.value for _sp, r in doc._.timex_spans]
    assert vals == ["1946-12", "1947-SU", "1946-SU"]
    doc = nlp("On 19 March 1945 Molotov informed the ambassador that Moscow would not renew the treaty. It had been "
              "signed in Paris in December 1925, and eleven years later Moscow had backed Turkey at Montreux.")
    assert [r.value for _sp, r in doc._.timex_spans] == ["1945-03-19", "1925-12", "1936"]
