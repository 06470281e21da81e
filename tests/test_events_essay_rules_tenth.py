"""Events in essay prose, tenth pass: a list of subjects whose first member the parser hung on the
date before it, run-on sentences joined by a comma, a side taken, applications for membership,
prisoners swapped, alliances signed (held by both sides), topics talked about, and delegations
that simply went home (rules written after the twelfth held-out set was scored).

Every case runs a short text through the full pipeline on the real model; each asserts the
dyad, category or date a reader would code.
"""

from __future__ import annotations

import pytest

from test_events_context import run, years
from test_events_essay_rules import both as BOTH, coded

pytestmark = pytest.mark.model


def test_events_tenth_list_head_swallowed_by_the_month_before_it(nlp):
    text = ("In November 1958 Khrushchev sent notes to the United States, Britain and France. "
            "At the end of December Washington, London and Paris formally rejected the Soviet notes. "
            "At the same time they offered to discuss Berlin as part of the wider German question.")
    ev = run(nlp, text)
    # all three capitals rejected, not only the two the parser left in the subject
    assert coded(ev, "rejected") == {("USA", "SUN", "REJECT"), ("GBR", "SUN", "REJECT"), ("FRA", "SUN", "REJECT")}
    # and 'they' is all three as well; the city to be discussed is a topic, not a party
    # (and an offer made by three goes to whom they answered, not from each to the others)
    assert coded(ev, "discuss") == {("USA", "SUN", "AGREE"), ("GBR", "SUN", "AGREE"), ("FRA", "SUN", "AGREE")}


def test_events_tenth_a_month_before_a_single_subject_changes_nothing(nlp):
    ev = run(nlp, "On 17 August 1961 Washington and London protested to Moscow.")
    assert {(s, t) for s, t, _c in coded(ev, "protested")} == {("USA", "SUN"), ("GBR", "SUN")}


def test_events_tenth_two_demands_run_on_with_a_comma(nlp):
    text = ("In 1979 China demanded that Vietnam get out of Cambodia, Vietnam demanded China give up "
            "hegemonism and pull its troops back from the border.")
    ev = run(nlp, text)
    assert coded(ev, "demanded") == {("CHN", "VNM", "REQUEST"), ("VNM", "CHN", "REQUEST")}
    # a fronted report is still a report, not a run-on
    ev = run(nlp, "In 1979 the Soviets had cheated them, the Chinese claimed.")
    assert ("CHN", "SUN", "ACCUSE") in coded(ev, "claimed")
    assert not coded(ev, "cheated")


def test_events_tenth_taking_a_states_side(nlp):
    ev = run(nlp, "In 1979 Laos took Hanoi's side.")
    assert coded(ev, "took") == {("LAO", "VNM", "SUPPORT")}
    # (a rough text's "had took" too) but taking sides with no one named is no act
    ev = run(nlp, "In 1979 Laos had took Hanoi's side.")
    assert coded(ev, "took") == {("LAO", "VNM", "SUPPORT")}
    ev = run(nlp, "In 1967 France refused to take sides.")
    assert not ev


def test_events_tenth_applying_for_membership_is_a_request(nlp):
    ev = run(nlp, "In May 1950 Turkey applied for membership of NATO.")
    assert coded(ev, "applied") == {("TUR", "NATO", "REQUEST")}
    ev = run(nlp, "In 1972 Egypt applied to the Soviet Union for more arms.")
    assert coded(ev, "applied") == {("EGY", "SUN", "REQUEST")}
    # applying to join is asking to join, one request; what is applied keeps its own category
    ev = run(nlp, "In 1961 Britain applied to join the EEC.")
    assert {(e.source, e.target, e.category) for e in ev} == {("GBR", "EEC", "REQUEST")}
    ev = run(nlp, "In 1990 the United States applied sanctions to Iraq.")
    assert coded(ev, "applied") == {("USA", "IRQ", "SANCTION")}


def test_events_tenth_together_with_is_a_partner_not_a_target(nlp):
    ev = run(nlp, "In 1956 Britain attacked Egypt together with France.")
    assert coded(ev, "attacked") == {("GBR", "EGY", "ASSAULT"), ("FRA", "EGY", "ASSAULT")}
    ev = run(nlp, "In May 1950 Turkey applied for membership of NATO. In August Turkey applied again, together with Greece.")
    assert ("TUR", "GRC", "REQUEST") not in coded(ev, "applied")


