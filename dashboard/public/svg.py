"""Inline SVG for the public pages: choropleth maps of kecamatan and desa, and the trend line, drawn on the server.

Pure functions from a snapshot's published values to SVG text, inlined in the HTML (so without a namespace
declaration). A phone on a slow link gets a few tens of kilobytes of markup that scale to any screen
(``width:100%; height:auto``), work without JavaScript and without any tile server, and print. Every area
is a link to its page and carries a ``<title>`` that says its name, the period and the *published* value
only: a hidden count is shown by its label ("<5", "n kecil", "—"), an area without a cell as "belum
melapor". Every name passes through :func:`html.escape`.

Projection: equirectangular, longitude scaled by the cosine of the middle latitude (exact enough for
one kabupaten, a few tenths of a degree across), fitted into a viewBox :data:`MAP_WIDTH` units wide;
coordinates are rounded to whole units and written as relative moves, which keeps a 272-village
district near 25 kB of path data.

Colours: ColorBrewer's 5-class YlOrRd, which is colour-blind safe and prints in grey (Harrower and
Brewer, "ColorBrewer.org", *The Cartographic Journal* 40(1), 2003). Prevalence classes are WHO's
public-health thresholds for stunting (de Onis et al., "Prevalence thresholds for wasting, overweight
and stunting in children under 5 years", *Public Health Nutrition* 22(1), 2019: very low < 2.5%,
low 2.5–<10%, medium 10–<20%, high 20–<30%, very high >= 30%). Counts are classed by quantiles of the
*published* counts only. Hidden cells are hatched grey, areas without a report plain light grey.

>>> projection = Projection.fit([(116.40, -8.60), (116.43, -8.58)])
>>> projection.view_box
'0 0 800 539'
>>> polygon_path({"type": "Polygon", "coordinates": [[[116.40, -8.60], [116.43, -8.60], [116.43, -8.58],
...                                                   [116.40, -8.60]]]}, projection)
'M0 539l800 0 0-539z'
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "COUNT_CLASSES",
    "HIDDEN_FILL",
    "MAP_WIDTH",
    "NO_REPORT_FILL",
    "PALETTE",
    "PREVALENCE_BREAKS",
    "Classes",
    "MapArea",
    "Projection",
    "TrendPoint",
    "count_breaks",
    "highlight_svg",
    "map_svg",
    "polygon_path",
    "prevalence_classes",
    "trend_svg",
]

MAP_WIDTH = 800
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")  # ColorBrewer YlOrRd, 5 classes
HIDDEN_FILL = "#bdbdbd"  # behind the hatch
NO_REPORT_FILL = "#f0f0f0"
PREVALENCE_BREAKS = (2.5, 10.0, 20.0, 30.0)  # WHO 2019 thresholds for stunting, percent
COUNT_CLASSES = 5


@dataclass(frozen=True)
class Projection:
    """Equirectangular lon/lat → viewBox units, x scaled by cos(middle latitude), y pointing down."""

    west: float
    north: float
    scale: float  # viewBox units per degree of latitude
    x_factor: float  # cos(middle latitude)
    width: int
    height: int

    @classmethod
    def fit(cls, points: Iterable[Sequence[float]], width: int = MAP_WIDTH) -> Projection:
        """The projection fitting ``points`` (lon, lat) into ``width`` units; a single point gets a unit box."""
        array = np.asarray([p[:2] for p in points], dtype=float).reshape(-1, 2)
        if not len(array):
            return cls(0.0, 0.0, 1.0, 1.0, width, width)
        west, south = array.min(axis=0)
        east, north = array.max(axis=0)
        factor = math.cos(math.radians((south + north) / 2.0))
        span_x = max((east - west) * factor, 1e-9)
        span_y = max(north - south, 1e-9)
        scale = width / span_x
        return cls(float(west), float(north), scale, factor, width, max(1, round(span_y * scale)))

    @classmethod
    def of_features(cls, features: Sequence[Mapping[str, object]], width: int = MAP_WIDTH) -> Projection:
        return cls.fit((p for f in features for ring in _rings(f.get("geometry")) for p in ring), width)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    def project(self, ring: Sequence[Sequence[float]]) -> np.ndarray:
        """A ring's points in whole viewBox units (an ``(n, 2)`` integer array)."""
        coords = np.asarray(ring, dtype=float)[:, :2]
        x = (coords[:, 0] - self.west) * self.x_factor * self.scale
        y = (self.north - coords[:, 1]) * self.scale
        return np.rint(np.column_stack([x, y])).astype(int)


