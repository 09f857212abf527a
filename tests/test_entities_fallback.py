"""Kinds that hold on unseen news (issue 15, third round): what the rest of a document says
about an actor whose own evidence is silent -- the pronoun that takes it up, the names it is
listed with, the longer name it is a word of."""

from __future__ import annotations

from analysis.entities import actors


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
