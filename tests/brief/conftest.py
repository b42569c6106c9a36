"""The brief's fixtures: the demo district in a store of its own (one per module), the settings of an app in a
temporary folder with a small district of its own beside the demo (the download routes' tests), and poppler's
readers."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.services import Services
from tests.auth_helpers import add_user
from tests.store.helpers import DISTRICT, indicator_batch, village_codes, villages_frame, write

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        yield Services.from_store(settings, store)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """An app's settings from the environment, its data in ``tmp_path``, in the default language."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "instance"))
    monkeypatch.delenv("DASHBOARD_DATABASE_URL", raising=False)
    monkeypatch.delenv("DASHBOARD_LANGUAGE", raising=False)
    return Settings.from_env()


def add_readers_district(settings: Settings, folder: Path) -> None:
    """:data:`~tests.store.helpers.DISTRICT` (six villages, stunting in August 2025), a reader of it
    (``pembaca``) and a reader of a neighbouring district (``tetangga``)."""
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), folder, "geojson")), "uji")
        rows = [(code, "2025-08", "stunting", 5.0 + i, 40.0) for i, code in enumerate(village_codes())]
        store.commit(indicator_batch(rows, "agustus.csv"), "uji")
    add_user(settings, "pembaca", "pimpinan", (DISTRICT,))
    add_user(settings, "tetangga", "pimpinan", ("52.04",))


def poppler(tool: str, pdf: bytes, *args: str) -> str:
    """The output of poppler's ``pdftotext``/``pdfinfo`` on ``pdf``: a reader other than the one that wrote it."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: bash scripts/setup.sh --test installs poppler-utils")
    done = subprocess.run([tool, *args, "-", "-"] if tool == "pdftotext" else [tool, "-"], input=pdf,
                          capture_output=True, check=True, timeout=60)  # fmt: skip
    return done.stdout.decode("utf-8")


def pages(pdf: bytes) -> int:
    """The number of pages ``pdfinfo`` reads in ``pdf``."""
    for line in poppler("pdfinfo", pdf).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")
