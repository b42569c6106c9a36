"""LokusMap: the village map as a Dash component (MapLibre GL JS, recoloured through feature-state).

Plotly's ``choroplethmap`` recomputes its trace and re-uploads the GeoJSON to MapLibre on every change of ``z``, so
recolouring costs time in proportion to every vertex on the map. This component loads the boundaries once per URL
and recolours by calling MapLibre's ``setFeatureState`` for the villages whose class changed, nothing else.

Values travel as classes, one byte per village (``encode_classes``), in the order of ``codes``; the palette maps a
class to a colour. The JavaScript (mapcomponent/ at the repository root, built by ``bash mapcomponent/build.sh``)
is committed beside this module, so nothing is built or downloaded at run time.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import math
from collections.abc import Mapping, Sequence
from numbers import Integral, Real
from typing import Any, Literal

from dash.development.base_component import Component, ComponentRegistry

__all__ = [
    "MARKS",
    "NO_DATA",
    "LokusMap",
    "bivariate_classes",
    "decode_classes",
    "encode_classes",
    "fingerprinted",
]

__version__ = "0.1.0"

NO_DATA = 255
"""The class byte of a village without a value (drawn in ``no_data_colour``)."""

MAX_CLASS = NO_DATA - 1

MARKS = ("unreliable", "flagged", "added", "selected")
"""What ``marks`` may say of a village; each is drawn as its own outline (see :class:`LokusMap`)."""

Mark = Literal["unreliable", "flagged", "added", "selected"]

# Dash serves these from /_dash-component-suites/<this module>/, fingerprinted; the core and the worker are fetched
# by lokus_map.min.js only when a map mounts (under a content-hash fingerprint), so they are not put on the page.
_js_dist = [
    {"relative_package_path": "lokus_map.min.js", "namespace": __name__},
    {"relative_package_path": "lokus_map_core.min.js", "namespace": __name__, "async": True},
    {"relative_package_path": "maplibre-gl-worker.js", "namespace": __name__, "dynamic": True},
]
_css_dist = [{"relative_package_path": "lokus_map.min.css", "namespace": __name__}]


@functools.cache
def fingerprinted(name: str) -> str:
    """The name under which ``lokus_map.min.js`` fetches the lazy file ``name`` (the core or the worker): its
    content hash as a Dash fingerprint (``lokus_map_core.v1m<hash>.min.js``), so a page can preload exactly that.

    >>> fingerprinted("lokus_map_core.min.js").startswith("lokus_map_core.v1m")
    True
    """
    from pathlib import Path

    digest = hashlib.sha256((Path(__file__).parent / name).read_bytes()).hexdigest()[:16]
    stem, extension = name.split(".", 1)
    return f"{stem}.v1m{digest}.{extension}"


def _class_byte(value: object, position: int) -> int:
    if value is None or (isinstance(value, Real) and not isinstance(value, Integral) and math.isnan(value)):
        return NO_DATA
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError(f"class at position {position} is {value!r}: classes are whole numbers 0..{MAX_CLASS} or None")
    number = int(value)
    if not 0 <= number <= MAX_CLASS:
        raise ValueError(
            f"class at position {position} is {number}: classes run 0..{MAX_CLASS} ({NO_DATA} means no data: pass None)"
        )
    return number


def encode_classes(values: Sequence[int | None]) -> str:
    """Classes as the component's ``classes`` prop: base64 of one byte per village, ``None`` (or NaN) as 255.

    >>> encode_classes([0, 3, None])
    'AAP/'
    >>> encode_classes([255])
    Traceback (most recent call last):
    ...
    ValueError: class at position 0 is 255: classes run 0..254 (255 means no data: pass None)
    """
    data = bytes(_class_byte(value, position) for position, value in enumerate(values))
    return base64.b64encode(data).decode("ascii")


def decode_classes(text: str) -> list[int | None]:
    """The classes back from ``encode_classes`` (255 as ``None``).

    >>> decode_classes('AAP/')
    [0, 3, None]
    """
    return [None if byte == NO_DATA else byte for byte in base64.b64decode(text, validate=True)]


def bivariate_classes(x: Sequence[int | None], y: Sequence[int | None], size: int) -> list[int | None]:
    """One class per village for a bivariate palette of ``size`` x ``size`` colours: ``y * size + x``.

    The palette lists the colours row by row from the lowest ``y`` class, each row from the lowest ``x`` class;
    a village without either value has no class.

    >>> bivariate_classes([0, 2, None], [1, 2, 0], 3)
    [3, 8, None]
    """
    if not 2 <= size <= 15:  # 15 x 15 = 225 classes still fit below the no-data byte
        raise ValueError(f"a bivariate palette has 2 to 15 classes a side, not {size}")
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} classes and y {len(y)}: one of each per village")
    classes: list[int | None] = []
    for position, (a, b) in enumerate(zip(x, y, strict=True)):
        if a is None or b is None:
            classes.append(None)
            continue
        if not (0 <= a < size and 0 <= b < size):
            raise ValueError(f"classes ({a}, {b}) at position {position} are outside 0..{size - 1}")
        classes.append(b * size + a)
    return classes


_PROPS = [
    "id",
    "className",
    "style",
    "geojson_url",
    "kecamatan_geojson_url",
    "tiles_url",
    "tiles_layer",
    "tiles_minzoom",
    "tiles_maxzoom",
    "overview_geojson_url",
    "overview_codes",
    "overview_classes",
    "overview_hover_text",
    "overview_maxzoom",
    "codes",
    "classes",
    "palette",
    "no_data_colour",
    "hatched_classes",
    "bivariate",
    "marks",
    "hover_text",
    "click_code",
    "click_layer",
    "click_timestamp",
    "bounds",
    "fit_revision",
    "view_revision",
    "tile_url",
    "tile_attribution",
    "labels",
    "cooperative_gestures",
    "loading_text",
    "export_request",
    "export_title",
    "export_legend",
    "export_source",
    "export_date",
    "export_mark",
    "export_filename",
    "export_png",
]


class LokusMap(Component):
    """A village choropleth: boundaries by URL, colours from one byte per village, recoloured in place.

    Geometry
    - ``geojson_url`` (str): a GeoJSON FeatureCollection whose features carry ``properties.code`` (the Kemendagri
      code, the key of everything else) and ``properties.name`` (shown on hover when ``hover_text`` has nothing).
      Fetched once per value: put the boundary version in the URL; a new URL replaces the geometry.
    - ``kecamatan_geojson_url`` (str, optional): kecamatan outlines (polygons or lines) drawn as darker lines.
    - ``tiles_url`` (str, optional): instead of ``geojson_url``, the villages as Mapbox vector tiles
      (``/path/{z}/{x}/{y}.pbf``), for regions too large for one GeoJSON; features of the source layer
      ``tiles_layer`` (default ``"desa"``) carry ``properties.code`` and ``name``. ``tiles_minzoom`` /
      ``tiles_maxzoom`` (default 7 / 12): the zooms the server has tiles for (MapLibre overzooms beyond).
    - ``codes`` (list of str): the village codes in the order of ``classes``; send them with the geometry, not on
      every recolour. A new list clears every village's state and applies ``classes`` and ``marks`` afresh.
    - ``bounds`` ([west, south, east, north], degrees): fitted on first load and whenever ``fit_revision``
      changes (and when ``bounds`` change while ``view_revision`` is None).
    - ``fit_revision`` (any JSON value): change it to fit ``bounds`` again.
    - ``view_revision`` (any JSON value): like plotly's ``uirevision``. While it stays the same, the user's zoom
      and pan stay, across new bounds and across the component being mounted again; a new value fits ``bounds``.

    Colours
    - ``classes`` (str): base64 of one unsigned byte per village (:func:`encode_classes`), 255 = no data. A new
      value calls MapLibre's ``setFeatureState`` for the villages whose byte changed and for nothing else.
    - ``palette`` (list of ``'#rrggbb'``): the colour of class ``i`` is ``palette[i]``; a class without a colour is
      drawn as no data. Changing the palette touches no village.
    - ``no_data_colour`` (``'#rrggbb'``, default ``'#d9d9d9'``): villages with class 255 or without a class.
    - ``hatched_classes`` (list of int, optional): classes drawn hatched over their colour, e.g. values hidden to
      protect small counts (the public site's SVG hatches them too).
    - ``bivariate`` (dict, optional): ``{"size": n, "x_label": str, "y_label": str}`` when ``palette`` holds
      ``n * n`` colours indexed ``y * n + x`` (:func:`bivariate_classes`); the exported legend draws the grid.

    Overview (a large region zoomed out): ``overview_geojson_url`` (str) holds larger units (the kabupaten of a
    province, say) with ``properties.code``/``name``, filled from ``overview_classes`` in the order of
    ``overview_codes`` with the same ``palette``, below ``overview_maxzoom``; from that zoom on the villages are
    drawn instead, under the overview's outlines (with no villages given, the overview is filled at every zoom).
    ``overview_hover_text`` (dict code -> str) as ``hover_text``.

    Marks: ``marks`` (dict code -> one of :data:`MARKS`, or a list of them), each drawn as an outline over the fill:
    ``unreliable`` thick dark (#212529, 2.5 px), ``flagged`` dashed orange (#f76707, 2 px), ``added`` (villages
    added by hand) hatched with a dotted purple outline (#6f42c1, 1.5 px), ``selected`` thick blue (#1971c2, 3 px).
    Only the villages whose marks changed are touched.

    Pointer
    - ``hover_text`` (dict code -> str, optional): the tooltip of each village (line breaks kept); its name
      otherwise.
    - ``click_code`` (str, output): the code of the village (or overview unit) last clicked; ``click_layer``
      (output): ``"villages"`` or ``"overview"``; ``click_timestamp`` (int, output, milliseconds since 1970)
      changes on every click, so a second click on the same village fires too.

    Basemap: none by default (offline, nothing requested). ``tile_url`` (str, optional): a raster tile template
    (``https://host/{z}/{x}/{y}.png``) drawn under the villages, with ``tile_attribution`` (str) in the corner.

    Texts: ``labels`` (dict) overrides the controls' and messages' texts, so they follow the UI's language: keys
    ``map`` (the map's accessible name), ``zoom_in``, ``zoom_out``, ``reset_view``, ``download_png``,
    ``load_error``, ``no_webgl``, and ``mark_unreliable``, ``mark_flagged``, ``mark_added``, ``mark_selected``
    (the exported legend's words for the marks), ``gesture_window``, ``gesture_mac``, ``gesture_mobile`` (the
    hints of ``cooperative_gestures``). ``cooperative_gestures`` (bool, read when the map is created): on a
    page that scrolls (a phone), one finger scrolls the page and two move the map; Ctrl + wheel zooms.
    ``loading_text`` (str): shown over the map until the boundaries
    have loaded and the first classes are drawn.

    PNG export
    - ``export_request`` (int): when it changes, the component draws the map with ``export_title`` (str) above,
      ``export_legend`` (list of ``[colour, label]``) and the marks in use below, ``export_source`` (str) and
      ``export_date`` (str, as the UI formats it; today's ISO date when absent) in the footer, and
      ``export_mark`` (str, e.g. "DATA CONTOH (FIKTIF)") in the title band and faintly across the map; the image
      is written to ``export_png`` (output: a ``data:image/png;base64,...`` URL, at the screen's pixel ratio).
    - ``export_filename`` (str, default ``peta.png``): the file the map's own download button saves.
    When the page is printed, a still image of the map replaces the WebGL canvas (which may print blank).

    ``style`` (dict, default height 480px) and ``className`` (str) apply to the outer element.

    For tests and debugging, the browser holds ``window.__lokusMaps[id]``: ``map`` (the MapLibre map),
    ``ready``, ``setDataCalls``, ``featureStateCalls``, ``exports`` and ``pixelAt(lng, lat)`` (the drawn RGB).
    """

    _children_props: list[str] = []  # noqa: RUF012 (Dash's class attributes)
    _base_nodes = ["children"]  # noqa: RUF012
    _namespace = __name__
    _type = "LokusMap"
    _prop_names = _PROPS
    available_properties = _PROPS
    _valid_wildcard_attributes: list[str] = []  # noqa: RUF012
    available_wildcard_properties: list[str] = []  # noqa: RUF012

    def __init__(
        self,
        id: str | dict[str, Any] | None = None,
        *,
        className: str | None = None,
        style: Mapping[str, Any] | None = None,
        geojson_url: str | None = None,
        kecamatan_geojson_url: str | None = None,
        tiles_url: str | None = None,
        tiles_layer: str | None = None,
        tiles_minzoom: int | None = None,
        tiles_maxzoom: int | None = None,
        overview_geojson_url: str | None = None,
        overview_codes: Sequence[str] | None = None,
        overview_classes: str | None = None,
        overview_hover_text: Mapping[str, str] | None = None,
        overview_maxzoom: float | None = None,
        codes: Sequence[str] | None = None,
        classes: str | None = None,
        palette: Sequence[str] | None = None,
        no_data_colour: str | None = None,
        hatched_classes: Sequence[int] | None = None,
        bivariate: Mapping[str, Any] | None = None,
        marks: Mapping[str, Mark | Sequence[Mark]] | None = None,
        hover_text: Mapping[str, str] | None = None,
        click_code: str | None = None,
        click_layer: Literal["villages", "overview"] | None = None,
        click_timestamp: int | None = None,
        bounds: Sequence[float] | None = None,
        fit_revision: Any = None,
        view_revision: Any = None,
        tile_url: str | None = None,
        tile_attribution: str | None = None,
        labels: Mapping[str, str] | None = None,
        cooperative_gestures: bool | None = None,
        loading_text: str | None = None,
        export_request: int | None = None,
        export_title: str | None = None,
        export_legend: Sequence[Sequence[str]] | None = None,
        export_source: str | None = None,
        export_date: str | None = None,
        export_mark: str | None = None,
        export_filename: str | None = None,
        export_png: str | None = None,
    ) -> None:
        given = {name: value for name, value in locals().items() if name in _PROPS and value is not None}
        super().__init__(**given)


# Dash collects a library's scripts from the module its registry names, and names the top-level package
# ("dashboard") for a class defined here: register this module, which holds _js_dist and _css_dist.
ComponentRegistry.registry.add(__name__)
ComponentRegistry.namespace_to_package[__name__] = __name__
