"""Event coding rules (CODEBOOK section 2) on sentences written for these tests."""
from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def coded(extractor: Any, text: str) -> list[tuple[str, list[str], list[str], str]]:
    rec = extractor.extract(text, published="2024-05-01")
    return [(e["type"], sorted(a["code"] for a in e["actor"] if a["code"]),
             sorted(a["code"] for a in e["recipient"] if a["code"]), e["factuality"]) for e in rec["events"]]


def has(events: list[tuple[str, list[str], list[str], str]], etype: str, actor: list[str],
        recipient: list[str] | None, factuality: str | None = None) -> bool:
    return any(t == etype and a == sorted(actor) and (recipient is None or r == sorted(recipient))
               and (factuality is None or f == factuality) for t, a, r, f in events)


@pytest.mark.parametrize("text, etype, actor, recipient", [
    # signing and ratifying are SUPPORT; a pledge and a future cooperation are AGREE
    ("Brazil and Argentina signed a fisheries agreement on Tuesday.", "SUPPORT", ["ARG", "BRA"], []),
    ("Canada has pledged to support Ukraine with winter equipment.", "AGREE", ["CAN"], ["UKR"]),
    ("The Japanese prime minister will visit India next month.", "AGREE", ["JPN"], ["IND"]),
    ("Chad said it would send troops to Niger.", "AGREE", ["TCD"], ["NER"]),
    # visitor = actor, host = recipient; parties of a talk are all actors
    ("The Tanzanian president met his Kenyan counterpart in Nairobi on Monday.", "CONSULT", ["TZA"], ["KEN"]),
    ("The Kenyan president met his Tanzanian counterpart in Nairobi on Monday.", "CONSULT", ["TZA"], ["KEN"]),
    ("The Turkish president received his Azerbaijani counterpart in Ankara.", "CONSULT", ["AZE"], ["TUR"]),
    ("Germany and France held talks on energy security.", "CONSULT", ["DEU", "FRA"], []),
    # disambiguation by arguments: strikes by workers and by aircraft; material and verbal support
    ("Kenyan teachers staged a strike in Nairobi.", "PROTEST", ["KEN"], None),
    ("Colombian warplanes carried out strikes on rebel camps in Venezuela.", "ASSAULT", ["COL"], ["VEN"]),
    ("Norway sent weapons to Ukraine.", "AID", ["NOR"], ["UKR"]),
    ("Japan provided food aid to Myanmar.", "AID", ["JPN"], ["MMR"]),
    ("The United States expressed support for Taiwan.", "SUPPORT", ["USA"], ["TWN"]),
    ("Spain offered political support to Morocco.", "SUPPORT", ["ESP"], ["MAR"]),
    # one sense per type
    ("Chile expelled two Bolivian diplomats.", "SANCTION", ["CHL"], ["BOL"]),
    ("The European Union imposed sanctions on Iran.", "SANCTION", ["EU"], ["IRN"]),
    ("Indian police arrested dozens of protesters in Delhi.", "COERCE", ["IND"], None),
    ("China condemned the Philippine patrol.", "ACCUSE", ["CHN"], ["PHL"]),
    ("Mexico rejected a proposal by Guatemala.", "REJECT", ["MEX"], ["GTM"]),
    ("Turkey demanded that Sweden extradite the suspects.", "REQUEST", ["TUR"], ["SWE"]),
    ("Vietnam thanked Laos for its help.", "SUPPORT", ["VNM"], ["LAO"]),
    ("Ethiopia threatened to close its border with Sudan.", "THREATEN", ["ETH"], ["SDN"]),
    ("Israeli troops withdrew from the Lebanese village.", "RETREAT", ["ISR"], ["LBN"]),
    ("Kazakhstan released twelve Russian prisoners.", "RETREAT", ["KAZ"], ["RUS"]),
    ("The Canadian prime minister apologized to India.", "CONCEDE", ["CAN"], ["IND"]),
    ("The Indonesian army deployed troops to the border.", "MOBILIZE", ["IDN"], None),
    ("Sudanese protesters rallied in Khartoum against the army.", "PROTEST", ["SDN"], None),
    ("Greece and Turkey agreed to resume negotiations.", "AGREE", ["GRC", "TUR"], []),
    ("Qatar mediated talks between the United States and the Taliban.", "CONSULT", ["QAT"], None),
    ("Russian aircraft struck the Ukrainian city of Kharkiv overnight.", "ASSAULT", ["RUS"], ["UKR"]),
    # "X said Y must ..." is a request to Y; announced sanctions are a threat
    ("The Egyptian foreign minister said Ethiopia must stop filling the dam.", "REQUEST", ["EGY"], ["ETH"]),
    ("Lithuania will sanction Belarus.", "THREATEN", ["LTU"], ["BLR"]),
    ("Ghana will not accept the proposal.", "REJECT", ["GHA"], None),
    # a relative clause without a relative word has its head noun as object
    ("Tanzania accused Kenya of hosting rebels, a charge Nairobi has always rejected.", "REJECT", ["KEN"],
     ["TZA"]),
    ("Chile asked Peru to reopen the consulate it closed in 2019.", "SANCTION", ["PER"], None),
    # weapons fired at nothing are a show of force; at a place, an attack
    ("Iran test-fired three cruise missiles into the sea on Friday.", "MOBILIZE", ["IRN"], []),
    ("Pakistan fired a ballistic missile into the Arabian Sea on Monday.", "MOBILIZE", ["PAK"], []),
    ("Syria fired missiles at Israel on Monday.", "ASSAULT", ["SYR"], ["ISR"]),
    ("Taiwan raised its alert level after the drills.", "MOBILIZE", ["TWN"], None),
    ("Turkey rushed to Azerbaijan's side.", "SUPPORT", ["TUR"], ["AZE"]),
    ("Ghana said it was open to negotiations with Togo.", "AGREE", ["GHA"], ["TGO"]),
    ("Poland will join Lithuania for joint border patrols next week.", "AGREE", ["POL"], ["LTU"]),
    # a speaker's judgement of another party is a criticism
    ("The Greek foreign minister said Turkey's drilling was illegal and provocative.", "ACCUSE", ["GRC"], ["TUR"]),
    # an appeal to a body; a trip that leads to talks is a visit
    ("Bolivia took the dispute to the International Court of Justice.", "REQUEST", ["BOL"], ["ICJ"]),
    ("A Brazilian delegation is due in Caracas on Friday to discuss the border.", "AGREE", ["BRA"], ["VEN"]),
    ("The African Union summit opened in Addis Ababa at the request of Egypt.", "REQUEST", ["EGY"], ["AU"]),
    ("Washington approved a sale of fighter jets to Greece.", "AID", ["USA"], ["GRC"]),
    ("Beijing imposed countermeasures on two Lithuanian firms.", "SANCTION", ["CHN"], ["LTU"]),
    ("Japan announced 5 million dollars in emergency aid for Sri Lanka.", "AID", ["JPN"], ["LKA"]),
    ("The European Union imposed new restrictions on Belarus.", "SANCTION", ["EU"], ["BLR"]),
    ("Serbia called up reservists on Monday.", "MOBILIZE", ["SRB"], None),
])
def test_types_and_arguments(extractor: Any, text: str, etype: str, actor: list[str],
                             recipient: list[str] | None) -> None:
    events = coded(extractor, text)
    assert has(events, etype, actor, recipient), events


