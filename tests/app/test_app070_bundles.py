"""Poor links (issue 14, point 6): each page's index fetches the heavy scripts it needs, early, and no others."""

from __future__ import annotations

import html
import json
import re

import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.caching import IMMUTABLE
from dashboard.components.lokus_map import fingerprinted
from dashboard.config import Settings
from dashboard.views.bundles import LAZY_META


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Dash:
    return create_app(Settings(data_dir=tmp_path_factory.mktemp("instance")))


def _index(app: Dash, path: str) -> str:
    response = app.server.test_client().get(path)
    assert response.status_code == 200
    return str(response.get_data(as_text=True))


def _scripts(page: str) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', page)


def _preloads(page: str) -> list[str]:
    return re.findall(r'<link rel="preload" as="script" href="([^"]+)"', page)


def _lazy(page: str) -> dict[str, list[str]]:
    found = re.search(rf'<meta name="{LAZY_META}" content="([^"]*)"', page)
    assert found, "no list of the scripts the router waits for"
    return dict(json.loads(html.unescape(found.group(1))))


def test_app070_main_page_leaves_the_grid_out_and_preloads_the_map(app: Dash) -> None:
    page = _index(app, "/")
    assert not [src for src in _scripts(page) if "dash_ag_grid" in src]  # 350 kB compressed, used on /lokus only
    grid = _lazy(page)["/lokus"]
    assert len(grid) == 1 and "/dash_ag_grid/" in grid[0]
    answer = app.server.test_client().get(grid[0])
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == IMMUTABLE
    preloads = _preloads(page)
    # The map component's core (MapLibre and the map code), by the name its loader fetches; plotly.js only when a
    # village's profile first draws its trend chart.
    core = f"/_dash-component-suites/dashboard.components.lokus_map/{fingerprinted('lokus_map_core.min.js')}"
    assert core in preloads
    assert not [url for url in preloads if "plotly" in url or "async-graph" in url]
    assert app.server.test_client().get(core).headers["Cache-Control"] == IMMUTABLE
    # The lokus page draws its maps with the component and no plotly chart; the gaps page both (its matrix).
    plotly_js = "/_dash-component-suites/plotly/package_data/plotly.min.js"
    lokus, gaps = _preloads(_index(app, "/lokus")), _preloads(_index(app, "/kesenjangan"))
    assert core in lokus and not [url for url in lokus if "plotly" in url or "async-graph" in url]
    assert core in gaps and plotly_js in gaps
    for url in preloads:  # each is a file Dash serves
        assert app.server.test_client().get(url).status_code == 200, url
    # The renderer's first two requests leave with the page's own scripts rather than a round trip after them.
    answers = re.findall(r'<link rel="preload" as="fetch" crossorigin="anonymous" href="([^"]+)"', page)
    assert answers == ["/_dash-layout", "/_dash-dependencies"]


def test_app071_lokus_page_has_the_grid_and_the_data_page_no_plotly(app: Dash) -> None:
    lokus = _index(app, "/lokus")
    assert _lazy(lokus)["/lokus"][0] in _scripts(lokus)  # a first visit of /lokus needs no wait
    assert _preloads(_index(app, "/data")) == []  # the data page draws no graph (its layout is still preloaded)
