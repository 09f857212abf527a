"""analysis.entities: names with offsets, actors, who said what, key figures."""

from __future__ import annotations

import bisect
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.corpus import Document
from analysis.entities import (
    ATTRIBUTIONS,
    actors,
    attribution_parts,
    attributions,
    cooccurrence,
    figures,
    mentions,
    name_spans,
    speakers,
)
from analysis.tokenise import sentence_spans

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def names(text: str, **kw) -> list[str]:
    return [text[s:e] for s, e in name_spans(text, **kw)]


# --- name spans on the seed ------------------------------------------------------------

def test_seed_names_are_found_whole_and_point_into_the_text():
    found = names(SEED_TEXT)
    for expected in ["Shura Council of Benghazi Revolutionaries", "Ansar al-Shariah",
                     "Khalifa Haftar", "Tripoli", "Spain", "China", "Philippines", "Benghazi",
                     "Libya", "United States", "U.S.", "Muammar Gaddafi", "Haftar",
                     "Al Jazeera", "Associated Press", "Special Forces"]:
        assert expected in found, expected
    spans = name_spans(SEED_TEXT)
    start = SEED_TEXT.index("Shura Council")
    assert (start, start + len("Shura Council of Benghazi Revolutionaries")) in spans


def test_seed_common_words_at_sentence_start_are_not_names():
    found = names(SEED_TEXT)
    for word in ["Islamist", "Among", "Amid", "Tunisian", "The", "Error", "Sorry", "On",
                 "After", "In"]:
        assert word not in found, word
    # "Haftar’s": the possessive is outside the span
    i = SEED_TEXT.index("Haftar\u2019s")
    assert (i, i + len("Haftar")) in name_spans(SEED_TEXT)


def test_days_and_months_are_names_of_their_own_unless_left_out():
    text = "Ansar al-Shariah attacked on Sept. 11, 2012. CNN said Thursday it had left."
    assert names(text) == ["Ansar al-Shariah", "Sept.", "CNN", "Thursday"]
    assert names(text, dates=False) == ["Ansar al-Shariah", "CNN"]


# --- name spans on written cases -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Officials said the Bank of England would act.", ["Bank of England"]),
    ("Amid the fighting, Spain left Tripoli.", ["Spain", "Tripoli"]),
    ("Among the factions is Ansar al-Shariah.", ["Ansar al-Shariah"]),
    ("Residents fled. Fighting spread to Benghazi.", ["Benghazi"]),
    ("The group is called Shura Council of Benghazi Revolutionaries.",
     ["Shura Council of Benghazi Revolutionaries"]),
    ("He admired Osama bin Laden and Ludwig van Beethoven.",
     ["Osama bin Laden", "Ludwig van Beethoven"]),
    ("Gen. Khalifa Haftar spoke. President Barack Obama listened.",
     ["Gen. Khalifa Haftar", "President Barack Obama"]),
    ("Haftar’s men and NASA and the UN met in New York.", ["Haftar", "NASA", "UN", "New York"]),
    ("Khalifa Haftar said so.", ["Khalifa Haftar"]),
    ("Tunisian officials and the Afghans met Filipino workers.", ["Afghans"]),
    ("The Tripoli-based government and pro-Beijing parties met.", ["Tripoli", "Beijing"]),
    ("I think it was the Council on Foreign Relations.", ["Council on Foreign Relations"]),
    ("Militias Seize Benghazi As Army Retreats\nThe militias took Benghazi on Friday.",
     ["Benghazi", "Benghazi", "Friday"]),
])
def test_written_cases(text, expected):
    assert names(text) == expected


def test_a_line_break_and_punctuation_end_a_name():
    assert names("He met Khalifa\nHaftar in Libya, Tunisia.") == [
        "Khalifa", "Haftar", "Libya", "Tunisia"]


# --- properties ----------------------------------------------------------------------------

