"""Kinds and grouping of actors that hold on unseen news (issue 15, second round): given
names, evidence counted once per name, countries acting only as teams, organisations after a
person's "of", heads of organisation names, peoples, and the fast paths giving the same
values as the slow ones."""

from __future__ import annotations

import pytest

from analysis.entities import actors, mentions
from analysis.entities.given_names import given_names, is_given_name
from analysis.entities.lexicon import zipf


def kinds(text: str) -> dict[str, str]:
    return dict(zip(*actors(text)[["actor", "kind"]].values.T, strict=True))


# --- given names --------------------------------------------------------------------------

def test_given_names_come_from_many_languages_and_leave_out_words_that_name_other_things():
    names = given_names()
    assert len(names) > 10_000
    for name in ["Paul", "Hillary", "Bernie", "Ahmed", "Mohammed", "Yannick", "Chiamaka",
                 "Mark", "Grace"]:
        assert is_given_name(name), name
    # titles, months, countries, nationality words, common words given by one list only
    for word in ["Major", "Judge", "June", "Jordan", "Chad", "German", "Christian", "Council",
                 "Will", "Unknown", "Bank", "paul"]:
        assert not is_given_name(word), word


def test_a_name_starting_with_a_given_name_is_a_persons():
    found = mentions("Bernie Sanders won the vote. Donald J. Trump lost.")
    assert found[["actor", "kind"]].values.tolist() == [["Bernie Sanders", "person"],
                                                         ["Donald J. Trump", "person"]]
    assert "given name Bernie" in found["evidence"][0]


def test_a_given_name_before_a_word_for_a_thing_says_nothing():
    assert kinds("Bill Clinton spoke. The Bill of Rights was read.")["Bill Clinton"] == "person"
    table = mentions("The Bill of Rights was read. Paul Street was closed.")
    assert not table["evidence"].str.contains("given name").any()


def test_a_first_name_alone_joins_the_full_name_it_starts():
    text = "On Monday, Hillary Clinton spoke in Iowa. Later, Hillary left."
    table = actors(text).set_index("actor")
    assert table.loc["Hillary Clinton", "mentions"] == 2


def test_the_shape_of_a_name_counts_once_however_often_it_is_repeated():
    # three mentions of two plain capitalised words do not outweigh "the localist group"
    text = ("The localist group Civic Passion won a seat. Civic Passion celebrated. Voters "
            "backed Civic Passion.")
    assert kinds(text)["Civic Passion"] == "group"


# --- countries: places unless they act, as a government or a team ---------------------------

@pytest.mark.parametrize("text, country", [
    ("Thailand has recently cracked down on human trafficking.", "Thailand"),
    ("Malaysia and Indonesia have maintained a policy of turning away boats.", "Malaysia"),
    ("Malaysia and Indonesia have maintained a policy of turning away boats.", "Indonesia"),
    ("North Korea fired a missile on Sunday.", "North Korea"),
    ("The Philippines is working to get its workers out.", "Philippines"),
    ("Sweden's foreign minister resigned.", "Sweden"),
    ("The UN urged Iran to stop enrichment.", "Iran"),
])
def test_a_government_acting_is_a_group(text, country):
    assert mentions(text).set_index("actor").loc[country, "kind"] == "group"


@pytest.mark.parametrize("text, country", [
    ("Talks between N. Korea and S. Korea failed.", "North Korea"),
    ("Libya is a country in North Africa.", "Libya"),
    ("Thousands fled to Tunisia on Monday.", "Tunisia"),
    ("Sweden's forests are vast.", "Sweden"),
])
def test_a_country_where_things_happen_or_that_is_described_is_a_place(text, country):
    assert mentions(text).set_index("actor").loc[country, "kind"] == "place"


def test_where_governments_act_a_country_not_after_a_preposition_of_place_is_a_group():
    text = ("North Korea fired a missile. Japan said it would respond. Sanctions on North Korea "
            "are likely, and diplomats in Japan met.")
    table = mentions(text)
    assert table[["text", "kind"]].values.tolist() == [
        ["North Korea", "group"], ["Japan", "group"], ["North Korea", "group"],
        ["Japan", "place"]]


@pytest.mark.parametrize("text, country", [
    ("Sweden beat Belgium 2-0 in the final.", "Sweden"),
    ("Sweden beat Belgium 2-0 in the final.", "Belgium"),
    ("The robot of team Estonia was lost.", "Estonia"),
    ("Tunisia's coach was sacked.", "Tunisia"),
])
def test_a_country_playing_is_a_team(text, country):
    assert mentions(text).set_index("actor").loc[country, "kind"] == "group"


