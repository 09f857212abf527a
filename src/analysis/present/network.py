"""The actor network: actors as circles, linked when named in the same sentence, with every name
readable.

What keeps it readable for 1 to 30 actors with names of any length:

* the layout fills the frame: each group of linked actors (a connected component) gets a part of
  the frame in proportion to its size (Kamada-Kawai layout inside it, which spreads nodes by
  their graph distance: Kamada and Kawai 1989, through networkx); actors named with nobody
  else stand in a row of their own below, apart, so they never squeeze the rest into a corner;
* circles never overlap (pushed apart after the layout) and their area is proportional to the
  mentions, with a cap, so one frequent actor cannot cover the others;
* names are wrapped or cut to at most three short lines (:func:`short_label`; the full name
  stays in the ``nodes`` table), and each is placed in the first free spot around its circle
  (most mentioned actors first): no two names overlap, no name covers a circle, none leaves
  the frame (measured with matplotlib's renderer). A name placed away from its circle gets a
  thin leader line;
* the legend (kinds, sizes) sits below the drawing, outside it.

>>> import pandas as pd
>>> nodes = pd.DataFrame({"name": ["Libya", "Benghazi", "Spain"], "mentions": [6, 5, 1],
...                       "kind": ["place", "place", "place"]})
>>> edges = pd.DataFrame({"source": ["Benghazi"], "target": ["Libya"], "weight": [2]})
>>> fig = cooccurrence_network(nodes, edges, title="Actors")
>>> sorted(t.get_text() for t in network_labels(fig))
['Benghazi', 'Libya', 'Spain']
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patheffects import withStroke
from matplotlib.text import Text

from analysis.present.chart import (
    DPI,
    MAX_WIDTH,
    NEUTRAL,
    message_figure,
    require,
    short_label,
)

__all__ = ["KIND_COLORS", "cooccurrence_network", "network_labels", "node_boxes",
           "strongest_links"]

KIND_COLORS = {"person": "#e76f51", "place": "#2a9d8f", "group": "#264653",
               "unknown": NEUTRAL}
_LABEL_GID = "actor-label"
_AREA = (90.0, 900.0)  # circle area in points², least and most mentioned
_PAD = 3.0  # pixels kept free around names and circles
_FONT = 10.0


def _clean(nodes: pd.DataFrame, edges: pd.DataFrame, top: int) -> tuple[pd.DataFrame,
                                                                          pd.DataFrame]:
    if "name" not in nodes and "actor" in nodes:
        nodes = nodes.rename(columns={"actor": "name"})
    require(nodes, ("name", "mentions"), "cooccurrence_network (nodes)")
    require(edges, ("source", "target"), "cooccurrence_network (edges)")
    nodes = nodes.assign(name=nodes["name"].astype(str),
                         mentions=pd.to_numeric(nodes["mentions"]).fillna(0).clip(lower=0),
                         kind=nodes["kind"].fillna("unknown").astype(str) if "kind" in nodes
                         else "unknown")
    nodes = nodes.drop_duplicates("name").sort_values(
        ["mentions", "name"], ascending=[False, True], kind="mergesort").head(top)
    keep = set(nodes["name"])
    weight = edges["weight"] if "weight" in edges else pd.Series(1, index=edges.index)
    pairs = [tuple(sorted(p)) for p in zip(edges["source"].astype(str),
                                           edges["target"].astype(str), strict=True)]
    edges = pd.DataFrame({"source": [a for a, _ in pairs], "target": [b for _, b in pairs],
                          "weight": pd.to_numeric(weight).fillna(1).clip(lower=0).to_numpy()})
    edges = edges[edges["source"].isin(keep) & edges["target"].isin(keep)
                  & (edges["source"] != edges["target"]) & (edges["weight"] > 0)]
    edges = edges.groupby(["source", "target"], as_index=False, sort=True)["weight"].sum()
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True],
                              kind="mergesort")
    return nodes.reset_index(drop=True), edges.reset_index(drop=True)


def strongest_links(edges: pd.DataFrame, per_actor: int | None) -> pd.DataFrame:
    """The edges among the ``per_actor`` heaviest of either of their two actors (all when
    ``None``): every linked actor keeps its strongest links, a dense corpus network loses its
    hairball. ``edges`` sorted by weight (descending), then names.

    >>> e = pd.DataFrame({"source": ["a", "a", "a", "b"], "target": ["b", "c", "d", "c"],
    ...                   "weight": [5, 4, 3, 1]})
    >>> strongest_links(e, 1).values.tolist()
    [['a', 'b', 5], ['a', 'c', 4], ['a', 'd', 3]]
    """
    if per_actor is None or edges.empty:
        return edges
    seen: dict[str, int] = {}
    keep = []
    for row in edges.itertuples():
        a, b = seen.get(row.source, 0), seen.get(row.target, 0)
        keep.append(a < per_actor or b < per_actor)
        seen[row.source], seen[row.target] = a + 1, b + 1
    return edges[keep]


def _tiles(sizes: list[int], box: tuple[float, float, float, float],
           ) -> list[tuple[float, float, float, float]]:
    """Cut ``box`` (x, y, width, height in pixels) into one tile per component, area in
    proportion to ``sizes`` (largest first), always cutting the longer side."""
    if len(sizes) == 1:
        return [box]
    x, y, w, h = box
    share = sizes[0] / sum(sizes)
    if w >= h:
        first, rest = (x, y, w * share, h), (x + w * share, y, w * (1 - share), h)
    else:
        first, rest = (x, y + h * (1 - share), w, h * share), (x, y, w, h * (1 - share))
    return [first] + _tiles(sizes[1:], rest)


def _component_layout(g, nodes: list[str], seed: int) -> np.ndarray:
    """Positions of a connected component's nodes (in ``nodes`` order), each axis in 0-1."""
    import networkx as nx

    if len(nodes) == 2:
        xy = np.array([[0.0, 0.5], [1.0, 0.5]])
    else:
        start = nx.circular_layout(nodes)
        try:
            pos = nx.kamada_kawai_layout(g.subgraph(nodes), pos=start, weight=None)
        except Exception:  # pragma: no cover - scipy missing or not converging
            pos = nx.spring_layout(g.subgraph(nodes), seed=seed, pos=start)
        xy = np.array([pos[n] for n in nodes], dtype=float)
    span = np.ptp(xy, axis=0)
    return np.where(span > 0, (xy - xy.min(axis=0)) / np.where(span > 0, span, 1), 0.5)


