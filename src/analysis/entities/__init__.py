"""Who, where, who said what, and the key figures of English news text, by rules.

One module per idea: :mod:`~analysis.entities.names` (name spans),
:mod:`~analysis.entities.mentions` (mentions and kinds within a document),
:mod:`~analysis.entities.actors` (actors across documents, co-occurrence),
:mod:`~analysis.entities.attributions` (who said what), :mod:`~analysis.entities.figures` (key
figures), and the shared word lists and gazetteer in :mod:`~analysis.entities.lexicon`.

>>> text = ("Gen. Khalifa Haftar said Thursday that the Shura Council of Benghazi "
...         "Revolutionaries had lost 12 hours. Haftar’s men stayed in Benghazi.")
>>> actors(text)[["actor", "kind", "mentions"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Khalifa Haftar', 'person', 2], ['Benghazi', 'place', 1],
 ['Shura Council of Benghazi Revolutionaries', 'group', 1]]
"""

from analysis.entities.actors import actors, cooccurrence, group_actors, mention_kinds, mentions
from analysis.entities.attributions import attribution_parts, attributions
from analysis.entities.figures import figures
from analysis.entities.mentions import MENTIONS, Mention, document_mentions
from analysis.entities.names import analyse, name_spans

__all__ = [
    "MENTIONS",
    "Mention",
    "actors",
    "attribution_parts",
    "attributions",
    "cooccurrence",
    "document_mentions",
    "figures",
    "group_actors",
    "mention_kinds",
    "mentions",
    "name_spans",
]


def clear_caches() -> None:
    """Forget the cached analyses of texts (benchmarks measure cold runs with it)."""
    analyse.cache_clear()
