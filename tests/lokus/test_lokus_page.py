"""The planning page's computation and its exports on the demo district: the files list what the table lists."""

from __future__ import annotations

import base64
import io
from collections import Counter

import numpy as np
import pandas as pd
import pytest
import shapely
from openpyxl import load_workbook
from PIL import Image, ImageColor

from dashboard.components import decode_classes
from dashboard.config import Settings
from dashboard.core.scoring import Light
from dashboard.data.annex import (
    SELECTED_FILL,
    AnnexTitle,
    annex_csv,
    annex_png,
    annex_table,
    annex_xlsx,
    lokus_map_spec,
)
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.figures.static_map import render
from dashboard.services import Services
from dashboard.views import lokus_page
from dashboard.views.lokus_page import export
from dashboard.views.lokus_page.figures import (
    COMPARE_ORDER,
    LIGHT_COLOURS,
    LIGHT_ORDER,
    NO_DATA_COLOUR,
    SELECTED_COLOUR,
    selection_map,
)
from dashboard.views.lokus_page.layout import demo_badge
from dashboard.views.lokus_page.ranking import summary_view
from tests.lokus.conftest import GEODATA, NotDemo


def test_lok020_top_ten_changes_by_hand_and_reasons(services: Services) -> None:
    state = lokus_page.default_state(services)
    assert state["district"] == "99.01" and state["period"] == "2025-08"
    result = lokus_page.compute(services, state, "id")
    table = result.table
    assert len(table) == result.villages == 272
    # The 267 villages with a score are ranked 1..267; the 5 without data follow, listed, with no rank.
    scored = table["skor"].notna()
    assert scored.sum() == 267 and table.loc[scored, "rank"].tolist() == list(range(1, 268))
    assert table.loc[~scored, "rank"].isna().all() and not scored.iloc[267:].any()
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
    # Ranked on the count alone: descending over the villages with a score. The demo's three villages whose
    # stunting value is flagged this period show their count but are left out, unscored, after the others.
    scored = by_count["skor"].notna()
    assert by_count.loc[scored, "jumlah_stunting"].is_monotonic_decreasing
    flagged = by_count[by_count["flagged"]]
    assert len(flagged) == 3 and flagged["skor"].isna().all() and flagged["jumlah_stunting"].notna().all()
    assert flagged["rank"].isna().all() and flagged.index.min() > by_count.index[scored].max()  # listed after, unranked


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
    assert sheet["A5"].value == "Lampiran: Daftar desa/kelurahan lokus stunting tahun 2025, Kabupaten Contoh"
    codes = [sheet.cell(row=r, column=4).value for r in range(9, 9 + len(result.selected))]
    assert codes == result.selected
    assert sheet.cell(row=9, column=5).value == shown.loc[first, "prevalensi"]

    villages = services.source.villages("99.01")
    image = Image.open(io.BytesIO(annex_png(villages, result.selected, title, "id")))
    assert image.format == "PNG" and abs(image.width - 1600) <= 1
    # Inside a chosen village the map is drawn in the selection colour, inside another village it is not.
    rendered = render(lokus_map_spec(villages, result.selected, (), None, "id", title="Usulan"))
    picture = Image.open(io.BytesIO(rendered.png(dpi=150))).convert("RGB")
    axes = rendered.figure.axes[0]

    def colours(code: str) -> Counter[tuple[int, int, int]]:
        """Pixel colours at points well inside the village, away from its number."""
        polygon = villages.loc[villages["code"] == code, "geometry"].iloc[0]
        number = shapely.point_on_surface(polygon)
        inner = polygon.buffer(-0.0012)
        west, south, east, north = polygon.bounds
        found: Counter[tuple[int, int, int]] = Counter()
        for x in np.linspace(west, east, 25):
            for y in np.linspace(south, north, 25):
                point = shapely.Point(x, y)
                if inner.contains(point) and point.distance(number) > 0.004:
                    px, py = axes.transData.transform((x, y)) * 1.5
                    found[picture.getpixel((int(px), picture.height - int(py)))] += 1  # type: ignore[index]
        return found

    assert colours(first).most_common(1)[0][0] == ImageColor.getrgb(SELECTED_FILL)
    outside = next(c for c in result.table["code"] if c not in result.selected)
    assert ImageColor.getrgb(SELECTED_FILL) not in colours(outside)


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
    drawn, _legend, added, removed, kept = view.children
    assert added.children[1].children == ": " + villages.at[c, "name"]
    assert removed.children[1].children == ": " + villages.at[a, "name"]
    assert kept.children[1].children == ": " + villages.at[b, "name"]
    # The map: one class per village of the district, only after / only before / both / neither.
    classes = dict(zip(drawn.codes, decode_classes(drawn.classes), strict=True))
    assert [COMPARE_ORDER[classes[code]] for code in (c, a, b)] == ["added", "removed", "kept"]
    assert {COMPARE_ORDER[cls] for code, cls in classes.items() if code not in (a, b, c)} == {"neither"}
    assert len(drawn.palette) == len(COMPARE_ORDER) and len(drawn.codes) == len(villages)
    assert drawn.geojson_url == "/lokus-geo/test.geojson" and "Keluar (1)" in drawn.hover_text[a]