def test_events_tenth_prisoners_swapped_by_the_two_sides(nlp):
    ev = run(nlp, "In February 1979 China invaded Vietnam. The two sides swapped prisoners in May.")
    assert coded(ev, "swapped") == BOTH("CHN", "VNM", "COOPERATE")


def test_events_tenth_an_alliance_signed_binds_both(nlp):
    ev = run(nlp, "In 1939 the Turks signed an alliance with Britain and France.")
    got = coded(ev, "signed")
    assert BOTH("TUR", "GBR", "SUPPORT") | BOTH("TUR", "FRA", "SUPPORT") == got


def test_events_tenth_a_delegation_going_home_is_no_withdrawal(nlp):
    text = ("In 1939 Saracoglu spent three weeks in Moscow, and the Turks went home and signed an alliance with "
            "Britain and France instead.")
    ev = run(nlp, text)
    assert not coded(ev, "went")
    # experts going home are withdrawn
    ev = run(nlp, "In July 1960 the Soviet experts in China went home.")
    assert coded(ev, "went") == {("SUN", "CHN", "SANCTION")}


def test_events_tenth_a_bare_name_several_leaders_share_needs_its_state_in_the_text(nlp):
    # "Hussein" alone is King Hussein where Jordan is named and Iraq is not
    text = ("Jordan and Israel were at war. In September 1963 Hussein met an Israeli official, Yaakov Herzog. "
            "In 1970 Hussein asked the United States and Britain for help.")
    ev = run(nlp, text)
    assert BOTH("JOR", "ISR", "CONSULT") <= coded(ev, "met")
    assert coded(ev, "asked") == {("JOR", "USA", "REQUEST"), ("JOR", "GBR", "REQUEST")}
    # in a text that names neither state, the name stays unread
    ev = run(nlp, "In 1970 Hussein asked the United States for help.")
    assert not coded(ev, "asked")


def test_events_tenth_a_name_the_parser_takes_for_a_noun(nlp):
    text = ("Idi Amin seized power in Uganda in January 1971. "
            "Amin in return accused Tanzania of training guerillas to invade Uganda.")
    ev = run(nlp, text)
    assert coded(ev, "accused") == {("UGA", "TZA", "ACCUSE")}


def test_events_tenth_the_new_regime_is_the_one_just_set_up(nlp):
    text = ("Amin overthrew Milton Obote in a military coup on 25 January 1971 while Obote was away at the "
            "Commonwealth conference in Singapore. Britain and Israel quickly recognised the new regime.")
    ev = run(nlp, text)
    assert coded(ev, "recognised") == {("GBR", "UGA", "SUPPORT"), ("ISR", "UGA", "SUPPORT")}


def test_events_tenth_troops_moved_up_are_a_show_of_force(nlp):
    ev = run(nlp, "In 1972 Tanzania moved troops against Uganda.")
    assert coded(ev, "moved") == {("TZA", "UGA", "MOBILIZE")}
    # but a country that "moved from the withdrawal of Soviet troops to open conflict" moved no troops
    ev = run(nlp, "In ten years Romania moved from the withdrawal of Soviet troops in 1958 to open conflict with Moscow.")
    assert not coded(ev, "moved")


def test_events_tenth_reconciling_two_others_is_a_mediation(nlp):
    ev = run(nlp, "Idi Amin ruled Uganda. In May 1973 Emperor Haile Selassie reconciled Nyerere and Amin.")
    assert coded(ev, "reconciled") == {("ETH", "TZA", "CONSULT"), ("ETH", "UGA", "CONSULT")}
    ev = run(nlp, "In 1973 Tanzania reconciled with Uganda.")
    assert coded(ev, "reconciled") == BOTH("TZA", "UGA", "AGREE")


def test_events_tenth_shipments_held_up(nlp):
    ev = run(nlp, "In 1976 Kenya held up fuel shipments to Uganda.")
    assert coded(ev, "held") == {("KEN", "UGA", "SANCTION")}


def test_events_tenth_an_airline_is_no_state(nlp):
    ev = run(nlp, "In July 1976 Israeli commandos raided Entebbe airport in Uganda and freed the hostages of an Air France plane.")
    assert all("FRA" not in (e.source, e.target) for e in ev)


def test_events_tenth_retaliating_by_a_threat_is_the_threat(nlp):
    text = "Idi Amin ruled Uganda. In 1976 Kenya let Israeli planes refuel, and Amin retaliated by threatening to attack Kenya."
    ev = run(nlp, text)
    assert not coded(ev, "retaliated")
    assert coded(ev, "attack") == {("UGA", "KEN", "THREATEN")}


