"""The public interactive map's data: exactly the SVG map's classes, colours, tooltips and links, nothing hidden."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from dashboard.components.lokus_map import decode_classes
from dashboard.public import svg
from dashboard.public.content import Published
from tests.public.helpers import (
    COUNTS,
    HIDDEN,
    SECRETS,
    Site,
    admin,
    standalone,
    start_hidden_site,
    start_site,
)
from tests.store.helpers import DISTRICT

DEMO = "99.01"
CHOICES = [(level, measure) for level in ("desa", "kecamatan") for measure in ("prevalensi", "jumlah")]
# One SVG area: its link, fill and title (map_svg writes <a href><path d fill><title>).
AREA = re.compile(r'<a href="([^"]+)"><path d="[^"]*" fill="([^"]+)"><title>([^<]*)</title></path></a>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return start_hidden_site(tmp_path_factory.mktemp("live"))


def _data_url(page: str) -> str:
    """The URL of the live map's data that a district page's script asks for (the hidden panel's data-data)."""
    found = re.search(r'<div class="pub-live" id="peta-live" hidden data-data="([^"]+)"', page)
    assert found is not None, "no interactive map offered"
    return html.unescape(found.group(1))


def _page_and_data(site: Site, path: str) -> tuple[str, dict[str, Any]]:
    page = site.get(path).get_data(as_text=True)
    return page, site.get(_data_url(page)).get_json()


def _svg_areas(page: str) -> dict[str, tuple[str, str]]:
    """Link -> (fill, title) of every area of the page's SVG map."""
    drawn = page[page.index('<svg class="pub-map"') : page.index("</svg>", page.index('<svg class="pub-map"'))]
    return {html.unescape(href): (fill, html.unescape(title)) for href, fill, title in AREA.findall(drawn)}


def _live_areas(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Link -> (colour, tooltip) of every area of the live map, its classes decoded through its palette."""
    props = data["props"]
    classes = decode_classes(props["classes"])
    assert len(classes) == len(props["codes"])
    colours = [props["no_data_colour"] if c is None else props["palette"][c] for c in classes]
    return {data["urls"][code]: (colour, props["hover_text"][code]) for code, colour in zip(props["codes"], colours,
                                                                                            strict=True)}  # fmt: skip


@pytest.mark.parametrize(("level", "measure"), CHOICES)
@pytest.mark.parametrize("district", [DEMO, DISTRICT])
def test_pub200_live_map_has_the_svg_maps_colours_tooltips_and_links(site: Site, district: str, level: str,
                                                                     measure: str) -> None:  # fmt: skip
    page, data = _page_and_data(site, f"/publik/{district}?peta={level}&ukuran={measure}")
    drawn, live = _svg_areas(page), _live_areas(data)
    assert len(drawn) == len(live) > 0
    # The SVG hatches a hidden area (over HIDDEN_FILL); the live map fills it with that grey, its own last class.
    hatch = {"url(#tersembunyi)": svg.HIDDEN_FILL}
    assert {link: (hatch.get(fill, fill), title) for link, (fill, title) in drawn.items()} == live
    # The palette is the legend's: its class colours in order, then the hidden grey; no report is no class.
    legend = re.findall(r'<span class="pub-swatch" style="background:(#[0-9a-f]{6})"></span>', page)
    assert data["props"]["palette"] == [*legend, svg.HIDDEN_FILL]
    assert data["props"]["no_data_colour"] == svg.NO_REPORT_FILL


def test_pub201_hidden_values_stay_hidden_on_the_live_map(site: Site) -> None:
    for query in ("", "?ukuran=jumlah", "?peta=kecamatan", "?lang=en"):
        _, data = _page_and_data(site, f"/publik/{DISTRICT}{query}")
        text = json.dumps(data, ensure_ascii=False)
        found = [secret for secret in SECRETS if standalone(secret.rstrip("%"), text) and secret in text]
        assert found == [], f"{query}: {found}"
    _, data = _page_and_data(site, f"/publik/{DISTRICT}")
    props = data["props"]
    classes = dict(zip(props["codes"], decode_classes(props["classes"]), strict=True))
    hidden_class = len(props["palette"]) - 1
    assert {classes[code] for code in HIDDEN} == {hidden_class}
    assert {code for code, c in classes.items() if c == hidden_class} == set(HIDDEN)
    assert props["hover_text"]["52.91.01.2002"].endswith("Agustus 2025: n kecil stunting dari 9 diukur")
    assert props["hover_text"]["52.91.02.2001"] == "Desa 2-1 · Agustus 2025: 20,0% (12 stunting dari 60 diukur)"
    assert set(props["codes"]) == set(COUNTS)


def test_pub202_the_outlines_are_the_snapshots_own_with_codes_and_names_only(site: Site) -> None:
    snapshot = site.publications.latest(DEMO)
    assert snapshot is not None
    content = site.publications.content(snapshot.id)
    assert content is not None
    view = Published(content)
    _, data = _page_and_data(site, f"/publik/{DEMO}")
    props = data["props"]
    assert props["geojson_url"] == f"/publik/{DEMO}/batas/{snapshot.content_sha256}/desa.geojson"
    assert props["kecamatan_geojson_url"] == f"/publik/{DEMO}/batas/{snapshot.content_sha256}/kecamatan.geojson"
    outlines = site.get(props["geojson_url"])
    assert outlines.mimetype == "application/geo+json"
    features = json.loads(outlines.get_data())["features"]
    assert (
        [f["properties"]["code"] for f in features] == props["codes"] == [str(f["id"]) for f in view.features("desa")]
    )
    assert [f["geometry"] for f in features] == [f["geometry"] for f in view.features("desa")]
    assert {key for f in features for key in f["properties"]} == {"code", "name"}
    assert features[0]["properties"]["name"] == "Teluk Asri"
    west, south, east, north = props["bounds"]
    assert 127.0 < west < east < 128.0 and -6.0 < south < north < -5.0  # the demo district, in the Banda Sea
    # The kecamatan map has no village outlines over it.
    _, kecamatan = _page_and_data(site, f"/publik/{DEMO}?peta=kecamatan")
    assert kecamatan["props"]["geojson_url"].endswith("/kecamatan.geojson")
    assert "kecamatan_geojson_url" not in kecamatan["props"] and len(kecamatan["props"]["codes"]) == 16


def test_pub203_cache_headers_cookies_and_compression(site: Site) -> None:
    page, data = _page_and_data(site, f"/publik/{DEMO}")
    answer = site.client().get(_data_url(page), headers={"Accept-Encoding": "gzip"})
    assert answer.headers["Cache-Control"] == "public, max-age=300"  # as the open data: a withdrawal shows soon
    assert answer.headers["Content-Encoding"] == "gzip" and answer.headers.getlist("Set-Cookie") == []
    assert json.loads(gzip.decompress(answer.get_data())) == data
    outlines = site.client().get(data["props"]["geojson_url"])
    assert outlines.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert outlines.headers.getlist("Set-Cookie") == []
    # The component's files, as the page links them: anonymous, kept a year, no cookie.
    for name in ("core", "worker", "css"):
        link = re.search(rf'data-{name}="([^"]+)"', page)
        assert link is not None and link.group(1).startswith("/_dash-component-suites/dashboard.components.lokus_map/")
        answer = site.client().get(link.group(1))
        assert answer.status_code == 200, name
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable", name
        assert answer.headers.getlist("Set-Cookie") == [], name
    script = re.search(r'<script src="([^"]+)" defer>', page)
    assert script is not None and site.get(script.group(1)).mimetype == "text/javascript"


def test_pub204_english_tooltips_and_controls(site: Site) -> None:
    _, data = _page_and_data(site, f"/publik/{DISTRICT}?lang=en")
    props = data["props"]
    assert props["hover_text"]["52.91.02.2001"] == "Desa 2-1 · August 2025: 20.0% (12 stunted of 60 measured)"
    assert props["labels"]["zoom_in"] == "Zoom in" and props["loading_text"] == "Loading the map…"
    assert data["urls"]["52.91.02.2001"] == "/publik/52.91/desa/52.91.02.2001?lang=en"


def test_pub205_unknown_unpublished_and_withdrawn_answer_404(tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    first = site.publications.latest(DEMO)
    assert first is not None
    for path in ("/publik/52.91/peta.json", "/publik/99.01/peta.json?peta=provinsi",
                 "/publik/99.01/peta.json?periode=2019-08", "/publik/99.01/peta.json?v=0123456789abcdef",
                 f"/publik/99.01/batas/{first.content_sha256}/provinsi.geojson",
                 f"/publik/52.91/batas/{first.content_sha256}/desa.geojson",
                 f"/publik/99.01/batas/{first.content_sha256[:40]}/desa.geojson"):  # fmt: skip
        site.get(path, status=404)
    _, data = _page_and_data(site, f"/publik/{DEMO}")
    actor = admin(site.services)
    second = site.publications.publish(actor, DEMO, ["2024-08"], title="Hanya Agustus 2024")
    # A page drawn before the new publication asks for its own snapshot: gone from "latest", so 404 (reload).
    page = site.get(f"/publik/{DEMO}").get_data(as_text=True)
    assert second.content_sha256[:16] in page
    site.get(f"/publik/{DEMO}/peta.json?v={first.content_sha256[:16]}", status=404)
    site.get(f"/publik/{DEMO}/peta.json?terbitan={first.id}&v={first.content_sha256[:16]}")
    site.get(data["props"]["geojson_url"])
    site.publications.withdraw(actor, first.id, "Angka Agustus 2025 dikoreksi Dinkes")
    site.get(f"/publik/{DEMO}/peta.json?terbitan={first.id}", status=404)
    site.get(data["props"]["geojson_url"], status=404)
    site.get(f"/publik/{DEMO}/peta.json")  # the standing one still answers
