"""The village profile's PDF: a page per village for readers of the area, every figure with its period and origin."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pypdfium2
import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.store import Store
from tests.auth_helpers import add_user, sign_in_client
from tests.convergence.test_cvg300_village_profile import FILE, fill
from tests.store.helpers import DISTRICT, villages_frame, write

DEMO = "99.01"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dash, Settings, list[str]]]:
    folder = tmp_path_factory.mktemp("pdf")
    settings = Settings(data_dir=folder / "instance")
    built = create_app(settings)
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), folder, "geojson")), "uji")
        codes = sorted(store.villages(DEMO)["code"].astype(str))
        fill(store, codes[0])
    add_user(settings, "perencana.uji", "perencana", (DEMO,))
    add_user(settings, "perencana.lain", "perencana", (DISTRICT,))
    yield built, settings, codes


def _pages(body: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(body)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _get(app: Dash, user: str | None, path: str) -> Any:
    client = sign_in_client(app, user) if user else app.server.test_client()
    return client.get(path)


def test_cvg310_planner_gets_one_page_with_name_periods_origins_and_demo_mark(app: Any) -> None:
    built, _, codes = app
    response = _get(built, "perencana.uji", f"/unduh/profil-desa/{codes[0]}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "data_contoh_fiktif" in response.headers["Content-Disposition"]
    pages = _pages(response.data)
    assert len(pages) == 1
    text = " ".join(pages[0].split())  # PDFium breaks lines where the table wraps
    for expected in ("Agustus 2025", "Triwulan IV 2025", "Triwulan III 2025", "Triwulan I 2026", "2025", FILE,
                     "Register program mitra", "Register audit kasus stunting", "Rp 50.000.000", "6,3%", "Tidak aktif",
                     "PT Sumber Air", "Asupan gizi kurang", codes[0]):  # fmt: skip
        assert expected in text, expected
    assert "DATA CONTOH (FIKTIF)" in text and "data contoh (fiktif)" in text
    for section in ("Kesehatan", "Konvergensi desa", "Keluarga berisiko & TPK", "Kader", "Dana Desa", "Mitra",
                    "Audit kasus"):  # fmt: skip
        assert section in text


def test_cvg311_district_pdf_named_villages_and_lokus_a_page_each(app: Any) -> None:
    built, settings, codes = app
    named = _get(built, "perencana.uji", f"/unduh/profil-desa/{DEMO}.pdf?desa={codes[1]},{codes[2]}")
    assert named.status_code == 200 and len(_pages(named.data)) == 2
    assert _get(built, "perencana.uji", f"/unduh/profil-desa/{DEMO}.pdf?desa={codes[1]},99.01.99.9999").status_code \
        == 404  # fmt: skip
    with Store.open(settings=settings) as store:
        lokus = tuple(ScenarioVillage(c, i + 1, 50.0, 30.0, 9.0, "uji") for i, c in enumerate(codes[3:6]))
        saved = store.save_scenario(Scenario(DEMO, 2025, "2025-08", "Lokus 2025", "weighted", {}, lokus, "uji"))
        store.finalise_scenario(saved.id or 0)
        store.save_scenario(Scenario(DEMO, 2025, "2025-08", "Draf", "weighted", {}, lokus[:1], "uji"))
    pages = _pages(_get(built, "perencana.uji", f"/unduh/profil-desa/{DEMO}.pdf").data)
    assert len(pages) == 3  # the final list of the year, not the newer draft
    assert all(code in page for code, page in zip(codes[3:6], pages, strict=True))


@pytest.mark.parametrize(("user", "status"), [(None, 401), ("perencana.uji", 403)], ids=["anonymous", "other-area"])
def test_cvg312_refused_outside_the_area(app: Any, user: str | None, status: int) -> None:
    built, _, _ = app
    response = _get(built, user, f"/unduh/profil-desa/{DISTRICT}.01.2001.pdf")
    assert response.status_code == status and response.mimetype != "application/pdf"


def test_cvg313_own_district_has_no_demo_mark_and_malformed_code_is_404(app: Any) -> None:
    built, _, _ = app
    response = _get(built, "perencana.lain", f"/unduh/profil-desa/{DISTRICT}.01.2001.pdf")
    assert response.status_code == 200
    text = " ".join(_pages(response.data)[0].split())
    assert "Desa 1-1" in text and "fiktif" not in text.lower()
    assert "Belum ada data" in text  # no figures imported for it: each source says so
    assert _get(built, "perencana.lain", "/unduh/profil-desa/9901012001.pdf").status_code == 404
