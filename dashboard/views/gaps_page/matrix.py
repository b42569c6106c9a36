"""The gaps page's village × service matrix: gaps diverging at the target (reached in green, below it in orange to red
by the size of the gap, no data grey), and its compact legend counting the cells of each class."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard.core.aggregate import number_or_none, village_table
from dashboard.core.gaps import coverage_gaps, gap_matrix
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.figures.labels import label_text
from dashboard.figures.map import NO_DATA_COLOUR
from dashboard.i18n import fmt_int, fmt_number, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.gaps_page.model import FLAG_MARK, flagged

__all__ = [
    "GAP_COLOURS",
    "MATRIX_COLOURS",
    "REACHED_COLOUR",
    "GapTable",
    "MatrixView",
    "cell_class",
    "gap_class",
    "gap_label",
    "gap_table",
    "matrix_figure",
    "matrix_view",
]

REACHED_COLOUR = "#74c476"  # at or above target: one green, whatever the margin
# Below target, by the size of the gap (points): up to 10, 20, 30, more (ColorBrewer OrRd, 4 classes).
BELOW_COLOURS = ("#fdd49e", "#fc8d59", "#e34a33", "#b30000")
GAP_COLOURS = (REACHED_COLOUR, *BELOW_COLOURS)  # the map's gap view and the matrix share these classes
MATRIX_COLOURS = (*GAP_COLOURS, NO_DATA_COLOUR)  # the matrix's classes; the last: no value (or no target)
NO_VALUE = len(GAP_COLOURS)


def gap_class(gap: float) -> int:
    """A gap's class: 0 when the target is reached (``gap <= 0``), 1..4 for a gap of up to 10, 20, 30 points, more.

    Parameters
    ----------
    gap : float
        Target minus coverage, in percentage points (negative: above target).

    Examples
    --------
    >>> [gap_class(g) for g in (-5.0, 0.0, 0.1, 10.0, 10.1, 30.0, 63.0)]
    [0, 0, 1, 1, 2, 3, 4]
    """
    return 0 if gap <= 0 else min(math.ceil(gap / 10), len(GAP_COLOURS) - 1)


def cell_class(gap: object) -> int:
    """:func:`gap_class`, or :data:`NO_VALUE` for a cell without a gap (no value, no target)."""
    value = number_or_none(gap)
    return NO_VALUE if value is None else gap_class(value)


def gap_label(cls: int, lang: str) -> str:
    """A gap class in words: ``Target tercapai (≥ target)``, ``Di bawah target 0–10 poin`` … ``lebih dari 30``."""
    if cls == 0:
        return t("gaps.legend.met", lang)
    if cls == len(GAP_COLOURS) - 1:
        return t("gaps.legend.gap_over", lang)
    return t("gaps.legend.gap_band", lang, low=fmt_int(10 * (cls - 1), lang), high=fmt_int(10 * cls, lang))


def _stepped(colours: Sequence[str]) -> list[list[object]]:
    """A colorscale of ``len(colours)`` flat steps: class ``i`` drawn at ``z = i + 0.5`` (``zmin 0``, ``zmax n``)
    takes colour ``i`` exactly, never a blend."""
    n = len(colours)
    scale: list[list[object]] = []
    for i, colour in enumerate(colours):
        scale += [[i / n, colour], [(i + 1) / n, colour]]
    return scale


@dataclass(frozen=True)
class MatrixView:
    """The matrix figure and its legend (a Dash component)."""

    figure: go.Figure
    legend: Any


def _legend(classes: np.ndarray, lang: str) -> html.Div:
    """The matrix's classes with their colours and the number of cells of each: a row of swatches, not a colour bar."""
    entries = []
    for cls, colour in enumerate(MATRIX_COLOURS):
        label = t("gaps.matrix.no_data", lang) if cls == NO_VALUE else gap_label(cls, lang)
        count = int((classes == cls).sum())
        entries.append(
            html.Div(
                [
                    html.Span(className="legend-swatch", style={"background": colour}),
                    html.Span(label),
                    html.Span(t("gaps.matrix.cells", lang, n=fmt_int(count, lang)), className="legend-count"),
                ],
                className="legend-entry",
            )
        )
    return html.Div(entries, className="legend gaps-bands gaps-matrix-legend", id=ID.GAPS_MATRIX_LEGEND)


def _mark(marks: Mapping[str, str], code: str) -> str:
    """The hover line of a village's flags, ``""`` when it has none."""
    return f"<br>{marks[code]}" if code in marks else ""


def _gap_text(gap: object, lang: str) -> str:
    """A cell's gap for its hover: ``12,5 poin di bawah target`` / ``target tercapai (+3,0 poin)`` / no value."""
    value = number_or_none(gap)
    if value is None:
        return t("gaps.matrix.no_data", lang)
    if value <= 0:
        return t("gaps.matrix.hover.met", lang, margin=fmt_number(-value, lang))
    return t("gaps.matrix.hover.below", lang, gap=fmt_number(value, lang))