def _alone_row(alone: list[str], w_px: float, h_px: float,
               linked: bool) -> tuple[dict[str, np.ndarray], float]:
    """Actors named with nobody else: rows across the bottom (the whole frame when nobody is
    linked). Returns their pixel positions and the top of their strip."""
    per_row = max(1, int(w_px // 200))
    rows = math.ceil(len(alone) / per_row)
    lines = max(short_label(n, width=20, lines=3).count("\n") + 1 for n in alone)
    top = min(0.9 * h_px, rows * (16 * lines + 18) + 30) if linked else h_px
    band = top - (30 if linked else 0)
    pos = {}
    for k, name in enumerate(alone):
        r, c = divmod(k, per_row)
        n_in_row = per_row if rows > 1 else len(alone)
        pos[name] = np.array([w_px * (0.02 + 0.84 * (c + 0.5) / n_in_row),
                              band - (r + 0.5) * band / rows])
    return pos, top


def _layout(g, names: list[str], w_px: float, h_px: float, seed: int,
            ) -> tuple[np.ndarray, float | None]:
    """Pixel positions (in ``names`` order) filling the frame; the top of the strip of actors
    named alone (``None`` when there are none)."""
    import networkx as nx

    order = {n: i for i, n in enumerate(names)}
    comps = [sorted(c, key=order.get) for c in nx.connected_components(g)]
    linked = sorted((c for c in comps if len(c) > 1), key=lambda c: (-len(c), order[c[0]]))
    alone = sorted((c[0] for c in comps if len(c) == 1), key=order.get)
    pos, strip = _alone_row(alone, w_px, h_px, bool(linked)) if alone else ({}, None)
    bottom = strip + 12 if strip is not None else 0.0
    if linked:
        area = (0.0, bottom, w_px, h_px - bottom)
        for comp, (x, y, w, h) in zip(linked, _tiles([len(c) for c in linked], area),
                                      strict=True):
            n = len(comp)
            # a small component stays compact; labels need ~80 px on each side
            cw = min(w - 160, 170 * math.sqrt(n) + 60)
            ch = min(h - 50, 120 * math.sqrt(n) - 40 if n > 2 else 0)
            cx, cy = x + (w - max(cw, 0)) / 2, y + (h - max(ch, 0)) / 2
            for name, (u, v) in zip(comp, _component_layout(g, comp, seed), strict=True):
                pos[name] = np.array([cx + max(cw, 0) * u, cy + max(ch, 0) * v])
    return np.array([pos[n] for n in names]), strip


def _separate(xy: np.ndarray, radii: np.ndarray, w_px: float, h_px: float) -> np.ndarray:
    """Push overlapping circles apart (pixels), keeping them inside the frame."""
    xy = xy.copy()
    n = len(xy)
    for _ in range(200):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                d = xy[j] - xy[i]
                dist = float(np.hypot(*d))
                need = radii[i] + radii[j] + 2 * _PAD
                if dist >= need:
                    continue
                u = d / dist if dist > 1e-9 else np.array([math.cos(i + j), math.sin(i + j)])
                xy[i] -= u * (need - dist) / 2
                xy[j] += u * (need - dist) / 2
                moved = True
        xy[:, 0] = np.clip(xy[:, 0], radii + _PAD, w_px - radii - _PAD)
        xy[:, 1] = np.clip(xy[:, 1], radii + _PAD, h_px - radii - _PAD)
        if not moved:
            break
    return xy


def _overlaps(box: tuple, boxes: list[tuple]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes)


def _crosses(box: tuple, segments: list[tuple]) -> bool:
    """Whether any segment (x0, y0, x1, y1) passes through ``box`` (Liang-Barsky clipping)."""
    bx0, by0, bx1, by1 = box
    for x0, y0, x1, y1 in segments:
        dx, dy = x1 - x0, y1 - y0
        t0, t1 = 0.0, 1.0
        for p, q in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
            if p == 0:
                if q < 0:
                    break
            else:
                t = q / p
                if p < 0:
                    t0 = max(t0, t)
                else:
                    t1 = min(t1, t)
                if t0 > t1:
                    break
        else:
            return True
    return False


def _candidates(x: float, y: float, r: float, w: float, h: float) -> list[tuple[int, tuple]]:
    """Label boxes around a circle at (x, y) of radius r, nearest first: right, left, above,
    below, the diagonals, then further out at more angles."""
    out = []
    angles = [0, 180, 90, 270, 30, 150, 210, 330, 60, 120, 240, 300]
    more = angles + [15, 45, 75, 105, 135, 165, 195, 225, 255, 285, 315, 345]
    for step in range(18):
        gap = r + _PAD + 1 + (step * 9 if step < 6 else 45 + (step - 5) * 20)
        for a in angles if step < 3 else more:
            c, s = math.cos(math.radians(a)), math.sin(math.radians(a))
            cx = x + c * (gap + w / 2) if abs(c) > 1e-9 else x
            cy = y + s * (gap + h / 2) if abs(s) > 1e-9 else y
            out.append((step, (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)))
    return out


def _spot(cands: list, inside: tuple, taken: list, segments: list) -> tuple | None:
    """The first free box; one a line does not cross if there is one as near (one ring more)."""
    free = [(s, b) for s, b in cands
            if b[0] >= inside[0] and b[1] >= inside[1] and b[2] <= inside[2]
            and b[3] <= inside[3] and not _overlaps(b, taken)]
    if not free:
        return None
    limit = free[0][0] + 1
    for s, b in free:
        if s > limit:
            break
        if not _crosses(b, segments):
            return s, b
    return free[0]


def _place_labels(ax, names: list[str], xy: np.ndarray, radii: np.ndarray,
                  blocked: list[tuple], segments: list[tuple]) -> int:
    """Place each name in the first free box; return how many found no place (left out).
    Positions are computed in pixels (display units) and stored in data units, which are
    pixels from the axes' corner (so they follow the figure when saved at another dpi)."""
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    inside = (frame.x0 + 1, frame.y0 + 1, frame.x1 - 1, frame.y1 - 1)
    origin = np.array([frame.x0, frame.y0])
    centres = xy + origin
    taken = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(centres, radii, strict=True)]
    taken += blocked
    lines = [(a[0] + frame.x0, a[1] + frame.y0, b[0] + frame.x0, b[1] + frame.y0)
             for a, b in segments]
    missing = 0
    for i, name in enumerate(names):
        x, y = centres[i]
        for size, width, rows in ((_FONT, 20, 3), (_FONT - 1.5, 20, 3), (_FONT - 1.5, 16, 2)):
            text = ax.text(0, 0, short_label(name, width=width, lines=rows), fontsize=size,
                           ha="center", va="center", zorder=5, gid=_LABEL_GID,
                           linespacing=1.05, color="#111111",
                           path_effects=[withStroke(linewidth=3, foreground="white")])
            text.set_in_layout(False)
            ext = text.get_window_extent(renderer)
            spot = _spot(_candidates(x, y, radii[i], ext.width + 2 * _PAD,
                                     ext.height + 2 * _PAD), inside, taken, lines)
            if spot is not None:
                break
            text.remove()
        if spot is None:
            missing += 1
            continue
        step, box = spot
        text.set_position(((box[0] + box[2]) / 2 - frame.x0, (box[1] + box[3]) / 2 - frame.y0))
        taken.append(box)
        if step >= 3:
            near = (min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3]))
            ax.add_line(Line2D([x - frame.x0, near[0] - frame.x0],
                               [y - frame.y0, near[1] - frame.y0], color="#6c757d",
                               linewidth=0.7, zorder=1))
    return missing


