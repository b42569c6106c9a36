"""Imports on the server: the importer is the account, a file outside its areas or into the demo is refused
whole, an imported upload is deleted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor
from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views import data_page
from dashboard.views.data_page.importing import commit_upload
from dashboard.views.data_page.uploads import ImportForm
from tests.auth_helpers import PASSWORD
from tests.store.helpers import DISTRICT, village_codes, villages_frame, write

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        yield Services.from_store(settings, store)


def _table(rows: list[tuple[str, int, int]]) -> bytes:
    lines = [
        "kode_wilayah,periode,indikator,pembilang,penyebut",
        *[f"{c},2025-08,stunting,{n},{d}" for c, n, d in rows],
    ]
    return ("\n".join(lines) + "\n").encode()


def _commit(services: Services, actor: Actor, content: bytes) -> tuple[str, bool]:
    with acting_as(actor):
        token = data_page.save_upload(services, content, "laporan.csv", actor)
        form = ImportForm("tidy", None, [], [], [], [])
        result = commit_upload(services, lambda _: None, 1, token.as_dict(), form, 0, "id")
    gone = not (services.require_uploads().folder / token.id).exists()
    return str(result[0].children), gone


def test_auth080_imports_stay_inside_the_accounts_areas(services: Services) -> None:
    accounts = services.require_accounts()
    planner = accounts.create_user("rina", PASSWORD, "perencana", [DISTRICT, "99.01"]).actor
    admin = accounts.create_user("admin", PASSWORD, "admin").actor
    store = services.require_store()
    before = store.data_version()
    demo_code = "99.01.01.1001"
    codes = village_codes()

    # Into the fictional demo: only an administrator.
    text, kept_gone = _commit(services, planner, _table([(demo_code, 3, 40)]))
    assert "di luar wilayah akun Anda" in text and "99.01" in text and not kept_gone
    # A file reaching outside the areas is refused whole, the rows inside included.
    text, _ = _commit(services, planner, _table([(codes[0], 3, 40), (demo_code, 5, 50)]))
    assert "di luar wilayah" in text
    assert store.data_version() == before

    text, gone = _commit(services, planner, _table([(codes[0], 3, 40), (codes[1], 4, 41)]))
    assert "Impor berhasil" in text and gone
    imported = [d for d in store.datasets() if d.kind not in ("demo", "boundaries")]
    assert [d.user for d in imported] == ["rina"]
    text, gone = _commit(services, admin, _table([(demo_code, 3, 40)]))
    assert "Impor berhasil" in text and gone
    log = accounts.audit_entries()
    imports = log[log["action"] == "import"]
    assert list(imports["outcome"])[::-1] == ["refused", "refused", "ok", "ok"]
    assert list(imports["username"])[::-1] == ["rina", "rina", "rina", "admin"]
