"""Every input format a newsroom exports, read into documents with metadata; every bad input a
clear error naming the file and the row or line.

Fixtures in tests/data/ were written for these tests (invented local news, no real article).
"""

from __future__ import annotations

import codecs
import csv
import datetime
import json
import textwrap
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import tables, tokenise
from analysis.corpus import (
    Document,
    InputError,
    is_hard_wrapped,
    iter_documents,
    load_corpus,
    load_document,
    parse_date,
    repair_mojibake,
    title_from,
)
from analysis.corpus.columns import MISSING_TEXTS

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"
D = datetime.date


# --- CSV --------------------------------------------------------------------------------------

def test_csv_rows_become_documents_with_metadata():
    corpus = load_corpus(DATA / "news.csv")
    assert [d.id for d in corpus] == ["1", "2", "3", "4"]
    first = corpus[0]
    # a quoted cell keeps its commas, doubled quotes and blank line
    assert first.text == (
        "Temporary barriers kept the River Wend out of the town centre overnight, the agency "
        'said.\n\n"The defences did exactly what they were designed to do," said Helen Marsh, '
        "the agency's area manager.")
    assert first.title == "Flood defences hold as river peaks"
    assert [d.date for d in corpus] == [D(2024, 2, 11), D(2024, 2, 11), D(2024, 2, 12), None]
    assert first.meta == {"date": D(2024, 2, 11), "id": "c-101", "Outlet": "Valley Courier",
                          "Section": "Local"}
    assert first.info["format"] == "csv" and first.info["row"] == 1 and first.info["line"] == 2
    assert corpus[1].title == "Council asks for £12m wall, again"
    assert corpus[3].info["line"] == 7  # the first row spans lines 2-4


def test_csv_empty_text_is_skipped_and_listed_with_its_row():
    corpus = load_corpus(DATA / "news.csv")
    assert corpus.skipped == [("news.csv", "row 5 (line 8): the text cell is empty")]
    assert tables.skipped_table(corpus).values.tolist() == [
        ["news.csv", "row 5 (line 8): the text cell is empty"]]


def test_unparseable_date_warns_and_keeps_the_document():
    corpus = load_corpus(DATA / "news.csv")
    assert corpus[3].title == "Rain due again on Wednesday" and corpus[3].date is None
    assert corpus.warnings == [(
        "news.csv", "row 4 (line 7): unparseable date 'next week' in column 'Published'; the "
        "document is kept without a date")]
    assert tables.warnings_table(corpus)["problem"].str.contains("next week").all()