def _legend(fig: Figure, nodes: pd.DataFrame, edges: pd.DataFrame, shown: int, *,
            note: bool = False) -> None:
    kinds = [k for k in KIND_COLORS if k in set(nodes["kind"])]
    kinds += sorted(set(nodes["kind"]) - set(KIND_COLORS))
    handles = [Line2D([], [], marker="o", linestyle="none", markersize=10,
                      color=KIND_COLORS.get(k, NEUTRAL), label=k) for k in kinds]
    blank = {"marker": "o", "linestyle": "none", "markersize": 0, "color": "white"}
    if len(handles) % 2 and len(handles) > 1:  # the keys of sizes share a column
        handles.append(Line2D([], [], **blank, label=" "))
    handles.append(Line2D([], [], **blank,
                          label=f"area = mentions (most {nodes['mentions'].max():g})"))
    if len(edges):
        label = f"width = sentences naming both (most {edges['weight'].max():g})"
        if shown < len(edges):
            label += f"\nthe strongest links: {shown} of {len(edges)}"
        handles.append(Line2D([], [], color="#9aa5b1", linewidth=3, label=label))
    if note:  # the text is set once the names are placed
        handles.append(Line2D([], [], **blank, label="99 of 99 names not shown\nfor lack of "
                                                     "room: see the table"))
    fig.legend(handles=handles, loc="outside lower center",
               ncols=len(handles) if len(handles) <= 3 else math.ceil(len(handles) / 2),
               frameon=False, fontsize=10.5, handletextpad=0.4, columnspacing=1.2)