class LateMonth(DemoSource):
    """The demo with a later month in which only 3 of the 272 villages reported."""

    def observations(self, district_code: str) -> pd.DataFrame:
        observations = super().observations(district_code)
        late = observations[(observations["period"] == "2025-08") & (observations["indicator"] == "stunting")].head(3)
        return pd.concat([observations, late.assign(period="2026-02")], ignore_index=True)


def test_lok025_an_incomplete_later_month_is_offered_marked_but_not_opened() -> None:
    services = Services(Settings(), LateMonth(GEODATA))
    state = lokus_page.default_state(services)
    assert state["period"] == "2025-08"  # 267 of 272 villages (98%), not the 3 of 272 of February 2026
    options = lokus_page.model.period_options(services, DEMO_DISTRICT_CODE, "id")
    assert options[0] == {"label": "Februari 2026 — belum lengkap: 3 dari 272 desa", "value": "2026-02"}
    assert options[1] == {"label": "Agustus 2025", "value": "2025-08"}
    complete = lokus_page.compute(services, state, "id")
    assert summary_view(services, complete, state, "id").children[0].children == "Data: 267 dari 272 desa melapor (98%)"
    # Chosen anyway, the month is ranked; its top 10 holds the 3 villages with data, none of the 269 others.
    late = state | {"period": "2026-02", "criteria": [c.as_dict() for c in
                    lokus_page.model.criteria_for(services, DEMO_DISTRICT_CODE, "2026-02", [])]}  # fmt: skip
    result = lokus_page.compute(services, late, "id")
    assert len(result.selected) == 3 and result.table.set_index("code").loc[result.selected, "skor"].notna().all()
    line = summary_view(services, result, late, "id").children[0]
    assert line.children.startswith("Data: 3 dari 272 desa melapor (1%) — belum lengkap")
    assert "lokus-incomplete" in line.className