PIECES = st.sampled_from(
    list("abcXYZ .,;:'\"’“”-\n()$%0123456789")
    + ["The ", "Gen. ", "Mr. ", "al-", " of ", " bin ", "U.S. ", "Sept. ", "Thursday ",
       "Libya", "Tunisian ", " said ", " according to ", " by ", "May ", "12 hours",
       "more than ", "#tag", "@x", "www.a.com", "New Zealand", "Pro-", "-based", "a) "])


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(max_size=80), st.lists(PIECES, max_size=40).map("".join)))
def test_spans_are_ordered_disjoint_within_one_sentence_and_deterministic(text):
    spans = name_spans(text)
    sentences = sentence_spans(text)
    ends = [e for _, e in sentences]
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        prev = e
        k = bisect.bisect_right(ends, s)
        assert sentences[k][0] <= s and e <= sentences[k][1]
        assert text[s:e] == text[s:e].strip()
    assert name_spans(text) == spans
    for s, e in name_spans(text, dates=False):
        assert (s, e) in spans


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(PIECES, max_size=40).map("".join))
@example(" according to a,")  # 'according to' with the text ending at the comma
def test_every_table_points_back_into_the_text(text):
    for row in attributions(text).itertuples():
        assert text[row.source_start:row.source_end] == row.source
        assert text[row.cue_start:row.cue_end] == row.cue
        parts = row.content.split(" \u2026 ")
        assert text[row.content_start:row.content_end].startswith(parts[0])
        assert text[row.content_start:row.content_end].endswith(parts[-1])
    for row in figures(text).itertuples():
        assert text[row.start:row.end] == row.text
    for row in mentions(text).itertuples():
        assert text[row.start:row.end] == row.text
    table = actors(text)
    assert table["mentions"].sum() == len(mentions(text))


# --- actors --------------------------------------------------------------------------------

def test_seed_actors_group_variants_and_have_kinds():
    table = actors(SEED_TEXT).set_index("actor")
    kinds = table["kind"].to_dict()
    assert kinds["Khalifa Haftar"] == "person"
    assert table.loc["Khalifa Haftar", "mentions"] == 2  # "Khalifa Haftar", "Haftar’s"
    assert kinds["Muammar Gaddafi"] == "person"
    # "China has chartered a Greek vessel", "the Philippines is working to get out ...",
    # "Spain announced Thursday ...": a country acting or speaking is its government, a group
    # (GUM's organization); where things happen ("inside Libya", "in Tripoli") it is a place
    for place in ["Libya", "Benghazi", "Tripoli", "Tunisia", "United States"]:
        assert kinds[place] == "place", place
    for government in ["Spain", "China", "Philippines"]:
        assert kinds[government] == "group", government
    said = mentions(SEED_TEXT).set_index("start")
    assert said.loc[SEED_TEXT.index("China has"), "kind"] == "group"
    assert said.loc[SEED_TEXT.index("Chinese"), "kind"] == "place"
    assert said.loc[SEED_TEXT.index("Americans"), "kind"] == "person"  # people, not a country
    for group in ["Shura Council of Benghazi Revolutionaries", "Ansar al-Shariah",
                  "Special Forces"]:
        assert kinds[group] == "group", group
    # "the United States" twice, "U.S." and "Americans"
    assert table.loc["United States", "mentions"] == 4
    assert set(table.loc["United States", "variants"].split("; ")) == {
        "United States", "U.S.", "Americans"}
    # Tunisia appears only as "Tunisian officials", "Tunisian state media"
    assert table.loc["Tunisia", "via_demonym"] == table.loc["Tunisia", "mentions"] == 2
    assert not {"Thursday", "Wednesday", "Sept.", "Tunisian", "Haftar"} & set(table.index)
    assert table.loc["Libya", "first_mention"] == SEED_TEXT.index("Libya")


def test_actors_sorted_by_mentions_then_name_and_filtered():
    table = actors(SEED_TEXT)
    keys = list(zip(-table["mentions"], table["actor"], strict=True))
    assert keys == sorted(keys)
    assert (actors(SEED_TEXT, min_mentions=3)["mentions"] >= 3).all()
    assert "Tunisia" not in set(actors(SEED_TEXT, demonyms=False)["actor"])


def test_surnames_acronyms_and_titles_join_their_actor():
    text = ("Gen. Khalifa Haftar met the North Atlantic Treaty Organization. NATO said Haftar "
            "left. Mr. Haftar disagreed with the U.K. and Britain.")
    table = actors(text).set_index("actor")
    assert table.loc["Khalifa Haftar", "mentions"] == 3
    assert table.loc["North Atlantic Treaty Organization", "mentions"] == 2
    assert table.loc["United Kingdom", "mentions"] == 2
    assert table.loc["Khalifa Haftar", "kind"] == "person"


def test_kind_evidence_from_context():
    text = ("Ahmed Mohamed, 14, met strongman Omar Bashir in Zliten, a town near the "
            "capital. A militia called Fajr Libya and the Qatada Brigade fought there.")
    kinds = actors(text).set_index("actor")["kind"].to_dict()
    assert kinds["Ahmed Mohamed"] == "person"
    assert kinds["Omar Bashir"] == "person"
    assert kinds["Zliten"] == "place"
    assert kinds["Fajr Libya"] == "group"
    assert kinds["Qatada Brigade"] == "group"


