"""Values the planners' plausibility checks question are published with their mark (newcomer pass)."""

from __future__ import annotations

from pathlib import Path

from tests.public.helpers import start_site

DEMO = "99.01"


def test_pub171_a_flagged_village_value_carries_its_mark_on_the_village_page(tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    snapshot = site.publications.latest(DEMO)
    assert snapshot is not None
    content = site.publications.content(snapshot.id) or {}
    cells = content["sel"]
    flagged = [c for c in cells if c["ditandai"]]
    # The same values the main page's flags panel lists for the published periods, and villages only.
    assert flagged and {c["tingkat"] for c in flagged} == {"desa"}
    assert all(c["ditandai"] == [] for c in cells if c["tingkat"] != "desa")
    cell = flagged[0]
    page = site.get(f"/publik/{DEMO}/desa/{cell['kode']}").get_data(as_text=True)
    assert "ditandai, perlu diperiksa" in page
    calm = next(c for c in cells if c["tingkat"] == "desa" and not c["ditandai"] and c["kode"] != cell["kode"])
    if not any(c["ditandai"] for c in cells if c["kode"] == calm["kode"]):
        assert "ditandai, perlu diperiksa" not in site.get(f"/publik/{DEMO}/desa/{calm['kode']}").get_data(as_text=True)
    api = site.get(f"/api/v1/terbitan/{snapshot.id}/angka?tingkat=desa").get_json()
    rows = api.get("sel") or api.get("data") or []
    assert any(row.get("ditandai") for row in rows)