@pytest.mark.parametrize("text, etype, actor, factuality", [
    ("Iran has not attacked Israel, officials said.", "ASSAULT", ["IRN"], "negated"),
    ("If Serbia attacks Kosovo, NATO will respond.", "ASSAULT", ["SRB"], "hypothetical"),
    ("Nepal might close its border with India.", "SANCTION", ["NPL"], "hypothetical"),
    ("Ukraine reportedly shot down a Russian drone.", "ASSAULT", ["UKR"], "alleged"),
    ("Rwanda allegedly sent troops into Congo.", "MOBILIZE", ["RWA"], "alleged"),
    ("Poland accused Belarus of sending weapons to Russia.", "ACCUSE", ["POL"], "asserted"),
])
def test_factuality(extractor: Any, text: str, etype: str, actor: list[str], factuality: str) -> None:
    events = coded(extractor, text)
    assert has(events, etype, actor, None, factuality), events


@pytest.mark.parametrize("text", [
    "The Greek minister said the storm was dangerous.",
    "Pakistan declined to comment on the report.",
    "Senegal has not confirmed or denied the report.",
    "The treaty stipulates that if either party is attacked, the other shall provide military assistance.",
    "The minister said the talks were useful.",
])
def test_not_events(extractor: Any, text: str) -> None:
    assert coded(extractor, text) == []


