"""Accounts from the command line: the first administrator once, new accounts, new passwords; all audited."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "instance"))
    monkeypatch.delenv("DASHBOARD_DATABASE_URL", raising=False)
    return Settings.from_env()


def test_auth070_first_admin_is_created_once_with_a_random_password(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["first-admin"]) == 0
    first = capsys.readouterr().out
    [password] = re.findall(r"kata sandi / pass:\s+(\S+)", first)
    assert len(password) >= 16 and "/login" in first
    assert main(["first-admin"]) == 0
    assert capsys.readouterr().out == ""  # printed once, never again
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        assert accounts.verify("admin", password) is not None
        assert list(accounts.audit_entries()["action"]) == ["user_create"]
    # Another installation gets another password: nothing is fixed.
    assert password not in Path(__file__).read_text()


def test_auth071_create_user_and_set_password_from_scripts(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("kata-sandi-dari-skrip\n"))
    assert main(["create-user", "Rina", "--role", "perencana", "--wilayah", "6474", "--password-stdin"]) == 0
    assert capsys.readouterr().out.strip() == "rina (perencana; 64.74)"
    assert main(["create-user", "budi", "--role", "pimpinan"]) == 1  # no area
    assert "perlu minimal satu wilayah" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("kata-sandi-baru-sekali\n"))
    assert main(["set-password", "rina", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert main(["set-password", "rina", "--password-stdin"]) == 1
    assert "minimal 10 karakter" in capsys.readouterr().err
    with Store.open(settings=settings) as store:
        accounts = Accounts(store)
        assert accounts.verify("rina", "kata-sandi-baru-sekali") is not None
        assert accounts.verify("rina", "kata-sandi-dari-skrip") is None
        log = accounts.audit_entries()
    assert list(log["action"]) == ["password_set", "user_create"]
    assert all(label.endswith("(baris perintah)") for label in log["username"])


def test_auth072_remove_dataset_records_its_actor_and_never_removes_the_demo(
    settings: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from tests.store.helpers import villages_frame, write

    with Store.open(settings=settings) as store:
        store.ensure_demo(Path(__file__).resolve().parents[2] / "geodata")
        result = store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "uji")
        demos = {d.id for d in store.datasets() if d.kind == "demo"}
        demo = min(demos)
        Accounts(store).create_user("rina", "kata-sandi-panjang", "perencana", ["52.91"])
    assert main(["remove-dataset", str(demo)]) == 1
    assert main(["remove-dataset", str(result.dataset_id), "--user", "tidak-ada"]) == 1  # no such account
    assert main(["remove-dataset", "999"]) == 2
    assert main(["remove-dataset", str(result.dataset_id), "--user", "rina"]) == 0
    with Store.open(settings=settings) as store:
        assert {d.id for d in store.datasets()} == demos
        log = Accounts(store).audit_entries()
    assert list(zip(log["action"], log["outcome"], log["username"], strict=True))[:2] == [
        ("dataset_remove", "ok", "rina (baris perintah)"),
        ("dataset_remove", "refused", log["username"].iloc[1]),
    ]
