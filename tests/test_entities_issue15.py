"""The faults of issue 15, each with the value a reader relies on: actors' kinds and grouping,
who said what, and speakers that are people and organisations, never pronouns."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import entities
from analysis.corpus import Document
from analysis.entities import actors, attributions, mentions, speakers
from analysis.entities.actors import group_actors


def kinds(text: str) -> dict[str, str]:
    return dict(zip(*actors(text)[["actor", "kind"]].values.T, strict=True))


# --- kinds and grouping ------------------------------------------------------------------

def test_a_title_between_an_organisation_and_a_person_splits_them():
    text = ("NASA Administrator Charles Bolden said the launch would go ahead. Bolden praised "
            "the crew. NASA will review the data.")
    table = actors(text).set_index("actor")
    assert table.loc["Charles Bolden", "kind"] == "person"
    assert table.loc["Charles Bolden", "mentions"] == 2
    assert table.loc["NASA", "kind"] == "group"
    assert table.loc["NASA", "mentions"] == 2  # NASA keeps its own mentions
    assert "NASA Administrator Charles Bolden" not in table.index


def test_a_government_agency_named_after_its_country_is_a_group():
    text = ("Environment Canada issued a heat warning for Ottawa on Monday. Environment Canada "
            "said temperatures would reach 35 degrees.")
    assert kinds(text)["Environment Canada"] == "group"
    assert kinds(text)["Ottawa"] == "place"


def test_a_member_of_parliament_is_a_person_and_his_surname_joins_him():
    text = ("Ottawa New Democrat MP Paul Dewar criticised the plan on Tuesday. Dewar said the "
            "government had ignored residents.")
    table = actors(text).set_index("actor")
    assert table.loc["Paul Dewar", "kind"] == "person"
    assert table.loc["Paul Dewar", "mentions"] == 2
    assert "Dewar" not in table.index
    assert not (table["kind"].eq("person") & table.index.str.contains("Ottawa")).any()


@pytest.mark.parametrize("text, name, kind", [
    ("Labour said the budget would hurt families. Support for Labour rose in the polls.",
     "Labour", "group"),
    ("The conciliation service Acas said talks would resume on Monday. A spokesman for Acas "
     "confirmed the meeting. Acas has offered to mediate.", "Acas", "group"),
])
def test_parties_and_services_are_groups(text, name, kind):
    assert kinds(text)[name] == kind


def test_a_pilgrimage_is_no_place():
    text = ("More than two million pilgrims travelled to Mecca for the Hajj. During the Hajj, "
            "pilgrims walk around the Kaaba.")
    assert kinds(text)["Hajj"] != "place"


def test_an_association_of_a_nationality_stays_one_name():
    text = ("The Association of British Insurers said premiums would rise. A spokesman for the "
            "Association of British Insurers declined to comment.")
    table = actors(text).set_index("actor")
    assert table.loc["Association of British Insurers", "mentions"] == 2
    assert table.loc["Association of British Insurers", "kind"] == "group"
    assert not {"Association", "Insurers"} & set(table.index)


def test_space_shuttle_and_state_are_no_persons():
    text = ("Space Shuttle Atlantis landed at the Kennedy Space Center in Florida. The State of "
            "Texas sued the government.")
    table = kinds(text)
    assert table["Space Shuttle Atlantis"] != "person"
    assert table["State of Texas"] != "person"


def test_context_decides_country_as_place_or_group():
    text = ("Sweden beat Belgium 2 - 1 in Russia. Fans travelled to Russia from Sweden. "
            "Most of them live in Sweden.")
    table = mentions(text)
    by_start = dict(zip(table["start"], table["kind"], strict=True))
    assert by_start[text.index("Sweden")] == "group"  # a team
    assert by_start[text.index("Belgium")] == "group"
    assert by_start[text.index("Russia")] == "place"
    assert by_start[text.index("Sweden", 20)] == "place"  # "from Sweden"
    assert by_start[text.rindex("Sweden")] == "place"


def test_actors_are_grouped_across_documents():
    docs = [Document.from_text("Barack Obama met Angela Merkel in Berlin.", id="a"),
            Document.from_text("On Friday, Obama left Berlin.", id="b"),
            Document.from_text("On Monday, John Smith met Ann Smith.", id="c"),
            Document.from_text("On Tuesday, Smith left.", id="d")]
    table = actors(docs).set_index("actor")
    assert table.loc["Barack Obama", "mentions"] == 2
    assert table.loc["Barack Obama", "documents"] == 2
    assert "Obama" not in table.index
    assert "Smith" in table.index  # two Smiths: the surname alone stays apart


def test_the_statements_table_names_a_speaker_as_the_actors_table_does():
    docs = [Document.from_text("Barack Obama met Angela Merkel in Berlin on Monday.", id="a"),
            Document.from_text("Obama said the talks were over.", id="b")]
    said = attributions(docs)
    assert said["speaker"].tolist() == ["Barack Obama"]
    assert said["source"].tolist() == ["Obama"]  # as written
    # the most-quoted table counts the same name from the statements table or the corpus
    assert speakers(said)["speaker"].tolist() == speakers(docs)["speaker"].tolist()


def test_a_surname_joins_the_person_named_far_more_often_and_a_group_never_a_person():
    t = pd.DataFrame({"actor": ["Barack Obama"] * 6 + ["Michelle Obama"] * 2 + ["Obama"]
                      + ["GOP", "GOP", "Indiana GOP"],
                      "kind": ["person"] * 9 + ["group", "group", "person"]})
    grouped = dict(zip(t["actor"], group_actors(t), strict=True))
    assert grouped["Obama"] == "Barack Obama"  # 6 mentions against 2
    assert grouped["GOP"] == "GOP"
    t = pd.concat([t, pd.DataFrame({"actor": ["Thomas Vogel", "TV", "European Union", "EU",
                                              "Guantanamo Bay", "GB"],
                                    "kind": ["person", "group", "group", "group", "place",
                                             "group"]})],
                  ignore_index=True)
    grouped = dict(zip(t["actor"], group_actors(t), strict=True))
    assert grouped["TV"] == "TV" and grouped["EU"] == "European Union"  # initials of a group
    assert grouped["GB"] == "GB"  # Great Britain's team, not the bay
    t.loc[:5, "actor"] = ["Barack Obama"] * 3 + ["Michelle Obama"] * 3
    grouped = dict(zip(t["actor"], group_actors(t), strict=True))
    assert grouped["Obama"] == "Obama"  # two Obamas named alike often: it stays apart


def test_mr_obama_joins_barack_obama_not_michelle_obama():
    docs = [Document.from_text("Barack Obama spoke in Ohio.", id="a"),
            Document.from_text("Michelle Obama spoke in Iowa. Michelle Obama left.", id="b"),
            Document.from_text("Mr. Obama said the bill would pass.", id="c")]
    table = actors(docs).set_index("actor")
    assert table.loc["Barack Obama", "mentions"] == 2
    assert table.loc["Michelle Obama", "mentions"] == 2
    assert "Obama" not in table.index


def test_actors_by_a_metadata_column():
    docs = [Document.from_text("In Berlin, Obama spoke.", id="a", meta={"outlet": "X"}),
            Document.from_text("In Paris, Obama spoke. Then Obama left.", id="b",
                               meta={"outlet": "Y"})]
    table = actors(docs, by="outlet")
    assert list(table.columns[:2]) == ["outlet", "actor"]
    counts = {(o, a): n for o, a, n in table[["outlet", "actor", "mentions"]].values}
    assert counts[("X", "Obama")] == 1 and counts[("Y", "Obama")] == 2
    assert actors(docs, by="outlet", top=1).groupby("outlet").size().tolist() == [1, 1]
    with pytest.raises(KeyError, match="outlet"):
        actors(docs, by="publisher")


# --- who said what -----------------------------------------------------------------------

def test_a_quote_continuing_after_she_said_stays_one_attribution():
    text = ('Residents were angry. "We have waited for years," said Mary Jones, who lives on '
            'the street. "Nobody listened to us." The council apologised.')
    table = attributions(text)
    assert len(table) == 1
    row = table.iloc[0]
    assert row["speaker"] == "Mary Jones" and row["kind"] == "quote"
    assert row["content"] == "We have waited for years \u2026 Nobody listened to us."
    assert text[row["content_start"]:row["content_end"]].endswith("Nobody listened to us.")


def test_the_second_part_of_a_quote_is_not_given_to_the_next_person_named():
    text = ('"The rent doubled," she said. "Then they closed the shop." '
            'Landlord Tom Brown declined to comment.')
    table = attributions(text)
    assert table["source"].tolist() == ["she"]
    assert table.iloc[0]["content"].endswith("Then they closed the shop.")


def test_a_warning_does_not_take_a_residents_quote():
    text = ('Insurance companies warned of higher premiums. "My house flooded twice," said '
            'resident Ann Lee.')
    table = attributions(text)
    quote = table[table["content"].str.contains("flooded")]
    assert quote["speaker"].tolist() == ["Ann Lee"]
    assert not table[table["source"] == "Insurance companies"]["content"].str.contains(
        "flooded").any()


def test_pronouns_and_phrases_are_never_top_speakers():
    text = ('A study of 2,000 patients found fewer infections. "The results are clear," he '
            'said. They said the drug worked. The authors say the results may not hold '
            'elsewhere. Officials said the study was small. "We will check," she said.')
    top = speakers(text)
    assert not {"he", "she", "they", "He", "They"} & set(top["speaker"])
    assert not top["speaker"].str.contains("say").any()
    assert "officials" in set(top["speaker"])
    said = attributions(text)
    assert said["pronoun"].sum() >= 2 and not said.loc[said["pronoun"], "resolved"].any()


def test_pronoun_speakers_are_resolved_to_the_person_named_before():
    text = ('Khalifa Haftar spoke in Benghazi on Friday. "We will win," he said. '
            'Tunisian officials said they were struggling.')
    table = attributions(text)
    first = table.iloc[0]
    assert (first["source"], first["speaker"], first["pronoun"], first["resolved"]) == (
        "he", "Khalifa Haftar", True, True)
    assert text[first["speaker_start"]:first["speaker_end"]] == "Khalifa Haftar"
    top = speakers(text)
    assert top.set_index("speaker").loc["Khalifa Haftar", "attributions"] == 1


def test_a_chain_of_he_leads_back_to_the_man_who_started_it_not_the_last_person_named():
    text = ("Donald Trump is raising questions about his microphone during the debate with "
            "Hillary Clinton.\n\nHe notes that the commission found an issue with Trump's "
            "microphone. His audio was quieter than Clinton's.\n\nHe says, \u201cWorking that "
            "microphone was harder than working Crooked Hillary Clinton.\u201d")
    said = attributions(text)
    assert said.set_index("cue").loc["says", "speaker"] == "Donald Trump"
    assert "Hillary Clinton" not in speakers(text)["speaker"].tolist()


@pytest.mark.parametrize(("text", "speaker"), [
    # the nearest person is a man by his given name: "she" goes back to the woman
    ('Elizabeth Warren met Donald Trump on Monday. She said the talks went well.',
     "Elizabeth Warren"),
    ('Donald Trump met Elizabeth Warren on Monday. He said the talks went well.',
     "Donald Trump"),
    # a title says it where the given name cannot ("Hillary" is given to both in faker)
    ('Mrs. Clinton spoke after Donald Trump. She said the debate was over.', "Clinton"),
])
def test_a_pronoun_speaker_skips_a_person_of_the_other_gender(text, speaker):
    table = attributions(text)
    assert table["speaker"].tolist() == [speaker] and table["resolved"].tolist() == [True]


def test_a_surname_alone_says_no_gender():
    # "Thomas" is a man's given name in faker, but here it is a family name
    text = "Senator Thomas spoke in Ohio on Monday. She said the race was close."
    assert attributions(text)["speaker"].tolist() == ["Thomas"]


def test_speakers_by_a_metadata_column():
    docs = [Document.from_text("Officials said the road was open.", id="a",
                               meta={"outlet": "X"}),
            Document.from_text("Haftar said the war was over. Haftar said he won.", id="b",
                               meta={"outlet": "Y"})]
    table = speakers(docs, by="outlet")
    assert list(table.columns[:2]) == ["outlet", "speaker"]
    assert table[["outlet", "speaker", "attributions"]].values.tolist() == [
        ["X", "officials", 1], ["Y", "Haftar", 2]]


# --- the per-document tables -------------------------------------------------------------

@pytest.mark.parametrize("spec", entities.TABLES, ids=lambda s: s.name)
def test_tables_number_sentences_from_one_and_point_into_the_text(spec):
    text = ('Spain said on Monday that 12 people died. "We will win," Haftar said. '
            'Tunisian officials left Tripoli.')
    from analysis.tables import per_document

    table = per_document(text, spec)
    assert list(table.columns) == spec.names
    assert len(table) and table["sentence"].min() == 1
    for c in ("start", "source_start", "content_start"):
        if c in table:
            assert (table[c] >= 0).all()
    if "text" in table:
        assert all(text[a:b] == t for a, b, t in zip(table["start"], table["end"], table["text"],
                                                      strict=True))


def test_figures_name_their_document():
    docs = [Document.from_text("Prices rose 4.5% in 2011.", id="a"),
            Document.from_text("It cost $2 billion.", id="b")]
    table = entities.figures(docs)
    assert table[["document", "text"]].values.tolist() == [
        ["a", "4.5%"], ["a", "2011"], ["b", "$2 billion"]]


def test_corpus_functions_take_the_table_they_aggregate():
    text = "Spain and China left Libya. Spain stayed in Tunisia."
    table = mentions(text)
    assert actors(table).equals(actors(text))
    nodes, edges = entities.cooccurrence(table)
    assert set(nodes["name"]) == {"Spain", "China", "Libya", "Tunisia"}
    said = attributions("Officials said the road was open.")
    assert speakers(said).equals(speakers("Officials said the road was open."))
    assert isinstance(said, pd.DataFrame)


# --- who said what: heads of sources, negation, the first person --------------------------

@pytest.mark.parametrize("text, speaker", [
    ("The Senator from Texas said the bill was dead.", "senator from Texas"),
    ("A spokesman for the State Department said talks went on.",
     "spokesman for the State Department"),
    ("Secretary of State John Kerry said the talks were over.", "John Kerry"),
    ("Trump campaign spokesman Jason Miller said the poll was wrong.", "Jason Miller"),
])
def test_the_speaker_is_the_head_of_the_source_not_a_name_after_a_preposition(text, speaker):
    assert attributions(text)["speaker"].tolist() == [speaker]


def test_a_negation_before_the_infinitive_stays_in_what_was_urged():
    said = attributions("Northern Rail urged passengers not to travel on Sunday.")
    assert said["content"].tolist() == ["not to travel on Sunday"]


def test_the_first_person_keeps_its_capital_and_is_never_a_speaker():
    text = '"I know the risks," I said. Officials said the road was open.'
    said = attributions(text)
    assert said.loc[said["pronoun"], "speaker"].tolist() == ["I"]
    assert speakers(text)["speaker"].tolist() == ["officials"]


@pytest.mark.parametrize("text, name", [
    ("The Securities and Exchange Commission (SEC) sued the bank.",
     "Securities and Exchange Commission"),
    ("The Food and Drug Administration approved the drug.", "Food and Drug Administration"),
    ("The Department of Health and Human Services said no.",
     "Department of Health and Human Services"),
])
def test_an_agency_with_and_in_its_name_is_one_group(text, name):
    table = mentions(text)
    assert table["text"].tolist()[0] == name
    assert table["kind"].tolist()[0] == "group"


def test_and_between_two_names_still_separates_them():
    table = mentions("He met them in Britain and France. Fujitsu and Sony Corp. make chips.")
    assert "Fujitsu" in table["text"].tolist()
    assert not any(" and " in t for t in table["text"])


@pytest.mark.parametrize("name", ["Warren", "Lincoln"])
def test_a_title_makes_a_person_of_a_town_name(name):
    # "Warren" and "Lincoln" are towns in the gazetteer; a senator is a person
    text = f"Senator {name} spoke in Ohio on Monday. She said the race was close."
    table = actors(text)
    assert table.set_index("actor").loc[name, "kind"] == "person"
    assert attributions(text)["speaker"].tolist() == [name]


@pytest.mark.parametrize("text", [
    '"These buildings are the only warm place," said Janet Cole of Friends of Northfield '
    'Libraries.',
    "Janet Cole of Friends of Northfield Libraries said the buildings were warm.",
])
def test_a_person_named_before_of_is_the_speaker(text):
    said = attributions(text)
    assert said[["speaker", "named"]].values.tolist() == [["Janet Cole", True]]
    assert said["source"].tolist() == ["Janet Cole of Friends of Northfield Libraries"]


def test_a_title_case_headline_with_a_full_stop_is_no_name():
    # PolNeAR's New York Times titles end with a full stop
    text = ("What Mexico Could Do When Up Against Trump.\n\n"
            "Mexico and the United States argued over trucks, Donald Trump said.")
    found = mentions(text)
    assert {"Mexico", "Trump"} <= set(found["text"]) and not any(
        " Could " in t for t in found["text"])
    assert "Mexico Could Do When Up Against Trump" not in set(actors(text)["actor"])


def test_a_sentence_alone_on_its_line_is_read_as_a_sentence():
    # lower-case words: no headline, so a name keeps the evidence of its place in the line
    text = "Donald Trump Jr. met voters in Wisconsin on Friday.\n\nThe count went on."
    assert {"Donald Trump Jr.", "Wisconsin"} <= set(mentions(text)["text"])


def test_one_of_the_companies_makes_a_group():
    text = ("A few months earlier, this belonged to Patriot Coal, one of the nation's largest "
            "coal companies. Patriot Coal closed the mine.")
    assert kinds(text)["Patriot Coal"] == "group"


def test_a_state_named_in_full_keeps_its_place_kind():
    # "Virginia" stands for "State of Virginia": no surname of a person
    text = ("He took a loan from the State of Virginia. Back in Virginia, Mr. Clarke said, he "
            "decided to stay. They moved to Virginia.")
    assert kinds(text)["State of Virginia"] == "place"


def test_speakers_are_grouped_across_documents_as_the_actors_are():
    docs = [Document.from_text("Hillary Clinton spoke in Ohio on Monday.", id="a",
                               meta={"outlet": "X"}),
            Document.from_text('"We will win," Clinton said on Tuesday.', id="b",
                               meta={"outlet": "X"}),
            Document.from_text('"We will not," Clinton told reporters.', id="c",
                               meta={"outlet": "Y"})]
    said = speakers(docs)
    assert said[["speaker", "attributions", "documents"]].values.tolist() == [
        ["Hillary Clinton", 2, 2]]
    assert set(actors(docs)["actor"]) == {"Hillary Clinton", "Ohio"}
    by = speakers(docs, by="outlet")
    assert by[["outlet", "speaker"]].values.tolist() == [["X", "Hillary Clinton"],
                                                        ["Y", "Hillary Clinton"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ("According to exit polls, Trump won the state by ten points.", "exit polls"),
    ("Trump won white voters by 21 points, according to exit polls.", "exit polls"),
    ("According to the police reports, the man fled.", "police reports"),
])
def test_according_to_a_plural_source(text, speaker):
    assert attributions(text)["speaker"].tolist() == [speaker]


def test_a_title_with_a_full_stop_still_says_who_said_what():
    text = "Clinton Says Trump Is Unfit.\n\nThe campaign went on."
    assert attributions(text)["cue"].tolist() == ["Says"]


@pytest.mark.parametrize(("text", "content"), [
    ('Priya Natarajan told reporters the spill was "serious but contained", and promised '
     'an inquiry.',
     'the spill was "serious but contained"'),
    ("She said the plan was \u201ca choice, not a necessity\u201d.",
     "the plan was \u201ca choice, not a necessity\u201d"),
    ("He said the plan was good.", "the plan was good"),
])
def test_a_quotation_opened_in_the_content_keeps_its_closing_mark(text, content):
    said = attributions(text)
    assert said["content"].iloc[0] == content
    row = said.iloc[0]
    assert text[row["content_start"]:row["content_end"]] == content


@pytest.mark.parametrize("text, speaker, named", [
    ("Vice President Joseph R. Biden Jr., who spoke at a rally in Columbus, Ohio, on Wednesday "
     "afternoon, said the race was close.", "Joseph R. Biden Jr.", True),
    ("Hillary Clinton, speaking to reporters in Chappaqua, N.Y., said she would run.",
     "Hillary Clinton", True),
    ("But Sheila Brannock, who lives in Ohio, said she was worried.", "Sheila Brannock", True),
    ("A top adviser for President Obama said the plan was dead.",
     "top adviser for President Obama", False),
    ("Supporters of Democrat Hillary Clinton say the polls are wrong.",
     "supporters of Democrat Hillary Clinton", False),
    # names joined by "and" speak together: neither is the speaker alone
    ("Donald Trump and Bernie Sanders said the system was rigged.",
     "Donald Trump and Bernie Sanders", False),
    ("Health and Human Services spokesman John Smith said the plan was fine.", "John Smith",
     True),
])
def test_a_place_or_a_name_after_a_preposition_in_the_source_is_not_the_speaker(
        text, speaker, named):
    said = attributions(text)
    assert said[["speaker", "named"]].values.tolist() == [[speaker, named]]


def test_a_name_set_off_after_an_inverted_source_is_the_speaker():
    said = attributions("\u201cNo child should sit in a classroom hungry,\u201d said the "
                        "authority\u2019s director, Helen Byrne.")
    assert said[["speaker", "named"]].values.tolist() == [["Helen Byrne", True]]
    assert said["source"].tolist() == ["the authority\u2019s director, Helen Byrne"]


def test_a_quantifier_alone_is_never_a_top_speaker():
    text = "Parents said the scheme was overdue, but some warned that kitchens were not ready."
    assert attributions(text)["source"].tolist() == ["Parents", "some"]  # kept in the table
    assert speakers(text)["speaker"].tolist() == ["parents"]


@pytest.mark.parametrize(("text", "actors_"), [
    # both named in full: the title says which
    ("Hillary Clinton met voters. Bill Clinton stayed home. Mrs. Clinton said the vote was "
     "close. Mr. Clinton said he was proud.",
     ["Hillary Clinton", "Bill Clinton", "Hillary Clinton", "Bill Clinton"]),
    # only she is named in full, and "Mrs. Clinton" is the text's usual form: "Mr. Clinton" is
    # someone else, left apart
    ("Hillary Clinton met voters. Mrs. Clinton spoke. Mrs. Clinton left. Mr. Clinton said he "
     "was proud.", ["Hillary Clinton", "Hillary Clinton", "Hillary Clinton", "Clinton"]),
])
def test_a_surname_with_a_title_never_joins_a_person_of_the_other_gender(text, actors_):
    table = mentions(text)
    assert table[table["kind"] == "person"]["actor"].tolist() == actors_


def test_a_surname_that_is_a_nationality_word_stays_the_persons():
    text = ("Mark Cuban, the owner of the Dallas Mavericks, spoke on Monday. Cuban said the "
            "debate was a joke. The Cuban government said nothing.")
    table = mentions(text)
    assert table["actor"].tolist().count("Mark Cuban") == 2  # "Mark Cuban", "Cuban said"
    assert table.loc[table["text"] == "Cuban", "actor"].tolist() == ["Mark Cuban", "Cuba"]
    assert attributions(text)["speaker"].tolist()[:1] == ["Mark Cuban"]


@pytest.mark.parametrize(("text", "names"), [
    # a one-letter word before a hyphen ends the name: the garment is no part of NASA
    ("The boy wore a NASA T-shirt. The BBC X-ray images were shown.", ["NASA", "BBC"]),
    # "the Secretary of State" is an office (here John Kerry's), not the State Department
    ("The US State Department said John Kerry, the Secretary of State, called Bangkok.",
     ["US State Department", "John Kerry", "Bangkok"]),
])
def test_words_that_look_like_names_but_are_not_actors(text, names):
    assert mentions(text)["text"].tolist() == names


def test_who_after_a_name_is_that_person_in_the_table_and_the_speakers():
    text = ("Ms. Lee, who said the plan was rushed, left early. Residents, who said they were "
            "angry, stayed.")
    table = attributions(text)
    assert table[["source", "speaker", "resolved"]].values.tolist() == [
        ["who", "Lee", True], ["who", "Residents", False]]
    assert speakers(text)["speaker"].tolist() == ["Lee"]


@pytest.mark.parametrize(("text", "kind"), [
    ("MILLBROOK — The city council voted on Tuesday.", "place"),  # a town no gazetteer knows
    ("KINGSBURY, Ont. -- A fire broke out on Monday.", "place"),
    ("NATO — the alliance — met on Monday.", "group"),  # a known group stays one
])
def test_a_name_in_capitals_opening_a_story_before_a_dash_is_its_dateline_place(text, kind):
    assert mentions(text)["kind"].tolist()[:1] == [kind]


def test_an_acronym_joins_across_documents_only_a_name_some_text_abbreviates_so():
    docs = [Document.from_text("NBC News aired it. NBC said so.", id="a"),
            Document.from_text("The National Baptist Convention met in Ohio.", id="b"),
            Document.from_text("The North Atlantic Treaty Organization (NATO) met.", id="c"),
            Document.from_text("NATO said so.", id="d")]
    cast = dict(actors(docs)[["actor", "mentions"]].values.tolist())
    assert cast["North Atlantic Treaty Organization"] == 3  # "NATO" of d joins: c abbreviates
    assert cast["National Baptist Convention"] == 1 and cast["NBC"] == 1  # NBC is not it


def test_a_people_word_is_not_the_surname_of_a_longer_name():
    # even where "Sunni Muslims" was taken for a person, "Muslims" is not its surname
    t = pd.DataFrame({"actor": ["Sunni Muslims"] * 3 + ["Muslims", "Obama", "Barack Obama"],
                      "kind": ["person"] * 6})
    assert group_actors(t).tolist()[3:] == ["Muslims", "Barack Obama", "Barack Obama"]
