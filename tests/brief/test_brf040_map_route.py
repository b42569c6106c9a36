"""The main page's map drawn on the server for printing (``/unduh/peta/<kode>.png``): who gets it, what it draws."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.core.aggregate import Measure
from dashboard.data.store import Store
from dashboard.figures.map import legend_entries
from dashboard.figures.static_map import rgb_hex
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.brief_route import map_image_path
from dashboard.views.map_page.choice import MapChoice
from dashboard.views.map_page.choropleth import map_view
from dashboard.views.map_page.print_view import print_block, print_map_spec, print_map_src
from tests.auth_helpers import add_user, sign_in_client
from tests.brief.conftest import add_readers_district
from tests.store.helpers import DISTRICT

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DEMO = "99.01"


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.uint32)


def test_brf040_the_route_checks_the_readers_area_and_the_choice(settings: Settings, tmp_path: Path) -> None:
    add_readers_district(settings, tmp_path)
    add_user(settings, "admin-uji", "admin")
    app = create_app(settings)
    path = f"/unduh/peta/{DISTRICT}.png"
    assert app.server.test_client().get(path).status_code == 401
    neighbour = sign_in_client(app, "tetangga")
    assert neighbour.get(path).status_code == 403
    assert neighbour.get(f"/unduh/peta/{DEMO}.png").status_code == 200  # the fictional demo: anyone signed in
    reader = sign_in_client(app, "pembaca")
    response = reader.get(path + "?periode=2025-08&indikator=stunting")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.get_data().startswith(PNG_SIGNATURE)
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["Content-Disposition"] == f'inline; filename="peta_{DISTRICT.replace(".", "")}_2025-08.png"'
    assert reader.get(path + "?periode=agustus").status_code == 400
    assert reader.get(path + "?periode=2019-08").status_code == 404
    for bad in ("indikator=tinggi", "indikator=stunting@mean", "skema=acak", "kelas=12", "kelas=x", "kecamatan=99"):
        answer = reader.get(f"{path}?{bad}")
        assert answer.status_code == 400, bad
        assert bad.split("=")[1] in answer.get_data(as_text=True)  # the message names the value refused
    admin = sign_in_client(app, "admin-uji")
    unknown = admin.get("/unduh/peta/52.99.png")
    assert unknown.status_code == 404 and "52.99" in unknown.get_data(as_text=True)


def test_brf041_the_demo_map_is_a_real_picture_marked_fictional(settings: Settings) -> None:
    app = create_app(settings)
    add_user(settings, "kepala", "pimpinan", (DEMO,))
    reader = sign_in_client(app, "kepala")
    response = reader.get(map_image_path(DEMO, "2025-08", "stunting", "", "quantiles", 5, "id"))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('_data_contoh_fiktif.png"')
    pixels = _pixels(response.get_data())
    height, width, _ = pixels.shape
    assert height == round(3.9 * 150) and 6.0 * 150 <= width <= 10.8 * 150  # print_view's size at 150 dpi
    colours = np.unique(pixels[..., 0] << 16 | pixels[..., 1] << 8 | pixels[..., 2])
    assert colours.size > 50  # classes, borders, names, legend: not a blank or one-colour picture
    not_white = (pixels.min(axis=2) < 245).mean()
    assert 0.15 < not_white < 0.9
    english = reader.get(map_image_path(DEMO, "2025-08", "stunting@count", "", "natural_breaks", 4, "en"))
    assert english.status_code == 200 and english.get_data().startswith(PNG_SIGNATURE)


@pytest.fixture
def demo_services(settings: Settings) -> Iterator[Services]:
    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)
        yield Services.from_store(settings, store)


def test_brf042_the_printed_map_is_the_pages_map(demo_services: Services) -> None:
    for lang, measure in (("id", "stunting"), ("en", "imunisasi_dasar_lengkap"), ("id", "stunting@count")):
        choice = MapChoice(DEMO, measure, "2025-08", "", "natural_breaks", 4)
        spec = print_map_spec(demo_services, choice, lang)
        view = map_view(demo_services, choice, lang)
        entries = legend_entries(view.values, Measure.parse(measure), lang)
        # The same classes, colours, ranges and counts as the legend on screen, no-data grey last.
        assert [(f.colour, f.label, f.count) for f in spec.fills] == [(rgb_hex(c), r, n) for c, r, n in entries]
        assert spec.fill_of == {
            code: (len(entries) - 1 if z == 0 else z - 1)
            for code, z in zip(view.values.locations, view.values.z, strict=True)
        }
        assert spec.title.startswith("Kabupaten Contoh · " + view.title)
        assert spec.title.endswith("data contoh (fiktif)" if lang == "id" else "sample data (fictional)")
        assert "Kabupaten Contoh" in spec.source and ("Agustus 2025" if lang == "id" else "August 2025") in spec.source
    kecamatan = str(demo_services.source.villages(DEMO)["kecamatan_code"].iloc[0])
    one = print_map_spec(demo_services, MapChoice(DEMO, "stunting", "2025-08", kecamatan), "id")
    assert set(one.villages["kecamatan_code"]) == {kecamatan} and "Kec. " in one.title


def test_brf043_the_print_block_follows_the_choice(settings: Settings) -> None:
    block = print_block(MapChoice(DEMO, "stunting", "2025-08"), "id").to_plotly_json()["props"]
    assert block["id"] == ID.PRINT_BLOCK and "print-only" in block["className"]
    query = "periode=2025-08&indikator=stunting&skema=quantiles&kelas=5&lang=id"
    assert block["children"].src == f"/unduh/peta/99.01.png?{query}"
    assert print_map_src(MapChoice(DEMO, "stunting", ""), "id") is None  # boundaries without figures: no picture
    app = create_app(settings)
    add_user(settings, "kepala", "pimpinan", (DEMO,))
    client = sign_in_client(app, "kepala")
    inputs = {ID.DISTRICT: DEMO, ID.INDICATOR: "stunting@count", ID.PERIOD: "2025-02", ID.KECAMATAN: "",
              ID.SCHEME: "equal_interval", ID.CLASSES: 6}  # fmt: skip
    body = {
        "output": f"{ID.PRINT_MAP}.src",
        "outputs": {"id": ID.PRINT_MAP, "property": "src"},
        "inputs": [{"id": key, "property": "value", "value": value} for key, value in inputs.items()],
        "state": [{"id": ID.LANGUAGE, "property": "value", "value": "en"}],
        "changedPropIds": [f"{ID.PERIOD}.value"],
    }
    answer = client.post("/_dash-update-component", json=body).get_json()["response"]
    src = answer[ID.PRINT_MAP]["src"]
    assert src == map_image_path(DEMO, "2025-02", "stunting@count", "", "equal_interval", 6, "en")
    picture = client.get(src)
    assert picture.status_code == 200 and picture.get_data().startswith(PNG_SIGNATURE)
