"""The planning page's computation and its exports on the demo district: the files list what the table lists."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image

from dashboard.config import Settings
from dashboard.data.annex import SELECTED_FILL, AnnexTitle, annex_csv, annex_png, annex_table, annex_xlsx
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views import lokus_page

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        yield Services.from_store(settings, store)


def test_lok020_top_ten_changes_by_hand_and_reasons(services: Services) -> None:
    state = lokus_page.default_state(services)
    assert state["district"] == "99.01" and state["period"] == "2025-08"
    result = lokus_page.compute(services, state, "id")
    table = result.table
    assert len(table) == result.villages == 272
    assert table["rank"].tolist() == list(range(1, 273))
    assert table["skor"].dropna().is_monotonic_decreasing
    assert result.selected == table["code"].head(10).tolist()
    assert table.loc[0, "alasan"] == f"Peringkat 1, skor {str(table.loc[0, 'skor']).replace('.', ',')}"
    first, fifteenth = table.loc[0, "code"], table.loc[14, "code"]
    state["adjustments"] = [
        {"code": fifteenth, "action": "add", "reason": "banjir Maret 2025"},
        {"code": first, "action": "remove", "reason": "sudah lokus tiga tahun berturut-turut"},
    ]
    changed = lokus_page.compute(services, state, "id")
    assert changed.selected == [*table["code"].iloc[1:10], fifteenth]
    statuses = changed.table.set_index("code")
    assert statuses.loc[first, "status"] == "removed"
    assert statuses.loc[first, "alasan"] == "Dikeluarkan: sudah lokus tiga tahun berturut-turut"
    assert statuses.loc[fifteenth, "alasan"] == "Ditambahkan: banjir Maret 2025"


def test_lok021_weights_move_the_order(services: Services) -> None:
    state = lokus_page.default_state(services)
    before = lokus_page.compute(services, state, "id").table["code"].tolist()
    for criterion in state["criteria"]:
        criterion["enabled"] = criterion["key"] == "jumlah_stunting"
    by_count = lokus_page.compute(services, state, "id").table
    assert by_count["code"].tolist() != before
    assert by_count["jumlah_stunting"].dropna().is_monotonic_decreasing


def test_lok022_exports_list_exactly_the_selection(services: Services) -> None:
    state = lokus_page.default_state(services)
    state["adjustments"] = [{"code": "99.01.16.2001", "action": "add", "reason": "permintaan camat"}]
    result = lokus_page.compute(services, state, "id")
    rows = lokus_page.annex_rows(result)
    table = annex_table(rows)
    csv = pd.read_csv(io.BytesIO(annex_csv(table, "id")), sep=";", dtype=str, encoding="utf-8-sig")
    assert csv.columns.tolist()[:4] == ["No", "Kecamatan", "Desa/Kelurahan", "Kode wilayah"]
    assert csv["Kode wilayah"].tolist() == result.selected
    assert csv["No"].tolist() == [str(i) for i in range(1, len(result.selected) + 1)]
    shown = result.table.set_index("code")
    first = result.selected[0]
    assert csv.loc[0, "Prevalensi stunting (%)"] == f"{shown.loc[first, 'prevalensi']:.1f}".replace(".", ",")
    assert csv["Alasan"].iloc[-1] == "Ditambahkan: permintaan camat"

    title = AnnexTitle("Kabupaten Contoh", 2025, "Usulan", "2025-08")
    sheet = load_workbook(io.BytesIO(annex_xlsx(table, title, "id"))).active
    assert sheet is not None
    assert sheet["A1"].value == "Lampiran: Daftar desa/kelurahan lokus stunting tahun 2025, Kabupaten Contoh"
    codes = [sheet.cell(row=r, column=4).value for r in range(5, 5 + len(result.selected))]
    assert codes == result.selected
    assert sheet.cell(row=5, column=5).value == shown.loc[first, "prevalensi"]

    villages = services.source.villages("99.01")
    image = Image.open(io.BytesIO(annex_png(villages, result.selected, title, "id")))
    assert image.format == "PNG" and image.width == 1600
    # The inside of a chosen village is drawn in the selection colour, another village's is not.
    minx, miny, maxx, maxy = villages.total_bounds
    import math

    aspect = math.cos(math.radians((miny + maxy) / 2))
    scale = (1600 - 80) / ((maxx - minx) * aspect)

    def pixel(code: str) -> tuple[int, int, int]:
        point = villages.loc[villages["code"] == code, "geometry"].iloc[0].representative_point()
        x, y = 40 + (point.x - minx) * aspect * scale, 110 + (maxy - point.y) * scale
        return image.convert("RGB").getpixel((round(x), round(y)))  # type: ignore[return-value]

    assert pixel(first) == SELECTED_FILL
    outside = next(c for c in result.table["code"] if c not in result.selected)
    assert pixel(outside) != SELECTED_FILL


def test_lok023_traffic_light_lists_every_red_village(services: Services) -> None:
    state = lokus_page.default_state(services) | {"method": "traffic_light", "top_n": None}
    result = lokus_page.compute(services, state, "en")
    red = result.table[result.table["light"] == "merah"]
    assert result.selected == red["code"].tolist() and len(red) > 0
    assert all(reason.startswith("red quadrant: prevalence") for reason in red["alasan"])
    assert (red["prevalensi"] >= 14.0).all()


def test_lok024_comparing_two_lists(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lokus_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
    villages = services.source.villages("99.01").set_index("code")
    a, b, c = "99.01.01.1001", "99.01.01.1002", "99.01.02.2001"
    view = lokus_page.comparison_view(services, "99.01", [a, b], [b, c], "id")
    graph, _legend, added, removed, kept = view.children
    assert added.children[1].children == ": " + villages.at[c, "name"]
    assert removed.children[1].children == ": " + villages.at[a, "name"]
    assert kept.children[1].children == ": " + villages.at[b, "name"]
    trace = graph.figure.data[1]
    assert list(trace.locations) == [c, a, b] and list(trace.text) == ["added", "removed", "kept"]
