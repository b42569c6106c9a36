"""A district map drawn on the server for paper: the brief's maps and the decree annex's map.

One pure function, :func:`render`, turns a :class:`MapSpec` (village polygons, the class of each village, what
the legend says) into a matplotlib :class:`~matplotlib.figure.Figure` with everything a printed map needs: the
legend fully inside the figure, kecamatan borders and names (no two names overlapping: a name that finds no free
place is left out), a scale bar in kilometres measured at the district's latitude, a north arrow, and a title and
a source line. :func:`map_png` gives the PNG bytes.

No pyplot: each call builds its own ``Figure`` on an Agg canvas, so two requests drawing at once share no state
(pyplot's current figure is process-wide). No tiles, no network, no fonts but DejaVu Sans, which matplotlib ships.

Why matplotlib: it is the well-kept plotting library of the scientific Python stack, draws polygons with holes,
hatching and halos directly, and measures every text's box before the page is saved, which is what placing labels
without collisions needs. Coordinates stay longitude/latitude; the axes' aspect is 1/cos(latitude), the local
equirectangular projection, which is faithful to well under 1% across a district.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Bbox

from dashboard.i18n import fmt_int, fmt_number, t

__all__ = [
    "Fill",
    "LabelBox",
    "MapSpec",
    "RenderedMap",
    "ScaleBar",
    "circle_legend",
    "km_per_degree_longitude",
    "map_png",
    "natural_height",
    "nice_length",
    "render",
    "rgb_hex",
]

_FONT = "DejaVu Sans"
_HALO = [patheffects.withStroke(linewidth=2.4, foreground="white")]
_KECAMATAN_EDGE = "#333333"
_VILLAGE_EDGE = "#ffffff"
_OUTLINE = "#111111"
_CIRCLE = "#1f3a93"
# WGS84: semi-major axis (km) and first eccentricity squared.
_A_KM = 6378.137
_E2 = 0.00669437999014


@dataclass(frozen=True)
class Fill:
    """One class of the legend: a fill colour (``#rrggbb``), an optional hatch, its label and a count text."""

    colour: str
    label: str
    count: str = ""
    hatch: str = ""


@dataclass(frozen=True)
class MapSpec:
    """What to draw. ``villages`` has ``code``, ``name``, ``kecamatan_code``, ``kecamatan_name`` and polygons in
    EPSG:4326; ``fill_of`` maps a village code to an index into ``fills`` (a village not in it gets ``default_fill``).

    ``numbers`` writes a number on villages (the annex's row numbers); ``circles`` draws a circle whose area is
    proportional to a count (the number of stunted children); ``outlined`` draws a thick outline (e.g. rates on
    too few children) named in the legend by ``outline_label``. Sizes are inches on paper, so a 9 pt name is 9 pt
    on the printed page when the picture is placed at its own size.
    """

    villages: gpd.GeoDataFrame
    fill_of: Mapping[str, int]
    fills: tuple[Fill, ...]
    default_fill: int
    legend_title: str
    lang: str = "id"
    title: str = ""
    source: str = ""
    numbers: Mapping[str, int] = field(default_factory=dict)
    circles: Mapping[str, float] = field(default_factory=dict)
    circle_title: str = ""
    outlined: tuple[str, ...] = ()
    outline_label: str = ""
    kecamatan_names: bool = True
    width_in: float = 6.0
    height_in: float = 4.5
    legend: Literal["right", "bottom", "none"] = "right"  # "none": the page around the picture draws it
    label_pt: float = 9.0
    number_pt: float = 6.5


@dataclass(frozen=True)
class LabelBox:
    """A kecamatan name as drawn: its box in figure pixels (``None`` when no free place was found)."""

    name: str
    box: Bbox | None


@dataclass(frozen=True)
class ScaleBar:
    """The scale bar: its length in km, its ends in degrees and the latitude it was measured at."""

    km: float
    west: float
    east: float
    latitude: float


@dataclass(frozen=True)
class RenderedMap:
    """The drawn figure and what tests and page layouts read back from it (boxes in figure pixels)."""

    figure: Figure
    labels: tuple[LabelBox, ...]
    legend_box: Bbox
    map_box: Bbox
    scale_bar: ScaleBar

    def png(self, dpi: float = 200, colours: int | None = None) -> bytes:
        """PNG bytes at ``dpi``; ``colours`` (at most 256) quantises to a palette image, a third of the bytes for a
        map of a few flat fills (the antialiased edges take the rest of the palette)."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
        if colours is None:
            return buffer.getvalue()
        from PIL import Image

        image = (
            Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").quantize(colours, method=Image.Quantize.MEDIANCUT)
        )
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()


def rgb_hex(colour: str) -> str:
    """``rgb(255, 237, 160)`` (plotly's colour strings) or ``#ffeda0`` as ``#ffeda0``.

    >>> rgb_hex("rgb(255, 237, 160)")
    '#ffeda0'
    """
    found = re.fullmatch(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)[^)]*\)", colour.strip())
    if found is None:
        return colour
    return "#" + "".join(f"{round(float(part)):02x}" for part in found.groups())


def km_per_degree_longitude(latitude: float) -> float:
    """Length of one degree of longitude on the WGS84 ellipsoid at ``latitude`` (km).

    >>> round(km_per_degree_longitude(0.0), 2), round(km_per_degree_longitude(-8.5), 2)
    (111.32, 110.1)
    """
    phi = math.radians(latitude)
    return math.pi / 180 * _A_KM * math.cos(phi) / math.sqrt(1 - _E2 * math.sin(phi) ** 2)


def nice_length(km: float) -> float:
    """The largest of 1, 2 or 5 × 10^n not above ``km`` (a scale bar's round length).

    >>> [nice_length(x) for x in (0.7, 3.2, 14.0, 60.0)]
    [0.5, 2.0, 10.0, 50.0]
    """
    if km <= 0:
        raise ValueError(f"a scale bar needs a positive length, not {km}")
    power = 10 ** math.floor(math.log10(km))
    return float(max(step * power for step in (1, 2, 5) if step * power <= km))


def _paths(geometry: shapely.Geometry) -> list[Path]:
    """Matplotlib paths of a (multi)polygon, holes included (each ring closed, holes drawn by winding)."""
    paths = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        rings = [np.asarray(polygon.exterior.coords)[:, :2]]
        rings += [np.asarray(ring.coords)[:, :2] for ring in polygon.interiors]
        paths.append(Path.make_compound_path(*[Path(ring, closed=True) for ring in rings]))
    return paths


def _add_polygons(ax: Axes, geometries: Sequence[shapely.Geometry], **style: Any) -> None:
    patches = [PathPatch(path) for geometry in geometries for path in _paths(geometry)]
    if patches:
        ax.add_collection(PatchCollection(patches, **style))


def _bands(spec: MapSpec) -> tuple[float, float, float]:
    """Inches above the map (title), below it (source line) and for the legend (its width at the right, its
    height at the bottom)."""
    top = 0.32 if spec.title else 0.08
    bottom = 0.24 if spec.source else 0.08
    if spec.legend == "right":
        return top, bottom, min(2.1, spec.width_in * 0.36)
    if spec.legend == "none":
        return top, bottom, 0.0
    return top, bottom, 0.22 + 0.2 * math.ceil((len(spec.fills) + 2) / 2) + (0.75 if spec.circles else 0.0)


def _shape(villages: gpd.GeoDataFrame) -> tuple[tuple[float, float, float, float], float, float]:
    """The map's extent, the axes' aspect (1/cos(latitude)) and the displayed width over height."""
    extent = _extent(villages)
    west, south, east, north = extent
    aspect = 1 / math.cos(math.radians((south + north) / 2))
    return extent, aspect, (east - west) / aspect / max(north - south, 1e-9)


def natural_height(spec: MapSpec) -> float:
    """The figure height (inches) at which the map fills ``spec.width_in``: a page gives a map this much room
    (or less, and the map shrinks to fit)."""
    top, bottom, legend = _bands(spec)
    _, _, shape = _shape(spec.villages)
    if spec.legend == "right":
        needed = 0.3 + 0.17 * (len(spec.fills) + 2) + (0.95 if spec.circles else 0.0)
        return top + bottom + max((spec.width_in - legend - 0.2) / shape, needed)
    return top + bottom + legend + (spec.width_in - 0.16) / shape


def _layout(spec: MapSpec, shape: float) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
    """Axes rectangles (figure fractions) of the map and of the legend, the map as large as its shape allows."""
    width, height = spec.width_in, spec.height_in
    top, bottom, legend = _bands(spec)
    if spec.legend == "right":
        room = (width - legend - 0.2, height - top - bottom)
        legend_rect = ((width - legend) / width, bottom / height, legend / width, room[1] / height)
    else:
        room = (width - 0.16, height - top - bottom - legend)
        legend_rect = (0.08 / width, bottom / height, room[0] / width, legend / height)
    map_w = min(room[0], room[1] * shape)
    map_h = map_w / shape
    left = 0.08 if spec.legend == "right" else (width - map_w) / 2
    lower = height - top - map_h
    return (left / width, lower / height, map_w / width, map_h / height), legend_rect


def _extent(villages: gpd.GeoDataFrame) -> tuple[float, float, float, float]:
    """The villages' bounds with a margin (room for the scale bar below and the north arrow to the right)."""
    west, south, east, north = (float(v) for v in villages.total_bounds)
    dx, dy = max(east - west, 1e-6), max(north - south, 1e-6)
    return west - 0.03 * dx, south - 0.13 * dy, east + 0.09 * dx, north + 0.03 * dy


def _scale_bar(ax: Axes, extent: tuple[float, float, float, float], lang: str) -> tuple[ScaleBar, list[Artist]]:
    west, south, east, north = extent
    latitude = (south + north) / 2
    per_degree = km_per_degree_longitude(latitude)
    km = nice_length((east - west) * per_degree * 0.25)
    x0 = west + 0.03 * (east - west)
    x1 = x0 + km / per_degree
    y0 = south + 0.035 * (north - south)
    height = 0.014 * (north - south)
    artists: list[Artist] = []
    half = (x1 - x0) / 2
    for i, colour in enumerate(("#222222", "#ffffff")):
        artists.append(
            ax.add_patch(
                Rectangle((x0 + i * half, y0), half, height, facecolor=colour, edgecolor="#222222", linewidth=0.6)
            )
        )
    decimals = 0 if km >= 1 else 1
    for x, text in ((x0, "0"), (x1, f"{fmt_number(km, lang, decimals)} km")):
        artists.append(
            ax.text(
                x, y0 + height * 1.6, text, ha="center", va="bottom", fontsize=7, fontfamily=_FONT, path_effects=_HALO
            )
        )
    return ScaleBar(km, x0, x1, latitude), artists


def _north_arrow(ax: Axes, lang: str) -> Artist:
    return ax.annotate(
        t("staticmap.north", lang),
        xy=(0.965, 0.97),
        xytext=(0.965, 0.83),
        xycoords="axes fraction",
        textcoords="axes fraction",
        ha="center",
        va="center",
        fontsize=9,
        fontweight="bold",
        fontfamily=_FONT,
        arrowprops={"arrowstyle": "-|>", "color": "#222222", "linewidth": 1.2, "mutation_scale": 12},
        path_effects=_HALO,
    )


def _place_labels(
    renderer: RendererAgg, ax: Axes, kecamatan: gpd.GeoDataFrame, obstacles: list[Bbox], size: float
) -> list[LabelBox]:
    """Each kecamatan's name at its polygon's inner point, or moved to a free place nearby, or left out.

    Larger kecamatan are placed first (more room, so more names survive). A name moves only within its own
    kecamatan (its centre stays inside), and is kept only where its box overlaps no name already placed and no
    obstacle (scale bar, north arrow, village numbers) and lies inside the map.
    """
    frame = ax.get_window_extent(renderer)
    placed: list[Bbox] = []
    result: list[LabelBox] = []
    order = np.argsort(-shapely.area(np.asarray(kecamatan.geometry)))
    # Candidate moves in points, nearest first: up to 2 lines up or down and 3 ems sideways.
    moves = [(dx * size, dy * size) for dx in (0, -1, 1, -2, 2, -3, 3) for dy in (0, -0.6, 0.6, -1.2, 1.2, -1.8, 1.8)]
    offsets = sorted(moves, key=lambda move: math.hypot(*move))
    for index in order:
        name = str(kecamatan["kecamatan_name"].iloc[index])
        polygon = kecamatan.geometry.iloc[index]
        point = shapely.point_on_surface(polygon)
        text = ax.annotate(
            name,
            xy=(point.x, point.y),
            xytext=(0, 0),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=size,
            fontfamily=_FONT,
            color="#111111",
            path_effects=_HALO,
            zorder=6,
        )
        chosen = None
        for dx, dy in offsets:
            text.xyann = (dx, dy)
            box = text.get_window_extent(renderer).expanded(1.04, 1.08)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            # A moved name still centres on its own kecamatan, so it never reads as its neighbour's.
            centre = shapely.Point(
                *ax.transData.inverted().transform((box.x0 + box.width / 2, box.y0 + box.height / 2))
            )
            own = (dx, dy) == (0.0, 0.0) or polygon.contains(centre)
            if inside and own and not any(box.overlaps(other) for other in (*placed, *obstacles)):
                chosen = box
                break
        if chosen is None:
            text.remove()
        else:
            placed.append(chosen)
        result.append(LabelBox(name, chosen))
    return result


def _legend_handles(spec: MapSpec) -> tuple[list[Artist], list[str]]:
    handles: list[Artist] = []
    labels: list[str] = []
    for fill in spec.fills:
        handles.append(Patch(facecolor=fill.colour, edgecolor="#888888", hatch=fill.hatch or None, linewidth=0.5))
        labels.append(f"{fill.label}  {fill.count}".rstrip())
    if spec.outlined and spec.outline_label:
        handles.append(Patch(facecolor="none", edgecolor=_OUTLINE, linewidth=1.6))
        labels.append(spec.outline_label)
    handles.append(Line2D([], [], color=_KECAMATAN_EDGE, linewidth=1.1))
    labels.append(t("staticmap.kecamatan_border", spec.lang))
    return handles, labels


def circle_legend(spec: MapSpec) -> list[tuple[float, float]]:
    """The circles' legend for a page that draws it beside a picture with ``legend="none"``: three round counts
    and the diameter (points) :func:`render` gives each; empty without circles."""
    scale, references = _circle_sizes(spec)
    return [(value, math.sqrt(value * scale)) for value in references]


def _circle_sizes(spec: MapSpec) -> tuple[float, list[float]]:
    """Points² per unit of count (the largest circle 10 pt across) and three round values for the legend."""
    largest = max((v for v in spec.circles.values() if v > 0), default=0.0)
    if largest <= 0:
        return 0.0, []
    scale = 10.0**2 / largest
    top = nice_length(largest)
    return scale, [v for v in (top / 10, top / 2, top) if v > 0]


def _kecamatan(villages: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Kecamatan polygons dissolved from their villages (none when the villages carry no kecamatan)."""
    if "kecamatan_code" not in villages or "kecamatan_name" not in villages:
        return gpd.GeoDataFrame({"kecamatan_name": []}, geometry=[], crs=villages.crs)
    return villages.dissolve("kecamatan_code", as_index=False)[["kecamatan_name", "geometry"]]


def _draw_legend(
    spec: MapSpec, fig: Figure, legend_rect: tuple[float, float, float, float], renderer: RendererAgg
) -> Bbox:
    """The classes, outline and kecamatan border keys, and the circles' sizes, in ``legend_rect``; their box."""
    scale, references = _circle_sizes(spec)
    legend_ax = fig.add_axes(legend_rect)
    legend_ax.set_axis_off()
    handles, texts = _legend_handles(spec)
    legend = legend_ax.legend(
        handles,
        texts,
        title=spec.legend_title,
        loc="upper left",
        frameon=False,
        fontsize=7,
        title_fontsize=8,
        alignment="left",
        borderaxespad=0.0,
        handlelength=1.6,
        handleheight=1.0,
        ncols=1 if spec.legend == "right" else 2,
        prop={"family": _FONT, "size": 7},
    )
    if references:
        legend_ax.add_artist(legend)
        below = legend.get_window_extent(renderer).transformed(legend_ax.transAxes.inverted()).y0
        circles = [
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markersize=math.sqrt(v * scale),
                markerfacecolor="none",
                markeredgecolor=_CIRCLE,
            )
            for v in references
        ]
        legend_ax.legend(
            circles,
            [fmt_int(v, spec.lang) for v in references],
            title=spec.circle_title,
            frameon=False,
            loc="upper left" if spec.legend == "right" else "upper right",
            bbox_to_anchor=(0.0, below - 0.04) if spec.legend == "right" else (1.0, 1.0),
            fontsize=7,
            title_fontsize=8,
            alignment="left",
            borderaxespad=0.0,
            labelspacing=1.0,
            prop={"family": _FONT, "size": 7},
        )
    legends = [child for child in legend_ax.get_children() if isinstance(child, Legend)]
    return Bbox.union([legend.get_window_extent(renderer) for legend in legends])


def render(spec: MapSpec) -> RenderedMap:
    """The map of ``spec`` as a figure of ``spec.width_in`` × ``spec.height_in`` inches (see the module docstring)."""
    villages = spec.villages
    if villages.empty:
        raise ValueError("a map needs at least one village")
    if not 0 <= spec.default_fill < len(spec.fills):
        raise ValueError(f"default_fill {spec.default_fill} is not one of the {len(spec.fills)} fills")
    fig = Figure(figsize=(spec.width_in, spec.height_in), dpi=100, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    extent, aspect, shape = _shape(villages)
    map_rect, legend_rect = _layout(spec, shape)
    ax = fig.add_axes(map_rect)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect(aspect, adjustable="datalim")
    ax.set_axis_off()
    codes = villages["code"].astype(str).tolist()
    fill_index = [spec.fill_of.get(code, spec.default_fill) for code in codes]
    for index, fill in enumerate(spec.fills):
        members = [g for g, i in zip(villages.geometry, fill_index, strict=True) if i == index]
        _add_polygons(
            ax,
            members,
            facecolor=fill.colour,
            edgecolor=_VILLAGE_EDGE if not fill.hatch else "#9a9a9a",
            linewidth=0.35,
            hatch=fill.hatch or None,
            zorder=1,
        )
    outlined = set(spec.outlined)
    _add_polygons(
        ax,
        [g for g, c in zip(villages.geometry, codes, strict=True) if c in outlined],
        facecolor="none",
        edgecolor=_OUTLINE,
        linewidth=1.3,
        zorder=3,
    )
    kecamatan = _kecamatan(villages)
    _add_polygons(ax, list(kecamatan.geometry), facecolor="none", edgecolor=_KECAMATAN_EDGE, linewidth=0.9, zorder=4)
    points = shapely.point_on_surface(np.asarray(villages.geometry))
    scale, _ = _circle_sizes(spec)
    if scale > 0:
        counts = np.array([float(spec.circles.get(code, 0.0)) for code in codes])
        shown = counts > 0
        ax.scatter(
            [p.x for p, s in zip(points, shown, strict=True) if s],
            [p.y for p, s in zip(points, shown, strict=True) if s],
            s=counts[shown] * scale,
            facecolor="none",
            edgecolor=_CIRCLE,
            linewidth=0.7,
            zorder=5,
        )
    numbers = []
    for code, point in zip(codes, points, strict=True):
        if code in spec.numbers:
            numbers.append(
                ax.text(
                    point.x,
                    point.y,
                    str(spec.numbers[code]),
                    ha="center",
                    va="center",
                    fontsize=spec.number_pt,
                    fontweight="bold",
                    fontfamily=_FONT,
                    color="#000000",
                    path_effects=_HALO,
                    zorder=7,
                )
            )
    bar, bar_artists = _scale_bar(ax, extent, spec.lang)
    arrow = _north_arrow(ax, spec.lang)
    renderer = canvas.get_renderer()
    # Names keep clear of the scale bar, the north arrow and the village numbers (those must all stay readable).
    obstacles = [a.get_window_extent(renderer) for a in (*bar_artists, arrow, *numbers)]
    labels = _place_labels(renderer, ax, kecamatan, obstacles, spec.label_pt) if spec.kecamatan_names else []
    legend_box = _draw_legend(spec, fig, legend_rect, renderer) if spec.legend != "none" else Bbox.null()
    for text, y, va, size, weight, colour in (
        (spec.title, 1 - 0.08 / spec.height_in, "top", 9.5, "bold", "#111111"),
        (spec.source, 0.06 / spec.height_in, "bottom", 6.0, "normal", "#444444"),
    ):
        if text:
            fig.text(0.08 / spec.width_in, y, text, ha="left", va=va, fontsize=size, fontweight=weight, color=colour,
                     fontfamily=_FONT, wrap=True)  # fmt: skip
    return RenderedMap(fig, tuple(labels), legend_box, ax.get_window_extent(renderer), bar)


def map_png(spec: MapSpec, dpi: float = 200) -> bytes:
    """:func:`render` as PNG bytes at ``dpi`` (200 is sharp on paper)."""
    return render(spec).png(dpi)
