"""Word frequency: counts, n-grams, collocations, keyness, lexical diversity, Zipf.

Every function takes a source (a text, a :class:`~analysis.corpus.Document`, a
:class:`~analysis.corpus.Corpus`, a list of documents, or a stored corpus) and returns a pandas
DataFrame with documented columns, sorted deterministically (ties broken alphabetically). Counts
come from the per-document ``words`` and ``ngrams`` tables (:data:`WORDS`, :data:`NGRAMS`),
computed once per document and summed.

>>> word_counts("A war. A war. Peace.", drop_stopwords=True)["word"].tolist()
['war', 'peace']
"""

from analysis.frequency.associations import MEASURES, collocations, pair_counts
from analysis.frequency.counts import (
    NGRAMS,
    WORDS,
    ngrams,
    word_counts,
    word_totals,
    words,
)
from analysis.frequency.diversity import (
    LEXICAL,
    diversity_table,
    hapaxes,
    lexical_diversity,
    mattr,
    zipf_table,
)
from analysis.frequency.groups import frequency_by_group, keyness_by_group
from analysis.frequency.keywords import (
    REFERENCE_FLOOR,
    english_frequency,
    g2,
    key_terms,
    keyness,
    keyness_vs_english,
    p_value,
)

__all__ = [
    "LEXICAL",
    "MEASURES",
    "NGRAMS",
    "REFERENCE_FLOOR",
    "WORDS",
    "collocations",
    "diversity_table",
    "english_frequency",
    "frequency_by_group",
    "g2",
    "hapaxes",
    "key_terms",
    "keyness",
    "keyness_by_group",
    "keyness_vs_english",
    "lexical_diversity",
    "mattr",
    "ngrams",
    "p_value",
    "pair_counts",
    "word_counts",
    "word_totals",
    "words",
    "zipf_table",
]