def _rings(geometry: object) -> list[Sequence[Sequence[float]]]:
    """Every ring of a Polygon or MultiPolygon GeoJSON geometry (other types have none to fill)."""
    if not isinstance(geometry, Mapping):
        return []
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        return list(coords)
    if kind == "MultiPolygon":
        return [ring for polygon in coords for ring in polygon]
    return []


def _ring_path(points: np.ndarray) -> str:
    """``M x y l dx dy ... z`` with repeated points dropped; empty for a ring that rounds to a line or a dot."""
    keep = np.ones(len(points), dtype=bool)
    keep[1:] = np.any(np.diff(points, axis=0) != 0, axis=1)
    points = points[keep]
    if len(points) > 1 and (points[0] == points[-1]).all():
        points = points[:-1]  # the closing point: "z" draws it
    if len(points) < 3:
        return ""
    steps = np.diff(points, axis=0).ravel().tolist()
    # A minus sign separates numbers by itself; only a positive number needs a space before it.
    text = "".join(f"{step}" if step < 0 else f" {step}" for step in steps[1:])
    return f"M{points[0][0]} {points[0][1]}l{steps[0]}{text}z"


def polygon_path(geometry: object, projection: Projection) -> str:
    """The SVG path data of a (Multi)Polygon geometry; holes are drawn by the even-odd rule."""
    return "".join(_ring_path(projection.project(ring)) for ring in _rings(geometry) if len(ring) >= 3)


# ---------------------------------------------------------------------------------------------- classes


@dataclass(frozen=True)
class Classes:
    """A classification: upper bounds of all but the last class (``value <= bound`` for counts, ``<`` for rates)."""

    bounds: tuple[float, ...]
    inclusive: bool  # counts: a class is "<= bound"; rates: "< bound"

    def index(self, value: float) -> int:
        for i, bound in enumerate(self.bounds):
            if value <= bound if self.inclusive else value < bound:
                return i
        return len(self.bounds)

    def colour(self, value: float) -> str:
        return PALETTE[self.index(value) + (len(PALETTE) - len(self.bounds) - 1)]

    @property
    def colours(self) -> tuple[str, ...]:
        return PALETTE[len(PALETTE) - len(self.bounds) - 1 :]


def prevalence_classes() -> Classes:
    """WHO's five prevalence classes for stunting (see the module docstring)."""
    return Classes(PREVALENCE_BREAKS, inclusive=False)


def count_breaks(counts: Iterable[float]) -> Classes:
    """Up to five classes of the published counts, by quantiles, with whole-number bounds.

    >>> count_breaks([0, 1, 5, 8, 12, 20, 33, 40, 51, 90]).bounds
    (1, 8, 20, 40)
    >>> count_breaks([7, 7, 7]).bounds
    ()
    """
    values = np.asarray([float(c) for c in counts], dtype=float)
    if not len(values):
        return Classes((), inclusive=True)
    quantiles = np.quantile(values, [i / COUNT_CLASSES for i in range(1, COUNT_CLASSES)], method="lower")
    bounds = sorted({int(q) for q in quantiles if q < values.max()})
    return Classes(tuple(bounds), inclusive=True)


# ---------------------------------------------------------------------------------------------- maps


@dataclass(frozen=True)
class MapArea:
    """One area as drawn: its outline's path data, fill (a colour, or ``None`` for the hidden hatch), tooltip, link."""

    code: str
    path: str
    fill: str | None
    title: str
    href: str | None = None


