"""The brief's fixtures: the demo district in a store of its own (one per module), and poppler's readers."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.config import Settings
from dashboard.data.store import Store
from dashboard.services import Services

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        yield Services.from_store(settings, store)


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