def test_accusation_content_is_alleged_and_linked(extractor: Any) -> None:
    rec = extractor.extract("Poland accused Belarus of sending weapons to Russia.", published="2024-05-01")
    doc_events = {e["type"]: e for e in rec["events"]}
    assert doc_events["ACCUSE"]["mode"] == "allege"
    content = [e for e in rec["events"] if e["factuality"] == "alleged"]
    assert content and content[0]["actor"][0]["code"] == "BLR"


def test_denial_answers_the_accuser(extractor: Any) -> None:
    events = coded(extractor, "Morocco accused Algeria of arming separatists. Algeria dismissed the claims as "
                              "fabricated.")
    assert has(events, "ACCUSE", ["MAR"], ["DZA"])
    assert has(events, "REJECT", ["DZA"], ["MAR"], "asserted")


def test_an_accusation_ahead_of_its_denial_is_asserted(extractor: Any) -> None:
    events = coded(extractor, "Uganda accused Rwanda of training rebels near the border, an allegation Kigali "
                              "has repeatedly denied.")
    assert has(events, "ACCUSE", ["UGA"], ["RWA"], "asserted")
    assert has(events, "REJECT", ["RWA"], ["UGA"], "asserted")


def test_a_call_after_a_denial_is_the_speakers_own(extractor: Any) -> None:
    events = coded(extractor, "A Togolese government spokesman said the accusation was false and called on "
                              "Ghana to reopen the border.")
    assert has(events, "REQUEST", ["TGO"], ["GHA"], "asserted")


def test_answers_take_their_recipient_from_the_story(extractor: Any) -> None:
    events = coded(extractor, "Iran seized a British tanker in the Strait of Hormuz on Friday. Britain lodged "
                              "a protest. Oman asked Qatar for help with the talks. Qatar pledged support.")
    assert has(events, "ACCUSE", ["GBR"], ["IRN"])
    assert has(events, "AGREE", ["QAT"], ["OMN"])


def test_an_answer_never_aims_at_its_own_side(extractor: Any) -> None:
    events = coded(extractor, "Chad deployed troops to the border. Chad lodged a protest.")
    assert not any(t == "ACCUSE" and r for t, _, r, _ in events), events


def test_warnings_of_consequences_are_threats(extractor: Any) -> None:
    assert has(coded(extractor, "The Serbian defence minister warned that Belgrade would respond with force."),
               "THREATEN", ["SRB"], None)
    assert coded(extractor, "The Serbian finance minister warned that the economy would shrink.") == []


def test_a_list_of_states_read_as_an_apposition_acts_together(extractor: Any) -> None:
    events = coded(extractor, "On Monday Brazil, Chile, Peru and Colombia called for a ceasefire in Haiti.")
    assert any(t == "REQUEST" and a == ["BRA", "CHL", "COL", "PER"] for t, a, _, _ in events), events


@pytest.mark.parametrize("text, actor, recipient", [
    ("Two Malian soldiers were killed in a bomb blast in central Bamako on Monday.", ["MLI"], ["MLI"]),
    ("A car bombing near the town of Kismayo killed four Kenyan soldiers.", ["SOM"], ["KEN"]),
])
def test_unnamed_attackers_code_where_they_strike(extractor: Any, text: str, actor: list[str],
                                                  recipient: list[str]) -> None:
    events = coded(extractor, text)
    assert [e for e in events if e[0] == "ASSAULT"] == [("ASSAULT", actor, recipient, "asserted")], events


