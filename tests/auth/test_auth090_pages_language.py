"""The sign-in, password and audit pages in one language each, times in the district's own zone (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.store import Store
from dashboard.services import Services
from tests.auth_helpers import add_user, sign_in_client

INDONESIAN = re.compile(r"\b(kata sandi|Ganti|Kembali|Masuk|Nama pengguna|Waktu|Pengguna|Tindakan|zona|dan)\b")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "instance")


@pytest.fixture
def app(settings: Settings) -> Dash:
    application = create_app(settings)
    add_user(settings, "rina", "perencana", ("99.01",))
    add_user(settings, "admin", "admin")
    return application


def _visible(page: str) -> str:
    """The words a reader sees: the page without tags, scripts' and styles' addresses."""
    return re.sub(r"<[^>]+>", " ", page)


def test_auth090_the_password_page_speaks_english_and_answers_in_it(app: Dash) -> None:
    client = sign_in_client(app, "rina")
    page = client.get("/akun/sandi?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page and "<title>Change password · Lokus</title>" in page
    assert 'action="/akun/sandi?lang=en"' in page  # the answer comes back in English
    assert 'href="/akun/sandi?lang=id"' in page  # and the page offers Indonesian
    assert INDONESIAN.findall(_visible(page).replace("Bahasa Indonesia", "")) == []
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    form = {"csrf_token": token.group(1), "current": "x", "new": "Dua-Belas-Bulan-2026", "repeat": "Lain-2026-x"}
    answer = client.post("/akun/sandi?lang=en", data=form)
    assert answer.status_code == 400 and "The two new passwords differ." in answer.get_data(as_text=True)
    indonesian = client.get("/akun/sandi").get_data(as_text=True)
    assert '<html lang="id">' in indonesian and "<title>Ganti kata sandi · Lokus</title>" in indonesian


def test_auth091_the_login_page_switches_language_and_keeps_where_to_go(app: Dash) -> None:
    page = app.server.test_client().get("/login?lang=en&next=/lokus").get_data(as_text=True)
    assert '<html lang="en">' in page and "<title>Sign in · Lokus</title>" in page
    assert 'href="/login?next=/lokus&amp;lang=id"' in page
    assert INDONESIAN.findall(_visible(page).replace("Bahasa Indonesia", "")) == []


def test_auth092_audit_times_are_in_the_demo_districts_zone(app: Dash, settings: Settings) -> None:
    from dashboard.views import audit_page

    sign_in_client(app, "rina")  # one entry: a sign-in
    with Store.open(settings=settings) as store:
        services = Services.from_store(settings, store)
        english = str(audit_page.layout(services, "en", {"district": "99.01"}))
        indonesian = str(audit_page.layout(services, "id", None))
    # The demo district (province 99) is in WIT, UTC+9; the fixed WIB of before is gone.
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d WIT", english)
    assert "Times in WIT" in english and "WIB" not in english
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d WIT", indonesian) and "Waktu dalam zona WIT" in indonesian
