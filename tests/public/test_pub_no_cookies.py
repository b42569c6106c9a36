"""The public site and its API set no cookie on anonymous reads: shareable, cacheable, nothing to track."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.application import create_app
from dashboard.config import Settings


@pytest.mark.parametrize(
    "path", ["/publik", "/publik/99.01", "/publik/metode", "/unduh", "/api/v1/", "/api/v1/wilayah"]
)
def test_pub170_public_reads_set_no_cookie(tmp_path: Path, path: str) -> None:
    client = create_app(Settings(data_dir=tmp_path / "instance")).server.test_client()
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200 and response.headers.getlist("Set-Cookie") == []
    # The planner's pages still get their session and CSRF cookies.
    assert len(client.get("/").headers.getlist("Set-Cookie")) == 2