def test_none_and_null_cells_are_missing_metadata(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_text("body\tauthor\tsection\n"
                    "Rain fell on the town.\tNone\tNA\n"
                    "The council met.\tAnn Lee\tNULL\n"
                    "Floods came.\t n/a \tnews\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert [d.meta.get("author") for d in corpus] == [None, "Ann Lee", None]
    assert [d.meta.get("section") for d in corpus] == [None, None, "news"]


def test_id_column_gives_ids_and_is_not_metadata():
    corpus = load_corpus(DATA / "news.csv", id_column="id")
    assert [d.id for d in corpus] == ["c-101", "c-102", "g-7", "g-8"]
    assert "id" not in corpus[0].meta


def test_duplicate_ids_name_both_rows(tmp_path):
    f = tmp_path / "dup.csv"
    f.write_text("id,text\na,One.\nb,Two.\na,Three.\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_corpus(f, id_column="id")
    assert str(e.value) == f"{f}: row 3 (line 4): duplicate id 'a': also in row 1"


def test_empty_id_cell_is_an_error(tmp_path):
    f = tmp_path / "ids.csv"
    f.write_text("id,text\na,One.\n,Two.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 2 \(line 3\): the id cell \('id'\) is empty"):
        load_corpus(f, id_column="id")


def test_no_text_column_lists_the_columns_and_how_to_choose(tmp_path):
    f = tmp_path / "no text.csv"
    f.write_text("headline,category\nA,B\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_corpus(f)
    message = str(e.value)
    assert message.startswith(f"{f}: no text column found: the columns are 'headline', "
                              "'category'")
    assert "--text-column COL" in message


def test_text_column_chosen_by_the_user(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("summary,text\nShort summary.,The full text.\n", encoding="utf-8")
    assert load_corpus(f)[0].text == "The full text."
    doc = load_corpus(f, text_column="summary")[0]
    assert doc.text == "Short summary." and doc.meta["text"] == "The full text."
    with pytest.raises(InputError, match="--text-column 'body' is not a column: the columns "
                                         "are 'summary', 'text'"):
        load_corpus(f, text_column="body")


@pytest.mark.parametrize("name", ["TEXT", "Content", "body", "Article", "Full Text", "story"])
def test_text_column_found_by_name_in_any_case(tmp_path, name):
    f = tmp_path / "t.csv"
    f.write_text(f"outlet,{name}\nX,It rained.\n", encoding="utf-8")
    doc = load_corpus(f)[0]
    assert doc.text == "It rained." and doc.meta == {"date": None, "outlet": "X"}


def test_date_column_chosen_by_the_user(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("text,date,updated\nIt rained.,2024-01-01,2024-02-03\n", encoding="utf-8")
    doc = load_corpus(f, date_column="updated")[0]
    assert doc.date == D(2024, 2, 3) and doc.meta["meta_date"] == "2024-01-01"


@pytest.mark.parametrize("content,problem", [
    ("text,outlet\nOne.,A\nTwo.,B,extra\n", r"row 2 \(line 3\): malformed: 3 cells where the "
                                            r"header names 2 columns"),
    ('text,outlet\n"One." and more,A\n', r"row 1 \(line 2\): malformed: ',' expected after"),
    ('text,outlet\nOne.,A\n"Two, never closed\n', r"row 2 \(line 3\): malformed: unexpected end"),
    ("", "the file is empty"),
    ("text,outlet\n", "the table has no rows"),
    ("text,text\nA,B\n", r"line 1: column names repeat in the header: 'text'"),
])
def test_malformed_csv_names_the_row_and_line(tmp_path, content, problem):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as e:
        load_corpus(f)
    assert str(e.value).startswith(f"{f}: ")


def test_rows_read_before_a_malformed_row_are_streamed(tmp_path):
    f = tmp_path / "late.csv"
    f.write_text("text\nOne.\nTwo.\n\"Three, never closed\n", encoding="utf-8")
    stream = iter_documents(f)
    it = iter(stream)
    assert next(it).text == "One." and next(it).text == "Two."
    with pytest.raises(InputError, match="row 3"):
        next(it)


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"), ("utf-16", "utf-16")])
def test_csv_encodings(tmp_path, encoding, expected):
    f = tmp_path / "enc.csv"
    f.write_bytes("text,outlet\n\u201cThursday\u2019s caf\u00e9\u201d,X\n".encode(encoding))
    doc = load_corpus(f)[0]
    assert doc.text == "\u201cThursday\u2019s caf\u00e9\u201d" and doc.meta["outlet"] == "X"
    assert doc.info["encoding"] == expected


def test_undecodable_byte_late_in_a_csv_names_the_line(tmp_path):
    f = tmp_path / "late.csv"
    rows = "".join(f"Row number {i} is plain text.\n" for i in range(5000))
    f.write_bytes(b"text\n" + rows.encode() + b"caf\xe9 \x81\n")
    offset = 5 + len(rows.encode()) + 3
    with pytest.raises(InputError) as e:
        load_corpus(f)
    assert str(e.value) == (f"{f}: line 5002: cannot be decoded as utf-8: byte 0xe9 at offset "
                            f"{offset}; pass --encoding (e.g. --encoding cp1252) to force "
                            "another encoding")
    assert len(load_corpus(f, encoding="latin-1")) == 5001


def test_semicolon_csv_and_blank_lines(tmp_path):
    f = tmp_path / "excel.csv"
    f.write_text("text;outlet\nOne story.;A\n\nAnother story.;B\n", encoding="utf-8")
    corpus = load_corpus(f)
    assert [(d.text, d.meta["outlet"]) for d in corpus] == [("One story.", "A"),
                                                             ("Another story.", "B")]


def test_a_one_megabyte_cell(tmp_path):
    f = tmp_path / "long.csv"
    cell = "word " * 210_000
    f.write_text(f"text,outlet\n{cell},X\n", encoding="utf-8")
    doc = load_corpus(f)[0]
    assert len(doc.text) == len(cell.strip()) > 1_000_000


# --- TSV, JSON lines, JSON, Parquet -----------------------------------------------------------

def test_tsv():
    corpus = load_corpus(DATA / "news.tsv")
    assert [d.text for d in corpus] == [
        "Markets fell sharply on Monday as oil prices rose.",
        "Shares in the bank recovered later in the day, traders said."]
    assert corpus[0].meta == {"date": D(2024, 3, 4), "source": "Wire"}
    assert corpus[0].source == "news.tsv" and corpus[0].info["format"] == "tsv"
    # a metadata column named like a reading column is shown with a prefix
    frame = tables.documents_table(corpus, sizes=False)
    assert frame["meta_source"].tolist() == ["Wire", "Wire"]
    assert frame["source"].tolist() == ["news.tsv", "news.tsv"]


def test_json_lines():
    corpus = load_corpus(DATA / "news.jsonl")
    assert [d.title for d in corpus] == ["Storm leaves thousands without power",
                                         "Power restored to most homes"]
    assert [d.date for d in corpus] == [D(2024, 1, 28), D(2024, 1, 29)]
    assert corpus[0].meta["tags"] == '["storm", "power"]' and corpus[0].meta["id"] == 1
    assert corpus[1].meta["words"] == 21 and "tags" not in corpus[1].meta
    assert corpus[0].text.startswith("Thousands of homes")


def test_json_lines_with_a_bad_line():
    with pytest.raises(InputError) as e:
        load_corpus(DATA / "bad.jsonl")
    assert str(e.value) == (f"{DATA / 'bad.jsonl'}: line 2: not valid JSON: Expecting ',' "
                            "delimiter (column 75)")


@pytest.mark.parametrize("content,problem", [
    ('{"text": "A."}\n[1, 2]\n', "line 2: not a JSON object"),
    ('{"text": {"nested": 1}}\n', "line 1: the text in 'text' is not a string"),
])
def test_json_lines_records_must_be_objects(tmp_path, content, problem):
    f = tmp_path / "x.ndjson"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_corpus(f)


def test_json_lines_missing_text_is_skipped(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('{"text": "A story."}\n\n{"title": "no text"}\n', encoding="utf-8")
    corpus = load_corpus(f)
    assert len(corpus) == 1 and corpus.skipped == [("x.jsonl",
                                                    "line 3: the text cell is empty")]


def test_json_array_and_object_holding_one():
    news = load_corpus(DATA / "news.json")
    assert [d.title for d in news] == ["Quayside wall plan back on the table",
                                       "Council agrees budget with cuts to road repairs"]
    assert [d.date for d in news] == [D(2023, 12, 2), D(2024, 1, 15)]
    assert [d.meta["author"] for d in news] == ["Maria Okafor", None]
    held = load_corpus(DATA / "holder.json")
    assert [d.title for d in held] == ["Volunteers fill sandbags", "River falls"]


@pytest.mark.parametrize("content,problem", [
    ('{"a": 1}', "expected an array of records; the object's keys are 'a'"),
    ('{"x": [{"text": "A."}], "y": [{"text": "B."}]}', "several arrays of records"),
    ('[{"text": "A."}, 3]', "record 2: not a JSON object"),
    ('[{"text": "A."},\n {"text": "B."]', "line 2: not valid JSON"),
    ('"just a string"', "expected an array of records"),
])
def test_bad_json(tmp_path, content, problem):
    f = tmp_path / "x.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_corpus(f)


def test_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    f = tmp_path / "news.parquet"
    pq.write_table(pa.table({
        "Body": ["Rain fell on the town.", "", "The river rose overnight."],
        "headline": ["Rain", "Empty", "River rises"],
        "published_at": pa.array([datetime.datetime(2024, 2, 10, 23, 0), None,
                                  datetime.datetime(2024, 2, 11, 6, 0)]),
        "words": [5, 0, 4],
    }), f)
    corpus = load_corpus(f)
    assert [(d.id, d.title, d.date, d.meta["words"]) for d in corpus] == [
        ("1", "Rain", D(2024, 2, 10), 5), ("3", "River rises", D(2024, 2, 11), 4)]
    assert corpus.skipped == [("news.parquet", "row 2: the text cell is empty")]
    assert corpus[0].info["format"] == "parquet"


def test_not_a_parquet_file(tmp_path):
    f = tmp_path / "broken.parquet"
    f.write_bytes(b"PAR1 this is not really parquet")
    with pytest.raises(InputError, match="broken.parquet: cannot be read as Parquet"):
        load_corpus(f)


# --- Markdown, web pages, plain text ----------------------------------------------------------

def test_markdown_front_matter_and_plain_text():
    doc = load_corpus(DATA / "article.md")[0]
    assert doc.title == "Flood wall: what the council wants"
    assert doc.meta == {"date": D(2024, 2, 14), "author": "Maria Okafor",
                        "tags": '["floods", "council"]', "outlet": "Valley Courier"}
    for syntax in ("# ", "**", "> ", "](", "[shelved", "- a wall", "*new*", "<div", "---"):
        assert syntax not in doc.text
    assert "The plan was shelved in 2019 because of its cost." in doc.text
    assert "replacing the temporary barriers" in doc.text  # a soft line break is a space
    assert "a wall of 1.2 kilometres along the quayside\ntwo pumping stations" in doc.text
    assert [(r.line, r.reason) for r in doc.removed] == [(22, "HTML in Markdown"),
                                                         (24, "image")]
    sentences = tokenise.sentences(doc.text)
    assert sentences[3] == ('"We were closer to the limit than anyone would like," said '
                            "Helen Marsh.")


@pytest.mark.parametrize("front,problem", [
    ("title: [unclosed\n", r"line 3: the front matter is not valid YAML"),
    ("- a list\n- not a mapping\n", r"line 2: the front matter is not a mapping"),
])
def test_bad_front_matter(tmp_path, front, problem):
    f = tmp_path / "bad.md"
    f.write_text(f"---\n{front}---\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as e:
        load_corpus(f)
    assert str(e.value).startswith(f"{f}: ")


def test_saved_news_page_metadata_and_text():
    doc = load_corpus(DATA / "saved_news_page.html")[0]
    assert doc.title == "Flood defences hold as river peaks in Riverton"
    assert doc.meta == {"date": D(2024, 2, 11), "author": "Maria Okafor",
                        "site": "The Valley Courier"}
    assert doc.info["format"] == "html"
    assert "barely slept" in doc.text and "A flood warning remains in place" in doc.text
    for junk in ("cookies", "Sport", "Related stories", "Comments", "All rights reserved",
                 "Share on", "Photo: Tom Reyes", "morning briefing"):
        assert junk not in doc.text


def test_what_the_page_extraction_removed_is_listed_with_reasons():
    corpus = load_corpus(DATA / "saved_news_page.html")
    removed = tables.removed_table(corpus)
    reasons = dict(zip(removed["text"], removed["reason"], strict=True))
    assert reasons["We use cookies to improve your experience and to show you personalised "
                   "advertising."] == "cookie banner"
    assert reasons["Accept all cookies"] == "cookie banner"
    assert reasons["Sport"] == "navigation" and reasons["Home > News > Local"] == "navigation"
    assert reasons["By Maria Okafor, environment reporter"] == "byline"
    assert reasons["Volunteers checked the temporary barriers on Saturday evening. Photo: Tom "
                   "Reyes"] == "caption"
    assert reasons["Share on Facebook Share on X Email this story"] == "share buttons"
    assert reasons["Quayside flood wall plan to be reconsidered"] == "related stories"
    assert reasons["The wall should have been built years ago."] == "comments"
    assert reasons["© 2024 The Valley Courier. All rights reserved."] == "footer"
    assert reasons["Get the Valley Courier morning briefing in your inbox every day."] == (
        "newsletter sign-up")
    # nothing of the article is listed as removed, and lines point into the saved page
    text = corpus[0].text
    assert not any(t in text for t in removed["text"] if len(t) > 20)
    page = (DATA / "saved_news_page.html").read_text(encoding="utf-8").split("\n")
    for line, removed_text in zip(removed["line"], removed["text"], strict=True):
        first_word = removed_text.split()[0]
        assert first_word.replace(">", "&gt;") in page[line - 1], (line, removed_text)
    assert tables.documents_table(corpus, sizes=False)["lines_removed"].tolist() == [27]


def test_txt_title_is_the_first_line_when_it_looks_like_one(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Flood defences hold\nThe river peaked at 4.3 metres.", encoding="utf-8")
    doc = load_document(f)
    assert doc.title == "Flood defences hold" and doc.info["title_from"] == "first line"
    seed = load_document(SEED)
    assert seed.info["title_from"] == "first words"
    assert seed.title == "Islamist militias on Thursday claimed to have taken control of\u2026"


@pytest.mark.parametrize("text,title", [
    ("Battle for Benghazi\nMilitias took the city.", "Battle for Benghazi"),
    ("Is the wall too late?\nThe council said...", "Is the wall too late?"),
    ("Clinton Was Headed to ER.\n\nThe Post reports...", "Clinton Was Headed to ER"),  # no stop
    ("Jobs return to the U.S.\n\nFactories reopened.", "Jobs return to the U.S."),
    ("Militias took the city.\nThey came at dawn.", None),
    ("Rain fell;\nthen it stopped.", None),
    ("12345\nText.", None),
    (" ".join(["word"] * 26) + "\nText.", None),
])
def test_title_rule(text, title):
    assert title_from(text) == title


# --- folders ----------------------------------------------------------------------------------

def test_folder_with_subfolders_per_outlet_and_mixed_formats():
    corpus = load_corpus(DATA / "outlets")
    frame = tables.documents_table(corpus, sizes=False)
    assert frame[["document", "title", "folder", "format"]].values.tolist() == [
        ["courier-2024-02-11-floods", "Flood defences hold as river peaks", "courier", "text"],
        ["courier-bridge-street", "Bridge Street counts the cost", "courier", "markdown"],
        ["gazette-2024-stories-1", "Gazette view: build the wall", "gazette/2024", "csv"],
        ["gazette-2024-stories-2", "Letters: the volunteers", "gazette/2024", "csv"],
    ]
    dates = [None if pd.isna(d) else d.date() for d in frame["date"]]  # datetimes, NaT unknown
    assert dates == [D(2024, 2, 11), D(2024, 2, 12), D(2024, 2, 13), D(2024, 2, 14)]  # 1st: name
    assert corpus[2].source == "gazette/2024/stories.csv"
    assert list(frame.columns[:4]) == ["document", "title", "date", "folder"]


def test_bad_table_in_a_folder_is_skipped_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text("A story about rain.", encoding="utf-8")
    (tmp_path / "b.csv").write_text("text\nOne.\nTwo.\n\"never closed\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Fine."}\n{bad\n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.id for d in corpus] == ["a", "b-1", "b-2", "c-1"]
    assert corpus.skipped == [
        ("b.csv", "row 3 (line 4): malformed: unexpected end of data; the 2 rows before it "
                  "were read"),
        ("c.jsonl", "line 2: not valid JSON: Expecting property name enclosed in double quotes "
                    "(column 2); the 1 rows before it were read"),
    ]


def test_odd_file_names(tmp_path):
    odd = tmp_path / "Bericht über \"Libyen\" #1 (final)'s.csv"
    odd.write_text("text\nThe report is short.\n", encoding="utf-8")
    doc = load_corpus(odd)[0]
    assert doc.source == odd.name and doc.text == "The report is short."
    folder = load_corpus(tmp_path)
    assert folder[0].id == "Bericht-über-Libyen-1-final-s-1"
    bad = tmp_path / "naïve – “quoted”.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_corpus(bad)
    assert str(e.value).startswith(f"{bad}: line 1: not valid JSON")


def test_unreadable_files_are_clear_errors(tmp_path, monkeypatch):
    text_file = tmp_path / "locked.txt"
    text_file.write_text("Secret.", encoding="utf-8")
    table = tmp_path / "locked.csv"
    table.write_text("text\nSecret.\n", encoding="utf-8")
    real_open = open

    def refuse(path, *args, **kwargs):
        if str(path) == str(table):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    def refuse_bytes(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse_bytes)
    with pytest.raises(InputError, match="locked.txt: cannot be read: Permission denied"):
        load_corpus(text_file)
    with pytest.raises(InputError, match="locked.csv: cannot be read: Permission denied"):
        load_corpus(table)
    with pytest.raises(InputError, match="no readable text file in the folder: locked.csv: "
                                         "cannot be read"):
        load_corpus(tmp_path)


# --- dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2016-09-12", D(2016, 9, 12)),
    ("2016-09-12T23:30:00-05:00", D(2016, 9, 12)),
    ("2016-09-12T23:30:00Z", D(2016, 9, 12)),
    ("12 September 2016", D(2016, 9, 12)),
    ("Sep 12, 2016", D(2016, 9, 12)),
    ("Mon, 12 Sep 2016 10:00:00 GMT", D(2016, 9, 12)),
    ("09/12/2016", D(2016, 9, 12)),
    ("25/12/2015", D(2015, 12, 25)),
    (1473638400, D(2016, 9, 12)),
    ("1473638400000", D(2016, 9, 12)),
    (datetime.datetime(2016, 9, 12, 8), D(2016, 9, 12)),
    ("", None),
    (None, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["next week", "September 12", "2016-13-45", True, "12", 12.5])
def test_unparseable_dates(value):
    with pytest.raises(ValueError):
        parse_date(value)


# --- mojibake ---------------------------------------------------------------------------------

def test_mojibake_file_is_repaired_and_every_repair_listed():
    corpus = load_corpus(DATA / "mojibake.txt")
    doc = corpus[0]
    assert doc.text == ("he didn\u2019t know the river would rise so fast\n"
                        "it cost \u00a35 to park by the quay\ncaf\u00e9 owners were fine")
    assert [t.text for t in doc.tokens[:4]] == ["he", "did", "n\u2019t", "know"]
    assert tables.repairs_table(corpus).values.tolist() == [
        ["mojibake", 1, "\u00e2\u20ac\u2122", "\u2019", 1,
         "he didn\u2019t know the river would rise so\u2026"],
        ["mojibake", 2, "\u00c2\u00a3", "\u00a3", 1, "it cost \u00a35 to park by the quay"],
    ]
    assert tables.corpus_summary(corpus)["spots repaired"] == 2
    assert tables.documents_table(corpus, sizes=False)["repairs"].tolist() == [2]


@pytest.mark.parametrize("word", ["didn\u2019t", "caf\u00e9", "na\u00efve", "\u00a35m",
                                  "\u20ac10", "\u201cquoted\u201d", "a \u2014 b",
                                  "r\u00e9sum\u00e9", "Z\u00fcrich", "S\u00e3o Paulo",
                                  "\u2026 and so on"])
def test_mojibake_of_common_characters_is_undone(word):
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

    # UTF-8 read as Windows-1252, the bytes it leaves undefined kept as C1 controls
    broken = f"It was {word} here.".encode().decode("sloppy-windows-1252")
    assert broken != f"It was {word} here."
    text, repairs = repair_mojibake(broken)
    assert text == f"It was {word} here." and sum(r.count for r in repairs) >= 1


@pytest.mark.parametrize("text", [
    "caf\u00e9 \u2014 na\u00efve \u201cquotes\u201d &amp; \ufb01ne \uff21 \u00c3 alone",
    "Gr\u00fc\u00dfe aus M\u00fcnchen, \u00a312, \u20ac5, 10\u00b0C, \u00bd, \u00e6on",
    "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1 \u041c\u043e\u0441\u043a\u0432\u0430 \u5317\u4eac",
    "line one\r\nline\ttwo\x0c",
])
def test_text_without_mojibake_is_unchanged(text):
    assert repair_mojibake(text) == (text, [])


_NEWS_TOKENS = [
    "the", "river", "Rain", "said", "3", "2024", ",", ".", "(", ")", "'", '"', "-", ":",
    "didn\u2019t", "\u2018quoted\u2019", "\u201cquoted\u201d", "\u2014", "\u2013", "\u2026",
    "\u00a312m", "\u20ac5", "$4", "caf\u00e9", "na\u00efve", "r\u00e9sum\u00e9",
    "Z\u00fcrich", "S\u00e3o", "Pe\u00f1a", "Fran\u00e7ois", "M\u00fcnchen", "Stra\u00dfe",
    "10\u00b0C", "\u00bd", "\u00a0", "\u00c9cole", "\u00c0", "\u00e0", "\u0394",
    "\u041c\u043e\u0441\u043a\u0432\u0430",
    "\u5317\u4eac", "\u00bfQu\u00e9?", "\u00a1Hola!", "\u00ab", "\u00bb", "\u2022", "\u00a9",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NEWS_TOKENS), max_size=40),
       st.sampled_from([" ", "\n", " \u2014 ", ", "]))
def test_news_typography_is_never_repaired(tokens, sep):
    """Words with curly quotes, dashes, currency signs, accented letters and other scripts, in
    any order, are not mojibake: the repair leaves such text exactly as it is. (Two such
    characters glued together, "\u00df\u00a3", can be UTF-8 read as Latin-1; ftfy repairs
    those, which is why this test builds text from words.)"""
    text = sep.join(tokens)
    assert repair_mojibake(text) == (text, [])


# --- hard-wrapped text ------------------------------------------------------------------------

def _wrapped_seed() -> str:
    lines = SEED.read_text(encoding="utf-8").split("\n")[:9]
    return "\n\n".join(textwrap.fill(p, 70) for p in lines)


def test_hard_wrapped_is_detected_and_reaches_the_tokeniser(tmp_path):
    f = tmp_path / "wrapped.txt"
    f.write_text(_wrapped_seed(), encoding="utf-8")
    doc = load_document(f)
    assert doc.info["hard_wrapped"] is True and doc.hard_wrapped
    assert doc.sentence_spans == tokenise.sentence_spans(doc.text, hard_wrapped=True)
    seed = load_document(SEED)
    assert seed.info["hard_wrapped"] is False
    # the same sentences as the unwrapped seed: a line break inside a paragraph is a space
    assert len(doc.sentence_spans) == len(seed.sentence_spans) == 15
    assert [t.sentence for t in doc.tokens][-1] == 14


def test_hard_wrapped_can_be_forced(tmp_path):
    f = tmp_path / "wrapped.txt"
    f.write_text(_wrapped_seed(), encoding="utf-8")
    split = load_corpus(f, hard_wrapped=False)[0]
    assert split.info["hard_wrapped"] is False and len(split.sentence_spans) > 15
    table = tmp_path / "t.csv"
    table.write_text('text\n"Line one\nline two."\n', encoding="utf-8")
    assert load_corpus(table, hard_wrapped=True)[0].sentence_spans == [(0, 18)]
    assert load_corpus(table)[0].sentence_spans == [(0, 8), (9, 18)]
    assert Document.from_text("A\nb.", hard_wrapped=True).hard_wrapped


@pytest.mark.parametrize("text", [
    SEED.read_text(encoding="utf-8"),
    "Storm Leaves Thousands Without Power Across the Valley\nCouncil Agrees Budget With Cuts "
    "to Road Repairs\nQuayside Flood Wall Plan to Be Reconsidered After Floods\nMore",
    "What the plan includes:\n- a wall of 1.2 kilometres along the quayside and more\n"
    "- two pumping stations on Bridge Street, also more\n- new flood gates at the marina too",
    "A headline\n\nA paragraph.\n\nAnother paragraph.",
])
def test_not_hard_wrapped(text):
    assert is_hard_wrapped(text) is False


# --- byte-order marks -------------------------------------------------------------------------

@pytest.mark.parametrize("data", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 * 2,
                                  codecs.BOM_UTF8 + "\ufeff".encode()])
def test_a_file_holding_only_a_byte_order_mark_is_empty(tmp_path, data):
    f = tmp_path / "bom.txt"
    f.write_bytes(data)
    with pytest.raises(InputError, match="bom.txt: the file is empty"):
        load_corpus(f)
    table = tmp_path / "bom.csv"
    table.write_bytes(data[:3])
    with pytest.raises(InputError, match="bom.csv"):
        load_corpus(table)


# --- streaming --------------------------------------------------------------------------------

def test_iter_documents_streams_and_collects_what_was_skipped(tmp_path):
    f = tmp_path / "n.csv"
    f.write_text("text,date\nOne.,2024-01-01\n,2024-01-02\nThree.,soon\n", encoding="utf-8")
    stream = iter_documents(f)
    docs = iter(stream)
    assert next(docs).text == "One." and stream.skipped == [] and stream.warnings == []
    assert next(docs).text == "Three."
    assert stream.skipped == [("n.csv", "row 2 (line 3): the text cell is empty")]
    assert stream.warnings[0][1].startswith("row 3 (line 4): unparseable date 'soon'")
    with pytest.raises(RuntimeError, match="read once"):
        list(stream)


# --- every reader: any cell text is read exactly as a string would be -------------------------

_CELL = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
                | st.sampled_from(["\n", "\t", '"', ",", "\r"]), min_size=1, max_size=200)


def _write(fmt: str, path: Path, cells: list[str], outlets: list[str]) -> Path:
    f = path / f"t.{fmt}"
    if fmt in ("csv", "tsv"):
        with open(f, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t")
            writer.writerow(["text", "outlet"])
            writer.writerows(zip(cells, outlets, strict=True))
    elif fmt == "jsonl":
        f.write_text("".join(json.dumps({"text": c, "outlet": o}) + "\n"
                             for c, o in zip(cells, outlets, strict=True)), encoding="utf-8")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"text": cells, "outlet": outlets}), f)
    return f


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
@settings(max_examples=60, deadline=None)
@given(cells=st.lists(_CELL, min_size=1, max_size=4), outlet=_CELL)
@example(cells=["\ufeff is inside"], outlet="x")
@example(cells=['a "quoted", cell\nover lines'], outlet=" spaced ")
def test_any_cell_text_round_trips(tmp_path_factory, fmt, cells, outlet):
    """Whatever a cell holds, its document is the document of the same string: readers change
    nothing, and rows whose text is empty are skipped, never mixed up."""
    path = tmp_path_factory.mktemp(fmt)
    f = _write(fmt, path, cells, [outlet] * len(cells))
    expected = [Document.from_text(c) for c in cells]
    expected = [(str(i), e.text) for i, e in enumerate(expected, start=1) if e.text.strip()]
    try:
        corpus = load_corpus(f)
    except InputError as e:
        assert not expected and "no row holds text" in str(e)
        return
    assert [(d.id, d.text) for d in corpus] == expected
    missing = not outlet.strip() or outlet.strip().lower() in MISSING_TEXTS  # "None", "NULL"
    assert {d.meta["outlet"] for d in corpus} == {None if missing else outlet.strip()}
    assert len(corpus) + len(corpus.skipped) == len(cells)


# --- the committed real corpus ----------------------------------------------------------------

WIKINEWS = SEED.parent / "wikinews.csv"


def test_wikinews_seed_reads_with_titles_dates_and_sections():
    corpus = load_corpus(WIKINEWS, id_column="id")
    assert len(corpus) == 18 and corpus.skipped == [] and corpus.warnings == []
    frame = tables.documents_table(corpus, sizes=False)
    assert list(frame.columns[:5]) == ["document", "title", "date", "url", "section"]
    assert frame["date"].notna().all() and all(isinstance(d.date, datetime.date) for d in corpus)
    assert frame["date"].min().date() == D(2006, 3, 27)
    assert frame["date"].max().date() == D(2023, 2, 23)
    assert frame["url"].str.startswith("https://en.wikinews.org/wiki/").all()
    assert set(frame["section"]) <= {
        "Politics and conflicts", "Crime and law", "Culture and entertainment",
        "Science and technology", "Disasters and accidents", "Economy and business", "Sports"}
    crane = corpus["crane"]
    assert crane.title == "At least 107 killed in Mecca crane collapse"
    assert crane.text.startswith("At least 107 killed in Mecca crane collapse\n\nSaturday, "
                                 "September 12, 2015\n\n")
    assert frame["repairs"].sum() == 0 and frame["lines_removed"].sum() == 0


def test_wikinews_seed_checksum_is_the_one_in_its_readme():
    import hashlib

    digest = hashlib.sha256(WIKINEWS.read_bytes()).hexdigest()
    readme = (SEED.parent / "README.md").read_text(encoding="utf-8")
    assert "| `wikinews.csv` |" in readme and f"`{digest}`" in readme


def test_repair_can_be_turned_off_for_offsets_made_on_the_raw_file():
    doc = load_corpus(DATA / "mojibake.txt", repair=False)[0]
    assert "didn\u00e2\u20ac\u2122t" in doc.text and doc.repairs == ()
    assert Document.from_text("didn\u00e2\u20ac\u2122t", repair=False).text == (
        "didn\u00e2\u20ac\u2122t")


@pytest.mark.parametrize("text", [
    "It cost Â£5, then Â£6; later, he didnâ€™t pay. CafÃ© owners, naÃ¯ve, agreed!",
    "voilÃ le travail, and voilÃ again.",  # "Ã " is "à" whose no-break space became a space
    "A correct £5, a broken Â£6, and â€œquotesâ€\x9d.",
    "FranÃ\x83Â§ois, Pe\u00f1a, and GuantÃ¡namo. " * 30,
    "Plain caf\u00e9, \u201cquoted\u201d, fine.",
])
def test_repair_by_clause_equals_ftfy_on_the_whole_line(text):
    import ftfy

    from analysis.corpus.repair import ftfy_config

    assert repair_mojibake(text)[0] == ftfy.fix_text(text, ftfy_config())


def test_mojibake_in_a_title_column_is_repaired_even_when_decomposed(tmp_path):
    # PolNeAR's metadata holds "PeÃ±a" with the "Ã" decomposed ("A" + U+0303): NFC first, as
    # the text is, and the repair is listed (line 0: the title)
    path = tmp_path / "news.csv"
    title = unicodedata.normalize("NFD", "Trump did not meet Pe\u00c3\u00b1a Nieto")
    path.write_text(f'headline,body\n"{title}","Officials said nothing."\n', encoding="utf-8")
    doc = load_corpus(path)[0]
    assert doc.title == "Trump did not meet Pe\u00f1a Nieto"
    assert [(r.line, r.before, r.after) for r in doc.repairs] == [(0, "\u00c3\u00b1", "\u00f1")]