def test_the_white_house_is_a_place_unless_it_speaks():
    assert kinds("Ahmed was invited to the White House.")["White House"] == "place"
    # a place that speaks stands for the body in it (GUM: an organization)
    table = mentions("They went to the White House. The White House said nothing.")
    assert table[["text", "kind"]].values.tolist() == [["White House", "place"],
                                                       ["White House", "group"]]


# --- organisations ------------------------------------------------------------------------

def test_after_a_persons_name_and_of_comes_an_organisation():
    text = "Nathan Law of Demosisto won a seat, and Matthew Ingram of The Globe spoke."
    found = kinds(text)
    assert found["Demosisto"] == "group"
    assert found["Globe"] == "group"
    assert found["Nathan Law"] == "person"


def test_a_name_starting_with_a_known_group_is_a_group():
    assert kinds("He won at the Google Science Fair.")["Google Science Fair"] == "group"


def test_plural_organisation_words_make_a_group():
    text = "The State and Homeland Security Departments agreed."
    assert kinds(text)["Homeland Security Departments"] == "group"


def test_a_possessive_inside_an_organisations_name_keeps_it_whole():
    text = ("Eunice Yung of New People's Party won. The New People Party thanked voters. "
            "The Party said so.")
    table = actors(text).set_index("actor")
    assert table.loc["New People's Party", "mentions"] == 3
    assert table.loc["New People's Party", "kind"] == "group"


def test_the_head_word_alone_joins_the_one_organisation_it_heads():
    text = ("The Church of Scientology denied it. The Church said the video was edited. "
            "Anonymous attacked the Church of Scientology.")
    assert actors(text).set_index("actor").loc["Church of Scientology", "mentions"] == 3


def test_a_party_adjective_alone_is_no_actor_but_the_party_is():
    table = mentions("Democratic voters turned out. Democratic Party leaders met.")
    assert table["text"].tolist() == ["Democratic Party"]


def test_peoples_named_without_a_plural_are_people():
    text = "The boats carried Bangladeshis and Rohingya, and the Rohingya were refused."
    table = actors(text).set_index("actor")
    assert table.loc["Rohingya", "kind"] == "person"
    assert table.loc["Rohingya", "mentions"] == 2


# --- fast paths -------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["the", "said", "benghazi", "haftar", "zzzqx", "a", "x",
                                  "anti-semitic", "don't", "Obama", "naïve", "2011"])
def test_zipf_equals_wordfreqs_own_value(word):
    from wordfreq import zipf_frequency

    assert zipf(word) == zipf_frequency(word, "en")


def test_an_office_named_with_of_is_a_title_and_the_person_follows():
    table = actors("Secretary of State John Kerry spoke. Kerry left.").set_index("actor")
    assert table.loc["John Kerry", "kind"] == "person"
    assert table.loc["John Kerry", "mentions"] == 2
    assert mentions("Secretary of State John Kerry spoke.")["title"].tolist() == [
        "Secretary of State"]


@pytest.mark.parametrize("text, name, kind", [
    ("Boko Haram fighters attacked the town.", "Boko Haram", "group"),
    ("The Islamic State said it was behind the attack.", "Islamic State", "group"),
    ("The Federal Reserve raised rates.", "Federal Reserve", "group"),
    ("Trafford AC won the relay.", "Trafford AC", "group"),
    ("Fans travelled to Liverpool on Sunday.", "Liverpool", "place"),
    ("Kanye West and George H. Smith sang.", "Kanye West", "person"),
    ("Hank Williams Jr. sang.", "Hank Williams Jr.", "person"),
])
def test_names_of_several_words_get_their_kind(text, name, kind):
    assert kinds(text)[name] == kind


def test_plural_place_words_make_a_place():
    assert kinds("He was taken to the Century City Towers.")["Century City Towers"] == "place"


def test_short_names_of_cities_join_the_city():
    table = actors("He flew to Los Angeles. Police in L.A. met him.").set_index("actor")
    assert table.loc["Los Angeles", "mentions"] == 2
    assert table.loc["Los Angeles", "kind"] == "place"


def test_a_surname_alone_with_nothing_else_known_is_a_persons():
    found = mentions("Jafari won.")
    assert found[["text", "kind", "evidence"]].values.tolist() == [
        ["Jafari", "person", "surname"]]
    assert mentions("Officials at Google won.")["kind"].tolist() == ["group"]  # known group


def test_a_given_name_of_joined_syllables_is_a_persons():
    assert kinds("He met Park Geun-hye and Kwong Chun-yu.") == {
        "Park Geun-hye": "person", "Kwong Chun-yu": "person"}


def test_a_name_starting_with_a_city_is_not_a_persons_by_its_shape():
    assert kinds("Manchester United won again.")["Manchester United"] != "person"