def test_actors_of_a_corpus_count_documents():
    docs = [Document.from_text("Spain left Libya.", id="a"),
            Document.from_text("Spain stayed.", id="b")]
    table = actors(docs).set_index("actor")
    assert table.loc["Spain", "documents"] == 2
    assert table.loc["Spain", "first_document"] == "a"
    assert table.loc["Libya", "documents"] == 1


def test_cooccurrence_links_actors_of_one_sentence():
    nodes, edges = cooccurrence(SEED_TEXT)
    assert list(nodes.columns) == ["name", "mentions", "kind"]
    assert list(edges.columns) == ["source", "target", "weight"]
    pairs = {(r.source, r.target): r.weight for r in edges.itertuples()}
    assert pairs[("Spain", "Tripoli")] == 1
    assert ("Benghazi", "Khalifa Haftar") in pairs
    assert all(s < t for s, t in pairs)
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["name"])
    _, strong = cooccurrence(SEED_TEXT, min_weight=2)
    assert (strong["weight"] >= 2).all() and len(strong) < len(edges)
    linked, _ = cooccurrence(SEED_TEXT, isolated=False)
    assert "Special Forces" in set(nodes["name"]) and "Special Forces" not in set(linked["name"])
    assert set(linked["name"]) == set(edges["source"]) | set(edges["target"])


# --- attributions --------------------------------------------------------------------------

def test_seed_attributions():
    rows = {(r.source, r.cue, r.kind): r for r in attributions(SEED_TEXT).itertuples()}
    expected = {
        ("Tunisian officials", "said", "reported"): "they were struggling to cope",
        ("Tunisian state media", "said", "reported"): "the number of Libyan refugees",
        ("Spain", "announced", "reported"): "it was pulling its ambassador",
        ("Islamist militias", "claimed", "reported"): "to have taken control",
        ("United States", "accused", "passive"): "of leading a Sept. 11, 2012, attack",
    }
    for key, content_start in expected.items():
        assert key in rows, key
        row = rows[key]
        assert row.content.startswith(content_start)
        assert SEED_TEXT[row.source_start:row.source_end] == row.source
        assert SEED_TEXT[row.cue_start:row.cue_end] == row.cue
        assert SEED_TEXT[row.content_start:row.content_end] == row.content
        assert row.cue_start >= row.source_end or row.kind == "passive"
        assert row.sentence == SEED_TEXT.count("\n", 0, row.cue_start) + 1 or row.sentence >= 1
    assert rows[("Spain", "announced", "reported")].speaker == "Spain"
    assert rows[("Spain", "announced", "reported")].named


@pytest.mark.parametrize("text, source, cue, content, kind", [
    ('"We will not give up," he said.', "he", "said", "We will not give up", "quote"),
    ('"We will win," said Khalifa Haftar, a renegade general.', "Khalifa Haftar", "said",
     "We will win", "quote"),
    ('Haftar told reporters: "We will win."', "Haftar", "told", "We will win.", "quote"),
    ("Officials in Tripoli say the airport is closed.", "Officials in Tripoli", "say",
     "the airport is closed", "reported"),
    ("Residents who fled said militias looted shops.", "Residents who fled", "said",
     "militias looted shops", "reported"),
    ("The army told The Associated Press that the city had fallen.", "The army", "told",
     "the city had fallen", "reported"),
    ("The airport was closed, officials said.", "officials", "said",
     "The airport was closed", "reported"),
    ("The airport is closed, according to Libyan officials.", "Libyan officials",
     "according to", "The airport is closed", "according to"),
    ("According to the head of the agency, 200 people died.", "the head of the agency",
     "According to", "200 people died", "according to"),
    ("His claims were denied by the ministry.", "the ministry", "denied", "His claims",
     "passive"),
    ("Ms. Arnold, who helped found EDGE, a group in Philadelphia, said she did not condone "
     "violence.", "Ms. Arnold", "said", "she did not condone violence", "reported"),
    ("Trump attacked Clinton on Tuesday, saying she was unfit to serve.", "Trump", "saying",
     "she was unfit to serve", "reported"),
    ("''It is too much,'' he said.", "he", "said", "It is too much", "quote"),
])
def test_written_attributions(text, source, cue, content, kind):
    table = attributions(text)
    assert table[["source", "cue", "content", "kind"]].values.tolist() == [
        [source, cue, content, kind]]


@pytest.mark.parametrize("text", [
    "The reports of fighting could not be confirmed.",
    "Mr. Smith would not say whether he would resign.",
    "Officials have not said why the team was denied visas.",
    "His claims were false.",
    'He appeared on "Face the Nation" on Sunday.',
    "A new report compares the accuracy of ten surveys.",
])
def test_no_attribution_without_a_speaker_and_content(text):
    assert attributions(text).empty


