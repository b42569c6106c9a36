"""A yes/no village fact (``kpm_aktif``, stored 1/1 or 0/1) on the main map and the gaps map: two classes in words
("Tanpa KPM aktif", "KPM aktif") and no data, a count of villages without it, never a percentage scale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import plotly
import pytest

from dashboard.components import decode_classes
from dashboard.config import Settings
from dashboard.core.aggregate import Measure
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.figures.map import hover_texts, legend_entries
from dashboard.services import Services
from dashboard.views import gaps_page
from dashboard.views.map_page.choice import MapChoice
from dashboard.views.map_page.choropleth import map_view, reclassified
from tests.levels.helpers import check, messages
from tests.store.helpers import DISTRICT, villages_frame, write

V = [f"{DISTRICT}.01.2001", f"{DISTRICT}.01.2002", f"{DISTRICT}.01.2003", f"{DISTRICT}.02.2001",
     f"{DISTRICT}.02.2002", f"{DISTRICT}.02.2003"]  # fmt: skip
WITHOUT = {V[0], V[3]}  # kpm_aktif 0/1
WITH = {V[1], V[2], V[4]}  # kpm_aktif 1/1; V[5] reports nothing


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    folder = tmp_path_factory.mktemp("kpm")
    settings = Settings(data_dir=folder / "instance")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), folder, "geojson")), "uji")
        lines = ["kode_wilayah,periode,indikator,pembilang,penyebut",
                 *(f"{c},2025,kpm_aktif,{0 if c in WITHOUT else 1},1" for c in sorted(WITHOUT | WITH)),
                 *(f"{c},2025,stunting,3,40" for c in V)]  # fmt: skip
        batch = check(store, lines, "kpm_2025.csv", district=DISTRICT)
        assert batch.ok, messages(batch)
        store.commit(batch, "uji")
        yield Services.from_store(settings, store)


@pytest.fixture(autouse=True)
def _no_app_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """No app to resolve the villages' GeoJSON URL against (as in tests/gaps)."""
    monkeypatch.setattr(gaps_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")


def _text(component: Any) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def _main_map(services: Services, lang: str, **choice: Any) -> tuple[dict[str, str | None], str, Any, Any]:
    """Each village's class name on the main map (None: no data), the page's legend, the legend after a change of
    scheme, and the exported legend."""
    picked = MapChoice(DISTRICT, "kpm_aktif", "2025", **choice)
    view = map_view(services, picked, lang)
    names = [text for _, text, _ in legend_entries(view.values, Measure.parse(picked.measure), lang)]
    codes, z = view.values.locations, view.values.z
    named = {code: None if cls == 0 else names[cls - 1] for code, cls in zip(codes, z, strict=True)}
    props, legend = reclassified(services, picked, lang)
    classes = dict(zip(codes, decode_classes(props["classes"]), strict=True))
    assert {c: None if n is None else names[n] for c, n in classes.items()} == named  # the same two classes
    return named, _text(view.legend) + _text(hover_texts(view.values)), legend, props["export_legend"]


def test_cvg401_main_map_marks_exactly_the_villages_without_an_active_kpm(services: Services) -> None:
    named, legend, _, exported = _main_map(services, "id")
    assert {c for c, n in named.items() if n == "Tanpa KPM aktif"} == WITHOUT
    assert {c for c, n in named.items() if n == "KPM aktif"} == WITH
    assert named[V[5]] is None
    assert [text for _, text in exported] == [
        "Tanpa KPM aktif (2 desa)",
        "KPM aktif (3 desa)",
        "Tidak ada data (1 desa)",
    ]
    assert "2 dari 5 desa tanpa KPM aktif" in legend and "KPM aktif: Tidak" in legend and "KPM aktif: Ya" in legend
    assert "%" not in _text(exported) and "%" not in legend


def test_cvg402_main_map_stays_two_classes_whatever_the_scheme(services: Services) -> None:
    named, _, changed, exported = _main_map(services, "en", scheme="equal_interval", k=7)
    assert {c for c, n in named.items() if n == "No active KPM"} == WITHOUT
    assert [text for _, text in exported] == ["No active KPM (2 villages)", "Active KPM (3 villages)",
                                              "No data (1 villages)"]  # fmt: skip
    text = _text(changed)
    assert "2 of 5 villages without an active KPM" in text and "%" not in text


def _state(view: str, **changes: object) -> dict[str, object]:
    return {"period": "2025", "view": view, "indicator": "kpm_aktif", "axis": "indicator", "before": None,
            "change_indicator": "stunting", "target": None} | changes  # fmt: skip


@pytest.mark.parametrize("view", ["gap", "coverage"])
def test_cvg403_gaps_map_marks_exactly_the_villages_without_an_active_kpm(services: Services, view: str) -> None:
    villages = services.source.villages(DISTRICT)
    words = (("id", "Tanpa KPM aktif", "KPM aktif", "2 dari 5 desa tanpa KPM aktif"),
             ("en", "No active KPM", "Active KPM", "2 of 5 villages without an active KPM"))  # fmt: skip
    for lang, without, having, count in words:
        draw = gaps_page.gaps_map(services, DISTRICT, villages, _state(view), lang)
        props = draw.props()
        names = [text.rsplit(" (", 1)[0] for _, text in props["export_legend"]]
        assert names[:2] == [without, having]
        classes = dict(zip(props["codes"], decode_classes(props["classes"]), strict=True))
        assert {c for c, n in classes.items() if n == 0} == WITHOUT
        assert {c for c, n in classes.items() if n == 1} == WITH
        assert classes[V[5]] is None
        legend = _text(draw.legend)
        assert count in legend and "%" not in legend and "%" not in _text(props["export_legend"])
    hover = props["hover_text"]
    assert "Active village cadre (KPM): No" in hover[V[0]] and "Active village cadre (KPM): Yes" in hover[V[1]]


def test_cvg404_gaps_map_of_a_kecamatan_counts_its_own_villages(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    inside = villages[villages["kecamatan_code"] == f"{DISTRICT}.02"]
    draw = gaps_page.gaps_map(services, DISTRICT, inside, _state("coverage", kecamatan=f"{DISTRICT}.02"), "id")
    assert "1 dari 2 desa tanpa KPM aktif" in _text(draw.legend)
    classes = dict(zip(draw.props()["codes"], decode_classes(draw.props()["classes"]), strict=True))
    assert classes[V[0]] == 2  # outside the kecamatan: the pale class after the fact's two