def test_unnamed_gunmen_code_where_they_strike(extractor: Any) -> None:
    assert has(coded(extractor, "Gunmen killed 26 people in the town of Bamenda."), "ASSAULT", ["CMR"], ["CMR"])


def test_an_attack_named_by_nothing_but_its_victims_is_not_coded(extractor: Any) -> None:
    assert coded(extractor, "Two soldiers were killed on Monday.") == []


def test_a_demand_keeps_its_that_clause_as_content(extractor: Any) -> None:
    events = coded(extractor, "Norway repeated its demand on Monday that Russia release the fishermen.")
    assert has(events, "REQUEST", ["NOR"], ["RUS"])
    assert not any(t == "RETREAT" for t, *_ in events), events


def test_victims_of_a_coordinated_passive_are_no_actors(extractor: Any) -> None:
    events = coded(extractor, "Chad protested over a raid in which it said ten people were killed or wounded.")
    assert not any(t == "ASSAULT" and a == ["TCD"] for t, a, _, _ in events), events


def test_a_group_active_in_several_countries_codes_where_it_strikes(extractor: Any) -> None:
    events = coded(extractor, "On Monday, militants affiliated with the Allied Democratic Forces attacked a "
                              "Ugandan army post near Kasese, killing six soldiers.")
    assert [e for e in events if e[0] == "ASSAULT"] == [("ASSAULT", ["UGA"], ["UGA"], "asserted")], events


def test_an_authority_reporting_its_own_act_in_the_passive_is_its_agent(extractor: Any) -> None:
    assert has(coded(extractor, "The Kenyan defence ministry announced that 400 troops had been deployed to "
                                "Somalia."), "AID", ["KEN"], ["SOM"])
    # an attack it reports is no act of its own
    assert not any(t == "ASSAULT" and a == ["UKR"] for t, a, _, _ in
                   coded(extractor, "Ukraine said ten civilians were killed in the attack."))


def test_a_denied_account_is_an_accusation(extractor: Any) -> None:
    events = coded(extractor, "The Colombian army said the attack had been carried out by Venezuelan troops. "
                              "Venezuela denied any involvement.")
    assert has(events, "ACCUSE", ["COL"], ["VEN"], "asserted")
    assert has(events, "REJECT", ["VEN"], ["COL"], "asserted")
    assert any(t == "ASSAULT" and a == ["VEN"] and f == "alleged" for t, a, _, f in events), events


def test_a_denial_by_label_is_the_speaker_s(extractor: Any) -> None:
    events = coded(extractor, "Ghana accused Togo of hosting rebels. A Togolese spokesman said the accusation "
                              "was baseless.")
    assert has(events, "REJECT", ["TGO"], ["GHA"], "asserted")
    assert not any(t == "REJECT" for t, *_ in coded(extractor, "The minister said the road was dangerous "
                                                               "and the map was false."))


def test_a_denial_answers_what_came_before_it(extractor: Any) -> None:
    events = coded(extractor, "The Kenyan army said the raid had been carried out by al-Shabaab. Al-Shabaab "
                              "denied any role. Later, Washington accused al-Shabaab of extortion.")
    assert has(events, "REJECT", ["SOM"], ["KEN"]), events


def test_an_undisputed_account_stays_a_report(extractor: Any) -> None:
    events = coded(extractor, "The Colombian army said Venezuelan troops had crossed the border.")
    assert not any(t == "ACCUSE" for t, *_ in events), events


def test_a_denial_names_whose_account_it_denies(extractor: Any) -> None:
    assert has(coded(extractor, "Algeria dismissed the Moroccan account."), "REJECT", ["DZA"], ["MAR"])


def test_a_reaction_to_an_event_is_aimed_at_its_actor(extractor: Any) -> None:
    events = coded(extractor, "Turkish warships held drills near Cyprus on Monday. Greece expressed concern "
                              "over the drills.")
    assert has(events, "ACCUSE", ["GRC"], ["TUR"])