def test_events_tenth_a_city_falling_to_an_army(nlp):
    ev = run(nlp, "Kampala fell to the Tanzanians on 11 April 1979.")
    assert coded(ev, "fell") == {("TZA", "UGA", "ASSAULT")}
    # not a sphere, a task or a low
    ev = run(nlp, "In 1939 Finland, Estonia and Latvia fell to the Soviet sphere.")
    assert not coded(ev, "fell")
    ev = run(nlp, "The task fell to Britain in 1947.")
    assert not coded(ev, "fell")


def test_events_tenth_leaders_attacking_a_state_for_something_speak(nlp):
    ev = run(nlp, "In July 1979 Sudan's Nimeiri and Nigeria's Obasanjo attacked Tanzania for it.")
    assert coded(ev, "attacked") == {("SDN", "TZA", "ACCUSE"), ("NGA", "TZA", "ACCUSE")}


def test_events_tenth_breaking_a_taboo_breaks_no_relation(nlp):
    ev = run(nlp, "In 1979 Nyerere broke the taboo against invading a fellow member state.")
    assert not coded(ev, "broke")
    ev = run(nlp, "In 1961 the Soviets broke diplomatic ties with Albania.")
    assert coded(ev, "broke") == {("SUN", "ALB", "SANCTION")}
    ev = run(nlp, "In February 1999 Eritrea held Badme. Its troops broke the Eritrean lines.")
    assert ("ERI", "ERI", "ASSAULT") not in coded(ev, "broke")


def test_events_tenth_an_ambassador_recalled_from_whoever_was_just_dealt_with(nlp):
    ev = run(nlp, "In 2006 Georgia arrested four Russian officers. Moscow recalled its ambassador.")
    assert coded(ev, "recalled") == {("RUS", "GEO", "SANCTION")}


def test_events_tenth_a_withdrawal_completed(nlp):
    ev = run(nlp, "In 2007 Russia completed the withdrawal of its troops from Georgia.")
    assert coded(ev, "completed") == {("RUS", "GEO", "RETREAT")}


def test_events_tenth_travelling_on_to_a_capital_is_a_visit(nlp):
    ev = run(nlp, "In 2008 Sarkozy travelled on to Tbilisi.")
    assert coded(ev, "travelled") == {("FRA", "GEO", "CONSULT")}
    ev = run(nlp, "In 1962 the Soviets went on supplying MiGs to New Delhi.")
    assert not coded(ev, "went")


def test_events_tenth_the_plan_accepted_is_whoever_put_it_forward(nlp):
    text = "In 2008 Sarkozy flew to Moscow and presented a six-point plan. Saakashvili accepted the plan that night."
    ev = run(nlp, text)
    assert coded(ev, "accepted") == {("GEO", "FRA", "AGREE")}


def test_events_tenth_a_citation_year_is_no_date(nlp):
    text = ("In February 2004 the newly elected president, Mikheil Saakashvili, visited Moscow, promising "
            "Vladimir Putin a fresh start (de Waal 2010, 190-2).")
    ev = run(nlp, text)
    assert {e.date.value for e in ev if e.date} == {"2004-02"}


def test_events_tenth_a_states_army_by_its_name(nlp):
    text = ("On 25 June 1991 Slovenia and Croatia declared their independence. Two days later the Yugoslav "
            "People's Army (JNA) moved tanks and troops into Slovenia.")
    ev = run(nlp, text)
    assert coded(ev, "moved") == {("YUG", "SVN", "MOBILIZE")}
    # a place taken from a state is taken from that state
    ev = run(nlp, "In May 1948 the Arab Legion crossed the river and took the Old City of Jerusalem from Israel.")
    assert coded(ev, "took") == {("JOR", "ISR", "ASSAULT")}


def test_events_tenth_their_misspelt_there(nlp):
    text = ("In 1991 the Yugoslav army moved into Slovenia. The Slovenes were better prepared than anyone expected, "
            "there territorial defence blockaded the army barracks.")
    ev = run(nlp, text)
    assert ("SVN", "YUG", "COERCE") in coded(ev, "blockaded")
    assert not coded(ev, "defence")  # the defence force acted; it defended no one named


