"""Uploads: a random id resolved for its owner only, a hard size limit, deletion after their time."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dashboard.config import Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from dashboard.data.uploads import UploadMissing, Uploads, UploadTooLarge

PASSWORD = "kata-sandi-yang-panjang"


@pytest.fixture
def uploads(tmp_path: Path) -> Uploads:
    store = Store.open(f"sqlite:///{tmp_path / 'lokus.sqlite'}")
    return Uploads(Settings(data_dir=tmp_path, max_upload_mb=1), Accounts(store))


def test_auth020_upload_gets_a_random_id_and_only_its_owner_finds_it(uploads: Uploads) -> None:
    accounts = uploads.accounts
    rina = accounts.create_user("rina", PASSWORD, "perencana", ["52.03"]).actor
    budi = accounts.create_user("budi", PASSWORD, "perencana", ["52.03"]).actor
    admin = accounts.create_user("admin", PASSWORD, "admin").actor
    content = b"kode_wilayah,periode,indikator,pembilang,penyebut\n"
    first = uploads.receive(io.BytesIO(content), "../../etc/laporan.csv", rina)
    second = uploads.receive(io.BytesIO(content), "laporan.csv", rina)
    assert first.id != second.id and len(first.id) >= 32  # the same bytes twice: two ids, never the hash
    assert first.file_name == "laporan.csv" and first.size == len(content)
    record, path = uploads.resolve(first.id, rina)
    assert path.read_bytes() == content and path.parent == uploads.folder
    assert uploads.resolve(first.id, admin)[0] == record
    with pytest.raises(UploadMissing):
        uploads.resolve(first.id, budi)
    for forged in (record.sha256, "../../../../etc/passwd", "/etc/passwd", first.id + "/..", None, 7):
        with pytest.raises(UploadMissing):
            uploads.resolve(forged, rina)


def test_auth021_upload_past_the_limit_is_refused_and_nothing_is_kept(uploads: Uploads) -> None:
    rina = uploads.accounts.create_user("rina", PASSWORD, "perencana", ["52.03"]).actor
    with pytest.raises(UploadTooLarge):
        uploads.receive(io.BytesIO(b"x" * (1024 * 1024 + 1)), "besar.csv", rina)
    assert list(uploads.folder.iterdir()) == [] and uploads.accounts.uploads() == []
    exact = uploads.receive(io.BytesIO(b"x" * (1024 * 1024)), "pas.csv", rina)
    assert exact.size == 1024 * 1024


def test_auth022_expired_and_unknown_files_are_purged(uploads: Uploads) -> None:
    rina = uploads.accounts.create_user("rina", PASSWORD, "perencana", ["52.03"]).actor
    kept = uploads.receive(io.BytesIO(b"a,b\n1,2\n"), "a.csv", rina)
    orphan = uploads.folder / ("0" * 64)
    orphan.write_bytes(b"left by an old version, named by its hash")
    arriving = uploads.folder / ("1" * 32)
    arriving.write_bytes(b"a file still arriving has no record yet")
    hour_ago = datetime.now(UTC).timestamp() - 3700
    os.utime(orphan, (hour_ago, hour_ago))
    later = datetime.now(UTC) + timedelta(hours=25)
    assert uploads.purge() == 1  # the old orphan only; the one arriving stays
    arriving.unlink()
    assert [p.name for p in uploads.folder.iterdir()] == [kept.id]
    assert uploads.purge(later) == 1
    assert list(uploads.folder.iterdir()) == []
    with pytest.raises(UploadMissing):
        uploads.resolve(kept.id, rina)
