"""The store: one analysis pass per document, kept as Parquet tables keyed by content.

``analyse(path)`` reads an input, runs every per-document table of :data:`PASS` on each new or
changed document (on every core, or on a Dask cluster), stores the rows, and returns a
:class:`CorpusTables`: the stored corpus every analysis function accepts as its source.
"""

from analysis.store.analyse import STORE_ENV, analyse, default_store_dir
from analysis.store.corpus import CorpusTables
from analysis.store.parquet import Store
from analysis.store.specs import PASS, REMOVED, SENTENCES, TEXTS

__all__ = ["PASS", "REMOVED", "SENTENCES", "STORE_ENV", "TEXTS", "CorpusTables", "Store",
           "analyse", "default_store_dir"]
