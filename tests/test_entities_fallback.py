"""Kinds that hold on unseen news (issue 15, third round): what the rest of a document says
about an actor whose own evidence is silent -- the pronoun that takes it up, the names it is
listed with, the longer name it is a word of."""

from __future__ import annotations

from analysis.entities import actors, mentions


def kinds(text: str) -> dict[str, str]:
    return dict(zip(*actors(text)[["actor", "kind"]].values.T, strict=True))


def test_a_name_taken_up_by_he_or_she_is_a_persons():
    assert kinds("Okonjo met the press. She said the plan would work.")["Okonjo"] == "person"
    assert kinds("Wexby arrived late. His plane was delayed.")["Wexby"] == "person"


def test_a_pronoun_after_another_name_says_nothing_about_the_first():
    found = kinds("Wexby met Okonjo-Iweala. She said the plan would work.")
    assert found["Wexby"] == "unknown"


def test_its_takes_up_a_body_not_a_person():
    assert kinds("Zorvex cut its prices on Monday.")["Zorvex"] == "group"


def test_a_name_listed_with_organisations_is_one():
    found = kinds("Firms such as Sony, Fujitsu and Nintendo make them.")
    assert found["Fujitsu"] == "group"


def test_a_common_word_listed_with_people_is_not_made_a_person():
    # film titles listed with actors: no person evidence from the list
    found = kinds("The nominees are Kate Winslet, Shoes and Hilary Swank.")
    assert found["Shoes"] != "person"


def test_a_word_of_a_longer_name_takes_its_kind_when_its_own_evidence_is_silent():
    text = "The Zorvex Corporation grew. Analysts expect Zorvex to grow."
    assert set(kinds(text).values()) == {"group"}
    # its own evidence wins: a gazetteer place stays a place
    found = kinds("The Paris Agreement was signed. Leaders met in Paris.")
    assert found["Paris"] == "place"


# --- the name itself ----------------------------------------------------------------------

def test_a_role_written_into_a_name_before_a_persons_name_is_split_off_as_a_title():
    table = mentions("Senate Majority Leader Mitch McConnell said no. Comedian Chris Rock "
                     "laughed. North Dakota Republican Bette Grande won.")
    rows = table[["text", "kind", "title"]].values.tolist()
    assert ["Mitch McConnell", "person", "Leader"] in rows
    assert ["Chris Rock", "person", "Comedian"] in rows
    assert ["Bette Grande", "person", "Republican"] in rows
    assert ["North Dakota", "place", ""] in rows


def test_a_name_ending_in_a_common_noun_is_no_persons_by_its_shape():
    found = kinds("They cited Edison Research and the White Paper. Then Bill Brown met Kerry "
                  "Washington.")
    assert found["Edison Research"] != "person" and found["White Paper"] != "person"
    # a common word that is a known surname or a place ends a person's name
    assert found["Bill Brown"] == found["Kerry Washington"] == "person"


def test_a_dateline_in_capitals_is_the_place_the_gazetteer_knows():
    table = mentions("WASHINGTON (AP) -- The vote was close. FARGO -- It rained.")
    assert table[["actor", "kind"]].values.tolist() == [["Washington", "place"],
                                                        ["AP", "group"], ["Fargo", "place"]]


def test_an_acronym_does_not_join_a_persons_name_by_its_initials():
    table = mentions("Bhanu Baweja of UBS spoke. India's BB rating held. BB is junk.")
    assert table.loc[table["text"] == "BB", "actor"].tolist() == ["BB", "BB"]


# --- places playing -----------------------------------------------------------------------

def test_in_a_sports_report_a_city_is_its_club_unless_something_happens_there():
    text = ("Nottingham Forest rejected an offer. Tottenham's offer for their striker came. "
            "The player scored two goals in the match. The coach met reporters in Sheffield.")
    table = mentions(text).set_index("text")
    assert table.loc["Tottenham", "kind"] == "group"
    assert table.loc["Sheffield", "kind"] == "place"


def test_outside_sport_a_city_stays_a_place():
    text = "The council rejected it. Tottenham's offer for the land came."
    table = mentions(text).set_index("text")
    assert table.loc["Tottenham", "kind"] == "place"


def test_a_country_or_capital_that_speaks_is_its_government():
    table = mentions("North Korea said it would respond. Pyongyang has warned Seoul. China "
                     "fired missiles.")
    assert table[["text", "kind"]].values.tolist() == [
        ["North Korea", "group"], ["Pyongyang", "group"], ["Seoul", "place"],
        ["China", "group"]]


def test_a_name_after_said_at_the_end_of_a_quotation_or_before_a_verb_of_speech_is_a_persons():
    table = mentions('"We will win," said Okonjo. Then Baweja explained the plan.')
    assert table[["text", "kind"]].values.tolist() == [["Okonjo", "person"],
                                                       ["Baweja", "person"]]


# --- grouping -----------------------------------------------------------------------------

def test_an_acronym_in_brackets_joins_the_name_before_it():
    table = mentions("The Zorvex Holdings Group (ZVX) said so. Later ZVX added more.")
    assert set(table["actor"]) == {"Zorvex Holdings Group"}