def _hatch(pattern_id: str) -> str:
    return (
        f'<defs><pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{HIDDEN_FILL}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#6f6f6f" stroke-width="2"/></pattern></defs>'
    )


def map_svg(
    areas: Sequence[MapArea],
    projection: Projection,
    *,
    label: str,
    outline: str = "",
    pattern_id: str = "tersembunyi",
    css_class: str = "pub-map",
) -> str:
    """A choropleth: each area filled and wrapped in a link when it has one; ``outline`` (path data) on top.

    ``label`` names the map for screen readers. Titles and labels are escaped here.
    """
    parts = [
        f'<svg class="{css_class}" viewBox="{projection.view_box}" '
        f'role="group" aria-label="{html.escape(label)}" fill-rule="evenodd">',
        _hatch(pattern_id),
        '<g stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">',
    ]
    for area in areas:
        if not area.path:
            continue
        fill = area.fill or f"url(#{pattern_id})"
        shape = f'<path d="{area.path}" fill="{fill}"><title>{html.escape(area.title)}</title></path>'
        if area.href:
            shape = f'<a href="{html.escape(area.href)}">{shape}</a>'
        parts.append(shape)
    parts.append("</g>")
    if outline:
        parts.append(
            f'<path d="{outline}" fill="none" stroke="#333333" stroke-width="1.6" stroke-linejoin="round" '
            'pointer-events="none"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def highlight_svg(base: str, highlight: str, projection: Projection, *, label: str, title: str) -> str:
    """A small locator map: every village in ``base`` (one path's data) grey, the one in ``highlight`` dark."""
    return (
        f'<svg class="pub-locator" viewBox="{projection.view_box}" '
        f'role="img" aria-label="{html.escape(label)}" fill-rule="evenodd">'
        f'<path d="{base}" fill="#e3e3e3" stroke="#ffffff" stroke-width="1"/>'
        f'<path d="{highlight}" fill="#bd0026" stroke="#000000" stroke-width="2">'
        f"<title>{html.escape(title)}</title></path></svg>"
    )


# ---------------------------------------------------------------------------------------------- trend


@dataclass(frozen=True)
class TrendPoint:
    """One period of the trend: its short axis label, the published rate (None when hidden) and its label."""

    period: str
    axis_label: str
    value: float | None
    value_label: str
    district_target: float | None = None


_TREND_W, _TREND_H = 360, 210
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 12, 14, 30


def trend_svg(points: Sequence[TrendPoint], national: float, *, label: str, national_label: str,
              district_label: str, percent: str = "{:g}%") -> str:  # fmt: skip
    """The district's prevalence over the published periods, with the national and the district's target.

    Sized for a phone (fonts of 11 units in a 360-unit-wide viewBox); points are labelled with their
    published value (every point up to 8 periods, else the first, the last and the extremes).
    ``percent`` formats an axis tick (language-specific decimal mark applied by the caller's format).
    """
    shown = [p.value for p in points if p.value is not None]
    targets = [p.district_target for p in points if p.district_target is not None]
    top = max([*shown, national, *targets, 1.0])
    top = math.ceil(top * 1.15 / 5.0) * 5.0
    plot_w, plot_h = _TREND_W - _LEFT - _RIGHT, _TREND_H - _TOP - _BOTTOM
    count = len(points)

    def x(i: int) -> float:
        return _LEFT + (plot_w / 2 if count == 1 else plot_w * i / (count - 1))

    def y(value: float) -> float:
        return _TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg class="pub-trend" viewBox="0 0 {_TREND_W} {_TREND_H}" '
        f'role="img" aria-label="{html.escape(label)}" font-size="11" font-family="system-ui, sans-serif">'
    ]
    step = 5.0 if top <= 25 else 10.0
    tick = 0.0
    while tick <= top + 1e-9:
        parts.append(f'<line x1="{_LEFT}" x2="{_TREND_W - _RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                     'stroke="#e5e5e5"/>'
                     f'<text x="{_LEFT - 4}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#555555">'
                     f"{html.escape(percent.format(tick))}</text>")  # fmt: skip
        tick += step
    parts.append(f'<line x1="{_LEFT}" x2="{_TREND_W - _RIGHT}" y1="{y(national):.1f}" y2="{y(national):.1f}" '
                 'stroke="#1f78b4" stroke-width="1.5" stroke-dasharray="6 4"/>'
                 f'<text x="{_TREND_W - _RIGHT}" y="{y(national) - 4:.1f}" text-anchor="end" fill="#1f78b4">'
                 f"{html.escape(national_label)}</text>")  # fmt: skip
    target_runs: list[list[tuple[float, float]]] = []
    for i, point in enumerate(points):
        if point.district_target is None:
            continue
        spot = (x(i), y(point.district_target))
        if target_runs and target_runs[-1][-1][1] == spot[1] and i > 0 and points[i - 1].district_target is not None:
            target_runs[-1].append(spot)
        else:
            target_runs.append([spot])
    for run in target_runs:
        x0, x1 = run[0][0] - (4 if len(run) == 1 else 0), run[-1][0] + (4 if len(run) == 1 else 0)
        parts.append(f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="{run[0][1]:.1f}" y2="{run[0][1]:.1f}" '
                     'stroke="#33a02c" stroke-width="1.5" stroke-dasharray="2 3"/>')  # fmt: skip
    if target_runs:
        first = target_runs[0][0]
        parts.append(f'<text x="{first[0]:.1f}" y="{first[1] + 13:.1f}" fill="#2a7d23">'
                     f"{html.escape(district_label)}</text>")  # fmt: skip
    segment: list[str] = []
    lines: list[str] = []
    for i, point in enumerate(points):
        if point.value is None:
            if len(segment) > 1:
                lines.append(" ".join(segment))
            segment = []
            continue
        segment.append(f"{x(i):.1f},{y(point.value):.1f}")
    if len(segment) > 1:
        lines.append(" ".join(segment))
    parts.extend(f'<polyline points="{line}" fill="none" stroke="#bd0026" stroke-width="2"/>' for line in lines)
    labelled = _labelled(points)
    for i, point in enumerate(points):
        if point.value is not None:
            tooltip = html.escape(f"{point.axis_label}: {point.value_label}")
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(point.value):.1f}" r="3.5" fill="#bd0026">'
                         f"<title>{tooltip}</title></circle>")  # fmt: skip
            if i in labelled:
                anchor = "start" if i == 0 and count > 1 else "end" if i == count - 1 and count > 1 else "middle"
                parts.append(f'<text x="{x(i):.1f}" y="{y(point.value) - 7:.1f}" text-anchor="{anchor}" '
                             f'fill="#111111" font-weight="600">{html.escape(point.value_label)}</text>')  # fmt: skip
        else:
            parts.append(f'<text x="{x(i):.1f}" y="{_TOP + plot_h - 4:.1f}" text-anchor="middle" fill="#555555">'
                         f"{html.escape(point.value_label)}</text>")  # fmt: skip
    for i in _axis_ticks(count):
        anchor = "start" if i == 0 and count > 1 else "end" if i == count - 1 and count > 1 else "middle"
        parts.append(f'<text x="{x(i):.1f}" y="{_TREND_H - 10}" text-anchor="{anchor}" fill="#333333">'
                     f"{html.escape(points[i].axis_label)}</text>")  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


def _labelled(points: Sequence[TrendPoint]) -> set[int]:
    """Which points carry their value: all of up to 8, else the first, the last, the lowest and the highest."""
    indices = [i for i, p in enumerate(points) if p.value is not None]
    if len(indices) <= 8:
        return set(indices)
    values = {i: points[i].value or 0.0 for i in indices}
    return {indices[0], indices[-1], min(values, key=values.__getitem__), max(values, key=values.__getitem__)}


def _axis_ticks(count: int) -> list[int]:
    """Indices of the periods named on the axis: at most 4, spread evenly, the first and the last included."""
    if count <= 4:
        return list(range(count))
    return sorted({round(i * (count - 1) / 3) for i in range(4)})