def cooccurrence_network(nodes: pd.DataFrame, edges: pd.DataFrame, *, title: str = "",
                         seed: int = 7, top: int = 30, links: int | None = 3) -> Figure:
    """Draw actors linked when named in the same sentence (:func:`analysis.entities.cooccurrence`).

    ``nodes``: ``name`` (or ``actor``), ``mentions``, ``kind`` (person, place, group,
    unknown; colours the circle); ``edges``: ``source``, ``target``, ``weight`` (the number
    of sentences naming both; line width). Extra columns are ignored; edges to actors not in
    ``nodes`` are dropped. At most ``top`` actors are drawn (the most mentioned, ties by
    name), and only each actor's ``links`` strongest links (:func:`strongest_links`; ``None``
    draws every link; the legend says how many are shown). The figure is 9.4 inches wide and
    3 to 6.4 high (by the number of actors); see the module's docstring for how it stays
    readable. Deterministic: Kamada-Kawai from a circular start (``seed`` only for a
    fallback). No actor gives a message figure.

    Returns a Figure; raises ``ValueError`` naming any column the table lacks.

    >>> nodes = pd.DataFrame({"name": ["Libya"], "mentions": [2], "kind": ["place"]})
    >>> edges = pd.DataFrame(columns=["source", "target", "weight"])
    >>> [t.get_text() for t in network_labels(cooccurrence_network(nodes, edges))]
    ['Libya']
    """
    nodes, edges = _clean(nodes, edges, top)
    title = title or "Who is mentioned with whom (same sentence)"
    if nodes.empty:
        return message_figure("No actors to draw: no names of people, places or groups were "
                              "found.", title=title)
    drawn = strongest_links(edges, links)
    fig, missing = _draw(nodes, edges, drawn, title, seed, note=False)
    if missing:  # draw again with room in the legend to say so
        fig, missing = _draw(nodes, edges, drawn, title, seed, note=True)
        fig.legends[0].get_texts()[-1].set_text(
            f"{missing} of {len(nodes)} names not shown\nfor lack of room: see the table")
    return fig