def _target(gaps: pd.DataFrame, key: str) -> float | None:
    rows = gaps.loc[gaps["indicator"] == key, "target"].dropna()
    return float(rows.iloc[0]) if len(rows) else None


@dataclass(frozen=True)
class GapTable:
    """The matrix's numbers: villages by prevalence (highest first, no value last), their prevalence (%, by code),
    the long gap table (:func:`~dashboard.core.gaps.coverage_gaps`) and the wide one (villages × services, points
    below target; negative above it, NaN without a value or a target)."""

    order: list[str]
    prevalence: pd.Series
    gaps: pd.DataFrame
    matrix: pd.DataFrame


def gap_table(observations: pd.DataFrame, codes: list[str], state: dict[str, Any]) -> GapTable:
    """The :class:`GapTable` of the villages ``codes`` in ``state["period"]``, the planner's ``target`` (if typed)
    overriding the catalogue's for ``state["indicator"]``."""
    period = state["period"]
    prevalence = village_table(observations, STUNTING, period)["rate"].reindex(codes)
    order = prevalence.sort_values(ascending=False, na_position="last").index.tolist()
    indicator, typed = state.get("indicator"), state.get("target")
    override = {str(indicator): float(typed)} if typed is not None and indicator else None
    gaps = coverage_gaps(observations, period, override)
    return GapTable(order, prevalence, gaps, gap_matrix(gaps, order))


def matrix_view(services: Services, district: str, codes: list[str], state: dict[str, Any], lang: str) -> MatrixView:
    """Village × service gaps, villages by prevalence (highest first, at the top); flagged values marked ⚠.

    Each cell is drawn in its class (:func:`cell_class`), diverging at the target: ``z`` holds the class plus one
    half on a stepped colorscale of :data:`MATRIX_COLOURS`, so the figure carries exactly the colour the legend
    names; the gap itself is in the hover. ``state`` holds ``period`` and, optionally, the planner's ``indicator``
    and ``target`` (overriding the catalogue's).
    """
    villages = services.source.villages(district).set_index("code")
    period = state["period"]
    table = gap_table(services.source.observations(district), codes, state)
    order, prevalence, gaps, matrix = table.order, table.prevalence, table.gaps, table.matrix
    flags = services.flags(district)
    burden = flagged(flags, [STUNTING], period, lang, named=True)
    labels = [
        f"{label_text(villages.at[c, 'name'])} ({fmt_number(number_or_none(prevalence[c]), lang)}%)"
        + (f" {FLAG_MARK}" if c in burden else "")
        for c in order
    ]
    cells = {key: flagged(flags, [key], period, lang) for key in matrix.columns}
    marks = [[FLAG_MARK if c in cells[key] else "" for key in matrix.columns] for c in order]
    classes = np.array([[cell_class(v) for v in row] for row in matrix.to_numpy(dtype=float)], dtype=int)
    classes = classes.reshape(len(order), len(matrix.columns))
    targets = {key: _target(gaps, key) for key in matrix.columns}
    hover = [
        [
            t("gaps.matrix.hover.target", lang, target=fmt_number(targets[key], lang))
            + "<br>"
            + _gap_text(matrix.at[c, key], lang)
            + _mark(cells[key], c)
            + _mark(burden, c)
            for key in matrix.columns
        ]
        for c in order
    ]
    figure = go.Figure(
        go.Heatmap(
            z=classes + 0.5,
            x=[CATALOGUE[k].label(lang) for k in matrix.columns],
            y=labels,
            text=marks,
            texttemplate="%{text}",
            customdata=hover,
            colorscale=_stepped(MATRIX_COLOURS),
            zmin=0,
            zmax=len(MATRIX_COLOURS),
            showscale=False,  # the legend above the matrix names the classes; a bar would stretch along its height
            xgap=1,
            ygap=1,
            hovertemplate="%{y}<br>%{x}: %{customdata}<extra></extra>",
        )
    )
    figure.update_layout(
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=max(320, 16 * len(order) + 160),
        separators=t("gaps.plotly.separators", lang),
        # Ticks listed top to bottom, so the page's text (a screen reader, a copy) reads them in the caption's
        # order too: plotly writes computed category ticks bottom-up, which put the villages without a value first.
        yaxis={"autorange": "reversed", "tickfont": {"size": 10}, "tickmode": "array", "tickvals": labels},
        xaxis={"side": "top", "tickangle": -40},
    )
    return MatrixView(figure, _legend(classes, lang))


def matrix_figure(services: Services, district: str, codes: list[str], state: dict[str, Any], lang: str) -> go.Figure:
    """The matrix's figure alone (:func:`matrix_view`)."""
    return matrix_view(services, district, codes, state, lang).figure
