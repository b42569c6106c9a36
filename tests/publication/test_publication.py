"""Publication snapshots (issue 13, points 1, 3 and 8): what is frozen, protected, withdrawn and targeted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from dashboard.auth.roles import Actor, Role
from dashboard.cli import main
from dashboard.config import Settings
from dashboard.core.suppression import Status, audit
from dashboard.data.accounts import Accounts
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.publications import PublicationError, Publications, ensure_demo_publication
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.i18n import t
from dashboard.services import Services
from tests.auth_helpers import PASSWORD
from tests.store.helpers import DISTRICT, indicator_batch, village_codes, villages_frame, write

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
# Six villages in two kecamatan. Village 0: 3 of 40 stunted (a count of 1-4); village 4: 2 of 7 measured.
STUNTED = [3, 12, 9, 15, 2, 11]
MEASURED = [40, 60, 50, 70, 7, 55]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(settings=Settings(data_dir=tmp_path / "instance")) as opened:
        opened.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        codes = village_codes()
        rows = [
            (c, "2025-08", "stunting", float(s), float(m)) for c, s, m in zip(codes, STUNTED, MEASURED, strict=True)
        ]
        opened.commit(indicator_batch(rows, "agustus.csv"), "uji")
        yield opened


def _admin(accounts: Accounts, name: str = "admin-pub") -> Actor:
    record = accounts.user_by_name(name) or accounts.create_user(name, PASSWORD, "admin")
    return record.actor


def _cells(content: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(content["sel"])  # type: ignore[arg-type]


def _as_protected(cells: pd.DataFrame) -> pd.DataFrame:
    """The published cells in the shape :func:`audit` reads (only what a reader sees)."""
    return cells.assign(pembilang_publik=cells["pembilang"].astype("Int64"))


def test_pub001_a_snapshot_hides_small_counts_and_keeps_the_denominator(store: Store) -> None:
    accounts = Accounts(store)
    publications = Publications(store, accounts)
    snapshot = publications.publish(_admin(accounts), DISTRICT, ["2025-08"], title="Uji")
    content = publications.content(snapshot.id)
    assert content is not None
    cells = _cells(content).set_index("kode")
    codes = village_codes()
    small, tiny = cells.loc[codes[0]], cells.loc[codes[4]]
    assert (small["status"], small["label"], small["penyebut"]) == (Status.SMALL_COUNT, "<5", 40)
    assert pd.isna(small["pembilang"]) and pd.isna(small["prevalensi"]) and pd.isna(small["batas_bawah"])
    assert (tiny["status"], tiny["label"], tiny["penyebut"]) == (Status.SMALL_DENOMINATOR, "n kecil", 7)
    # No hidden count can be worked back from the totals: the audit over everything published is clean.
    assert audit(_as_protected(_cells(content))) == []
    # The district total is published as the sum of every village (what the headline shows).
    district = cells.loc[DISTRICT]
    assert (district["pembilang"], district["penyebut"]) == (sum(STUNTED), sum(MEASURED))
    assert district["prevalensi"] == pytest.approx(round(100 * sum(STUNTED) / sum(MEASURED), 4))
    # The raw small counts appear nowhere as a number in the stored content.
    hidden = cells[cells["status"] != Status.SHOWN]
    assert hidden["pembilang"].isna().all()
    assert content["wilayah"] == {"kode": DISTRICT, "nama": "Kabupaten Uji", "fiktif": False}


def test_pub002_a_later_import_changes_nothing_published(store: Store) -> None:
    accounts = Accounts(store)
    publications = Publications(store, accounts)
    first = publications.publish(_admin(accounts), DISTRICT, ["2025-08"])
    before = publications.content(first.id)
    codes = village_codes()
    store.commit(indicator_batch([(codes[1], "2025-08", "stunting", 30.0, 60.0)], "koreksi.csv"), "uji")
    assert publications.content(first.id) == before  # frozen
    latest = publications.latest(DISTRICT)
    assert latest is not None and latest.id == first.id and latest.content_sha256 == first.content_sha256
    second = publications.publish(_admin(accounts), DISTRICT, ["2025-08"])
    after = _cells(publications.content(second.id) or {}).set_index("kode")
    assert after.loc[DISTRICT, "pembilang"] == sum(STUNTED) - 12 + 30  # the next publication takes it


def test_pub003_withdrawal_needs_a_reason_is_audited_and_falls_back(store: Store) -> None:
    accounts = Accounts(store)
    publications = Publications(store, accounts)
    admin = _admin(accounts)
    first = publications.publish(admin, DISTRICT, ["2025-08"], title="Pertama")
    second = publications.publish(admin, DISTRICT, ["2025-08"], title="Kedua")
    assert publications.latest(DISTRICT).id == second.id  # type: ignore[union-attr]
    with pytest.raises(PublicationError) as refused:
        publications.withdraw(admin, second.id, "  ")
    assert refused.value.key == "publication.reason_required"
    withdrawn = publications.withdraw(admin, second.id, "angka Desa 1-2 salah ketik")
    assert not withdrawn.standing and withdrawn.withdrawn_by == "admin-pub"
    assert publications.latest(DISTRICT).id == first.id  # type: ignore[union-attr]
    assert [s.id for s in publications.snapshots(DISTRICT)] == [second.id, first.id]  # listed, with date
    entries = accounts.audit_entries()
    row = entries[entries["action"] == "publication_withdraw"].iloc[0]
    assert row["detail"] == {"snapshot": second.id, "reason": "angka Desa 1-2 salah ketik"}
    with pytest.raises(PublicationError):
        publications.withdraw(admin, second.id, "sekali lagi")


def test_pub004_only_an_administrator_publishes_withdraws_or_sets_targets(store: Store) -> None:
    accounts = Accounts(store)
    publications = Publications(store, accounts)
    planner = accounts.create_user("perencana-pub", PASSWORD, "perencana", (DISTRICT,)).actor
    for act in (
        lambda: publications.publish(planner, DISTRICT, ["2025-08"]),
        lambda: publications.set_target(planner, DISTRICT, 2026, 12.0, "RPJMD"),
    ):
        with pytest.raises(PublicationError) as refused:
            act()
        assert refused.value.key == "publication.not_admin"
    assert publications.snapshots() == []


@pytest.mark.parametrize(
    ("periods", "key"),
    [([], "publication.bad_periods"), (["Agustus"], "publication.bad_periods"), (["2024-08"], "publication.no_data")],
)
def test_pub005_bad_requests_are_refused_with_a_message(store: Store, periods: list[str], key: str) -> None:
    accounts = Accounts(store)
    with pytest.raises(PublicationError) as refused:
        Publications(store, accounts).publish(_admin(accounts), DISTRICT, periods)
    assert refused.value.key == key


def test_pub006_a_district_target_is_kept_with_its_source_and_carried_by_the_next_snapshot(store: Store) -> None:
    accounts = Accounts(store)
    publications = Publications(store, accounts)
    admin = _admin(accounts)
    publications.set_target(admin, DISTRICT, 2025, 16.5, "RPJMD 2021–2026")
    publications.set_target(admin, DISTRICT, 2025, 15.0, "RPJMD 2025–2029")  # replaces the year's
    assert [(t.year, t.target, t.source) for t in publications.targets(DISTRICT)] == [(2025, 15.0, "RPJMD 2025–2029")]
    content = publications.content(publications.publish(admin, DISTRICT, ["2025-08"]).id) or {}
    assert content["target"] == {
        "nasional": 14.0,
        "daerah": [{"tahun": 2025, "target": 15.0, "sumber": "RPJMD 2025–2029"}],
    }
    for year, value, source in ((1999, 14.0, "x"), (2025, 0.0, "x"), (2025, 14.0, " ")):
        with pytest.raises(PublicationError):
            publications.set_target(admin, DISTRICT, year, value, source)


def test_pub007_the_demo_is_published_once_and_its_headline_matches_the_main_page(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        services = Services.from_store(settings, store)
        publications = services.require_publications()
        snapshot = ensure_demo_publication(publications, settings.min_completeness, settings.public_min_denominator)
        assert snapshot is not None and snapshot.publisher == "sistem" and "fiktif" in snapshot.title
        assert ensure_demo_publication(publications, settings.min_completeness, 10) is None  # once
        content = publications.content(snapshot.id) or {}
        assert content["wilayah"]["fiktif"] is True
        cells = _cells(content)
        assert audit(_as_protected(cells)) == []
        from tests.auth_helpers import acting_admin

        with acting_admin(services):
            for period in content["periode"]:
                headline = services.headline(DEMO_DISTRICT_CODE, period)
                assert headline is not None
                top = cells[(cells["tingkat"] == "kabupaten") & (cells["periode"] == period)].iloc[0]
                assert (top["pembilang"], top["penyebut"]) == (headline.numerator, headline.denominator)
                assert top["prevalensi"] == pytest.approx(round(headline.rate or 0, 4))
            # A withdrawn demo is not published again behind the administrator's back.
            publications.withdraw(_admin(services.require_accounts()), snapshot.id, "uji penarikan")
        assert ensure_demo_publication(publications, settings.min_completeness, 10) is None


def test_pub008_publish_withdraw_and_target_from_the_command_line(
    cli_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(cli_url) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        rows = [(c, "2025-08", "stunting", 5.0, 40.0) for c in village_codes()]
        store.commit(indicator_batch(rows), "uji")
        accounts = Accounts(store)
        accounts.create_user("kepala-data", PASSWORD, "admin")
        accounts.create_user("perencana-cli", PASSWORD, "perencana", (DISTRICT,))
    assert main(["target", "--wilayah", DISTRICT, "--tahun", "2025", "--target", "12,5", "--sumber", "RPJMD",
                 "--user", "kepala-data"]) == 0  # fmt: skip
    assert "12,5%" in capsys.readouterr().out
    assert main(["publish", "--wilayah", DISTRICT, "--periode", "2025-08", "--user", "perencana-cli"]) == 1
    assert "administrator" in capsys.readouterr().err
    assert main(["publish", "--wilayah", DISTRICT, "--periode", "2025-08", "--judul", "Stunting 2025",
                 "--user", "kepala-data"]) == 0  # fmt: skip
    assert "Terbitan 1" in capsys.readouterr().out
    assert main(["publish", "--wilayah", DISTRICT, "--periode", "2030-01", "--user", "kepala-data"]) == 1
    assert main(["publish", "--wilayah", DISTRICT, "--periode", "2025-08", "--user", "tidak-ada"]) == 2
    assert main(["withdraw", "1", "--alasan", "uji coba", "--user", "kepala-data"]) == 0
    with Store.open(cli_url) as store:
        [snapshot] = Publications(store, Accounts(store)).snapshots()
        assert (snapshot.title, snapshot.withdraw_reason) == ("Stunting 2025", "uji coba")
        content = Publications(store, Accounts(store)).content(snapshot.id) or {}
        assert content["target"]["daerah"] == [{"tahun": 2025, "target": 12.5, "sumber": "RPJMD"}]


def test_pub009_system_actor_is_an_administrator() -> None:
    """The demo's publisher is the system acting as an administrator from the server, never a visitor."""
    system = Actor(None, "sistem", Role.ADMIN, (), via_cli=True)
    assert not system.is_anonymous


