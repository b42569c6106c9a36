"""Publications over time: an earlier one by ``terbitan=``, a withdrawn one gone but listed, frozen against imports."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dashboard.i18n import fmt_percent
from dashboard.public.content import Published
from tests.public.helpers import HIDDEN_PERIOD, Site, add_hidden_district, admin, start_site
from tests.store.helpers import DISTRICT, indicator_batch, village_codes

DEMO = "99.01"


def _headline(site: Site, path: str) -> str:
    page = site.get(path).get_data(as_text=True)
    return page.split('id="prevalensi">', 1)[1].split("<", 1)[0]


def test_pub140_an_earlier_publication_shows_its_own_figures_and_a_withdrawn_one_is_gone(tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    first = site.publications.latest(DEMO)
    assert first is not None
    content = site.publications.content(first.id)
    assert content is not None
    old = Published(content)
    actor = admin(site.services)
    second = site.publications.publish(actor, DEMO, ["2024-08"], title="Hanya Agustus 2024")
    new_content = site.publications.content(second.id)
    assert new_content is not None
    new = Published(new_content)

    # The latest opens on its only period; the earlier one, asked for by id, on its own latest.
    cell_2024 = new.district_cell("2024-08")
    cell_2025 = old.district_cell("2025-08")
    assert cell_2024 is not None and cell_2025 is not None
    assert _headline(site, f"/publik/{DEMO}") == fmt_percent(cell_2024["prevalensi"]) == "21,5%"
    assert _headline(site, f"/publik/{DEMO}?terbitan={first.id}") == fmt_percent(cell_2025["prevalensi"]) == "19,3%"
    # A shared link to a period the latest publication no longer holds opens the newest one that does.
    moved = site.app.server.test_client().get(f"/publik/{DEMO}?periode=2025-08")
    assert moved.status_code == 302 and moved.headers["Location"].endswith(f"periode=2025-08&terbitan={first.id}")
    site.get(f"/publik/{DEMO}?periode=2023-05", status=404)  # never published
    site.get(f"/publik/{DEMO}?terbitan={first.id}&periode=2025-08")
    earlier = site.get(f"/publik/{DEMO}?terbitan={first.id}").get_data(as_text=True)
    assert "Anda melihat terbitan lama" in earlier
    assert f'href="/publik/{DEMO}/desa/99.01.01.1001?terbitan={first.id}"' in earlier  # links stay in that publication
    rows = site.get(f"/publik/{DEMO}/unduh/kecamatan.csv?terbitan={first.id}").get_data().decode("utf-8-sig")
    assert "2025-08;stunting;kabupaten;99.01;Kabupaten Contoh;87518;16873;19,28;" in rows

    site.publications.withdraw(actor, first.id, "Angka Agustus 2025 dikoreksi Dinkes")
    for path in (f"/publik/{DEMO}?terbitan={first.id}", f"/publik/{DEMO}/desa/99.01.01.1001?terbitan={first.id}",
                 f"/publik/{DEMO}/unduh/desa.csv?terbitan={first.id}", f"/api/v1/terbitan/{first.id}",
                 f"/api/v1/terbitan/{first.id}/angka"):  # fmt: skip
        site.get(path, status=404)
    page = site.get(f"/publik/{DEMO}").get_data(as_text=True)
    assert "Angka Agustus 2025 dikoreksi Dinkes" in page and "ditarik " in page
    listed = {s["id"]: s for s in site.get(f"/api/v1/wilayah/{DEMO}/terbitan").get_json()["terbitan"]}
    assert listed[first.id]["ditarik"]["alasan"] == "Angka Agustus 2025 dikoreksi Dinkes"
    assert "tautan" not in listed[first.id] and listed[second.id]["ditarik"] is None
    # A publication of another district is not this district's.
    other = add_hidden_district(site, tmp_path)
    site.get(f"/publik/{DEMO}?terbitan={other.id}", status=404)
    site.get(f"/publik/{DISTRICT}?terbitan={second.id}", status=404)


def test_pub141_an_import_after_publishing_changes_no_public_byte(tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    add_hidden_district(site, tmp_path)
    paths = [f"/publik/{DISTRICT}", f"/publik/{DISTRICT}/desa/52.91.02.2001", f"/publik/{DISTRICT}/unduh/desa.csv",
             f"/publik/{DISTRICT}/unduh/desa.geojson", "/api/v1/wilayah", "/publik", "/unduh"]  # fmt: skip
    snapshot = site.publications.latest(DISTRICT)
    assert snapshot is not None
    paths.append(f"/api/v1/terbitan/{snapshot.id}/angka")

    def fingerprint() -> dict[str, str]:
        return {path: hashlib.sha256(site.get(path).get_data()).hexdigest() for path in paths}

    before = fingerprint()
    # New counts for the same period: the planners' figures change, the publication does not.
    rows = [(code, HIDDEN_PERIOD, "stunting", 30, 90) for code in village_codes()]
    site.services.require_store().commit_indicators(indicator_batch(rows, salt="koreksi"))
    site.services.invalidate()
    headline = site.services.headline(DISTRICT, HIDDEN_PERIOD)
    assert headline is not None and headline.numerator == 180
    assert fingerprint() == before


def test_pub142_the_districts_own_target_is_shown_with_its_source(tmp_path: Path) -> None:
    site = start_site(tmp_path / "instance")
    actor = admin(site.services)
    site.publications.set_target(actor, DEMO, 2025, 12.5, "RPJMD Kabupaten Contoh 2025–2029")
    site.publications.publish(actor, DEMO, ["2024-08", "2025-08"])
    page = site.get(f"/publik/{DEMO}").get_data(as_text=True)
    assert "Target daerah 2025: 12,5% (sumber: RPJMD Kabupaten Contoh 2025–2029)" in page
    assert "6,8 poin di atas target" in page  # 19,3% against 12,5%
    assert "target daerah" in page.split('class="pub-trend"', 1)[1].split("</svg>", 1)[0]
    earlier = site.get(f"/publik/{DEMO}?periode=2024-08").get_data(as_text=True)
    assert "Daerah ini belum menetapkan target sendiri untuk 2024." in earlier