def test_an_organisations_name_joins_the_same_name_after_a_country():
    table = mentions("The US State Department spoke. The State Department denied it.")
    assert set(table["actor"]) == {"US State Department"}


def test_a_word_for_a_following_before_a_persons_name_is_a_title():
    table = mentions("They saw Scientologist Tom Cruise. Tom Cruise waved.")
    assert table[["actor", "title"]].values.tolist() == [["Tom Cruise", "Scientologist"],
                                                         ["Tom Cruise", ""]]
    # a given name ending like a role word is no role ("Brian")
    assert mentions("Then Brian Paul Smith left.")["text"].tolist() == ["Brian Paul Smith"]


def test_a_company_joins_its_name_with_a_legal_suffix():
    table = mentions("Zorvex Corp. grew. Analysts said Zorvex would buy Quantel Inc.")
    assert table["actor"].tolist() == ["Zorvex Corp.", "Zorvex Corp.", "Quantel Inc."]


def test_an_acronym_with_a_number_joins_the_name_with_those_initials():
    table = mentions("Microsoft released Internet Explorer 9 today. Users said IE9 is fast.")
    assert table.loc[table["text"] == "IE9", "actor"].tolist() == ["Internet Explorer"]


def test_a_run_of_words_of_a_longer_name_takes_its_kind():
    text = "The ZQX Global Challenge Olympics began. Then ZQX Global ran it."
    assert set(kinds(text).values()) == {"group"}


def test_a_list_passes_a_kind_along_all_its_names():
    found = kinds("Handsets from NEC, Fujitsu and Mitsubishi were sold.")
    assert found["Fujitsu"] == found["Mitsubishi"] == "group"


def test_a_name_of_rare_words_written_inside_a_sentence_is_a_persons_when_nothing_else_is_known():
    assert kinds("The report quotes Okonjo at length.")["Okonjo"] == "person"
    # not when only capitalised at the start of a sentence, nor a plural or a nationality word
    found = kinds("Okonjo-style plans work. The report quotes Zorvexians and the Kadrans.")
    assert "person" not in found.values()


def test_a_business_word_at_the_end_of_a_name_makes_it_an_organisations():
    found = kinds("They cited Capital Economics, Forrester Research and Nucor Ltd today.")
    assert {found[k] for k in ("Capital Economics", "Forrester Research", "Nucor Ltd")} == {
        "group"}


def test_a_name_whose_shares_or_staff_are_spoken_of_is_an_organisations():
    assert kinds("Analysts watched as Zorvex's shares fell.")["Zorvex"] == "group"


def test_an_organisations_name_without_its_first_words_joins_the_full_name():
    table = mentions("The Andy Warhol Museum opened. Andy Warhol was born there. The Warhol "
                     "Museum is big.")
    assert table["actor"].tolist() == ["Andy Warhol Museum", "Andy Warhol",
                                       "Andy Warhol Museum"]
    # a place the gazetteer knows is not part of a longer place's name
    table = mentions("They moved from East Los Angeles to Los Angeles.")
    assert table["actor"].tolist() == ["East Los Angeles", "Los Angeles"]


def test_a_name_before_of_and_a_name_before_magazine_or_party_join_the_full_name():
    table = mentions("The Zorvex Corps of Canada collects books. Zorvex Corps gave them away.")
    assert set(table["actor"]) == {"Zorvex Corps of Canada"}
    table = mentions("The Zorvex Magazine was published. Critics read Zorvex often.")
    assert set(table["actor"]) == {"Zorvex Magazine"}


def test_an_organisation_and_a_role_before_a_persons_name_are_split_off():
    table = mentions("Microsoft Chief Executive Steve Ballmer spoke. Then Google CEO Sundar "
                     "Pichai spoke.")
    assert table[["text", "kind", "title"]].values.tolist() == [
        ["Microsoft", "group", ""], ["Steve Ballmer", "person", "Chief Executive"],
        ["Google", "group", ""], ["Sundar Pichai", "person", "CEO"]]


def test_a_title_before_a_name_starting_with_a_place_word_is_still_a_title():
    table = mentions("They met South Korean President Park Geun-hye. Park said no.")
    assert table.loc[table["text"] == "Park Geun-hye", "title"].tolist() == ["President"]
    assert table.loc[table["text"] == "Park", "actor"].tolist() == ["Park Geun-hye"]


def test_a_country_that_wins_beats_or_is_scored_for_is_a_team():
    table = mentions("Spain won the World Cup, beating the Netherlands in Johannesburg. "
                     "Andres Iniesta scored for Spain.")
    kinds_ = dict(zip(table["start"], table["kind"], strict=True))
    assert [kinds_[s] for s in table.loc[table["actor"].isin(
        ["Spain", "Netherlands"]), "start"]] == ["group", "group", "group"]
    assert table.loc[table["text"] == "Johannesburg", "kind"].tolist() == ["place"]
    # retaliation "against the United States" is no match
    table = mentions("It was retaliation against the United States for its role.")
    assert table["kind"].tolist() == ["place"]


