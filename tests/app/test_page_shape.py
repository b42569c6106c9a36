"""Pages keep their shape (issue 16, point 7): each a package of layout and callbacks, no module past ~400 lines."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

from dashboard.views import shell

ROOT = Path(__file__).resolve().parents[2]
AREAS = ("dashboard/views", "dashboard/public", "dashboard/presentation", "dashboard/auth", "dashboard/brief")
MAX_LINES = 420  # "no page module past ~400 lines", with a little room


def _modules() -> list[Path]:
    return sorted(path for area in AREAS for path in (ROOT / area).rglob("*.py"))


def test_shape001_no_page_module_passes_420_lines() -> None:
    assert len(_modules()) > 40  # the walk found the pages (a wrong root would pass on nothing)
    long = {str(p.relative_to(ROOT)): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert long == {}, f"split these by concern (layout, callbacks, view model): {long}"


@pytest.mark.parametrize("path", sorted(shell.PAGES))
def test_shape002_every_page_is_a_package_with_layout_and_callbacks(path: str) -> None:
    builder = shell.PAGES[path][1]
    package = builder.__module__.rsplit(".", 1)[0]
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations is not None, f"{path}: {package} is not a package"
    assert builder.__module__ == f"{package}.layout", f"{path}: the page is built outside {package}.layout"
    callbacks = importlib.import_module(f"{package}.callbacks")
    assert callable(getattr(callbacks, "register", None)), f"{path}: {package}.callbacks has no register()"
    assert callable(getattr(importlib.import_module(package), "register", None))
