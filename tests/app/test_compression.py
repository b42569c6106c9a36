"""Poor links (issue 14, point 6): text answers travel compressed when the browser accepts it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import brotli
import pytest

from dashboard.application import create_app
from dashboard.config import Settings


@pytest.mark.parametrize(("accepted", "encoding"), [("br, gzip", "br"), ("gzip", "gzip"), ("", None)])
def test_app050_callbacks_layouts_and_bundles_are_compressed(tmp_path: Path, accepted: str, encoding: str) -> None:
    client = create_app(Settings(data_dir=tmp_path / "instance")).server.test_client()
    plain = client.get("/_dash-dependencies").data
    answer = client.get("/_dash-dependencies", headers={"Accept-Encoding": accepted} if accepted else {})
    assert answer.headers.get("Content-Encoding") == encoding
    body = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](answer.data)
    assert json.loads(body) == json.loads(plain)  # the same answer, smaller
    if encoding:
        assert len(answer.data) < len(plain) / 3
