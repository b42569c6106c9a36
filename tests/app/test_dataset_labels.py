"""The data page's dataset list speaks the reader's language: no stored enum value, times in the district's zone."""

from __future__ import annotations

from datetime import datetime

import pytest

from dashboard.data.store import DatasetInfo
from dashboard.views.data_page.dataset_labels import dataset_labels, file_format, kind_words

RAW = {"demo", "tidy", "imported", "superseded", "boundaries", "sigizi", "measurements", "puskesmas", "mapped"}


def _dataset(
    kind: str, file_name: str, status: str, districts: tuple[str, ...], user: str | None = "uji"
) -> DatasetInfo:
    return DatasetInfo(7, kind, file_name, "0" * 64, datetime(2026, 11, 30, 20, 16), user, 10, 1234, status, districts)


def test_dsl001_demo_row_in_indonesian_at_wit() -> None:
    labels = dataset_labels(_dataset("demo", "kabupaten_contoh_desa.geojson", "imported", ("99.01",), "demo"), "id")
    assert labels.kind == "Contoh (fiktif)"
    assert labels.file_format == "GeoJSON"
    assert labels.origin == "Dibuat program"  # never the stored user "demo"
    assert labels.time == "1 Des 2026 05:16 WIT"  # 20:16 UTC is 05:16 the next morning in Papua's zone
    assert labels.rows == "1.234"
    assert labels.status == "Diimpor"


def test_dsl002_tidy_file_in_english_at_wita_and_wib() -> None:
    labels = dataset_labels(_dataset("tidy", "cakupan.XLSX", "superseded", ("52.03",)), "en")
    assert (labels.kind, labels.file_format, labels.origin) == ("Indicator template", "XLSX", "uji")
    assert labels.time == "1 Dec 2026 04:16 WITA"
    assert labels.status == "Replaced by a newer version"
    assert labels.rows == "1,234"
    java = dataset_labels(_dataset("sigizi", "gizi.csv", "imported", ("33.01",)), "en")
    assert java.time == "1 Dec 2026 03:16 WIB"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_dsl003_no_raw_value_reaches_the_row(lang: str) -> None:
    for kind in ("demo", "tidy", "boundaries", "sigizi", "measurements", "puskesmas", "mapped", "someday"):
        for status in ("imported", "superseded", "unheard-of"):
            labels = dataset_labels(_dataset(kind, "x.zip", status, ()), lang)
            assert not {labels.kind, labels.status} & RAW
            assert labels.time.endswith("WIB")  # no district: the capital's zone
    assert kind_words("someday", "id") == "Lainnya"
    assert file_format("batas.zip", "id") == "Shapefile (.zip)" and file_format("x.dbf", "en") == "Other"