def test_lok026_traffic_light_map_shows_four_classes_flagged_and_grey(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lokus_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
    state = lokus_page.default_state(services) | {"method": "traffic_light", "top_n": None}
    result = lokus_page.compute(services, state, "id")
    ranking = lokus_page.model.rank(services, state)
    props = selection_map(services, "99.01", state["period"], ranking, "id").props()
    legend = selection_map(services, "99.01", state["period"], ranking, "id").legend
    # Every class in its own colour: the class byte is the light's place in LIGHT_ORDER, no data apart (255).
    assert props["palette"] == [LIGHT_COLOURS[light] for light in LIGHT_ORDER]
    classes = decode_classes(props["classes"])
    shown = {code: LIGHT_ORDER[c] if c is not None else Light.GREY for code, c in zip(props["codes"], classes,
                                                                                      strict=True)}  # fmt: skip
    assert shown == dict(zip(result.table["code"], result.table["light"], strict=True))
    assert set(Light) == set(shown.values())
    # The chosen villages are outlined over their class, not painted over it; the flagged ones outlined as flagged.
    marks = props["marks"]
    assert sorted(c for c, m in marks.items() if "selected" in m) == sorted(result.selected)
    flagged = result.table.loc[result.table["flagged"], "code"].tolist()
    assert sorted(c for c, m in marks.items() if "flagged" in m) == sorted(flagged)
    entries = legend[1:7]
    names = ["merah", "oranye", "kuning", "hijau", "ditandai (tidak dihitung)", "tanpa data"]
    assert [entry.children[1] for entry in entries] == names
    assert [entry.children[0].style["background"] for entry in entries] == list(LIGHT_COLOURS.values())
    assert entries[-1].children[0].style["background"] == NO_DATA_COLOUR
    # Only the 5 villages without data are "tanpa data"; the 3 whose stunting value is flagged have their own entry.
    counts = [entry.children[2].children for entry in entries]
    assert counts == ["(125)", "(75)", "(7)", "(57)", "(3)", "(5)"]
    assert "legend-flagged" in entries[4].children[0].className
    # Then every outline in use, with how many villages carry it.
    outlines = [entry.children[1] for entry in legend[7:]]
    flagged_outline = "garis oranye putus-putus: nilai ditandai, tidak dihitung"
    assert outlines == ["garis biru tebal: dalam daftar lokus", flagged_outline]
    assert legend[7].children[2].children == f"({len(result.selected)})"


def test_lok027_flagged_values_left_out_with_the_reason_and_taken_back(services: Services) -> None:
    state = lokus_page.default_state(services)
    assert state["include_flagged"] is False
    table = lokus_page.compute(services, state, "id").table.set_index("code")
    flagged = table[table["flagged"]]
    assert len(flagged) == 3  # the demo's three stunting values of August 2025 that sampling cannot explain
    reason = "Prevalensi stunting ditandai: perubahan terlalu besar untuk dijelaskan variasi acak (99,9%)"
    assert all(note.startswith(reason) for note in flagged["missing"])
    assert flagged["prevalensi"].notna().all()  # shown as reported, not ranked on
    back = lokus_page.compute(services, state | {"include_flagged": True}, "id").table.set_index("code")
    again = back.loc[flagged.index]
    assert again["skor"].notna().all()
    assert all(note.startswith("Prevalensi stunting ditandai, tetap dihitung:") for note in again["missing"])
    # Scored without their stunting figures by default, with them once taken back: their scores move.
    assert (again["skor"] != flagged["skor"]).all()
    # The grid marks them beside the name, where the eye is; no other row carries the mark.
    records = lokus_page.model.grid_rows(lokus_page.compute(services, state, "id"), "id")
    assert sorted(r["code"] for r in records if r["flag_mark"] == "⚠") == sorted(flagged.index)


def test_lok029_villages_without_a_score_or_a_class_get_no_rank_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    # February 2026: 3 of 272 villages reported. The 269 others are listed after them, never numbered 4..272.
    services = Services(Settings(), LateMonth(GEODATA))
    monkeypatch.setattr(lokus_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
    state = lokus_page.default_state(services)
    late = state | {"period": "2026-02", "criteria": [c.as_dict() for c in
                    lokus_page.model.criteria_for(services, DEMO_DISTRICT_CODE, "2026-02", [])]}  # fmt: skip
    for method in ("weighted", "traffic_light"):
        result = lokus_page.compute(services, late | {"method": method}, "id")
        table = result.table
        assert table["rank"].iloc[:3].tolist() == [1, 2, 3] and table["rank"].iloc[3:].isna().all(), method
        assert len(table) == 272 and set(result.selected) <= set(table["code"].iloc[:3])
        # The grid gets no number (JSON null); the map's hover names no rank at all (it travels once per period).
        records = lokus_page.model.grid_rows(result, "id")
        assert [r["rank"] for r in records[:4]] == [1, 2, 3, None]
        ranking = lokus_page.model.rank(services, late | {"method": method})
        hover = selection_map(services, DEMO_DISTRICT_CODE, "2026-02", ranking, "id").props()["hover_text"]
        assert not [text for text in hover.values() if "#" in text]
        assert "Belum ada data stunting periode ini" in hover[str(table["code"].iloc[3])]
    # Added by hand, an unscored village is in the annex with no score and its reason, not a made-up rank.
    village = str(table["code"].iloc[100])
    state = late | {"adjustments": [{"code": village, "action": "add", "reason": "permintaan camat"}]}
    current = {"state": state, "scenario": None}
    download = export.export_file(services, current, "csv", "id")
    csv = pd.read_csv(io.BytesIO(base64.b64decode(download["content"])), sep=";", dtype=str, encoding="utf-8-sig")
    row = csv[csv["Kode wilayah"] == village].iloc[0]
    assert row["Skor"] == "—" and row["Alasan"] == "Ditambahkan: permintaan camat"
    assert csv["Alasan"].iloc[:3].str.match(r"Peringkat [123], skor").all()  # the ranked ones keep their rank
    assert (csv["Keterangan"] == "data contoh (fiktif)").all()  # the demo's rows say so (lok031)


def test_lok030_the_matrix_legend_says_what_each_colour_means(services: Services) -> None:
    state = lokus_page.default_state(services) | {"method": "traffic_light", "top_n": None, "light_stunted": 20.0}
    for lang, expected in (
        ("id", ["prevalensi ≥ 14,0% dan ≥ 20 balita stunting", "prevalensi ≥ 14,0%, < 20 balita stunting",
                "prevalensi < 14,0%, ≥ 20 balita stunting", "prevalensi < 14,0% dan < 20 balita stunting"]),
        ("en", ["prevalence ≥ 14.0% and ≥ 20 stunted children", "prevalence ≥ 14.0%, < 20 stunted children",
                "prevalence < 14.0%, ≥ 20 stunted children", "prevalence < 14.0% and < 20 stunted children"]),
    ):  # fmt: skip
        ranking = lokus_page.model.rank(services, state)
        entries = selection_map(services, DEMO_DISTRICT_CODE, state["period"], ranking, lang).legend[1:]
        assert [entry.children[3].children for entry in entries[:4]] == expected
        assert entries[4].children[1] == ("ditandai (tidak dihitung)" if lang == "id" else "flagged (not counted)")
    # Flagged values taken back in: nothing is left out, so there is no "ditandai" entry.
    back = lokus_page.model.rank(services, state | {"include_flagged": True})
    entries = selection_map(services, DEMO_DISTRICT_CODE, state["period"], back, "id").legend[1:]
    fills = [entry.children[1] for entry in entries if "garis" not in entry.children[1]]
    assert fills[-2:] == ["hijau", "tanpa data"] and entries[len(fills) - 1].children[2].children == "(5)"


def _download(services: Services, kind: str) -> tuple[str, bytes]:
    current = {"state": lokus_page.default_state(services), "scenario": "Usulan"}
    download = export.export_file(services, current, kind, "id")
    return str(download["filename"]), base64.b64decode(download["content"])


def test_lok031_the_demo_says_it_is_fictional_on_the_page_and_in_every_export(services: Services) -> None:
    badge = demo_badge(services, DEMO_DISTRICT_CODE, "id")
    assert badge.children == "data contoh (fiktif)" and badge.title.startswith("Kabupaten Contoh adalah wilayah fiktif")
    assert demo_badge(services, None, "id") is None
    real = Services(Settings(), NotDemo(GEODATA))
    assert demo_badge(real, DEMO_DISTRICT_CODE, "id") is None

    name, content = _download(services, "csv")
    assert name.endswith("_data_contoh_fiktif.csv")
    table = pd.read_csv(io.BytesIO(content), sep=";", dtype=str, encoding="utf-8-sig")
    assert table.columns[-1] == "Keterangan" and (table["Keterangan"] == "data contoh (fiktif)").all()
    assert len(table) == 10 and table["Kode wilayah"].notna().all()  # still one row per village, nothing else
    name, content = _download(services, "xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None and name.endswith("_data_contoh_fiktif.xlsx")
    assert str(sheet["A5"].value).endswith("Kabupaten Contoh — data contoh (fiktif)")
    name, _png = _download(services, "png")  # its title is the same heading, drawn as pixels
    assert name.endswith("_data_contoh_fiktif.png")
    title = export._annex_title(services, {"state": lokus_page.default_state(services)}, "id")
    assert title.district == "Kabupaten Contoh — data contoh (fiktif)"

    # A real district's files say nothing of the kind.
    name, content = _download(real, "csv")
    assert "fiktif" not in name and "fiktif" not in content.decode("utf-8-sig")
    name, content = _download(real, "xlsx")
    assert load_workbook(io.BytesIO(content)).active["A5"].value.endswith("Kabupaten Nyata")  # type: ignore[index]


def test_lok032_selection_map_classes_are_the_ranking_s(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lokus_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")
    state = lokus_page.default_state(services)
    table = lokus_page.compute(services, state, "id").table.set_index("code")
    outside = table[(table["status"] == "") & table["skor"].notna()].index[0]  # a scored village not in the list
    state |= {"adjustments": [{"code": outside, "action": "add", "reason": "permintaan camat"}]}
    result = lokus_page.compute(services, state, "id")
    draw = selection_map(services, DEMO_DISTRICT_CODE, state["period"], lokus_page.model.rank(services, state), "id")
    props = draw.props()
    classes = dict(zip(props["codes"], decode_classes(props["classes"]), strict=True))
    rows = result.table.set_index("code")
    chosen = [code for code in result.selected if code != outside]
    # In the list: dark red and outlined; added by hand: purple and hatched; the rest by their band of 20 points.
    assert {classes[code] for code in chosen} == {5} and props["palette"][5] == SELECTED_COLOUR
    assert classes[outside] == 6 and rows.at[outside, "status"] == "added"
    assert props["marks"][outside] == ["selected", "added"]  # in the list, and hatched as added by hand
    assert all(props["marks"][code] == "selected" for code in chosen)
    others = rows[(rows["status"] == "") & rows["skor"].notna()]
    assert all(classes[code] == min(int(score // 20), 4) for code, score in others["skor"].items())
    assert all(classes[code] is None for code in rows.index[rows["skor"].isna() & (rows["status"] == "")])
    # The legend counts what the map draws; the hover texts hold names and figures, never the rank.
    assert f"terpilih sebagai lokus ({len(chosen)})" in [label for _, label in props["export_legend"]]
    assert props["hover_text"][outside].startswith(str(rows.at[outside, "desa"]))