def test_pub010_the_publication_page_publishes_withdraws_and_sets_targets(tmp_path: Path) -> None:
    from dashboard.views import publication_page
    from tests.auth_helpers import acting_admin

    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        services = Services.from_store(settings, store)
        with acting_admin(services):
            options, chosen, indicators = publication_page.district_choices(services, DEMO_DISTRICT_CODE, "id")
            assert chosen == ["2024-08", "2025-02", "2025-08"]  # the latest three complete periods
            assert options[0] == {"label": "Agustus 2025", "value": "2025-08"}  # by name, latest first
            assert "stunting" in [option["value"] for option in indicators]
            done = publication_page.publish(services, DEMO_DISTRICT_CODE, chosen, ["stunting"], "", "", "id")
            text = str(done.to_plotly_json())
            assert "Terbitan 1 diterbitkan (Agustus 2024, Februari 2025, Agustus 2025)" in text
            assert "/publik/99.01?terbitan=1" in text
            refused = publication_page.withdraw(services, 1, "", "id")
            assert "alasan" in str(refused.to_plotly_json())
            publication_page.withdraw(services, 1, "diganti terbitan baru", "id")
            table = str(publication_page.snapshot_table(services, "id").to_plotly_json())
            assert "ditarik" in table and "diganti terbitan baru" in table
            # Published and withdrawn times in the demo district's zone (WIT, province 99), never a fixed WIB.
            assert re.search(r"ditarik \d{1,2} \w{3} \d{4} \d\d:\d\d WIT", table) and "WIB" not in table
            saved = publication_page.save_target(services, DEMO_DISTRICT_CODE, 2026, "12,5", "RPJMD 2025–2029", "id")
            assert "12,5%" in str(saved.to_plotly_json())
            quarter = publication_page.save_target(services, DEMO_DISTRICT_CODE, 2027, "11,25", "RPJMD", "id")
            assert "11,25%" in str(quarter.to_plotly_json())  # never rounded to 11,2
            empty = publication_page.save_target(services, DEMO_DISTRICT_CODE, None, "12", "RPJMD", "id")
            assert "Tahun — tidak sah" in str(empty.to_plotly_json())  # an empty year box, not "Tahun 0"
            assert "RPJMD 2025–2029" in str(publication_page.targets_table(services, DEMO_DISTRICT_CODE, "id"))


