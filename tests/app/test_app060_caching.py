"""Poor links (issue 14, point 6): fingerprinted files are kept a year, nothing personal is kept at all."""

from __future__ import annotations

import re
from typing import Any

import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.caching import IMMUTABLE, REVALIDATE
from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.ids import ID
from tests.auth_helpers import add_user, router_request, sign_in_client


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Dash:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    created = create_app(settings)
    add_user(settings, "pimpinan-cache", "pimpinan", (DEMO_DISTRICT_CODE,))
    return created


@pytest.fixture(scope="module")
def client(app: Dash) -> Any:
    """Signed in: the answers that must not be kept are those a signed-in reader gets."""
    return sign_in_client(app, "pimpinan-cache")


def _linked(client: Any, pattern: str) -> str:
    """The first URL of the index page that matches ``pattern``."""
    page = client.get("/").get_data(as_text=True)
    found = re.search(rf'(?:src|href)="({pattern})"', page)
    assert found, f"{pattern} not linked from the index page"
    return found.group(1)


def _no_cookie(response: Any) -> bool:
    return response.headers.getlist("Set-Cookie") == [] and "cookie" not in response.headers.get("Vary", "").lower()


def test_app060_fingerprinted_bundle_kept_a_year_without_cookie(client: Any) -> None:
    url = _linked(client, r"/_dash-component-suites/dash/dash-renderer/[^\"]+\.v[^\"]+\.js")
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == IMMUTABLE
    # A cache may hand a public answer to anyone: it never carries the reader's session or CSRF cookie.
    assert _no_cookie(response)


def test_app061_chunk_without_fingerprint_asked_again(client: Any) -> None:
    # Dash's on-demand chunks are fetched by name only (no version in the URL): kept, but revalidated.
    response = client.get("/_dash-component-suites/dash/dcc/async-graph.js")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == REVALIDATE


def test_app062_asset_kept_a_year_only_with_its_modification_time(client: Any) -> None:
    url = _linked(client, r"/assets/lokus\.css\?m=[0-9.]+")
    stamped = client.get(url)
    assert stamped.status_code == 200 and stamped.headers["Cache-Control"] == IMMUTABLE and _no_cookie(stamped)
    plain = client.get("/assets/lokus.css")
    assert plain.status_code == 200 and plain.headers["Cache-Control"] == REVALIDATE
    assert plain.data == stamped.data


def test_app063_pages_layout_and_callbacks_never_kept(app: Dash, client: Any) -> None:
    answers = {
        "index": client.get("/"),
        "layout": client.get("/_dash-layout"),
        "dependencies": client.get("/_dash-dependencies"),
        "callback": client.post("/_dash-update-component", json=router_request("/")),
        "login": app.server.test_client().get("/login"),
    }
    for name, response in answers.items():
        assert response.status_code == 200, name
        control = response.headers.get("Cache-Control", "")
        assert "public" not in control and "immutable" not in control and "max-age" not in control, (name, control)
    assert ID.KPI_PREVALENCE in answers["callback"].get_data(as_text=True)  # the page itself, for this reader
    assert not _no_cookie(answers["index"])  # the signed-in pages still renew the session


def test_app064_public_site_links_its_stylesheets_with_their_time(app: Dash) -> None:
    public = app.server.test_client()
    page = public.get(f"/publik/{DEMO_DISTRICT_CODE}").get_data(as_text=True)
    url = re.search(r'href="(/assets/public\.css\?m=[0-9.]+)"', page)
    assert url, "the public page links its stylesheet without its modification time"
    response = public.get(url.group(1))
    assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE
