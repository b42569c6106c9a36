"""Issue 16 on /kesenjangan: the matrix diverges at the target, legends say what they draw, the trend reads the data's
months in the reader's language, controls show where they apply, every exported map names the district and the
fictional demo."""

from __future__ import annotations

import base64
import csv
import io
import re
from typing import Any

import plotly.graph_objects as go

from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.figures.map import NO_DATA_COLOUR
from dashboard.ids import ID
from dashboard.views import gaps_page
from dashboard.views.gaps_page.export import matrix_download
from dashboard.views.gaps_page.figures import BIVARIATE_COLOURS, export_filename
from dashboard.views.gaps_page.layout import shown_for
from dashboard.views.gaps_page.matrix import BELOW_COLOURS, MATRIX_COLOURS, REACHED_COLOUR, gap_label
from dashboard.views.gaps_page.profile import trend_figure
from dashboard.views.gaps_page.titles import map_heading
from tests.gaps.test_gaps_honest import _draw, _find, _rows, _services, _state, _text
from tests.gaps.test_gaps_newcomer import _services as _demo_services

DISTRICT = DEMO_DISTRICT_CODE


def _cell_colours(figure: go.Figure) -> list[list[str]]:
    """Each cell's colour as plotly draws it: ``z`` placed on the colorscale between ``zmin`` and ``zmax``."""
    heatmap = figure.data[0]
    stops = [(float(at), str(colour)) for at, colour in heatmap.colorscale]
    colours = []
    for row in heatmap.z:
        line = []
        for z in row:
            at = (float(z) - heatmap.zmin) / (heatmap.zmax - heatmap.zmin)
            below = [c for s, c in stops if s <= at]
            above = [c for s, c in stops if s >= at]
            assert below[-1] == above[0], "a cell between two colours would be a blend"
            line.append(below[-1])
        colours.append(line)
    return colours


def _four_villages(demo: DemoSource) -> tuple[Any, list[str]]:
    """Vitamin A (target 90%) at the target, above it, 20 points below it, and not reported; stunting for order."""
    villages = demo.villages(DISTRICT).sort_values("code").head(4)
    a, b, c, d = villages["code"].astype(str)
    observations = _rows(
        (a, "2025-08", "vitamin_a", 90.0, 100.0), (b, "2025-08", "vitamin_a", 95.0, 100.0),
        (c, "2025-08", "vitamin_a", 70.0, 100.0),
        (a, "2025-08", "stunting", 40.0, 100.0), (b, "2025-08", "stunting", 30.0, 100.0),
        (c, "2025-08", "stunting", 20.0, 100.0), (d, "2025-08", "stunting", 10.0, 100.0),
    )  # fmt: skip
    return _services(villages, observations), [a, b, c, d]


def test_gap050_matrix_diverges_at_the_target_with_no_data_apart(demo: DemoSource) -> None:
    services, codes = _four_villages(demo)
    figure = gaps_page.matrix_figure(services, DISTRICT, codes, _state(view="gap"), "id")
    colours = [row[0] for row in _cell_colours(figure)]  # one column: vitamin A; rows by prevalence: a, b, c, d
    assert list(figure.data[0].x) == ["Vitamin A (6-59 bulan)"]
    assert colours == [REACHED_COLOUR, REACHED_COLOUR, BELOW_COLOURS[1], NO_DATA_COLOUR]
    assert NO_DATA_COLOUR not in (REACHED_COLOUR, *BELOW_COLOURS)
    # No colour bar stretched along the figure: the legend of swatches names each class with its cells.
    assert figure.data[0].showscale is False
    legend = gaps_page.matrix_view(services, DISTRICT, codes, _state(view="gap"), "id").legend
    text = _text(legend)
    assert "Target tercapai (≥ target)" in text and "2 sel" in text and "10–20 poin di bawah target" in text
    swatches = re.findall(r'"background": "(#[0-9a-f]{6})"', text)
    assert swatches == list(MATRIX_COLOURS)
    # The caption says what the colours are.
    help_text = _text(gaps_page.layout(_demo_services(demo), "id", None))
    assert "Hijau = target tercapai" in help_text and "Hijau pucat" not in help_text


def test_gap051_a_planner_target_moves_the_cell_across_the_divide(demo: DemoSource) -> None:
    services, codes = _four_villages(demo)
    figure = gaps_page.matrix_figure(services, DISTRICT, codes, _state(view="gap", target=96), "id")
    colours = [row[0] for row in _cell_colours(figure)]
    assert colours[:3] == [BELOW_COLOURS[0], BELOW_COLOURS[0], BELOW_COLOURS[2]]  # 6, 1 and 26 points below
    hover = figure.data[0].customdata[1][0]
    assert "Target 96,0%" in hover and "1,0 poin di bawah target" in hover


def test_gap052_every_map_has_a_no_data_swatch_and_the_3x3_never_paints_a_class_grey(demo: DemoSource) -> None:
    services = _demo_services(demo)
    villages = demo.villages(DISTRICT)
    for view in ("coverage", "gap", "convergence", "bivariate"):
        drawn = _draw(services, villages, _state(view=view))
        legend = _text(drawn.legend)
        assert NO_DATA_COLOUR in legend, view
        assert NO_DATA_COLOUR not in drawn.props["palette"], view
    assert gaps_page.figures.map_static(services, "id", DISTRICT)["no_data_colour"] == NO_DATA_COLOUR
    assert NO_DATA_COLOUR not in BIVARIATE_COLOURS.values() and "#e8e8e8" not in BIVARIATE_COLOURS.values()
    change = _draw(services, villages, _state(view="change", before="2024-08"))
    assert "Tidak ada nilai di salah satu periode" in _text(change.legend)  # the change view's "no value" class
    # The gap legend names its bands in words that match the matrix's.
    gap = _text(_draw(services, villages, _state(view="gap")).legend)
    assert gap_label(0, "id") in gap and gap_label(4, "id") in gap


def test_gap053_trend_ticks_are_the_data_months_in_the_reader_language(demo: DemoSource) -> None:
    observations = demo.observations(DISTRICT)
    codes = demo.villages(DISTRICT)["code"].astype(str).tolist()
    periods = ["2023-02", "2023-08", "2024-02"]
    indonesian = trend_figure(observations, periods, [("Kabupaten", codes)], "id")
    assert list(indonesian.layout.xaxis.ticktext) == ["Feb 2023", "Agu 2023", "Feb 2024"]
    assert list(indonesian.layout.xaxis.tickvals) == list(indonesian.data[0].x)
    assert list(indonesian.data[0].x) == ["Februari 2023", "Agustus 2023", "Februari 2024"]
    assert indonesian.layout.separators == ",." and indonesian.layout.yaxis.ticksuffix == "%"
    english = trend_figure(observations, periods, [("District", codes)], "en")
    assert list(english.layout.xaxis.ticktext) == ["Feb 2023", "Aug 2023", "Feb 2024"]
    assert english.layout.separators == ".,"
    # The target: a dashed line at 14% labelled "Target 14,0%".
    (line,) = [s for s in indonesian.layout.shapes if s.type == "line"]
    assert line.y0 == line.y1 == 14.0 and line.line.dash == "dash"
    assert [a.text for a in indonesian.layout.annotations] == ["Target 14,0%"]
    # The hover reads the same month and a percentage in Indonesian.
    assert indonesian.data[0].customdata[0].endswith("%") and "," in indonesian.data[0].customdata[0]


def test_gap054_controls_show_only_where_they_apply_and_are_labelled(demo: DemoSource) -> None:
    hidden = {"display": "none"}
    assert shown_for(ID.GAPS_AXIS_GROUP, "bivariate") == {} and shown_for(ID.GAPS_AXIS_GROUP, "gap") == hidden
    assert shown_for(ID.GAPS_CHANGE_GROUP, "change") == {} and shown_for(ID.GAPS_CHANGE_GROUP, "coverage") == hidden
    assert shown_for(ID.GAPS_SERVICE_GROUP, "change") == hidden and shown_for(ID.GAPS_SERVICE_GROUP, "gap") == {}
    layout = gaps_page.layout(_demo_services(demo), "id", None)
    text = _text(layout)
    # Opening on the gap view: the 3×3 axis and the change's controls are hidden.
    assert _find(layout, ID.GAPS_AXIS_GROUP)["props"]["style"] == hidden  # type: ignore[index]
    assert _find(layout, ID.GAPS_CHANGE_GROUP)["props"]["style"] == hidden  # type: ignore[index]
    for control in (ID.GAPS_DISTRICT, ID.GAPS_PERIOD, ID.GAPS_VIEW, ID.GAPS_INDICATOR, ID.GAPS_TARGET, ID.GAPS_AXIS,
                    ID.GAPS_CHANGE_INDICATOR, ID.GAPS_BEFORE, ID.GAPS_KECAMATAN):  # fmt: skip
        assert f'"html_for": "{control}"' in text, control
    view = _find(layout, ID.GAPS_VIEW)["props"]  # type: ignore[index]
    assert view["value"] in [o["value"] for o in view["options"]] and all(o["label"] for o in view["options"])
    # The map's title: what, when and where; no raw period code anywhere a reader sees.
    title = str(_find(layout, ID.GAPS_MAP_TITLE)["props"]["children"])  # type: ignore[index]
    assert title == "Kesenjangan terhadap target — Cakupan pengukuran PB/TB, Agustus 2025 — Kabupaten Uji"
    shown = re.findall(r'"(?:children|label|placeholder|title)": "([^"]*)"', text)
    assert not [s for s in shown if re.search(r"\b20\d\d-\d\d\b", s)]