def test_attributions_columns_and_order():
    table = attributions(SEED_TEXT)
    assert list(table.columns) == ["document", *(c for c, _ in ATTRIBUTIONS.columns)]
    assert list(table.columns)[:5] == ["document", "sentence", "source", "source_start",
                                       "source_end"]
    assert table["cue_start"].is_monotonic_increasing
    assert set(table["kind"]) <= {"quote", "reported", "according to", "passive"}
    assert (table["sentence"] >= 1).all()


def test_attribution_parts_split_a_content_around_its_speaker():
    text = '"We will win," she said. "The war is over."'
    said = attributions(text)
    parts = attribution_parts(said)
    assert parts["part"].tolist() == ["content", "source", "cue", "content"]
    words = [text[a:b] for a, b in zip(parts["start"], parts["end"], strict=True)]
    assert words[1:3] == ["she", "said"]
    assert words[0].startswith("We will win") and words[3].endswith("The war is over.")


# --- figures -------------------------------------------------------------------------------

def test_seed_figures():
    table = figures(SEED_TEXT)
    by_text = {r.text: r for r in table.itertuples()}
    expected = {
        "more than 10,000": ("number", 10000.0),
        "some 13,000 Filipino workers": ("quantity", 13000.0),
        "Sept. 11, 2012": ("date", None),
        "just 12 hours": ("quantity", 12.0),
        "hundreds of boxes": ("quantity", None),
        "three other Americans": ("quantity", 3.0),
        "second largest city": ("ordinal", 2.0),
        "2011": ("date", None),
        "Thursday": ("date", None),
    }
    for text, (kind, value) in expected.items():
        assert text in by_text, text
        row = by_text[text]
        assert row.kind == kind
        assert (math.isnan(row.value) if value is None else row.value == value)
        assert SEED_TEXT[row.start:row.end] == text
        assert text in row.context
    assert by_text["Sept. 11, 2012"].date == "2012-09-11"
    assert by_text["some 13,000 Filipino workers"].unit == "Filipino workers"
    assert table["start"].is_monotonic_increasing


@pytest.mark.parametrize("text, figure, kind, value, unit", [
    ("Prices rose 4.5% last year.", "4.5%", "percent", 4.5, "%"),
    ("Turnout was 58 per cent.", "58 per cent", "percent", 58.0, "%"),
    ("The deal is worth $2 billion.", "$2 billion", "money", 2e9, "USD"),
    ("It cost 500 euros.", "500 euros", "money", 500.0, "euros"),
    ("Nearly 2 million voters came.", "Nearly 2 million voters", "quantity", 2e6, "voters"),
    ("They walked about 500 miles.", "about 500 miles", "quantity", 500.0, "miles"),
    ("At least 107 died.", "At least 107", "number", 107.0, ""),
    ("It was the 33rd floor.", "33rd floor", "ordinal", 33.0, "floor"),
    ("Dozens of people fled.", "Dozens of people", "quantity", None, "people"),
])
def test_written_figures(text, figure, kind, value, unit):
    row = figures(text).set_index("text").loc[figure]
    assert row["kind"] == kind
    assert math.isnan(row["value"]) if value is None else row["value"] == value
    assert row["unit"] == unit


@pytest.mark.parametrize("text, figure, iso", [
    ("It happened on 11 September 2012 at dawn.", "11 September 2012", "2012-09-11"),
    ("Thursday, May 7, 2015", "Thursday, May 7, 2015", "2015-05-07"),
    ("It was founded in March 2011.", "March 2011", "2011-03"),
    ("Fighting in the past days was heavy.", "the past days", ""),
    ("Talks began at 15:11 GMT.", "15:11 GMT", ""),
])
def test_dates(text, figure, iso):
    row = figures(text).set_index("text").loc[figure]
    assert row["kind"] == "date"
    assert row["date"] == iso


def test_figures_skip_words_that_are_not_figures():
    text = ("May I ask? One of them came first. He was the one. Internet Explorer 6 is old. "
            "Thousands who had arrived stayed.")
    assert figures(text).empty


def test_a_relative_pronoun_source_is_never_a_speaker():
    text = ("The mayor, who said the plan was sound, left early. Later the council voted. "
            "\"We will build it,\" said Anna Lee.")
    table = attributions(text)
    assert "who" in table["source"].str.lower().tolist()
    assert table.loc[table["source"].str.lower() == "who", "pronoun"].all()
    assert speakers(text)["speaker"].tolist() == ["Anna Lee"]
