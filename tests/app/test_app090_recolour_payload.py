"""Issue 15, point 2: a new classification sends one byte per village and the legend, the same classes as the map's
values (and as the printed map), in a small answer."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.components import decode_classes
from dashboard.config import Settings
from dashboard.core.aggregate import Measure
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.figures.map import map_values
from dashboard.geo import bounds_of
from dashboard.ids import ID
from dashboard.services import Services
from tests.auth_helpers import add_user, callback_request, sign_in_client

CHOICE: dict[str, Any] = {ID.DISTRICT: DEMO_DISTRICT_CODE, ID.INDICATOR: "stunting", ID.PERIOD: "2025-08",
                          ID.KECAMATAN: "", ID.SCHEME: "quantiles", ID.CLASSES: 5, ID.COMPARE: "2025-02",
                          ID.LANGUAGE: "id"}  # fmt: skip


@pytest.fixture(scope="module")
def signed_in(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dash, Any, Settings]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    app = create_app(settings)
    add_user(settings, "kepala", "pimpinan", (DEMO_DISTRICT_CODE,))
    return app, sign_in_client(app, "kepala"), settings


def _post(app: Dash, client: Any, update: dict[str, Any], changed: list[str]) -> Any:
    """The recolour callback's request as the renderer posts it, with ``changed`` as the inputs that changed."""
    body = callback_request(app, f"{ID.MAP}.classes", {**CHOICE, **update}, changed)
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200
    return answer


def _expected(settings: Settings, kecamatan: str, k: int) -> tuple[list[str], list[int | None]]:
    """The district's codes (the map's order) and, for each, map_values' class of the villages shown."""
    with Store.open(settings=settings) as store:
        services = Services.from_store(settings, store)
        villages = services.source.villages(DEMO_DISTRICT_CODE)
        observations = services.source.observations(DEMO_DISTRICT_CODE)
    shown = villages if not kecamatan else villages[villages["kecamatan_code"] == kecamatan]
    values = map_values(shown, observations, Measure.parse("stunting"), "2025-08", "quantiles", k, "id",
                        bounds_of(shown))  # fmt: skip
    classes = dict(zip(values.locations, values.classification.classes, strict=True))
    codes = [str(code) for code in villages["code"]]
    # Outside the kecamatan: the class after the last (the palette's pale "outside" colour); no data: None.
    found = [classes.get(code, values.classification.k) for code in codes]
    return codes, [None if cls < 0 else cls for cls in found]


def test_app090_a_new_number_of_classes_sends_map_values_classes_and_the_legend_only(
    signed_in: tuple[Dash, Any, Settings],
) -> None:
    app, client, settings = signed_in
    _post(app, client, {}, [ID.INDICATOR])  # the page's draw of this choice (keeps its values for recolours)
    answer = _post(app, client, {ID.CLASSES: 4}, [ID.CLASSES])
    response = answer.get_json()["response"]
    # The map gets its class bytes, the palette and the exported legend; the page its legend and remembered
    # choice; nothing else travels (no hover texts, marks, geometry, headline or cards).
    assert sorted(response) == sorted([ID.MAP, ID.LEGEND, ID.MAP_STATE])
    assert sorted(response[ID.MAP]) == ["classes", "export_legend", "palette"]
    codes, expected = _expected(settings, "", 4)
    assert decode_classes(response[ID.MAP]["classes"]) == expected
    assert len(response[ID.MAP]["palette"]) == 4 + 1  # the classes' colours, then "outside the kecamatan"
    assert len(gzip.compress(answer.data)) <= 1024, len(gzip.compress(answer.data))
    assert len(codes) > 250


def test_app091_a_kecamatan_colours_its_villages_and_leaves_the_rest_outside(
    signed_in: tuple[Dash, Any, Settings],
) -> None:
    app, client, settings = signed_in
    codes, _ = _expected(settings, "", 5)
    kecamatan = ".".join(codes[-1].split(".")[:3])
    sent = _post(app, client, {ID.KECAMATAN: kecamatan}, [ID.KECAMATAN]).get_json()["response"][ID.MAP]
    _, expected = _expected(settings, kecamatan, 5)
    assert decode_classes(sent["classes"]) == expected
    assert set(sent["hover_text"]) == {c for c in codes if c.startswith(kecamatan + ".")}
    assert sent["view_revision"] == f"{DEMO_DISTRICT_CODE}/{kecamatan}"  # the map fits the kecamatan's bounds
    west, south, east, north = sent["bounds"]
    assert west < east and south < north
    # Then a new scheme classifies the kecamatan's villages alone, as the page's first draw did.
    again = _post(app, client, {ID.KECAMATAN: kecamatan, ID.CLASSES: 3}, [ID.CLASSES]).get_json()["response"]
    assert decode_classes(again[ID.MAP]["classes"]) == _expected(settings, kecamatan, 3)[1]


def test_app092_the_answer_is_the_same_without_the_kept_values(tmp_path: Path) -> None:
    """A recolour after the data changed (or in another process) computes the values afresh: same classes."""
    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)
    add_user(settings, "kepala", "pimpinan", (DEMO_DISTRICT_CODE,))
    client = sign_in_client(app, "kepala")
    sent = _post(app, client, {ID.CLASSES: 6}, [ID.CLASSES]).get_json()["response"][ID.MAP]
    assert decode_classes(sent["classes"]) == _expected(settings, "", 6)[1]
