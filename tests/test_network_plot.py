"""The actor network is readable for any input: no two names overlap, no name is clipped by the
figure or covers a circle, the legend covers no circle, the layout uses the frame. Measured with
matplotlib's renderer on the drawn figure, for the seed, a corpus-sized network, long names, one
actor, none, and generated networks."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import entities
from analysis.corpus import load_corpus
from analysis.present import plots

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_81c44d20d7573865.txt"
PAD = 0.5  # pixels: boxes that only touch do not overlap

# Thirty actors of twelve PolNeAR articles (names as the entities module gives them) and their
# strongest co-occurrences: a network of the size and density a small corpus gives.
CORPUS_NODES = [
    ("Donald J. Trump", 46, "person"), ("Hillary Clinton", 43, "person"),
    ("Bernie Sanders", 38, "person"), ("Ben Carson", 31, "person"),
    ("Davis Manafort", 20, "person"), ("Republicans", 15, "unknown"),
    ("Democratic", 13, "person"), ("United States", 13, "place"),
    ("Democratic National Committee", 12, "group"), ("Ted Cruz", 12, "person"),
    ("New Hampshire", 9, "place"), ("Obama White House", 8, "person"),
    ("Iowa", 8, "place"), ("Jeb Bush", 7, "person"), ("Chris Christie", 7, "person"),
    ("Fox Business Network", 5, "group"), ("Grand Old Party", 6, "group"),
    ("Kellyanne Conway", 6, "person"), ("John Kasich", 6, "person"), ("GOP", 5, "group"),
    ("Bobby Jindal", 5, "person"), ("New York", 5, "place"), ("Washington", 5, "place"),
    ("Vermont", 4, "place"), ("Sandy Hook", 4, "person"), ("Senate", 4, "group"),
    ("White House", 4, "person"), ("Democrats", 4, "unknown"), ("Fed", 3, "unknown"),
    ("New York City", 3, "place"),
]


def corpus_network(n_edges: int = 100) -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = pd.DataFrame(CORPUS_NODES, columns=["name", "mentions", "kind"])
    rng = np.random.default_rng(3)
    names = nodes["name"].tolist()
    pairs = list(itertools.combinations(range(len(names)), 2))
    # heavier links among the most mentioned, as in news
    p = np.array([1.0 / (1 + i + j) for i, j in pairs])
    picked = rng.choice(len(pairs), size=n_edges, replace=False, p=p / p.sum())
    edges = pd.DataFrame([(names[pairs[k][0]], names[pairs[k][1]], int(rng.integers(1, 12)))
                          for k in sorted(picked)], columns=["source", "target", "weight"])
    return nodes, edges


def measure(fig) -> dict:
    """Every name's box, every circle's box, the legend boxes and the figure's box, in pixels,
    from the renderer after drawing."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    names = [t.get_window_extent(renderer) for t in plots.network_labels(fig)]
    return {"names": [(b.x0, b.y0, b.x1, b.y1) for b in names],
            "circles": list(plots.node_boxes(fig).values()),
            "by_name": plots.node_boxes(fig),
            "legends": [tuple(lg.get_window_extent(renderer).extents) for lg in fig.legends],
            "frame": tuple(fig.bbox.extents)}


def overlap(a, b) -> bool:
    return a[0] + PAD < b[2] and b[0] + PAD < a[2] and a[1] + PAD < b[3] and b[1] + PAD < a[3]


def assert_readable(fig, n_nodes: int) -> dict:
    m = measure(fig)
    assert len(m["circles"]) == n_nodes
    assert len(m["names"]) == n_nodes, "every actor is named"
    for a, b in itertools.combinations(m["names"], 2):
        assert not overlap(a, b), f"names overlap: {a} {b}"
    x0, y0, x1, y1 = m["frame"]
    for box in m["names"] + m["circles"]:
        assert x0 <= box[0] and y0 <= box[1] and box[2] <= x1 and box[3] <= y1, \
            f"clipped by the figure: {box}"
    for name in m["names"]:
        for circle in m["circles"]:
            assert not overlap(name, circle), "a name covers a circle"
    for legend in m["legends"]:
        for circle in m["circles"]:
            assert not overlap(legend, circle), "the legend covers a circle"
    return m


@pytest.fixture(autouse=True, scope="module")
def _style():
    plots.style()


def test_the_seed_network_is_readable():
    nodes, edges = entities.cooccurrence(load_corpus(SEED), top=30)
    assert len(nodes) >= 10
    fig = plots.cooccurrence_network(nodes, edges, title="Actors")
    m = assert_readable(fig, len(nodes))
    # the isolated actor does not squeeze the rest: circles spread over most of the frame
    xs = [(c[0] + c[2]) / 2 for c in m["circles"]]
    ys = [(c[1] + c[3]) / 2 for c in m["circles"]]
    width, height = m["frame"][2], m["frame"][3]
    assert max(xs) - min(xs) > 0.6 * width and max(ys) - min(ys) > 0.5 * height


def test_a_corpus_network_of_thirty_actors_is_readable():
    nodes, edges = corpus_network()
    fig = plots.cooccurrence_network(nodes, edges, title="Actors in twelve articles")
    assert_readable(fig, 30)
    legend = " ".join(t.get_text() for lg in fig.legends for t in lg.get_texts())
    assert "of 100" in legend, "the legend says how many links are drawn"


