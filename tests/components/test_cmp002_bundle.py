"""The map component as Dash serves it: registered, its bundle on the page, the lazy files behind long-cached URLs."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from dash import Dash, html

from dashboard.components import LokusMap
from dashboard.components import lokus_map as package

SUITE = "/_dash-component-suites/dashboard.components.lokus_map/"
BUNDLE = Path(package.__file__).parent


def _app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([LokusMap(id="peta", geojson_url="/g.geojson", codes=["99.01.01.2001"], classes="AA==")])
    return app


def test_cmp002_the_page_loads_the_small_bundle_and_the_css_only() -> None:
    page = _app().server.test_client().get("/").get_data(as_text=True)
    assert re.search(rf"{SUITE}lokus_map\.v[\w-]+m\d+\.min\.js", page)
    assert re.search(rf"{SUITE}lokus_map\.v[\w-]+m\d+\.min\.css", page)
    assert "lokus_map_core" not in page
    assert "maplibre-gl-worker" not in page


@pytest.mark.parametrize("name", ["lokus_map_core.min.js", "maplibre-gl-worker.js"])
def test_cmp002_lazy_files_are_named_by_their_content_and_cached_for_a_year(name: str) -> None:
    """The committed loader asks for the committed core and worker (rebuild both with mapcomponent/build.sh)."""
    digest = hashlib.sha256((BUNDLE / name).read_bytes()).hexdigest()[:16]
    stem, extension = name.split(".", 1)
    fingerprinted = f"{stem}.v1m{digest}.{extension}"
    assert fingerprinted in (BUNDLE / "lokus_map.min.js").read_text()
    client = _app().server.test_client()
    client.get("/")  # Dash registers a library's paths when it first writes the page
    response = client.get(SUITE + fingerprinted)
    assert response.status_code == 200
    assert "javascript" in response.mimetype
    assert response.cache_control.max_age == 31_536_000
    assert response.get_data() == (BUNDLE / name).read_bytes()


def test_cmp002_props_are_checked_and_serialised() -> None:
    as_json = LokusMap(id="peta", palette=["#ffffff"], marks={"99.01.01.2001": ["flagged", "added"]}).to_plotly_json()
    assert as_json["namespace"] == "dashboard.components.lokus_map"
    assert as_json["type"] == "LokusMap"
    assert as_json["props"] == {
        "id": "peta",
        "palette": ["#ffffff"],
        "marks": {"99.01.01.2001": ["flagged", "added"]},
    }
    with pytest.raises(TypeError):
        LokusMap(id="peta", colour="#ffffff")  # type: ignore[call-arg]
