"""The store: one analysis pass per document, kept as Parquet, reused, identical however run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import entities, frequency, groups, store, tables
from analysis.corpus import Document, load_corpus
from analysis.sentiment import SENTENCES
from analysis.store.parquet import Store
from analysis.store.run import analyse_batch, batches, run_pass
from analysis.tables import TableSpec

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"

ARTICLES = {
    "outlet-a/rain.txt": "Rain in Leeds\n\nHeavy rain fell on Leeds on Monday. The council "
                         "said roads were closed. “It’s the worst in years,” a resident said.",
    "outlet-a/vote.txt": "Vote delayed\n\nThe vote was delayed again. Members didn't agree.",
    "outlet-b/match.txt": "Leeds win\n\nLeeds won 3-1 on Saturday. Fans cheered in the rain.",
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Categorical columns (how a stored corpus keeps words small) as plain strings."""
    cats = [c for c in df.columns if isinstance(df[c].dtype, pd.CategoricalDtype)]
    df = df.astype({c: "str" for c in cats}).reset_index(drop=True)
    text = [c for c in df.columns if df[c].dtype in (object, "str")]
    df[text] = df[text].astype(object).where(df[text].notna(), None)  # one kind of missing
    return df


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(_plain(a), _plain(b), check_dtype=False)


def test_stored_tables_equal_the_tables_computed_in_memory(folder, tmp_path):
    stored = store.analyse(folder, store_dir=tmp_path / "store", jobs=1)
    docs = load_corpus(folder)
    for spec in store.PASS:
        _same(tables.per_document(stored, spec), tables.per_document(docs, spec))
    assert frequency.word_counts(stored).equals(frequency.word_counts(docs))


def test_documents_table_has_titles_sizes_and_a_row_per_document(folder, tmp_path):
    corpus = store.analyse(folder, store_dir=tmp_path / "store", jobs=1)
    docs = corpus.documents
    assert docs["document"].tolist() == [d.id for d in load_corpus(folder)]
    assert docs["title"].tolist() == ["Rain in Leeds", "Vote delayed", "Leeds win"]
    assert docs["words"].tolist() == [25, 11, 12]  # counted by hand, "It’s" = It + ’s
    assert (docs["sentences"] > 0).all()


def test_a_second_run_analyses_nothing_and_a_new_file_only_itself(folder, tmp_path, monkeypatch):
    seen: list[str] = []

    def count(doc):
        seen.append(doc.id)
        return [(1,)]

    counting = TableSpec("seen", (("n", "int64"),), count)
    specs = (*store.PASS, counting)
    store.analyse(folder, store_dir=tmp_path / "s", jobs=1, specs=specs)
    ids = [d.id for d in load_corpus(folder)]
    assert seen == ids
    seen.clear()
    again = store.analyse(folder, store_dir=tmp_path / "s", jobs=1, specs=specs)
    assert seen == [] and len(again) == 3
    (folder / "outlet-b" / "new.txt").write_text("A new story arrived today.", encoding="utf-8")
    bigger = store.analyse(folder, store_dir=tmp_path / "s", jobs=1, specs=specs)
    assert seen == [d.id for d in load_corpus(folder) if d.id not in ids]
    assert len(seen) == 1
    assert len(bigger) == 4
    (folder / "outlet-a" / "vote.txt").write_text("The vote happened.", encoding="utf-8")
    seen.clear()
    changed = store.analyse(folder, store_dir=tmp_path / "s", jobs=1, specs=specs)
    assert seen == [ids[1]]
    words = frequency.word_counts(changed)
    assert "delayed" not in set(words["word"]) and "happened" in set(words["word"])


def test_every_core_and_one_core_give_identical_tables(folder, tmp_path):
    one = store.analyse(folder, store_dir=tmp_path / "one", jobs=1)
    two = store.analyse(folder, store_dir=tmp_path / "two", jobs=2)
    for spec in store.PASS:
        _same(tables.per_document(one, spec), tables.per_document(two, spec))