def test_events_tenth_treaties_signed_with_capitals_further_down_the_phrase(nlp):
    ev = run(nlp, "In 1925 Paris signed separate treaties of mutual assistance with Warsaw and Prague.")
    assert coded(ev, "signed") == BOTH("FRA", "POL", "SUPPORT") | BOTH("FRA", "CSK", "SUPPORT")


def test_events_tenth_hurrying_somewhere_or_to_do_something(nlp):
    ev = run(nlp, "In 1938 Britain and France pressed Czechoslovakia. Daladier and Bonnet hurried to London on 18 September.")
    assert coded(ev, "hurried") == {("FRA", "GBR", "CONSULT")}
    ev = run(nlp, "In October 1947 tribesmen invaded the princely state, and its maharaja hurried to accede to India.")
    assert not coded(ev, "hurried")


def test_events_tenth_troops_entering_a_country(nlp):
    ev = run(nlp, "In 1939 German troops entered Prague on the morning of 15 March.")
    assert coded(ev, "entered") == {("DEU", "CSK", "ASSAULT")}
    # a leader entering a city, or a state entering a body, is no invasion
    ev = run(nlp, "In 1972 Nixon entered Beijing.")
    assert not coded(ev, "entered")
    ev = run(nlp, "In 1973 Britain entered the EEC.")
    assert {c for _s, _t, c in coded(ev, "entered")} <= {"COOPERATE"}


def test_events_tenth_guns_opening_up_and_a_front_opened(nlp):
    ev = run(nlp, "On 23 August 1958 the PLA opened up on Quemoy with a barrage of shells.")
    assert coded(ev, "opened") == {("CHN", "TWN", "ASSAULT")}
    ev = run(nlp, "In 1941 Germany opened a new front against the Soviets.")
    assert coded(ev, "opened") == {("DEU", "SUN", "ASSAULT")}


def test_events_tenth_what_was_to_be_stopped_was_not_done(nlp):
    ev = run(nlp, "In 1954 Mao wanted mainly to stop the Americans signing an alliance with Taipei.")
    assert not coded(ev, "signing")


def test_events_tenth_the_islands_shelled_are_whoever_held_them(nlp):
    ev = run(nlp, "In 1958 Chinese guns shelled Quemoy. From 25 October the PLA shelled the islands only on odd numbered days.")
    assert {(e.source, e.target) for e in ev if e.trigger == "shelled"} == {("CHN", "TWN")}
    frames = [e for e in ev if e.trigger == "shelled"]
    assert frames and all(e.target == "TWN" for e in frames)


def test_events_tenth_it_after_a_thing_as_subject(nlp):
    ev = run(nlp, "In 1955 the Chinese shelled Quemoy. The shelling slacked off and by May it had quietly stopped.")
    assert not [e for e in ev if e.trigger == "stopped" and e.source == "TWN"]


def test_events_tenth_taiwan_before_1949_is_no_state_of_its_own(nlp):
    ev = run(nlp, "On 17 April 1895 China signed the Treaty of Shimonoseki with Japan, ceding Taiwan to Japan.")
    assert all("TWN" not in (e.source, e.target) for e in ev)
    ev = run(nlp, "In 1954 the United States signed a treaty with Taiwan.")
    assert coded(ev, "signed") == BOTH("USA", "TWN", "SUPPORT")


def test_events_tenth_admiral_togo_is_not_the_state_of_togo(nlp):
    ev = run(nlp, "On 8 February 1904 Admiral Togo's destroyers attacked the Russian squadron at Port Arthur.")
    assert all("TGO" not in (e.source, e.target) for e in ev)


def test_events_tenth_handing_back_and_old_capitals(nlp):
    ev = run(nlp, "In November 1895 Japan handed the peninsula back to China.")
    assert coded(ev, "handed") == {("JPN", "CHN", "RETREAT")}
    ev = run(nlp, "On 8 April 1902 St Petersburg signed a convention with China.")
    assert coded(ev, "signed") == BOTH("RUS", "CHN", "SUPPORT")


def test_events_tenth_demands_presented_and_dropped(nlp):
    ev = run(nlp, "In April 1903 Russia presented China with seven new demands.")
    assert coded(ev, "presented") == {("RUS", "CHN", "REQUEST")}
    ev = run(nlp, "In 1905 Japan fought Russia. On 29 August 1905 the Japanese dropped the demand for an indemnity.")
    assert coded(ev, "dropped") == {("JPN", "RUS", "CONCEDE")}
    # a plan presented is no demand
    ev = run(nlp, "In 1960 Khrushchev presented his plan to the United Nations.")
    assert not coded(ev, "presented")