def test_joint_drills_need_a_second_party(extractor: Any) -> None:
    assert not any(t == "COOPERATE" for t, *_ in coded(extractor, "The Chinese army launched joint drills "
                                                                  "around the island."))


def test_ending_an_event_is_its_own_type(extractor: Any) -> None:
    assert has(coded(extractor, "Uzbekistan has stopped sharing water data with Tajikistan."), "SANCTION", ["UZB"],
               None)
    assert has(coded(extractor, "Kenya and Somalia traded accusations on Monday."), "ACCUSE", ["KEN", "SOM"], [])


def test_a_clause_of_an_agreement_is_no_event(extractor: Any) -> None:
    events = coded(extractor, "Peru could leave the 1998 accord, under which both countries undertook to "
                              "respect the border.")
    assert not any(t == "AGREE" for t, *_ in events), events


def test_an_agreement_named_for_its_venue_is_not_the_venue_s(extractor: Any) -> None:
    events = coded(extractor, "The war ended with the Nairobi agreement between Sudan and the rebels.")
    assert not any("KEN" in a + r for _, a, r, _ in events), events


def test_a_people_acts_where_the_event_is(extractor: Any) -> None:
    events = coded(extractor, "In Mostar, hundreds of Croats rallied outside the town hall on Sunday.")
    assert has(events, "PROTEST", ["BIH"], None), events


def test_coordinated_negotiators_both_sign(extractor: Any) -> None:
    events = coded(extractor, "Armenia's chief negotiator Karen Petrosyan and Azerbaijan's Elnur Mammadov "
                              "signed the document.")
    assert any(t == "SUPPORT" and set(a) == {"ARM", "AZE"} for t, a, _, _ in events), events


def test_what_a_relative_clause_governs_is_its_object(extractor: Any) -> None:
    events = coded(extractor, "The truce that Armenia declared on Monday held for a day.")
    assert any(t in ("CONCEDE", "RETREAT") and a == ["ARM"] for t, a, _, _ in events), events
    # "the fleet, which he called a threat": naming, not calling up troops
    assert not any(t == "MOBILIZE" for t, *_ in coded(
        extractor, "Cuba denounced the US fleet, which its president called a threat."))


def test_talks_a_future_trip_is_for_are_announced(extractor: Any) -> None:
    assert has(coded(extractor, "Officials of Chile and Peru will meet in Lima next week to discuss fishing."),
               "AGREE", ["CHL", "PER"], None, "future")


def test_repeats_merge_with_their_evidence(extractor: Any) -> None:
    rec = extractor.extract("Peru and Bolivia signed a treaty last year. Peru praised Bolivia. The Peruvian "
                            "president also thanked Bolivia.", published="2024-05-01")
    praise = [e for e in rec["events"] if e["type"] == "SUPPORT" and e["recipient"]]
    assert len(praise) == 1
    assert len(praise[0]["evidence_all"]) == 2


def test_cameo_and_score_accompany_each_event(extractor: Any) -> None:
    rec = extractor.extract("Colombian warplanes carried out strikes on rebel camps in Venezuela. "
                            "Japan provided food aid to Myanmar.", published="2024-05-01")
    by_type = {e["type"]: e for e in rec["events"]}
    assert by_type["ASSAULT"]["cameo"].startswith("19") and by_type["ASSAULT"]["goldstein"] <= -9
    assert by_type["AID"]["cameo"].startswith("07") and by_type["AID"]["goldstein"] > 0
    assert by_type["ASSAULT"]["mode"] == "aerial"


def test_evidence_spans_point_at_the_trigger(extractor: Any) -> None:
    text = "Norway sent weapons to Ukraine."
    e = extractor.extract(text, published="2024-05-01")["events"][0]
    start, end = e["evidence"]["trigger"]
    assert text[start:end] == "sent"
    assert text[e["evidence"]["start"]:e["evidence"]["end"]] == text
