"""The presentation's slide values (frozen dataclasses the page lays out) and its maps fitted to their boxes.

Sizes are chosen so that one point of the renderer is :data:`PX_PER_PT` CSS pixels on a 1280×720 slide: kecamatan
names of :data:`LABEL_PT` points are 16 px there (the brief asks ≥ 14 px), and 1.5 times that on a 1920×1080 projector.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

from dashboard.brief.content import BriefContent, Fact
from dashboard.figures.static_map import MapSpec, circle_legend, natural_height
from dashboard.i18n import fmt_int

__all__ = [
    "LABEL_PT",
    "MAP_KINDS",
    "NO_DATA",
    "PX_PER_PT",
    "Deck",
    "GapsSlide",
    "LegendItem",
    "ReviewSlide",
    "SlideMap",
    "Table",
    "map_digest",
    "slide_map",
]

PX_PER_PT = 2.0  # CSS px per point of the renderer on a 1280×720 slide
LABEL_PT = 8.0  # kecamatan names: 16 px on the slide
MAP_KINDS = ("prevalensi", "lokus", "kesenjangan")
# Each map's room on the 1280×720 slide, in CSS px (the page's stylesheet gives the same boxes).
_MAP_BOX: Mapping[str, tuple[float, float]] = {
    "prevalensi": (800.0, 500.0),
    "lokus": (620.0, 500.0),
    "kesenjangan": (560.0, 500.0),
}
NO_DATA = "#f7f7f7"


@dataclass(frozen=True)
class LegendItem:
    colour: str
    label: str
    count: str = ""
    hatch: str = ""  # the map's hatch ("...." dots, "////" lines), drawn alike beside it
    outline: bool = False


@dataclass(frozen=True)
class SlideMap:
    """A slide's map: the picture's specification, its legend as the page writes it, circles' sizes in CSS px."""

    kind: str
    spec: MapSpec
    legend_title: str
    items: tuple[LegendItem, ...]
    circle_title: str = ""
    circles: tuple[tuple[str, float], ...] = ()  # (count as printed, diameter in CSS px)

    @property
    def width_px(self) -> int:
        return round(self.spec.width_in * 72 * PX_PER_PT)

    @property
    def height_px(self) -> int:
        return round(self.spec.height_in * 72 * PX_PER_PT)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    more: str = ""  # "dan 4 lainnya" under a table cut short


@dataclass(frozen=True)
class GapsSlide:
    map: SlideMap | None
    axis: str  # what the bivariate map crosses with stunting
    grid: tuple[tuple[str, ...], ...]  # 3x3 counts, burden high→low rows, coverage low→high columns
    services: Table
    note: str


@dataclass(frozen=True)
class ReviewSlide:
    """Part f: last year's lokus villages then and now, kecamatan against the target, commitments."""

    heading: str
    summary: str  # the lokus villages together: like-for-like change and its significance
    villages: Table
    kecamatan: Table
    target_note: str
    commitments_heading: str
    commitment_figures: tuple[tuple[str, str], ...]  # (label, figure)
    commitments_note: str


@dataclass(frozen=True)
class Deck:
    lang: str
    district_code: str
    district_name: str
    period: str
    period_label: str
    demo_mark: str
    footer: str  # period, completeness, source: every slide states them
    glance: tuple[Fact, ...]  # part a: prevalence, stunted, change, completeness, targets
    brief: BriefContent
    maps: Mapping[str, SlideMap]
    gaps: GapsSlide
    review: ReviewSlide


def map_digest(slide_map: SlideMap) -> str:
    """A short hash of what the picture shows (classes, circles, numbers, outlines, legend texts, boundaries and
    size): the image's URL carries it, so a browser may keep the picture until the data change."""
    spec = slide_map.spec
    digest = hashlib.sha256()
    for part in (
        sorted(spec.fill_of.items()),
        [(f.colour, f.label, f.hatch) for f in spec.fills],
        sorted(spec.circles.items()),
        sorted(spec.numbers.items()),
        sorted(spec.outlined),
        spec.width_in,
        spec.height_in,
        spec.lang,
        spec.villages["code"].astype(str).tolist(),
        spec.villages.geometry.total_bounds.round(6).tolist(),
        len(spec.villages),
    ):
        digest.update(repr(part).encode())
    return digest.hexdigest()[:16]


def slide_spec(spec: MapSpec, kind: str) -> MapSpec:
    """``spec`` without legend, title or source (the slide writes them), sized for its box on the slide."""
    width_px, height_px = _MAP_BOX[kind]
    width_in = width_px / 72 / PX_PER_PT
    bare = replace(spec, legend="none", title="", source="", width_in=width_in, label_pt=LABEL_PT, number_pt=7.0)
    return replace(bare, height_in=min(natural_height(bare), height_px / 72 / PX_PER_PT))


def legend_items(spec: MapSpec) -> tuple[LegendItem, ...]:
    """The map's classes (colour, label, count, hatch) and its outline entry, as the slide writes them beside it."""
    items = [LegendItem(f.colour, f.label, f.count, hatch=f.hatch) for f in spec.fills]
    if spec.outlined and spec.outline_label:
        items.append(LegendItem("#ffffff", spec.outline_label, outline=True))
    return tuple(items)


def slide_map(kind: str, spec: MapSpec) -> SlideMap:
    """``spec`` fitted to the ``kind`` map's box on the slide, with its legend and circle sizes in CSS px."""
    fitted = slide_spec(spec, kind)
    circles = tuple((fmt_int(value, spec.lang), diameter * PX_PER_PT) for value, diameter in circle_legend(fitted))
    return SlideMap(kind, fitted, spec.legend_title, legend_items(spec), spec.circle_title, circles)
