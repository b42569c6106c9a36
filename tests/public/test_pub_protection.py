"""Small-number protection on every public surface: a hidden count is found nowhere a reader could read it.

Kabupaten Uji's August 2025 (tests/public/helpers.py) hides 3 of 40 ("<5"), 7 of 9 ("n kecil") and 37 of 83 ("—",
hidden so that the others cannot be worked out from kecamatan 1's published 47). The pages, their map titles, the
CSV, XLSX and GeoJSON downloads and the API are searched for those counts and their rates.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.public.helpers import (
    COUNTS,
    FORMULA_NAME,
    HIDDEN,
    HIDDEN_PERIOD,
    SECRETS,
    Site,
    readable_text,
    standalone,
    start_hidden_site,
)
from tests.store.helpers import DISTRICT

LABELS = {"52.91.01.2001": "<5", "52.91.01.2002": "n kecil", "52.91.01.2003": "—"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return start_hidden_site(tmp_path_factory.mktemp("uji"))


def _assert_secret_free(text: str, where: str) -> None:
    found = [secret for secret in SECRETS if standalone(secret.rstrip("%"), text) and secret in text]
    assert found == [], f"{where} shows hidden values {found}"


def _html_pages(site: Site) -> dict[str, str]:
    paths = [f"/publik/{DISTRICT}", f"/publik/{DISTRICT}?ukuran=jumlah", f"/publik/{DISTRICT}?peta=kecamatan",
             f"/publik/{DISTRICT}?lang=en", "/publik", "/unduh", "/publik/metode"]  # fmt: skip
    paths += [f"/publik/{DISTRICT}/desa/{code}{lang}" for code in COUNTS for lang in ("", "?lang=en")]
    return {path: site.get(path).get_data(as_text=True) for path in paths}


def test_pub120_hidden_counts_appear_in_no_page_and_no_map_title(site: Site) -> None:
    for path, page in _html_pages(site).items():
        _assert_secret_free(readable_text(page), path)
    page = site.get(f"/publik/{DISTRICT}").get_data(as_text=True)
    titles = dict(re.findall(r'<a href="/publik/52\.91/desa/([\d.]+)"><path [^>]+><title>([^<]+)</title>', page))
    assert (
        titles["52.91.01.2001"]
        == "Desa &quot;&lt;Ujung&gt;&quot; &amp; Co · Agustus 2025: &lt;5 stunting dari 40 diukur"
    )
    assert titles["52.91.01.2002"].endswith("Agustus 2025: n kecil stunting dari 9 diukur")
    assert titles["52.91.01.2003"] == "Desa 1-3 · Agustus 2025: — stunting dari 83 diukur"
    assert titles["52.91.02.2001"] == "Desa 2-1 · Agustus 2025: 20,0% (12 stunting dari 60 diukur)"
    # Hidden villages are hatched, never coloured by a class: their fill is the hatch pattern.
    fills = dict(re.findall(r'<a href="/publik/52\.91/desa/([\d.]+)"><path d="[^"]+" fill="([^"]+)"', page))
    assert {fills[code] for code in HIDDEN} == {"url(#tersembunyi)"}
    assert 'disembunyikan (&lt;5, n kecil, —) <span class="pub-legend-count">(3 wilayah)</span>' in page
    # The kecamatan total stays published (47 of 132), as the rule allows.
    assert re.search(r"Kecamatan 1</th><td class=\"num\">132</td><td class=\"num\">47</td>", page)


def test_pub121_village_pages_show_labels_not_counts(site: Site) -> None:
    for code in HIDDEN:
        page = site.get(f"/publik/{DISTRICT}/desa/{code}").get_data(as_text=True)
        row = re.search(r"<tbody>(.*?)</tbody>", page, re.S)
        assert row is not None
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
        label = LABELS[code].replace("<", "&lt;")
        assert cells[:3] == [str(COUNTS[code][1]), label, "<span>—</span>"], cells


def test_pub122_names_are_escaped_everywhere(site: Site) -> None:
    for path, page in _html_pages(site).items():
        assert "<Ujung>" not in page, path
    page = site.get(f"/publik/{DISTRICT}/desa/52.91.01.2001").get_data(as_text=True)
    assert "<h1>Desa &#34;&lt;Ujung&gt;&#34; &amp; Co</h1>" in page
    assert "<title>Desa &#34;&lt;Ujung&gt;&#34; &amp; Co · Kabupaten Uji · Lokus · Publik</title>" in page


def _csv_rows(body: bytes, separator: str) -> list[dict[str, str]]:
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=separator))


@pytest.mark.parametrize(("lang", "separator"), [("id", ";"), ("en", ",")])
@pytest.mark.parametrize("view", ["desa", "kecamatan", "desa-52.91.01.2001", "desa-52.91.01.2003"])
def test_pub123_csv_holds_labels_where_counts_are_hidden(site: Site, lang: str, separator: str, view: str) -> None:
    body = site.get(f"/publik/{DISTRICT}/unduh/{view}.csv?lang={lang}").get_data()
    rows = _csv_rows(body, separator)
    assert rows
    for row in rows:
        if row["kode"] in HIDDEN:
            assert (row["pembilang"], row["prevalensi"], row["batas_bawah"], row["batas_atas"]) == (
                LABELS[row["kode"]], "", "", "",
            )  # fmt: skip
            assert row["penyebut"] == str(COUNTS[row["kode"]][1])
        for value in row.values():
            assert value not in {"3", "7", "37", *SECRETS}, (view, row)
    _assert_secret_free(body.decode("utf-8-sig"), f"{view}.csv")


def test_pub124_spreadsheets_make_a_formula_name_inert(site: Site) -> None:
    rows = _csv_rows(site.get(f"/publik/{DISTRICT}/unduh/desa.csv").get_data(), ";")
    names = {row["kode"]: row["nama"] for row in rows}
    assert names["52.91.01.2002"] == "'" + FORMULA_NAME
    book = load_workbook(io.BytesIO(site.get(f"/publik/{DISTRICT}/unduh/desa.xlsx").get_data()))
    assert "'" + FORMULA_NAME in [row[4] for row in book["data"].iter_rows(values_only=True)]


def test_pub125_xlsx_holds_labels_where_counts_are_hidden(site: Site) -> None:
    for view in ("desa", "kecamatan", "desa-52.91.01.2003"):
        book = load_workbook(io.BytesIO(site.get(f"/publik/{DISTRICT}/unduh/{view}.xlsx").get_data()))
        header, *rows = list(book["data"].iter_rows(values_only=True))
        for values in rows:
            row = dict(zip(header, values, strict=True))
            if row["kode"] in HIDDEN:
                assert (row["pembilang"], row["prevalensi"], row["batas_bawah"]) == (LABELS[row["kode"]], None, None)
            assert not {v for v in values if isinstance(v, int | float)} & {3, 7, 37, 44.58, 77.78, 7.5}, row
        metadata = dict(book["metadata"].iter_rows(values_only=True))
        assert not any(standalone("37", str(v)) for v in metadata.values())


def _properties(body: bytes) -> dict[str, dict[str, Any]]:
    collection = json.loads(body)
    return {f["properties"]["kode"]: f["properties"] for f in collection["features"]}


def test_pub126_geojson_and_api_hold_nulls_where_counts_are_hidden(site: Site) -> None:
    snapshot = site.publications.latest(DISTRICT)
    assert snapshot is not None
    desa = _properties(site.get(f"/publik/{DISTRICT}/unduh/desa.geojson").get_data())
    api = json.loads(site.get(f"/api/v1/terbitan/{snapshot.id}/angka?tingkat=desa").get_data())
    cells = {c["kode"]: c for c in api["sel"]}
    for code in HIDDEN:
        for found in (desa[code], cells[code]):
            assert (found["pembilang"], found["prevalensi"], found["batas_bawah"], found["batas_atas"]) == (
                None, None, None, None,
            )  # fmt: skip
            assert found["label"] == LABELS[code] and found["penyebut"] == COUNTS[code][1]
    assert desa["52.91.02.2001"]["pembilang"] == 12 and desa["52.91.02.2001"]["prevalensi"] == 20.0
    api_paths = [f"/api/v1/terbitan/{snapshot.id}{end}" for end in ("", "/angka", "/peta/desa.geojson")]
    api_paths += ["/api/v1/wilayah", f"/api/v1/wilayah/{DISTRICT}/terbitan"]
    files = [f"/publik/{DISTRICT}/unduh/{name}" for name in ("kecamatan.geojson", "desa-52.91.01.2003.geojson",
                                                             "metadata.txt")]  # fmt: skip
    for path in api_paths + files:
        body = site.get(path).get_data(as_text=True)
        body = re.sub(r'"coordinates":\[[^a-z]*?\]\}', "", body)  # outlines' coordinates are not figures
        _assert_secret_free(body, path)
        for count in ("3", "7", "37"):
            assert f'"pembilang":{count},' not in body and f'"pembilang":{count}}}' not in body, path


def test_pub127_every_download_names_its_source_and_rule(site: Site, tmp_path: Path) -> None:
    readme = site.get(f"/publik/{DISTRICT}/unduh/metadata.txt").get_data(as_text=True)
    assert "lisensi: CC BY 4.0" in readme
    assert "penyebut di bawah 10 ditulis n kecil" in readme
    assert "metode: /publik/metode" in readme
    assert "data contoh (fiktif)" not in readme  # a real district is not the demo
    geojson = json.loads(site.get(f"/publik/{DISTRICT}/unduh/desa.geojson").get_data())
    assert geojson["metadata"]["lisensi"] == "CC BY 4.0"
    assert geojson["metadata"]["aturan"] == {"jumlah_minimum": 5, "penyebut_minimum": 10}
    assert geojson["metadata"]["diterbitkan"] == "2025-09-15T08:00:00+00:00"
    assert set(next(iter(_properties(json.dumps(geojson).encode()).values()))) == {
        "kode", "nama", "induk", "periode", "indikator", "penyebut", "pembilang", "prevalensi", "batas_bawah",
        "batas_atas", "label", "status",
    }  # fmt: skip
    assert HIDDEN_PERIOD in geojson["metadata"]["periode"]