def test_gap055_the_title_names_the_kecamatan_drilled_into(demo: DemoSource) -> None:
    services = _demo_services(demo)
    villages = demo.villages(DISTRICT)
    first = villages.sort_values("kecamatan_code").iloc[0]
    state = _state(view="bivariate", axis="__konvergensi__", kecamatan=first["kecamatan_code"])
    title = map_heading(services, DISTRICT, state, "en")
    assert title == (
        "Prevalence × coverage (3×3) — Convergence (% of services on target), August 2025 — "
        f"Kec. {first['kecamatan_name']}, Kabupaten Uji"
    )


def test_gap056_the_map_export_names_the_district_and_marks_the_demo_fictional(demo: DemoSource) -> None:
    services = _demo_services(demo)
    assert export_filename(services, DISTRICT) == "peta_kesenjangan_99.01_kabupaten_uji_data_contoh_fiktif.png"
    real = _demo_services(demo, is_demo=False)
    assert export_filename(real, DISTRICT) == "peta_kesenjangan_99.01_kabupaten_uji.png"
    villages = demo.villages(DISTRICT)
    for view in ("gap", "change"):
        props = _draw(services, villages, _state(view=view, before="2024-08")).props
        assert props["export_mark"] == "DATA CONTOH (FIKTIF)", view
        assert props["export_title"].startswith("Kabupaten Uji · ") and "Agustus 2025" in props["export_source"]
        assert _draw(real, villages, _state(view=view, before="2024-08")).props["export_mark"] is None
    layout = gaps_page.layout(services, "id", None)
    assert _find(layout, ID.GAPS_MAP)["props"]["export_filename"].endswith("_fiktif.png")  # type: ignore[index]


def test_gap057_english_page_speaks_english(demo: DemoSource) -> None:
    layout = _text(gaps_page.layout(_demo_services(demo), "en", None))
    for word in ("Gap to target", "Service and target (map and matrix)", "Drill into a kecamatan", "August 2025"):
        assert word in layout, word
    for word in ("Agustus", "Kesenjangan", "Layanan", "Pilih", "dari katalog", "desa melapor"):
        assert word not in layout, word
    services, codes = _four_villages(demo)
    matrix = gaps_page.matrix_view(services, DISTRICT, codes, _state(view="gap"), "en")
    assert "Target reached (≥ target)" in _text(matrix.legend) and "sel" not in _text(matrix.legend)
    assert matrix.figure.layout.separators == ".,"
    assert "Target reached (+5.0 points)" in matrix.figure.data[0].customdata[1][0]


def test_gap059_the_matrix_csv_names_the_district_and_marks_every_demo_row(demo: DemoSource) -> None:
    services, codes = _four_villages(demo)
    state = _state(view="gap")
    payload = matrix_download(services, DISTRICT, codes, state, "id")
    assert payload["filename"] == "matriks_kesenjangan_9901_2025-08_data_contoh_fiktif.csv"
    rows = list(csv.reader(io.StringIO(base64.b64decode(payload["content"]).decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[-1] == "keterangan" and all(row[-1] == "data contoh (fiktif)" for row in body)
    gap = header.index("Vitamin A (6-59 bulan): poin di bawah target (negatif = di atas target)")
    # Highest prevalence first; at target 0, above it negative, 20 points below, no value empty; decimal comma.
    assert [row[0] for row in body] == codes
    assert [row[gap] for row in body] == ["0,0", "-5,0", "20,0", ""]
    assert body[0][header.index("prevalensi_stunting_persen")] == "40,0"
    english = matrix_download(services, DISTRICT, codes, state, "en")
    assert english["filename"] == "gap_matrix_9901_2025-08_sample_data_fictional.csv"
    text = base64.b64decode(english["content"]).decode("utf-8-sig")
    assert text.splitlines()[1].endswith(",sample data (fictional)") and "-5.0" in text
    real = _demo_services(demo, is_demo=False)
    plain = matrix_download(real, DISTRICT, codes, state, "id")
    assert plain["filename"] == "matriks_kesenjangan_9901_2025-08.csv"
    assert "fiktif" not in base64.b64decode(plain["content"]).decode("utf-8-sig")
