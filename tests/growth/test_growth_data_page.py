"""e-PPGBM files on the data page: recognised, previewed without personal data, checked with a quality report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import plotly
import pytest
from conftest import Child, invented_child, write_eppgbm
from dash import html

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.importers.model import DatasetKind, IndicatorBatch
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views import data_page, map_page
from tests.auth_helpers import signed_in_actor
from tests.store.helpers import DISTRICT, villages_frame, write

MEASURED = date(2025, 8, 14)
VILLAGE = f"{DISTRICT}.02.2003"

pytestmark = pytest.mark.usefixtures("as_admin_when_services")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "test")
        yield Services.from_store(settings, store)


def _children() -> list[Child]:
    """Six invented children of Desa 2-3, Posyandu Melati; heights rounded to whole centimetres (digit preference)."""
    children = [
        invented_child(300 + i, -2.5 if i < 2 else 0.0, 200 + 150 * i, MEASURED, village="Desa 2-3", code=VILLAGE,
                       posyandu="Melati")
        for i in range(6)
    ]  # fmt: skip
    children = [replace(child, height=float(round(child.height or 0))) for child in children]
    return [*children, replace(children[0], sex="")]  # one row refused: sex missing


def test_gro090_eppgbm_upload_is_recognised_previewed_privately_and_reported(
    services: Services, tmp_path: Path
) -> None:
    children = _children()
    content = write_eppgbm(tmp_path / "e-ppgbm agustus.csv", children).read_bytes()
    token = data_page.save_upload(services, content, "e-ppgbm agustus.csv", signed_in_actor())
    assert data_page.resolve_kind(data_page.ImportKind.AUTO, token.name, content) == data_page.ImportKind.MEASUREMENTS

    preview, mapping = data_page.preview_view(services, token, data_page.ImportKind.AUTO, "id")
    shown = _text(preview)
    assert mapping is None
    assert "Desa 2-3" in shown and "Melati" in shown and "14/08/2025" in shown
    for child in children:
        for secret in (child.nik, child.name, child.born.strftime("%d/%m/%Y"), f"Ibu {child.name}"):
            assert secret not in shown

    batch = data_page.check_upload(services, token, data_page.ImportKind.AUTO, None)
    assert isinstance(batch, IndicatorBatch) and batch.kind is DatasetKind.MEASUREMENTS
    assert batch.ok, [p.message() for p in batch.problems]
    report = _text(data_page.report_view(batch, services, "id"))
    assert "6 pengukuran diterima dari 6 anak" in report and "1 baris ditolak" in report
    assert "Desa 2-3 (52.91.02.2003)" in report and "Posyandu Melati" in report
    # Every height is a whole centimetre: all of them end in .0, marked as far above the 20% expected.
    marked = [
        cell.children
        for cell in _cells(data_page.report_view(batch, services, "id"))
        if getattr(cell, "className", None)
    ]
    assert marked.count("100,0") == 2  # the village row and its one posyandu
    for child in children:
        assert child.nik not in report and child.name not in report

    services.commit(batch, "bidan")
    # The stored dataset keeps its quality report, shown again from the list of datasets.
    listed = _text(data_page.datasets_view(services, "id"))
    assert "Mutu data pengukuran" in listed and "Posyandu Melati" in listed and "100,0" in listed
    stunting = services.source.observations(DISTRICT).query("indicator == 'stunting' and period == '2025-08'")
    assert stunting[["code", "numerator", "denominator"]].values.tolist() == [[VILLAGE, 2.0, 6.0]]
    # The village profile: 2 of 6 is 33.3%, Wilson's 95% interval 9.7-70.0% by hand, too few children to rely on.
    profile = map_page.profile_panel(services, map_page.MapChoice(DISTRICT, "stunting", "2025-08"), VILLAGE, "id")
    text = _text(profile)
    assert "33,3%" in text and "IK 95%: 9,7\u201370,0" in text and "tidak andal: penyebut < 10" in text


def _text(component: Any) -> str:
    """A component tree as the browser receives it."""
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def _cells(component: Any) -> Iterator[Any]:
    """Every table cell of a component tree."""
    if isinstance(component, list | tuple):
        for child in component:
            yield from _cells(child)
        return
    if isinstance(component, html.Td):
        yield component
    if hasattr(component, "children"):
        yield from _cells(component.children)


@pytest.mark.parametrize("kind", ["tidy", "sigizi", "mapped", "auto"])
def test_gro091_no_preview_shows_personal_columns_whatever_kind_is_chosen(
    services: Services, tmp_path: Path, kind: str
) -> None:
    children = _children()
    content = write_eppgbm(tmp_path / "anak.csv", children).read_bytes()
    # The same rows again under meaningless headers: recognised by content (NIK, recent birth dates).
    lines = content.decode("utf-8").splitlines()
    anonymous_header = ";".join(f"kolom {i}" for i in range(len(lines[0].split(";"))))
    renamed = "\n".join([anonymous_header, *lines[1:]]).encode("utf-8")
    for name, data in (("anak.csv", content), ("kolom.csv", renamed)):
        token = data_page.save_upload(services, data, name, signed_in_actor())
        preview, mapping = data_page.preview_view(services, token, kind, "id")
        shown = _text(preview) + _text(mapping)
        for child in children:
            for secret in (child.nik, child.name, child.born.strftime("%d/%m/%Y"), f"Jalan {child.name}"):
                assert secret not in shown, (kind, name, secret)
        if name == "anak.csv":
            assert "Melati" in shown and "Tinggi" in shown  # the posyandu and the measurements stay
