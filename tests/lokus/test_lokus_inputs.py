"""The planning page's typed numbers, read on the server; its controls by method; its grid and legends in the
reader's language; the demo named fictional in every export (issue 16)."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

import pandas as pd
import pypdfium2 as pdfium
import pytest
from dash.exceptions import PreventUpdate
from openpyxl import load_workbook

from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.services import Services
from dashboard.views import lokus_page
from dashboard.views.lokus_page import export
from dashboard.views.lokus_page.controls import field_feedback, method_controls, weight_feedback
from dashboard.views.lokus_page.figures import ADDED_COLOUR, NO_DATA_COLOUR, selection_legend
from dashboard.views.lokus_page.inputs import LIMITS, InvalidNumber, criteria_from, parse_number
from dashboard.views.lokus_page.model import grid_rows, rank
from dashboard.views.lokus_page.ranking import RankingControls, map_update, ranked_view
from tests.lokus.conftest import GEODATA, NotDemo

WEIGHT = LIMITS["weight"]


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1,5", 1.5), ("1.5", 1.5), (" 2 ", 2.0), ("0", 0.0), ("10", 10.0), ("10,0", 10.0), ("0,25", 0.25),
     ("\u22120", 0.0), (3, 3.0), (0.5, 0.5)],
)  # fmt: skip
def test_inp001_weights_read_with_a_decimal_comma_or_point(typed: object, value: float) -> None:
    parsed = parse_number(typed, WEIGHT, "id")
    assert parsed.ok and parsed.value == value


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("-5", "Isi angka dari 0 sampai 10."),
        ("11", "Isi angka dari 0 sampai 10."),
        ("1.000,5", "Isi angka dari 0 sampai 10."),  # read as 1000,5: out of range, never 10005 or 1
        ("", "Isi angka dari 0 sampai 10."),
        (None, "Isi angka dari 0 sampai 10."),
        ("abc", "Bukan angka: isi angka dari 0 sampai 10 (koma atau titik desimal, mis. 1,5)."),
        ("1,5,2", "Bukan angka: isi angka dari 0 sampai 10 (koma atau titik desimal, mis. 1,5)."),
        ("1e1", "Bukan angka: isi angka dari 0 sampai 10 (koma atau titik desimal, mis. 1,5)."),
        ("nan", "Bukan angka: isi angka dari 0 sampai 10 (koma atau titik desimal, mis. 1,5)."),
        (True, "Bukan angka: isi angka dari 0 sampai 10 (koma atau titik desimal, mis. 1,5)."),
    ],
)
def test_inp002_bad_weights_are_refused_with_the_reason(typed: object, reason: str) -> None:
    parsed = parse_number(typed, WEIGHT, "id")
    assert parsed.value is None and parsed.error == reason


def test_inp003_thousands_beside_a_decimal_mark_and_whole_numbers() -> None:
    assert parse_number("1.000,5", LIMITS["light_stunted"], "id").value == 1000.5
    assert parse_number("1,000.5", LIMITS["light_stunted"], "en").value == 1000.5
    assert parse_number("2,5", LIMITS["top_n"], "en").error == "Enter a whole number from 1 to 10,000."
    assert parse_number("0", LIMITS["top_n"], "id").error == "Isi angka dari 1 sampai 10.000."
    assert parse_number("", LIMITS["light_stunted"], "id").ok  # empty: the district's median


def test_inp004_a_refused_weight_is_marked_and_the_ranking_not_recomputed(services: Services) -> None:
    assert weight_feedback("1,5", "id") == (False, "")
    assert weight_feedback("-5", "en") == (True, "Enter a number from 0 to 10.")
    ids = [{"key": "prevalensi"}, {"key": "jumlah_stunting"}]
    assert criteria_from([True, True], ["1,5", "0.5"], ["higher"] * 2, ["minmax"] * 2, ids)[0]["weight"] == 1.5
    with pytest.raises(InvalidNumber):
        criteria_from([True, True], ["-5", "1"], ["higher"] * 2, ["minmax"] * 2, ids)

    state = lokus_page.default_state(services)
    criteria = state["criteria"]
    keys = [{"key": c["key"]} for c in criteria]

    def controls(weights: Sequence[object], top_n: object = "10") -> RankingControls:
        return RankingControls.from_inputs(
            state["district"], state["period"], state["method"], "top_n", top_n, None, "14", None, False,
            [c["enabled"] for c in criteria], weights, [c["direction"] for c in criteria],
            [c["normalisation"] for c in criteria], [], keys,
        )  # fmt: skip

    typed = [str(c["weight"]).replace(".", ",") for c in criteria]  # as the Indonesian page shows them
    rows, *_ = ranked_view(services, controls(typed), None, "id")
    assert [r["code"] for r in rows] == [r["code"] for r in grid_rows(lokus_page.compute(services, state, "id"), "id")]
    # −5 would flip the order (a negative weight ranks the lowest first): the grid and the map keep what they show.
    for bad in ("-5", "11", "abc", ""):
        with pytest.raises(PreventUpdate):
            ranked_view(services, controls([bad, *typed[1:]]), None, "id")
        with pytest.raises(PreventUpdate):
            map_update(services, controls([bad, *typed[1:]]), None, "id")
    with pytest.raises(PreventUpdate):
        ranked_view(services, controls(typed, top_n="-3"), None, "id")


def test_inp005_thresholds_in_range_and_the_alert_above_the_grid() -> None:
    *fields, alert = field_feedback(["10", "60", "14", ""], ["1", "0,5"], "id")
    assert fields == [False, "", False, "", False, "", False, ""] and alert is None
    *fields, alert = field_feedback(["0", "", "120", "-1"], ["1"], "id")
    assert fields[0] and fields[1] == "Isi angka dari 1 sampai 10.000."
    assert fields[4] and fields[5] == "Isi angka dari 0 sampai 100."
    assert fields[6] and alert is not None
    assert "belum dihitung ulang" in alert.children
    *_, alert = field_feedback(["10", "", "14", ""], ["1", "1,5,2"], "en")
    assert alert is not None and alert.children.startswith("The ranking was not recomputed")


def test_inp006_controls_shown_only_for_the_method_that_uses_them() -> None:
    criteria_hidden, thresholds_hidden, choices = method_controls("weighted", "id")
    assert not criteria_hidden and thresholds_hidden and not any(c.get("disabled") for c in choices)
    criteria_hidden, thresholds_hidden, choices = method_controls("traffic_light", "id")
    assert criteria_hidden and not thresholds_hidden
    assert [c.get("disabled", False) for c in choices] == [False, True]  # no minimum score in the matrix


def test_inp007_grid_figures_in_the_reader_s_language(services: Services) -> None:
    state = lokus_page.default_state(services)
    result = lokus_page.compute(services, state, "id")
    rows = {r["code"]: r for r in grid_rows(result, "id")}
    english = {r["code"]: r for r in grid_rows(result, "en")}
    row = next(r for r in rows.values() if r["prevalensi"] is not None and r["prevalensi"] % 1)
    assert row["prevalensi_text"] == f"{row['prevalensi']:.1f}".replace(".", ",")
    assert english[row["code"]]["prevalensi_text"] == f"{row['prevalensi']:.1f}"
    assert isinstance(row["prevalensi"], float)  # the grid sorts and filters on the number
    assert row["skor_text"] == f"{row['skor']:.1f}".replace(".", ",")


def test_inp008_the_legend_names_purple_dark_red_and_no_data(services: Services) -> None:
    state = lokus_page.default_state(services)
    ranking = rank(services, state)
    codes = [str(c) for c in ranking.ranked.index]
    from dashboard.views.lokus_page.figures import selection_classes

    text = str(selection_legend(ranking, selection_classes(ranking, codes), "id"))
    assert ADDED_COLOUR in text and "ditambahkan manual oleh perencana" in text  # before any is added
    assert "merah tua: masuk daftar menurut peringkat" in text
    assert NO_DATA_COLOUR in text and "tanpa skor (tanpa data)" in text


def _download(services: Services, kind: str) -> tuple[str, bytes]:
    current = {"state": lokus_page.default_state(services), "scenario": "Usulan"}
    download = export.export_file(services, current, kind, "id")
    return str(download["filename"]), base64.b64decode(download["content"])


def _cells(content: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [str(cell.value) for row in sheet.iter_rows() for cell in row]


def _pdf_text(content: bytes) -> str:
    document = pdfium.PdfDocument(content)
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def test_inp009_every_export_of_the_demo_says_fiktif_and_no_real_district_s_does(services: Services) -> None:
    real = Services(Settings(), NotDemo(GEODATA))
    code = DEMO_DISTRICT_CODE.replace(".", "")
    for kind in ("csv", "xlsx", "pdf", "png"):
        name, content = _download(services, kind)
        real_name, real_content = _download(real, kind)
        assert code in name and "fiktif" in name and code in real_name and "fiktif" not in real_name
        if kind == "csv":
            assert "fiktif" in content.decode("utf-8-sig") and "fiktif" not in real_content.decode("utf-8-sig")
            assert pd.read_csv(io.BytesIO(content), sep=";", encoding="utf-8-sig").shape[0] == 10
        elif kind == "xlsx":
            cells, real_cells = _cells(content), _cells(real_content)
            assert any("fiktif" in c for c in cells) and not any("fiktif" in c for c in real_cells)
        elif kind == "pdf":
            assert "fiktif" in _pdf_text(content) and "fiktif" not in _pdf_text(real_content)
