"""The app as a whole: every callback wired to the layout, every page answering, geometry served once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import dash
import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.components import decode_classes
from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from dashboard.ids import ID, Pattern
from dashboard.services import Services
from dashboard.views import map_page, shell
from dashboard.views.map_page.choropleth import MAP_PROPS, recoloured
from tests.auth_helpers import add_user, router_request, sign_in_client


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("instance"))


@pytest.fixture(scope="module")
def app(settings: Settings) -> Dash:
    return create_app(settings)


def _ids(component: Any) -> Iterator[str]:
    """Every ``id`` in a component tree."""
    if isinstance(component, list | tuple):
        for child in component:
            yield from _ids(child)
        return
    if not hasattr(component, "to_plotly_json"):
        return
    identifier = getattr(component, "id", None)
    if identifier is not None:
        yield str(identifier)
    yield from _ids(getattr(component, "children", None))


def _callback_ids(app: Dash) -> set[str]:
    ids = set()
    for spec in app.callback_map.values():
        for dependency in [*spec["inputs"], *spec["state"]]:
            ids.add(dependency["id"])
    for output_key in app.callback_map:
        for part in output_key.strip(".").split("..."):
            ids.add(part.rsplit(".", 1)[0].lstrip("."))
    return {i for i in ids if i}


def _pattern_types(ids: set[str]) -> set[str]:
    """The ``type`` of each pattern-matching ID (written as JSON in the callback map)."""
    return {json.loads(i)["type"] for i in ids if i.startswith("{")}


def test_app001_every_callback_id_exists_in_a_layout(app: Dash) -> None:
    services = Services(Settings(), DemoSource(Settings().geodata_dir))
    present = set(_ids(app.layout))
    with app.server.test_request_context("/"):
        for _, builder, _ in shell.PAGES.values():
            for lang in ("id", "en"):
                present |= set(_ids(builder(services, lang, None)))
    wanted = _callback_ids(app)
    missing = {i for i in wanted if not i.startswith("{")} - present
    assert missing == set()
    # Pattern IDs are created with the data they stand for (a column, a name); their types are all declared.
    assert _pattern_types(wanted) <= {str(p) for p in Pattern}
    assert {ID.MAP, ID.LEGEND, ID.INDICATOR}.issubset(present)


@pytest.mark.parametrize("path", list(shell.PAGES))
def test_app002_each_page_answers_200(app: Dash, path: str) -> None:
    client = app.server.test_client()
    response = client.get(path)
    assert response.status_code == 200
    assert b"_dash-config" in response.data


def test_app003_router_renders_each_page_and_a_not_found(app: Dash, settings: Settings) -> None:
    add_user(settings, "admin-halaman", "admin")
    signed_in = sign_in_client(app, "admin-halaman")
    anonymous = app.server.test_client()
    anonymous.get("/")
    anonymous.environ_base["HTTP_X_CSRFTOKEN"] = anonymous.get_cookie("_csrf_token").value
    for path in [*shell.PAGES, "/tidak-ada"]:
        body = router_request(path)
        response = signed_in.post("/_dash-update-component", json=body)
        assert response.status_code == 200
        text = response.get_data(as_text=True)
        if path == "/tidak-ada":
            assert "Halaman tidak ditemukan" in text
        else:
            assert "Halaman tidak ditemukan" not in text and "Silakan masuk" not in text
        # The router answers everyone, but an anonymous visitor gets the sign-in prompt, never a page.
        public = anonymous.post("/_dash-update-component", json=body).get_data(as_text=True)
        if path != "/tidak-ada":
            assert "Silakan masuk" in public and ID.MAP not in public and ID.UPLOAD not in public


def test_app004_geojson_is_served_once_per_version_with_long_cache(app: Dash, settings: Settings) -> None:
    with Store.open(settings=settings) as store:
        services = Services.from_store(settings, store)
        version = services.source.boundary_version(DEMO_DISTRICT_CODE)
    client = app.server.test_client()
    response = client.get(f"/lokus-geo/{version}/{DEMO_DISTRICT_CODE}.geojson")
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    collection = json.loads(response.data)
    assert len(collection["features"]) == len(DemoSource(settings.geodata_dir).villages(DEMO_DISTRICT_CODE))
    assert client.get(f"/lokus-geo/old-version/{DEMO_DISTRICT_CODE}.geojson").status_code == 404
    again = client.get(
        f"/lokus-geo/{version}/{DEMO_DISTRICT_CODE}.geojson",
        headers={"If-None-Match": response.headers["ETag"]},
    )
    assert again.status_code == 304


def test_app005_recolouring_sends_values_and_never_geometry(app: Dash) -> None:
    services = Services(Settings(), DemoSource(Settings().geodata_dir))
    choice = map_page.MapChoice(DEMO_DISTRICT_CODE, "vitamin_a", "2025-08")
    with app.server.test_request_context("/"):
        outputs = recoloured(services, choice, [f"{ID.INDICATOR}.value"], "id")
    sent = {name: value for name, value in zip(MAP_PROPS, outputs, strict=False) if value is not dash.no_update}
    assert set(sent) == {"classes", "palette", "marks", "hover_text", "export_title", "export_legend", "export_source",
                         "export_filename"}  # fmt: skip
    text = json.dumps(sent)
    assert "geojson" not in text and "coordinates" not in text
    assert len(decode_classes(sent["classes"])) == len(services.source.villages(DEMO_DISTRICT_CODE))


def test_app006_kpis_follow_the_kecamatan_filter(app: Dash) -> None:
    services = Services(Settings(), DemoSource(Settings().geodata_dir))
    villages = services.source.villages(DEMO_DISTRICT_CODE)
    kecamatan = str(villages["kecamatan_code"].iloc[0])
    observations = services.source.observations(DEMO_DISTRICT_CODE)
    period = str(observations["period"].max())
    with app.server.test_request_context("/"):
        view = map_page.map_view(services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", period, kecamatan), "en")
    codes = set(villages.loc[villages["kecamatan_code"] == kecamatan, "code"])
    rows = observations[
        (observations["indicator"] == "stunting")
        & (observations["period"] == period)
        & observations["code"].isin(codes)
    ]
    expected = 100 * rows["numerator"].sum() / rows["denominator"].sum()
    assert set(view.values.locations) == codes
    assert view.kpis[0][0].children == f"{expected:.1f}%"
