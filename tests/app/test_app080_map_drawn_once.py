"""Poor links (issue 14, point 6): the main page's map is computed and drawn once when the page opens, not twice."""

from __future__ import annotations

from pathlib import Path

from dashboard.application import create_app
from dashboard.components import decode_classes
from dashboard.config import Settings
from dashboard.ids import ID
from tests.auth_helpers import add_user, callback_request, sign_in_client

RECOLOUR = f"{ID.MAP}.classes"  # the recolour callback, by one of its outputs
VALUES = {ID.DISTRICT: "99.01", ID.INDICATOR: "stunting", ID.PERIOD: "2025-08", ID.KECAMATAN: "",
          ID.SCHEME: "quantiles", ID.CLASSES: 5, ID.COMPARE: "2024-08", ID.LANGUAGE: "id"}  # fmt: skip


def test_app080_page_insertion_does_not_recompute_the_map(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)
    add_user(settings, "kepala-peta", "pimpinan", ("99.01",))
    client = sign_in_client(app, "kepala-peta")
    everything = [str(i) for i in VALUES if i != ID.LANGUAGE]  # the choice and the comparison period
    # The router inserts the page drawn for its choice; Dash then reports every input as changed: nothing to do.
    inserted = client.post("/_dash-update-component", json=callback_request(app, RECOLOUR, VALUES, everything))
    assert inserted.status_code == 204
    # A reader's change (one control) recolours by values only: class bytes, hover texts and marks, no geometry.
    answer = client.post("/_dash-update-component", json=callback_request(app, RECOLOUR, VALUES, [ID.INDICATOR]))
    assert answer.status_code == 200
    sent = answer.get_json()["response"][ID.MAP]
    assert "geojson_url" not in sent and "codes" not in sent and "view_revision" not in sent
    assert len(decode_classes(sent["classes"])) > 250