def test_events_tenth_troops_marching_into_a_capital(nlp):
    ev = run(nlp, "In 1904 Japanese troops landed at Chemulpo and marched into Seoul.")
    assert coded(ev, "marched") == {("JPN", "KOR", "ASSAULT")}
    ev = run(nlp, "In 1966 Chinese crowds marched on the Soviet embassy.")
    assert coded(ev, "marched") == {("CHN", "SUN", "PROTEST")}


def test_events_tenth_arguing_that_is_a_case_made_not_a_quarrel(nlp):
    text = ("In April 1895 the ministers of Russia, Germany and France called on the Japanese government to renounce "
            "Liaodong, arguing that Japanese possession of Port Arthur would threaten Peking.")
    ev = run(nlp, text)
    # (not from each of the three to the others)
    assert not {(s, t) for s, t, _c in coded(ev, "arguing")} & {("RUS", "DEU"), ("DEU", "FRA"), ("FRA", "RUS")}
    ev = run(nlp, "In 1960 China argued with the Soviets.")
    assert ("CHN", "SUN", "ACCUSE") in coded(ev, "argued")


def test_events_tenth_a_states_annexation_was_done_to_it(nlp):
    ev = run(nlp, "Japan's annexation of Korea came in 1910.")
    assert coded(ev, "annexation") == {("JPN", "KOR", "ASSAULT")}
    ev = run(nlp, "In 1905 Japan made Korea a protectorate. Korea's formal annexation in 1910 was the last step.")
    assert all(e.source != "KOR" for e in ev if e.trigger == "annexation")


def test_events_tenth_that_year_is_the_year_just_named(nlp):
    text = ("On 2 May 1935 France and the Soviet Union signed a pact of mutual assistance. The first signs of trouble "
            "appeared in 1937. Mussolini paid a state visit to Germany in September of that year.")
    ev = run(nlp, text)
    assert years(ev, "paid") == {"1937-09"}


def test_events_tenth_four_leaders_just_named_sign_together(nlp):
    text = ("Britain was alarmed. On 29 September 1938 Hitler invited Chamberlain, Daladier and Mussolini to a conference "
            "at Munich. In the early hours of 30 September 1938 the four men signed an agreement.")
    ev = run(nlp, text)
    assert {frozenset((s, t)) for s, t, _c in coded(ev, "signed")} >= {frozenset(("DEU", "GBR")), frozenset(("DEU", "FRA")),
                                                                       frozenset(("DEU", "ITA"))}


def test_events_tenth_a_leaders_name_misspelt_by_one_letter(nlp):
    text = ("Jordan and Israel were at war. In September 1970 Hussien asked the United States and Britain for help. "
            "Kissenger in turn asked the Israeli ambassador whether Israel could help.")
    ev = run(nlp, text)
    assert ("JOR", "USA", "REQUEST") in coded(ev, "asked")
    assert ("USA", "ISR") in {(s, t) for s, t, _c in coded(ev, "asked")}
    ev = run(nlp, "In 1991 Yugoslavia began to break up. In October 1991 Milosovic turned down the plan of the European Community.")
    assert {s for s, _t, _c in coded(ev, "turned")} == {"YUG"}
    assert not coded(ev, "break")  # a state breaking up acts on no one
    # but not where the text names no state the name could belong to
    ev = run(nlp, "In September 1970 Hussien asked for help.")
    assert not ev


def test_events_tenth_rebels_of_a_people_are_not_its_state(nlp):
    ev = run(nlp, "In 1991 Croatia declared independence. Through the summer rebel Serbs seized about a third of Croatian territory.")
    assert not coded(ev, "seized")
    ev = run(nlp, "In 1991 Serbian troops attacked Croatia.")
    assert coded(ev, "attacked") == {("YUG", "HRV", "ASSAULT")}


def test_events_tenth_pan_american_is_no_american(nlp):
    ev = run(nlp, "In 1969 Honduras closed its border to Salvadoran goods and vehicles, cutting the Pan-American Highway.")
    assert all("USA" not in (e.source, e.target) for e in ev)


def test_events_tenth_subject_swallowed_by_an_over_date(nlp):
    text = ("In 1979 El Salvador and Honduras quarrelled. Over the winter of 1979-80 the Carter administration "
            "pressed both governments to settle.")
    ev = run(nlp, text)
    assert coded(ev, "settle") == {("USA", "HND", "REQUEST"), ("USA", "SLV", "REQUEST")}
