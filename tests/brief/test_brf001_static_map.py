"""The static map renderer: names that never overlap, a true scale bar, a legend inside, the annex's classes."""

from __future__ import annotations

import io
import threading
from itertools import combinations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PIL import Image
from pyproj import Geod

from dashboard.data.annex import ADDED_FILL, NO_DATA_FILL, OTHER_FILL, SELECTED_FILL, lokus_map_spec
from dashboard.figures.static_map import Fill, MapSpec, RenderedMap, natural_height, render
from dashboard.services import Services


def _spec(villages: gpd.GeoDataFrame, **options: object) -> MapSpec:
    fills = (Fill("#fee5d9", "rendah"), Fill("#a50f15", "tinggi"), Fill("#d4d4d4", "tidak ada data"))
    fill_of = {code: i % 2 for i, code in enumerate(villages["code"].astype(str))}
    return MapSpec(villages, fill_of, fills, 2, "Prevalensi", title="Uji", source="Sumber: uji", **options)  # type: ignore[arg-type]


def _crowded() -> gpd.GeoDataFrame:
    """Eight narrow kecamatan side by side: their names cannot all sit at their centres."""
    rows = []
    for k in range(8):
        for v in range(3):
            x0, y0 = 120.0 + k * 0.02, -8.0 + v * 0.06
            rows.append({"code": f"99.02.{k + 1:02d}.2{v:03d}", "name": f"Desa {k}-{v}",
                         "kecamatan_code": f"99.02.{k + 1:02d}", "kecamatan_name": f"Kecamatan {k}",
                         "geometry": shapely.box(x0, y0, x0 + 0.02, y0 + 0.06)})  # fmt: skip
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def _no_overlaps(rendered: RenderedMap) -> list[str]:
    shown = [label for label in rendered.labels if label.box is not None]
    for a, b in combinations(shown, 2):
        assert a.box is not None and b.box is not None
        assert not a.box.overlaps(b.box), f"{a.name} overlaps {b.name}"
        assert rendered.map_box.contains(a.box.x0, a.box.y0) and rendered.map_box.contains(a.box.x1, a.box.y1)
    return [label.name for label in shown]


def test_brf001_kecamatan_names_never_overlap(services: Services) -> None:
    villages = services.source.villages("99.01")
    rendered = render(_spec(villages, width_in=4.9, height_in=3.4))
    shown = _no_overlaps(rendered)
    assert len(shown) >= 12  # of 16 on a map 12 cm wide: most names find a place
    # 9 pt at the figure's own size (the brief places it at that size): a name's box is at least 9 pt tall.
    heights = [label.box.height for label in rendered.labels if label.box is not None]
    assert min(heights) >= 9 * rendered.figure.dpi / 72
    crowded = render(_spec(_crowded(), width_in=4.0, height_in=3.0))
    names = _no_overlaps(crowded)
    assert 0 < len(names) < 8  # some left out rather than printed over each other


def test_brf002_scale_bar_is_true_at_the_districts_latitude(services: Services) -> None:
    geod = Geod(ellps="WGS84")
    for villages in (services.source.villages("99.01"), _crowded()):
        bar = render(_spec(villages)).scale_bar
        _, _, metres = geod.inv(bar.west, bar.latitude, bar.east, bar.latitude)
        assert metres / 1000 == pytest.approx(bar.km, rel=0.05)
        assert bar.km in {0.5, 1, 2, 5, 10, 20, 50}  # a round length


def test_brf003_legend_is_inside_the_figure(services: Services) -> None:
    villages = services.source.villages("99.01")
    circles = {code: 10.0 + i for i, code in enumerate(villages["code"])}
    for legend in ("right", "bottom"):
        spec = _spec(villages, legend=legend, width_in=4.9, circles=circles, circle_title="Balita stunting")
        rendered = render(spec)
        figure = rendered.figure.bbox
        box = rendered.legend_box
        assert figure.x0 <= box.x0 and box.x1 <= figure.x1 and figure.y0 <= box.y0 and box.y1 <= figure.y1, legend
    assert natural_height(_spec(villages, width_in=4.9)) < 4.9  # a wide district gets a wide map


def test_brf004_lokus_map_numbers_and_classes(services: Services) -> None:
    villages = services.source.villages("99.01")
    codes = villages["code"].astype(str).tolist()
    chosen, added = codes[10:15], {codes[12]}
    reported = set(codes) - {codes[0], codes[1], codes[12]}
    spec = lokus_map_spec(villages, chosen, added, reported, "id", title="Lokus")
    assert dict(spec.numbers) == {code: i for i, code in enumerate(chosen, start=1)}  # the table's "No"
    colours = [fill.colour for fill in spec.fills]
    assert colours == [SELECTED_FILL, ADDED_FILL, OTHER_FILL, NO_DATA_FILL]
    assert spec.fills[1].hatch and spec.fills[3].hatch and not spec.fills[2].hatch
    assert spec.fills[spec.fill_of[codes[12]]].colour == ADDED_FILL  # added, though without data
    assert spec.fills[spec.fill_of[codes[0]]].colour == NO_DATA_FILL  # no data: not "not chosen"
    assert codes[30] not in spec.fill_of and spec.fills[spec.default_fill].colour == OTHER_FILL
    labels = [fill.label for fill in spec.fills]
    assert labels[0] == "Desa lokus (4)" and labels[1] == "Ditambahkan manual (1)" and labels[3] == "Tidak ada data (2)"
    pixels = np.asarray(Image.open(io.BytesIO(render(spec).png(dpi=80))).convert("RGB"), dtype=np.uint32)
    assert np.unique(pixels[..., 0] << 16 | pixels[..., 1] << 8 | pixels[..., 2]).size > 20


def test_brf005_two_maps_drawn_at_once_share_nothing(services: Services) -> None:
    """No pyplot state: two threads drawing different maps get the pictures each draws alone."""
    villages = services.source.villages("99.01")
    specs = [_spec(villages, width_in=3.0, height_in=2.2), _spec(_crowded(), width_in=3.0, height_in=2.2)]
    alone = [render(spec).png(dpi=60) for spec in specs]
    together: list[bytes] = [b"", b""]

    def draw(i: int) -> None:
        together[i] = render(specs[i]).png(dpi=60)

    threads = [threading.Thread(target=draw, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert together == alone