def _draw(nodes: pd.DataFrame, edges: pd.DataFrame, drawn: pd.DataFrame, title: str,
          seed: int, *, note: bool) -> tuple[Figure, int]:
    import networkx as nx

    names = list(nodes["name"])
    g = nx.Graph()
    g.add_nodes_from(names)
    g.add_weighted_edges_from(drawn.itertuples(index=False, name=None))
    n = len(names)
    fig = Figure(figsize=(MAX_WIDTH, 3.0 if n <= 3 else 4.8 if n <= 8 else 6.4), dpi=DPI,
                 layout="constrained")
    FigureCanvasAgg(fig)  # a canvas with a renderer, to measure the names
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title)
    _legend(fig, nodes, edges, len(drawn), note=note)
    fig.canvas.draw()  # fix the frame; names are then placed in pixels, layout frozen
    fig.set_layout_engine("none")
    frame = ax.get_window_extent()
    w_px, h_px = frame.width, frame.height
    ax.set_xlim(0, w_px)
    ax.set_ylim(0, h_px)
    top_m = max(float(nodes["mentions"].max()), 1.0)
    largest = max(_AREA[1] * min(1.0, 15 / len(nodes)), 3 * _AREA[0])  # many actors: smaller
    area = _AREA[0] + (largest - _AREA[0]) * nodes["mentions"].to_numpy(float) / top_m
    radii = np.sqrt(area) / 2 * DPI / 72  # pixels
    xy, strip = _layout(g, names, w_px, h_px, seed)
    xy = _separate(xy, radii, w_px, h_px)
    index = {n: i for i, n in enumerate(names)}
    blocked = []
    if strip is not None and strip < h_px:
        ax.axhline(strip, color="#ced4da", linewidth=0.8, linestyle="--", zorder=0)
        cap = ax.text(4, strip - 4, "named in no sentence with another actor:", fontsize=10,
                      color="#555555", ha="left", va="top", style="italic")
        blocked.append(tuple(cap.get_window_extent(fig.canvas.get_renderer()).extents))
    top_w = max(float(drawn["weight"].max()), 1.0) if len(drawn) else 1.0
    segments = [(xy[index[a]], xy[index[b]]) for a, b in g.edges]
    widths = [0.8 + 4.2 * (g.edges[a, b]["weight"] - 1) / max(top_w - 1, 1) for a, b in g.edges]
    ax.add_collection(LineCollection(segments, linewidths=widths, colors="#9aa5b1", alpha=0.75,
                                     zorder=1))
    colors = [KIND_COLORS.get(k, NEUTRAL) for k in nodes["kind"]]
    circles = ax.scatter(xy[:, 0], xy[:, 1], s=area, c=colors, alpha=0.95, zorder=2,
                         edgecolors="white", linewidths=1.0, gid="actor-nodes")
    circles.actor_names = names
    return fig, _place_labels(ax, names, xy, radii, blocked, segments)


def network_labels(fig: Figure) -> list[Text]:
    """The name labels of a :func:`cooccurrence_network` figure (to measure or test them)."""
    return [t for ax in fig.axes for t in ax.texts if t.get_gid() == _LABEL_GID]


def node_boxes(fig: Figure) -> dict[str, tuple[float, float, float, float]]:
    """The circles of a :func:`cooccurrence_network` figure: ``{name: (x0, y0, x1, y1)}``,
    pixel boxes around each circle."""
    boxes = {}
    for ax in fig.axes:
        for coll in ax.collections:
            if coll.get_gid() != "actor-nodes":
                continue
            offsets = coll.get_offset_transform().transform(coll.get_offsets())
            sizes = np.broadcast_to(coll.get_sizes(), (len(offsets),))
            for name, (x, y), s in zip(coll.actor_names, offsets, sizes, strict=True):
                r = math.sqrt(s) / 2 * fig.dpi / 72
                boxes[name] = (x - r, y - r, x + r, y + r)
    return boxes