def test_pub011_stunting_is_required_and_an_incomplete_month_is_not_published(store: Store) -> None:
    """Newcomer pass: a coverage indicator was published as 'Prevalensi stunting', and a month 2 of 272 villages
    reported became the public headline and a false fall in the trend."""
    accounts = Accounts(store)
    publications = Publications(store, accounts)
    admin = _admin(accounts)
    with pytest.raises(PublicationError) as refused:
        publications.publish(admin, DISTRICT, ["2025-08"], indicators=["wasting"])
    assert refused.value.key == "publication.stunting_required"
    codes = village_codes()
    store.commit(indicator_batch([(codes[0], "2025-09", "stunting", 5.0, 40.0)], "september.csv"), "uji")
    with pytest.raises(PublicationError) as partial:
        publications.publish(admin, DISTRICT, ["2025-08", "2025-09"])
    assert partial.value.key == "publication.incomplete" and partial.value.params["periods"] == "2025-09 (1/6)"
    assert "2025-09 (1/6)" in t("publication.incomplete", "id", **partial.value.params)
    snapshot = publications.publish(admin, DISTRICT, ["2025-08"])
    content = publications.content(snapshot.id) or {}
    assert content["penerbit"] == "Pemerintah Kabupaten Uji"  # an institution, never an account name
