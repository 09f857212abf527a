"""Who, where, who said what, and the key figures of English news text, by rules.

One module per idea, along the flow:

* :mod:`~analysis.entities.lexicon` -- the shared word lists, gazetteer and word frequencies;
* :mod:`~analysis.entities.given_names` -- given names and surnames of many languages;
* :mod:`~analysis.entities.names` -- name spans (:func:`name_spans`);
* :mod:`~analysis.entities.joins` -- what joins capitalised words into one name ("Bank of
  England", "Securities and Exchange Commission") and what ends one;
* :mod:`~analysis.entities.mentions` -- the mentions of one document with their actor and
  kind, the per-document table :data:`MENTIONS` (with :mod:`~analysis.entities.context`,
  what the words around a mention say);
* :mod:`~analysis.entities.actors` -- actors across documents (:func:`actors`,
  :func:`cooccurrence`);
* :mod:`~analysis.entities.quotes`, :mod:`~analysis.entities.phrases`,
  :mod:`~analysis.entities.cues` -- quotations, noun phrases, and the rules that find who
  said what;
* :mod:`~analysis.entities.linking` -- which mentions of a document are one actor;
* :mod:`~analysis.entities.fallback` -- the kind of an actor whose own evidence is silent,
  from the rest of the document;
* :mod:`~analysis.entities.coref` -- the person a pronoun speaker refers to;
* :mod:`~analysis.entities.attributions` -- who said what, the per-document table
  :data:`ATTRIBUTIONS` (:func:`attributions`, :func:`speakers`);
* :mod:`~analysis.entities.figures` -- key figures, the per-document table :data:`FIGURES`.

Corpus-level functions take anything :func:`analysis.tables.per_document` accepts (a string,
a Document, a Corpus, a list of Documents, a stored corpus) and aggregate the per-document
tables with pandas.

>>> text = ("Gen. Khalifa Haftar said Thursday that the Shura Council of Benghazi "
...         "Revolutionaries had lost 12 hours. Haftar’s men stayed in Benghazi.")
>>> actors(text)[["actor", "kind", "mentions"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Khalifa Haftar', 'person', 2], ['Benghazi', 'place', 1],
 ['Shura Council of Benghazi Revolutionaries', 'group', 1]]
"""

from analysis.entities.actors import actors, cooccurrence, group_actors, mention_kinds, mentions
from analysis.entities.attributions import (
    ATTRIBUTIONS,
    Attribution,
    attribution_parts,
    attributions,
    document_attributions,
    speakers,
)
from analysis.entities.coref import antecedent
from analysis.entities.figures import FIGURES, Figure, document_figures, figures
from analysis.entities.mentions import MENTIONS, Mention, document_mentions
from analysis.entities.names import analyse, name_spans

__all__ = [
    "ATTRIBUTIONS",
    "FIGURES",
    "MENTIONS",
    "TABLES",
    "Attribution",
    "Figure",
    "Mention",
    "actors",
    "antecedent",
    "attribution_parts",
    "attributions",
    "clear_caches",
    "cooccurrence",
    "document_attributions",
    "document_figures",
    "document_mentions",
    "figures",
    "group_actors",
    "mention_kinds",
    "mentions",
    "name_spans",
    "speakers",
]

#: The per-document tables of the entities package, for the store's one pass.
TABLES = (MENTIONS, ATTRIBUTIONS, FIGURES)


def clear_caches() -> None:
    """Forget the cached analyses of texts (benchmarks measure cold runs with it)."""
    analyse.cache_clear()
