"""Poor links (issue 14, point 6): the main page's map is computed and drawn once when the page opens, not twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.ids import ID
from tests.auth_helpers import add_user, sign_in_client

VALUES = {ID.DISTRICT: "99.01", ID.INDICATOR: "stunting", ID.PERIOD: "2025-08", ID.KECAMATAN: "",
          ID.SCHEME: "quantiles", ID.CLASSES: 5, ID.COMPARE: "2024-08", ID.LANGUAGE: "id"}  # fmt: skip


def _spec(app: Any) -> tuple[str, dict[str, Any]]:
    """The recolour callback: its outputs key and its specification."""
    return next((k, v) for k, v in app.callback_map.items() if f"{ID.MAP}.figure" in k)


def _recolour(app: Any, changed: list[str]) -> dict[str, Any]:
    """The recolour callback's request as the renderer posts it, with ``changed`` as the inputs that changed."""
    output, spec = _spec(app)
    outputs = [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
               for part in output.strip(".").split("...")]  # fmt: skip
    return {
        "output": output,
        "outputs": outputs,
        "inputs": [{**i, "value": VALUES[i["id"]]} for i in spec["inputs"]],
        "state": [{**s, "value": VALUES[s["id"]]} for s in spec["state"]],
        "changedPropIds": [f"{i}.value" for i in changed],
    }


def test_app080_page_insertion_does_not_recompute_the_map(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    app = create_app(settings)
    add_user(settings, "kepala-peta", "pimpinan", ("99.01",))
    client = sign_in_client(app, "kepala-peta")
    everything = [str(i["id"]) for i in _spec(app)[1]["inputs"]]
    # The router inserts the page drawn for its choice; Dash then reports every input as changed: nothing to do.
    assert client.post("/_dash-update-component", json=_recolour(app, everything)).status_code == 204
    # A reader's change (one control) recolours by values only.
    answer = client.post("/_dash-update-component", json=_recolour(app, [ID.INDICATOR]))
    assert answer.status_code == 200
    figure = answer.get_json()["response"][ID.MAP]["figure"]
    assert figure.get("__dash_patch_update") == "__dash_patch_update"  # a Patch, not a new figure
