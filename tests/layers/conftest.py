"""An app with an NTB province of two districts (Lombok Timur when the shared data is there, and a synthetic one),
the demo, and readers of each area."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from tests.auth_helpers import add_user
from tests.conftest import SHARED_DATA
from tests.store.helpers import villages_frame, write

LOMBOK = SHARED_DATA / "boundaries" / "desa_kab5203_lombok_timur.geojson"
SYNTHETIC = "52.91"  # squares with real-looking codes (tests/store/helpers.py)
PROVINCE = "52"


def districts_in_province() -> list[str]:
    return (["52.03"] if LOMBOK.is_file() else []) + [SYNTHETIC]


@pytest.fixture(scope="package")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("instance"))


@pytest.fixture(scope="package")
def app(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dash]:
    application = create_app(settings)
    folder = tmp_path_factory.mktemp("files")
    with Store.open(settings=settings) as store:
        files = [LOMBOK] if LOMBOK.is_file() else []
        files.append(write(villages_frame(SYNTHETIC, kecamatan=3, per_kecamatan=4), folder, "geojson"))
        for path in files:
            batch = prepare_boundary_import(Path(path))
            assert batch.ok, batch.errors
            store.commit(batch)
    add_user(settings, "ntb", "pimpinan", (PROVINCE,))
    add_user(settings, "kab", "perencana", (SYNTHETIC,))
    add_user(settings, "lain", "pimpinan", ("64",))
    add_user(settings, "admin-lapis", "admin")
    yield application