def test_every_link_drawn_when_asked():
    nodes, edges = corpus_network(40)
    fig = plots.cooccurrence_network(nodes, edges, links=None)
    segments = [c for c in fig.axes[0].collections if c.get_gid() != "actor-nodes"]
    assert sum(len(c.get_segments()) for c in segments) == 40
    assert_readable(fig, 30)


def test_long_names_are_wrapped_or_cut_and_readable():
    names = ["Shura Council of Benghazi Revolutionaries",
             "Supreme Council of the Armed Forces of the Arab Republic of Egypt",
             "Libya", "Ansar al-Shariah", "United Nations Support Mission in Libya",
             "Abdelhakim Belhadj al-Libi al-Tarabulsi", "X" * 45]
    nodes = pd.DataFrame({"name": names, "mentions": [5, 1, 9, 2, 3, 1, 1],
                          "kind": ["group", "group", "place", "group", "group", "person",
                                   "unknown"]})
    edges = pd.DataFrame({"source": ["Libya", "Libya", "Libya"],
                          "target": [names[0], names[3], names[4]], "weight": [2, 1, 1]})
    fig = plots.cooccurrence_network(nodes, edges)
    assert_readable(fig, len(names))
    shown = {t.get_text() for t in plots.network_labels(fig)}
    assert "Shura Council of\nBenghazi\nRevolutionaries" in shown
    assert all(len(line) <= 20 for label in shown for line in label.split("\n"))
    assert any(label.endswith("…") for label in shown)


def test_one_actor_is_drawn_in_the_middle():
    nodes = pd.DataFrame({"name": ["Libya"], "mentions": [3], "kind": ["place"]})
    fig = plots.cooccurrence_network(nodes, pd.DataFrame(columns=["source", "target",
                                                                  "weight"]))
    m = assert_readable(fig, 1)
    (x0, _, x1, _), width = m["circles"][0], m["frame"][2]
    assert 0.3 * width < (x0 + x1) / 2 < 0.7 * width
    assert plots.figure_message(fig) is None


def test_no_actor_gives_a_sentence_not_a_blank_figure():
    fig = plots.cooccurrence_network(pd.DataFrame(columns=["name", "mentions", "kind"]),
                                     pd.DataFrame(columns=["source", "target", "weight"]),
                                     title="Actors")
    assert plots.figure_message(fig).startswith("No actors to draw")
    assert fig.axes[0].get_title() == "Actors"


def test_isolated_actors_stand_apart_below_the_linked_ones():
    nodes, edges = corpus_network(30)
    linked = set(edges["source"]) | set(edges["target"])
    fig = plots.cooccurrence_network(nodes, edges)
    m = assert_readable(fig, 30)
    ys = {n: (c[1] + c[3]) / 2 for n, c in m["by_name"].items()}
    alone = [ys[n] for n in nodes["name"] if n not in linked]
    assert alone, "the sample network has actors named alone"
    assert max(alone) < min(ys[n] for n in linked)


def test_the_network_is_byte_identical_when_redrawn():
    nodes, edges = corpus_network()

    def png() -> bytes:
        buf = io.BytesIO()
        plots.cooccurrence_network(nodes, edges).savefig(
            buf, format="png", metadata={"Software": "news-text-analysis"})
        return buf.getvalue()

    assert png() == png()


def test_extra_columns_reversed_pairs_and_unknown_actors_are_tolerated():
    nodes = pd.DataFrame({"actor": ["A", "B"], "mentions": [2, 1], "kind": ["person", None],
                          "documents": [1, 1]})
    edges = pd.DataFrame({"source": ["A", "B", "A"], "target": ["B", "A", "Zed"],
                          "weight": [1, 2, 5]})
    fig = plots.cooccurrence_network(nodes, edges)
    assert_readable(fig, 2)
    legend = " ".join(t.get_text() for lg in fig.legends for t in lg.get_texts())
    assert "most 3" in legend  # A-B and B-A are one pair; Zed is not drawn


def test_missing_columns_are_a_clear_error():
    with pytest.raises(ValueError, match="mentions"):
        plots.cooccurrence_network(pd.DataFrame({"name": ["A"]}),
                                   pd.DataFrame(columns=["source", "target"]))


_NAME = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL -.'"),
                min_size=1, max_size=60).map(str.strip).filter(bool)


@st.composite
def networks(draw):
    names = draw(st.lists(_NAME, min_size=1, max_size=30, unique=True))
    mentions = draw(st.lists(st.integers(1, 500), min_size=len(names), max_size=len(names)))
    kinds = draw(st.lists(st.sampled_from(["person", "place", "group", "unknown"]),
                          min_size=len(names), max_size=len(names)))
    pairs = list(itertools.combinations(range(len(names)), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=80)) if pairs else []
    weights = draw(st.lists(st.integers(1, 40), min_size=len(chosen), max_size=len(chosen)))
    nodes = pd.DataFrame({"name": names, "mentions": mentions, "kind": kinds})
    edges = pd.DataFrame({"source": [names[i] for i, _ in chosen],
                          "target": [names[j] for _, j in chosen], "weight": weights},
                         columns=["source", "target", "weight"])
    return nodes, edges


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(networks())
def test_generated_networks_are_readable(network):
    nodes, edges = network
    fig = plots.cooccurrence_network(nodes, edges)
    assert_readable(fig, len(nodes))
