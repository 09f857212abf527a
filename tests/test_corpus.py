"""Loading files: decoding, normalising, boilerplate, folders, and clear errors for bad input."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import date as D
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis import tables
from analysis.corpus import (
    Corpus,
    Document,
    InputError,
    as_documents,
    decode_bytes,
    english_share,
    load_corpus,
    load_document,
    normalise_text,
    strip_boilerplate,
)
from analysis.corpus.columns import date_from_name

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"
CURLY = "Thursday\u2019s \u201cannouncement\u201d \u2014 caf\u00e9 r\u00e9sum\u00e9."


# --- the seed --------------------------------------------------------------------------------

def test_seed_boilerplate_is_stripped_and_kept():
    doc = load_corpus(SEED)[0]
    removed = [(r.line, r.text, r.reason) for r in doc.removed]
    assert removed == [
        (10, "Al Jazeera and The Associated Press", "credit line"),
        (11, "Error", "widget message"),
        (12, "Sorry, your comment was not saved due to a technical problem. Please try again "
             "later or using a different browser.", "widget message"),
    ]
    assert doc.text.startswith("Islamist militias on Thursday claimed")
    assert doc.text.endswith("hold the airport on the city's edges.")
    assert "Associated Press" not in doc.text and "comment" not in doc.text
    # every article line stays, in order, unchanged
    raw = SEED.read_text(encoding="utf-8").splitlines()
    assert doc.text.split("\n") == raw[:9]


def test_seed_metadata():
    doc = load_document(SEED)
    assert doc.info["encoding"] == "utf-8"
    assert doc.info["format"] == "text"
    assert doc.info["is_english"] is True
    assert doc.source == SEED.name
    assert doc.id == "000_81c44d20d7573865"


def test_removed_lines_listed_in_the_corpus_table():
    corpus = load_corpus(SEED)
    table = tables.removed_table(corpus)
    assert table["reason"].tolist() == ["credit line", "widget message", "widget message"]
    frame = tables.documents_table(corpus)
    assert frame.loc[0, "lines_removed"] == 3
    assert frame.loc[0, "words"] == 427 and frame.loc[0, "sentences"] == 15


# --- boilerplate rules -----------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Al Jazeera and The Associated Press",
    "The Associated Press",
    "Reuters",
    "AFP, Reuters",
    "Reuters contributed to this report.",
    "Source: Al Jazeera and news agencies",
    "Error",
    "Loading comments...",
    "Advertisement",
    "Sorry, your comment was not saved due to a technical problem.",
    "Share this article",
    "Follow us on Twitter @news",
    "All rights reserved.",
    "Copyright © 2014 Example News",
    "Contributing: Brittney Bennett and Greg Toppo, USA TODAY.",
    "Follow Pam Key on Twitter @pamkeyNEN.",
    "Twitter: @Milbank.",
    '<tweet tweet-id="783499116076687360"><tweet/>.',
    "ABSTRACT.",
    "FULL TEXT.",
    "Read the rest of the story at Mediaite.",
    "Trump speaks in Manchester, N.H.FlagShareLikeReplyAni Vrabel 5ptsmoderatorFeatured"
    "February 6, 2016 9:26PMDonald Trump Misses The Mark",
    "CORRECTION APPENDED.",
    "Correction: An earlier version of this article misstated the amount of time it takes.",
    "This article has been updated to include comments from delegates.",
    "Editor\u2019s note: Donald Trump regularly incites political violence and is a serial liar.",
    ("34 postsGet LivefyreFAQSign in5 people listening + FollowSharePost comment as... "
     * 5).strip(),
])
def test_boilerplate_lines_are_removed(line):
    text, removed = strip_boilerplate(f"A real sentence.\n{line}\nAnother one.")
    assert text == "A real sentence.\nAnother one."
    assert [r.text for r in removed] == [line]


@pytest.mark.parametrize("line", [
    "The Associated Press reported the attack.",
    "Reuters said the convoy left at dawn.",
    "An error in the count was corrected.",
    "Error rates fell.",
    "Officials shared this article with reporters.",
    "Contributing factors included the rain.",
    "Follow-up talks on Twitter's rules stalled.",
    "Abstract art sold well.",
    "Corrections officers said the prison was full.",
    "The editor's notes were read aloud in court.",
    "Read the room, the senator told colleagues.",
    "The senator wrote on Twitter: @potus must act.",
])
def test_sentences_mentioning_boilerplate_words_stay(line):
    text, removed = strip_boilerplate(line)
    assert text == line and removed == []


def test_nothing_but_boilerplate_is_an_error(tmp_path):
    f = tmp_path / "only.txt"
    f.write_text("Reuters\nError\n")
    with pytest.raises(InputError, match="only.txt: contains nothing but boilerplate"):
        load_document(f)


# --- decoding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),
    ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"),
    ("cp1252", "cp1252"),
])
def test_encodings_decode_without_mojibake(tmp_path, encoding, expected):
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(CURLY.encode(encoding))
    doc = load_document(f)
    assert doc.text == CURLY
    assert doc.info["encoding"] == expected


def test_crlf_and_bom_are_normalised(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(codecs.BOM_UTF8 + b"One line.\r\nTwo lines.\r\n")
    doc = load_document(f)
    assert doc.text == "One line.\nTwo lines."
    assert doc.info["line_endings"] == "CRLF"
    assert "\ufeff" not in doc.text


def test_nfc_normalisation_keeps_words():
    decomposed = "Cafe\u0301 in Mu\u0308nchen"
    assert normalise_text(decomposed) == unicodedata.normalize("NFC", decomposed)
    assert normalise_text(decomposed) == "Caf\u00e9 in M\u00fcnchen"


def test_forced_encoding(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("na\u00efve \u00e9t\u00e9".encode("latin-1"))
    assert load_document(f, encoding="latin-1").text == "na\u00efve \u00e9t\u00e9"


def test_forced_encoding_failure_names_offset(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"abc \xff\xfe def")
    with pytest.raises(InputError) as e:
        load_document(f, encoding="ascii")
    assert str(f) in str(e.value) and "offset 4" in str(e.value)


def test_unknown_encoding_is_a_clear_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("hello")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        load_document(f, encoding="klingon")


def test_undecodable_bytes_report_offset():
    # 0x81 is undefined in cp1252 and invalid in UTF-8
    with pytest.raises(InputError) as e:
        decode_bytes(b"Good text then \x81 bad", name="x.txt")
    msg = str(e.value)
    assert msg.startswith("x.txt: ") and "0x81" in msg and "offset 15" in msg
    assert "--encoding" in msg


@pytest.mark.parametrize("data,problem", [
    (b"", "the file is empty"),
    (b"   \n\t \r\n", "contains only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"%PDF-1.4\n%....", "PDF document"),
    (b"\x00\x01\x02\x03binary\x00\x00stuff" * 20, "not a text file"),
])
def test_bad_files_are_refused_with_the_file_name(tmp_path, data, problem):
    f = tmp_path / "bad input.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as e:
        load_corpus(f)
    assert str(e.value).startswith(f"{f}: ")
    assert problem in str(e.value)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus(tmp_path / "nope.txt")


def test_utf16_without_bom_is_detected():
    text, enc = decode_bytes("Plain English words here.".encode("utf-16-le"))
    assert text == "Plain English words here." and enc == "utf-16-le"


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
@example("\ufeff", "utf-8")  # issue 10 item 9: a lone byte-order mark is an empty file
@example("\ufeff", "utf-16")
@example("\ufeff\ufeffA", "utf-8-sig")
def test_any_unicode_text_round_trips(text, encoding):
    """Any text survives encoding and decoding, except U+FEFF at the very start: that is a
    byte-order mark, not text (a file of nothing else is refused as empty)."""
    data = text.encode(encoding)
    expected = text.lstrip("\ufeff")
    if not expected:
        with pytest.raises(InputError, match="the file is empty"):
            decode_bytes(data)
        return
    decoded, _used = decode_bytes(data)
    assert decoded == expected


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_loader_fuzz_never_crashes(data):
    """Arbitrary bytes: either a Document or an InputError, never another exception."""
    try:
        text, _ = decode_bytes(data, name="fuzz.bin")
    except InputError as e:
        assert str(e).startswith("fuzz.bin: ")
        return
    doc = Document.from_text(text)
    assert isinstance(doc.text, str)


# --- folders ----------------------------------------------------------------------------------

def test_folder_loads_sorted_and_skips_bad_files(tmp_path):
    (tmp_path / "b.txt").write_text("Second story.")
    (tmp_path / "a.md").write_text("# Title\n\nFirst story.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Third story.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\nxxxx")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "notes.csv").write_text("a,b")
    corpus = load_corpus(tmp_path)
    assert [d.source for d in corpus] == ["a.md", "b.txt", "sub/c.txt"]
    assert [d.id for d in corpus] == ["a", "b", "sub-c"]
    assert [f for f, _ in corpus.skipped] == ["empty.txt", "image.txt", "notes.csv"]
    assert "no text column found: the columns are 'a', 'b'" in corpus.skipped[2][1]
    assert corpus["b"].text == "Second story."
    assert corpus[0].title == "Title"
    assert [d.meta["folder"] for d in corpus] == [".", ".", "sub"]
    assert tables.skipped_table(corpus)["file"].tolist() == ["empty.txt", "image.txt",
                                                             "notes.csv"]


def test_folder_with_only_bad_files_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="no readable text file.*empty.txt: the file is empty"):
        load_corpus(tmp_path)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(InputError, match="the folder holds no file to read"):
        load_corpus(tmp_path)


def test_file_names_with_spaces_and_non_ascii(tmp_path):
    f = tmp_path / "Bericht über Libyen 2014 (final).txt"
    f.write_text("The report is short.")
    doc = load_corpus(f)[0]
    assert doc.source == f.name
    assert " " not in doc.id and "(" not in doc.id


def test_duplicate_ids_get_suffixes(tmp_path):
    (tmp_path / "a b.txt").write_text("One.")
    (tmp_path / "a-b.txt").write_text("Two.")
    ids = [d.id for d in load_corpus(tmp_path)]
    assert len(set(ids)) == 2


def test_html_page_reduced_to_article(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["Militias took the city after days of fighting."] * 8)
    page.write_text(
        "<html><head><title>Benghazi falls</title><script>var x = 1;</script></head><body>"
        "<nav>Home | World | Sport</nav>"
        f"<article><h1>Benghazi falls</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Copyright 2014</footer></body></html>",
        encoding="utf-8")
    doc = load_document(page)
    assert doc.info["format"] == "html"
    assert "Militias took the city" in doc.text
    assert "var x" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Benghazi falls"


def test_html_without_article_is_an_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>x()</script></body></html>")
    with pytest.raises(InputError, match="empty.html: no article text"):
        load_document(page)


# --- language check ---------------------------------------------------------------------------

def test_english_share_separates_languages():
    assert english_share(SEED.read_text(encoding="utf-8")) > 0.3
    german = ("Die Milizen haben am Donnerstag die Kontrolle über die zweitgrößte Stadt "
              "Libyens übernommen, nachdem sie Einheiten der Armee besiegt hatten.")
    assert english_share(german) < 0.15
    assert Document.from_text(german).is_english is False


def test_as_documents_accepts_every_source():
    doc = Document.from_text("A text.")
    assert as_documents("raw") [0].text == "raw"
    assert as_documents(doc) == [doc]
    assert as_documents(Corpus([doc, doc])) == [doc, doc]
    with pytest.raises(TypeError):
        as_documents([1, 2])


def test_string_sources_keep_offsets_exact():
    text = "Caf\u0065\u0301 A.\r\nB."
    assert as_documents(text)[0].text == text


def test_id_of_a_file_in_a_subfolder_does_not_repeat_the_folder(tmp_path):
    """An export named after its outlet in the outlet's folder: the id is the file's name, not
    'usa-today-usa-today_...'; top-level ids stay the file names; a name another file has
    already keeps the full path."""
    for rel in ["usa-today/usa-today_2016-09-08_debate.txt", "breitbart/2016-09-08_debate.txt",
                "top.txt", "usa-today_2016-09-09_x.txt", "usa-today/usa-today_2016-09-09_x.txt"]:
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text("The debate was held.", encoding="utf-8")
    ids = {d.source: d.id for d in load_corpus(tmp_path)}
    assert ids == {"usa-today/usa-today_2016-09-08_debate.txt": "usa-today_2016-09-08_debate",
                   "breitbart/2016-09-08_debate.txt": "breitbart-2016-09-08_debate",
                   "top.txt": "top", "usa-today_2016-09-09_x.txt": "usa-today_2016-09-09_x",
                   "usa-today/usa-today_2016-09-09_x.txt": "usa-today-usa-today_2016-09-09_x"}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "a", "A", "a b", "a-b"]),
                          st.sampled_from(["a", "a_1", "a-1", "A 1", "a b_1", "b", "a.b"])),
                min_size=1, max_size=6, unique=True))
def test_folder_ids_are_unique_and_top_level_ids_are_file_names(files):
    import tempfile

    from analysis.corpus.load import slugify

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder, name in files:
            (root / folder).mkdir(exist_ok=True)
            (root / folder / f"{name}.txt").write_text("Rain fell.", encoding="utf-8")
        docs = list(load_corpus(root))
    ids = [d.id for d in docs]
    assert len(set(ids)) == len(ids) == len(files)
    top = [slugify(n) for f, n in files if not f]
    nested = {slugify(f"{f}/{n}") for f, n in files if f}
    if len(set(top)) == len(top) and not nested & set(top):  # no clash in the old ids either
        assert sorted(d.id for d in docs if "/" not in d.source) == sorted(top)


# --- dates in file names ------------------------------------------------------------------

def test_a_date_in_the_file_name_dates_a_document_that_gives_none(tmp_path):
    """A folder export named outlet_YYYY-MM-DD_title is dated, so the over-time figures have
    dates; a date the document gives itself (front matter) always wins, and an unreadable one
    stays a warning, not replaced by the name's."""
    (tmp_path / "usa-today").mkdir()
    (tmp_path / "usa-today" / "usa-today_2016-09-08_debate.txt").write_text(
        "Debate night\n\nThe candidates met.", encoding="utf-8")
    (tmp_path / "breitbart_20160909_rally.md").write_text(
        "---\ndate: 2016-09-10\n---\nThe rally was held.", encoding="utf-8")
    (tmp_path / "wire_2016_09_11_x.md").write_text("---\ndate: soon\n---\nThe vote.",
                                                  encoding="utf-8")
    (tmp_path / "undated.txt").write_text("No date here.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    dates = {d.source: d.date for d in corpus}
    assert dates == {"usa-today/usa-today_2016-09-08_debate.txt": D(2016, 9, 8),
                     "breitbart_20160909_rally.md": D(2016, 9, 10),
                     "wire_2016_09_11_x.md": None, "undated.txt": None}
    assert [f for f, _ in corpus.warnings] == ["wire_2016_09_11_x.md"]
    assert tables.corpus_summary(corpus)["dated"] == 2


@given(st.dates(min_value=D(1800, 1, 1), max_value=D(2100, 12, 31)),
       st.sampled_from(["-", "_", ""]), st.text(alphabet="abc-_ ", max_size=8))
def test_any_plausible_date_is_read_from_a_file_name(date, sep, words):
    name = f"{words}_{date.year:04d}{sep}{date.month:02d}{sep}{date.day:02d}_{words}.txt"
    assert date_from_name(name) == date


@given(st.text(alphabet="0123456789-_.ab", max_size=30))
@example("19991301.txt")
@example("2016-09-08_2016-09-09.txt")
@example("1799-12-31.txt")
def test_a_date_read_from_a_file_name_is_a_real_date_written_in_it(name):
    date = date_from_name(name)
    assert date is None or (
        1800 <= date.year <= 2100
        and any(date.strftime(f) in name for f in ("%Y-%m-%d", "%Y_%m_%d", "%Y%m%d")))


def test_photo_credit_lines_are_removed_and_sentences_about_the_agencies_stay():
    text, removed = strip_boilerplate("It rained.\nGetty/Instagram.\nGetty.\nGetty Images said "
                                      "it would appeal.\nTwitter users were angry.")
    assert text == "It rained.\nGetty Images said it would appeal.\nTwitter users were angry."
    assert [(r.line, r.reason) for r in removed] == [(2, "credit line"), (3, "credit line")]