def test_dask_local_cluster_gives_identical_tables(folder, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = store.analyse(folder, store_dir=tmp_path / "local", jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = store.analyse(folder, store_dir=tmp_path / "dask", dask=client)
        by_address = store.analyse(folder, store_dir=tmp_path / "dask2",
                                   dask=cluster.scheduler_address)
    for spec in store.PASS:
        _same(tables.per_document(local, spec), tables.per_document(remote, spec))
        _same(tables.per_document(local, spec), tables.per_document(by_address, spec))


def test_results_do_not_depend_on_batching():
    docs = [Document(f"d{i}", "t", "s", f"Story {i}. It rained {i} times.") for i in range(7)]
    keyed = [(d, f"k{i}") for i, d in enumerate(docs)]
    whole = analyse_batch(keyed, store.PASS)
    parts = list(run_pass(batches(keyed, max_docs=2), store.PASS, jobs=2))
    assert [k for keys, _ in parts for k in keys] == [k for _, k in keyed]
    for spec in store.PASS:
        import pyarrow as pa

        joined = pa.concat_tables([t[spec.name] for _, t in parts])
        assert joined.equals(whole[spec.name])


def test_an_interrupted_write_leaves_no_part_and_a_rerun_works(folder, tmp_path, monkeypatch):
    real = pq.write_table
    calls = {"n": 0}

    def failing(table, where, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(table, where, **kw)

    monkeypatch.setattr(pq, "write_table", failing)
    with pytest.raises(OSError):
        store.analyse(folder, store_dir=tmp_path / "s", jobs=1)
    monkeypatch.setattr(pq, "write_table", real)
    assert Store(tmp_path / "s").parts() == {}  # the keys file is written last
    leftovers = [p for p in (tmp_path / "s").rglob("*") if p.name.startswith(".tmp-")]
    assert leftovers == []
    corpus = store.analyse(folder, store_dir=tmp_path / "s", jobs=1)
    assert len(corpus) == 3


def test_focus_by_id_title_or_position(folder, tmp_path):
    corpus = store.analyse(folder, store_dir=tmp_path / "s", jobs=1)
    ids = [d.id for d in load_corpus(folder)]
    assert corpus.focus().id == ids[0]
    assert corpus.focus(ids[2]).title == "Leeds win"
    assert corpus.focus("Vote delayed").id == ids[1]
    assert corpus.focus(3).id == ids[2]
    assert "Leeds won 3-1" in corpus.focus(3).text
    with pytest.raises(KeyError, match="ids include"):
        corpus.focus("nothing")
    with pytest.raises(KeyError, match="positions 1 to 3"):
        corpus.focus(4)


def test_unknown_group_column_names_the_columns(folder, tmp_path):
    corpus = store.analyse(folder, store_dir=tmp_path / "s", jobs=1)
    with pytest.raises(KeyError, match="no metadata column 'publisher'"):
        tables.per_document(corpus, frequency.WORDS, meta=("publisher",))


def test_duplicate_ids_are_refused(tmp_path):
    docs = [Document("a", "A", "a", "One."), Document("a", "B", "b", "Two.")]
    with pytest.raises(ValueError, match="two documents have the id 'a'"):
        store.analyse(docs, store_dir=tmp_path / "s", jobs=1)


def test_compaction_keeps_the_tables(folder, tmp_path):
    target = tmp_path / "s"
    first = store.analyse(folder, store_dir=target, jobs=1)
    before = {s.name: tables.per_document(first, s) for s in store.PASS}
    # many small changes make many parts; compaction then rewrites the live rows
    for i in range(5):
        (folder / "outlet-b" / f"extra{i}.txt").write_text(f"Extra story {i}.", encoding="utf-8")
        store.analyse(folder, store_dir=target, jobs=1)
    db = Store(target)
    assert db.compact([s.name for s in store.PASS], max_parts=1)
    for i in range(5):
        (folder / "outlet-b" / f"extra{i}.txt").unlink()
    after = store.analyse(folder, store_dir=target, jobs=1)
    for spec in store.PASS:
        _same(tables.per_document(after, spec), before[spec.name])


def test_repeated_compaction_never_duplicates_rows(folder, tmp_path):
    """Each document's rows live in exactly one part after any number of compactions (a part
    left behind beside its compacted copy once doubled every count of a later compaction)."""
    target = tmp_path / "s"
    first = store.analyse(folder, store_dir=target, jobs=1)
    before = {s.name: tables.per_document(first, s) for s in store.PASS}
    db = Store(target)
    names = [s.name for s in store.PASS]
    for i in range(6):
        (folder / "outlet-b" / f"extra{i}.txt").write_text(f"Extra story {i}.", encoding="utf-8")
        store.analyse(folder, store_dir=target, jobs=1)
        assert db.compact(names, max_parts=1)
        held = [k for f in sorted((db.root / "keys").glob("*.parquet"))
                for k in pq.read_table(f).column("_key").to_pylist()]
        assert len(held) == len(set(held))
        for part in {p.stem for p in (db.root / "keys").glob("*.parquet")}:
            sizes = pq.read_table(db.root / "parts" / "sizes" / f"{part}.parquet")
            assert sizes.num_rows == len(set(sizes.column("_key").to_pylist()))
    for i in range(6):
        (folder / "outlet-b" / f"extra{i}.txt").unlink()
    after = store.analyse(folder, store_dir=target, jobs=1)
    for spec in store.PASS:
        _same(tables.per_document(after, spec), before[spec.name])


def test_an_open_corpus_reads_on_after_another_run_compacts_the_store(folder, tmp_path):
    """A corpus held open (a notebook kernel) while another run compacts the store reads the
    same tables from the new parts, instead of failing on a deleted file."""
    target = tmp_path / "s"
    held = store.analyse(folder, store_dir=target, jobs=1)
    words = next(s for s in store.PASS if s.name == "words")
    before = tables.per_document(held, words)
    texts = [d.text for d in held.select()]
    (folder / "outlet-b" / "extra.txt").write_text("Extra story.", encoding="utf-8")
    store.analyse(folder, store_dir=target, jobs=1)
    assert Store(target).compact([s.name for s in store.PASS], max_parts=1)
    held._cache.clear()
    _same(tables.per_document(held, words), before)
    assert [d.text for d in held.select()] == texts
    assert held.totals(words, by=["word"])["count"].sum() == before["count"].sum()
    shutil.rmtree(target / "v1" / "keys")  # the documents are gone: a clear error
    (target / "v1" / "keys").mkdir()
    held._cache.clear()
    with pytest.raises(FileNotFoundError, match="no longer holds"):
        tables.per_document(held, words)


def test_the_seed_reads_back_its_text_and_removed_lines(tmp_path):
    corpus = store.analyse(SEED, store_dir=tmp_path / "s", jobs=1)
    doc = corpus.focus()
    original = load_corpus(SEED)[0]
    assert doc.text == original.text and doc.removed == original.removed
    shutil.rmtree(tmp_path / "s")


DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("name", ["news.csv", "news.jsonl", "outlets", "mojibake.txt",
                                  "saved_news_page.html", "article.md"])
def test_stored_documents_equal_the_documents_read(name, tmp_path):
    """Titles, dates, metadata, removed lines, repairs and texts survive the store."""
    stored = store.analyse(DATA / name, store_dir=tmp_path / "s", jobs=1)
    read = load_corpus(DATA / name)
    pd.testing.assert_frame_equal(_plain(stored.documents.drop(columns="hard_wrapped")),
                                  _plain(tables.documents_table(read)), check_dtype=False)
    for got, want in zip(stored.select(), read, strict=True):
        assert (got.id, got.title, got.source, got.text) == (want.id, want.title, want.source,
                                                            want.text)
        assert got.removed == want.removed and got.repairs == want.repairs
        def known(meta):  # a column a document lacks reads back as missing (None)
            return {k: v for k, v in meta.items() if v is not None}

        assert known(got.meta) == known(want.meta)
        assert got.tokens == want.tokens
    assert stored.skipped == [tuple(x) for x in read.skipped]
    assert stored.warnings == [tuple(x) for x in read.warnings]
    _same(tables.corpus_summary(stored).to_frame(), tables.corpus_summary(read).to_frame())


def test_a_table_spec_refuses_a_lambda_workers_could_not_receive():
    with pytest.raises(ValueError, match="module-level function"):
        TableSpec("bad", (("n", "int64"),), lambda doc: [(1,)])


def test_reading_a_table_twice_gives_the_same_table_after_a_caller_added_columns(folder, tmp_path):
    corpus = store.analyse(folder, store_dir=tmp_path / "s", jobs=1)
    first = tables.per_document(corpus, frequency.WORDS)
    first["extra"] = 1
    again = tables.per_document(corpus, frequency.WORDS)
    assert "extra" not in again.columns
    from analysis import sentiment

    assert sentiment.sentence_table(corpus).equals(sentiment.sentence_table(corpus))


@pytest.mark.parametrize("name", ["news.csv", "outlets"])
def test_totals_of_a_stored_corpus_equal_the_totals_computed_in_memory(name, tmp_path):
    stored = store.analyse(DATA / name, store_dir=tmp_path / "s", jobs=1)
    read = load_corpus(DATA / name)
    group = "Outlet" if name == "news.csv" else "folder"

    def norm(df):
        return _plain(df).sort_values(list(df.columns)).reset_index(drop=True)

    for kwargs in ({"by": ["word"]}, {"by": ["document", "word"], "where": ("word", ["the"])},
                   {"by": ["group", "word"], "meta": group}):
        _same(norm(tables.totals(stored, frequency.WORDS, **kwargs)),
              norm(tables.totals(read, frequency.WORDS, **kwargs)))
    _same(norm(tables.totals(stored, frequency.NGRAMS, by=["ngram"], where=("n", [2]))),
          norm(tables.totals(read, frequency.NGRAMS, by=["ngram"], where=("n", [2]))))
    for kwargs in ({"by": ["word"], "rows": "range"},
                   {"by": ["group"], "meta": group, "rows": "range",
                    "where": {"word": ["the", "rain"], "count": [1, 2]}}):
        _same(norm(tables.totals(stored, frequency.WORDS, **kwargs)),
              norm(tables.totals(read, frequency.WORDS, **kwargs)))
    sizes = {"by": ["document"], "value": ["words", "sentences"]}
    _same(norm(tables.totals(stored, tables.SIZES, **sizes)),
          norm(tables.totals(read, tables.SIZES, **sizes)))


@pytest.mark.parametrize("name", ["news.csv", "outlets"])
def test_a_stored_table_read_in_chunks_holds_the_rows_computed_in_memory(name, tmp_path):
    stored = store.analyse(DATA / name, store_dir=tmp_path / "s", jobs=1)
    read = load_corpus(DATA / name)
    columns = ["document", "sentence", "compound"]
    where = {"sentence": [1, 2]}
    got = pd.concat(list(tables.chunks(stored, SENTENCES, columns, where=where)))
    want = pd.concat(list(tables.chunks(read, SENTENCES, columns, where=where)))
    key = ["document", "sentence"]
    _same(got.sort_values(key).reset_index(drop=True), want.sort_values(key).reset_index(drop=True))
    assert set(got["sentence"]) <= {1, 2}


@pytest.mark.parametrize("name", ["news.csv", "outlets"])
def test_sentence_figures_of_a_stored_corpus_read_no_more_text_than_they_show(name, tmp_path):
    from analysis import sentiment

    stored = store.analyse(DATA / name, store_dir=tmp_path / "s", jobs=1)
    read = load_corpus(DATA / name)
    table = sentiment.sentence_table(read, meta=("title",))
    _same(sentiment.extremes(stored, n=2), sentiment.extremes(table, n=2))
    for side in ("lowest", "highest"):
        _same(sentiment.explain_extreme(stored, side=side),
              sentiment.explain_extreme(table, side=side))
    _same(sentiment.tone(stored), sentiment.tone(read))
    _same(sentiment.document_summary(stored), sentiment.document_summary(read))
    no_text = sentiment.sentence_table(stored, text=False)
    assert "text" not in no_text and len(no_text) == len(table)


def test_group_by_names_the_input_s_own_column_never_how_it_was_read(tmp_path):
    """A table column named like a reading column ("source") is the input's metadata: grouping
    by it uses it (stored as meta_source), never the file each document was read from, and the
    reader sees it as "source" (titles, headers, the metadata table, messages), never as
    meta_source."""
    path = tmp_path / "news.jsonl"
    rows = [{"id": f"a{i}", "source": outlet,
             "content": f"Mayor Ann Lee said the council met on day {i}. It voted."}
            for i, outlet in enumerate(["bbc", "cnn", "bbc", "cnn"])]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = store.analyse(path, id_column="id", store_dir=tmp_path / "store", progress=False)
    group = corpus.grouping("source")
    assert group == "source" == corpus.grouping("meta_source")
    assert corpus.meta_names == ["source"] and corpus.meta_columns == ["meta_source"]
    assert corpus.metadata()["column"].tolist() == ["source"]  # no date: no empty row for it
    assert sorted(corpus.documents["meta_source"].unique()) == ["bbc", "cnn"]
    assert groups.group_sizes(corpus, by=group)["group"].tolist() == ["bbc", "cnn"]
    said = entities.speakers(corpus, by=group)
    assert said[[group, "speaker", "sources"]].values.tolist() == [
        ["bbc", "Ann Lee", "Mayor Ann Lee"], ["cnn", "Ann Lee", "Mayor Ann Lee"]]
    read = load_corpus(path, id_column="id")  # the same, read without a store
    _same(entities.speakers(read, by="source"), said)
    assert entities.actors(corpus, by=group)[group].tolist()[:1] == ["bbc"]
    with pytest.raises(KeyError, match="the documents have: date, source, title") as e:
        corpus.grouping("format")  # how a document was read is no grouping
    assert "meta_" not in str(e.value)