def test_an_organisation_word_to_and_a_name_are_one_organisation():
    table = mentions("The Committee to Protect Journalists (CPJ) said so. CPJ added more.")
    assert table["actor"].tolist() == ["Committee to Protect Journalists"] * 3
    assert set(table["kind"]) == {"group"}


def test_a_theatre_is_a_place_and_an_actor_written_before_a_name_a_title():
    table = mentions("Actor Christian Slater spoke at the Ethel Barrymore Theatre. The US "
                     "Treasury agreed.")
    assert table[["text", "kind", "title"]].values.tolist() == [
        ["Christian Slater", "person", "Actor"], ["Ethel Barrymore Theatre", "place", ""],
        ["US Treasury", "group", ""]]


def test_al_before_a_surname_starts_a_persons_name_and_a_lower_case_role_of_is_a_title():
    table = mentions("They met former secretary of State Hillary Clinton and Al Gore. Al Qaeda "
                     "and Al Jazeera too.")
    assert table[["text", "kind", "title"]].values.tolist() == [
        ["Hillary Clinton", "person", "secretary of State"], ["Al Gore", "person", ""],
        ["Al Qaeda", "group", ""], ["Al Jazeera", "group", ""]]


def test_gods_and_prophets_are_persons():
    table = mentions("They thanked God and Jesus Christ. Later Jesus was praised.")
    assert set(table["kind"]) == {"person"}
    assert table["actor"].tolist() == ["God", "Jesus Christ", "Jesus Christ"]


def test_a_name_after_giant_or_operator_is_a_companys():
    table = mentions("A buyout by telecoms giant Zorvex was agreed. The London Stock Exchange "
                     "fell.")
    assert table["kind"].tolist() == ["group", "group"]


def test_a_name_written_where_places_are_is_not_taken_for_a_persons():
    found = kinds("The report quotes Okonjo at length. Delegates flew to Kadrabad later.")
    assert found["Okonjo"] == "person" and found["Kadrabad"] == "unknown"


def test_spellings_differing_in_hyphens_case_or_stops_are_one_actor_within_and_across_documents():
    table = mentions("Kim Jong-un spoke. Later Kim Jong Un smiled.")
    assert table["actor"].tolist() == ["Kim Jong-un", "Kim Jong-un"]
    from analysis.corpus import Document
    docs = [Document.from_text("Kim Jong-un spoke. Kim Jong-un left.", id="a"),
            Document.from_text("Then Kim Jong Un smiled.", id="b")]
    assert actors(docs)[["actor", "mentions", "documents"]].values.tolist() == [
        ["Kim Jong-un", 3, 2]]


def test_a_name_followed_by_which_is_no_persons():
    assert kinds("Analysts cited Zorvex, which makes steel.")["Zorvex"] == "group"


def test_a_given_name_and_a_surname_that_is_an_organisation_word_is_a_persons_name():
    table = mentions("They met Elizabeth Banks and Guy Chambers at Barclays Bank near "
                     "Victoria Station.")
    assert table["kind"].tolist() == ["person", "person", "group", "place"]


def test_initials_and_a_surname_or_an_administration_make_a_persons_name():
    table = mentions("Critics of the Obama administration met J.J. Goldberg at the U.S. Census "
                     "office.")
    assert table["text"].tolist() == ["Obama", "J.J. Goldberg", "U.S. Census"]
    assert table["kind"].tolist()[:2] == ["person", "person"]
    assert table["kind"].tolist()[2] != "person"  # a country's code is no initial


def test_abbreviated_koreas_are_the_countries_not_initials_and_a_surname():
    table = mentions("Talks between N. Korea and S. Korea failed. The DPRK refused.")
    assert table[["text", "actor", "kind"]].values.tolist() == [
        ["N. Korea", "North Korea", "place"], ["S. Korea", "South Korea", "place"],
        ["DPRK", "North Korea", "group"]]


def test_a_surname_left_alone_joins_the_full_name_found_a_persons_only_at_the_end():
    from analysis.entities.draft import Draft
    from analysis.entities.linking import relink_surnames
    ds = [Draft(0, 0, 12, 0, 1, "Guy Chambers", "Guy Chambers"),
          Draft(1, 20, 28, 5, 5, "Chambers", "Chambers"),
          Draft(1, 30, 36, 7, 7, "Norway", "Norway", country="Norway")]
    actors_ = ["Guy Chambers", "Chambers", "Norway"]
    assert relink_surnames(ds, actors_, {"Guy Chambers": "person", "Chambers": "unknown",
                                         "Norway": "place"}) == [
        "Guy Chambers", "Guy Chambers", "Norway"]
    # nothing to join when the full name is not a person's
    assert relink_surnames(ds, actors_, {"Guy Chambers": "group", "Chambers": "unknown",
                                         "Norway": "place"}) is None


def test_a_list_does_not_pass_on_a_persons_kind():
    # a title listed with actors ("Aviator") is not made a person by its list
    found = kinds("The nominees are Kate Winslet, the Zorvexia and Hilary Swank.")
    assert found["Kate Winslet"] == "person" and found["Zorvexia"] == "unknown"
