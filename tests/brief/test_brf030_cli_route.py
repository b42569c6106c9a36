"""Who gets the brief: the command line for administrators, the download route for readers of the district."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.application import create_app
from dashboard.cli import main
from dashboard.config import Settings
from tests.auth_helpers import add_user, sign_in_client
from tests.brief.conftest import add_readers_district, pages, poppler
from tests.store.helpers import DISTRICT

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_brf030_the_command_is_for_administrators(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_user(settings, "pimpinan-uji", "pimpinan", ("99.01",))
    add_user(settings, "admin-uji", "admin")
    refused = tmp_path / "tidak.pdf"
    assert main(["brief", "--wilayah", "99.01", "--user", "pimpinan-uji", str(refused)]) == 1
    assert "Hanya administrator" in capsys.readouterr().err and not refused.exists()
    assert main(["brief", "--wilayah", "99.01", "--user", "tak-dikenal", str(refused)]) == 2
    assert main(["brief", "--wilayah", "99.01", "--user", "admin-uji", str(tmp_path / "salah.txt")]) == 2
    assert main(["brief", "--wilayah", "9901x", "--user", "admin-uji", str(refused)]) == 2
    assert main(["brief", "--wilayah", "99.01", "--periode", "2019-08", "--user", "admin-uji", str(refused)]) == 1
    assert not refused.exists()
    capsys.readouterr()
    pdf, png = tmp_path / "keluar" / "ringkasan.pdf", tmp_path / "ringkasan.png"
    assert main(["brief", "--wilayah", "9901", "--periode", "2025-08", "--user", "admin-uji", str(pdf)]) == 0
    assert "Ringkasan ditulis ke" in capsys.readouterr().out
    assert pages(pdf.read_bytes()) == 1 and "Agustus 2025" in poppler("pdftotext", pdf.read_bytes())
    assert main(["brief", "--wilayah", "99.01", "--bahasa", "en", "--user", "admin-uji", str(png)]) == 0
    assert png.read_bytes().startswith(PNG_SIGNATURE)
    assert [p.name for p in tmp_path.rglob(".*")] == []  # no temporary file left behind


def test_brf031_the_route_checks_the_readers_area(settings: Settings, tmp_path: Path) -> None:
    add_readers_district(settings, tmp_path)
    app = create_app(settings)
    path = f"/unduh/ringkasan/{DISTRICT}.pdf"
    assert app.server.test_client().get(path).status_code == 401
    neighbour = sign_in_client(app, "tetangga")
    assert neighbour.get(path).status_code == 403
    assert neighbour.get("/unduh/ringkasan/99.01.pdf").status_code == 200  # the fictional demo: anyone signed in
    reader = sign_in_client(app, "pembaca")
    response = reader.get(path + "?periode=2025-08")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.get_data()
    assert pages(body) == 1 and "Kabupaten Uji" in poppler("pdftotext", body)
    picture = reader.get(f"/unduh/ringkasan/{DISTRICT}.png")
    assert picture.status_code == 200 and picture.get_data().startswith(PNG_SIGNATURE)
    assert reader.get(path + "?periode=agustus").status_code == 400
    assert reader.get(path + "?periode=2019-08").status_code == 404
    assert reader.get(f"/unduh/ringkasan/{DISTRICT}.docx").status_code == 404
