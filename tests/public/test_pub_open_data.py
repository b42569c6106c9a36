"""Open data of the demo: CSV per language, XLSX with its metadata sheet, GeoJSON, and the read-only JSON API."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from dashboard.public.content import Published
from tests.public.helpers import Site, start_site

DEMO = "99.01"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return start_site(tmp_path_factory.mktemp("instance"), public_licence="CC BY-SA 4.0")


@pytest.fixture(scope="module")
def demo(site: Site) -> tuple[int, Published]:
    snapshot = site.publications.latest(DEMO)
    assert snapshot is not None
    content = site.publications.content(snapshot.id)
    assert content is not None
    return snapshot.id, Published(content)


def test_pub130_csv_follows_the_language(site: Site, demo: tuple[int, Published]) -> None:
    _, view = demo
    cell = view.district_cell("2025-08")
    assert cell is not None
    indonesian = site.get(f"/publik/{DEMO}/unduh/kecamatan.csv?periode=2025-08")
    english = site.get(f"/publik/{DEMO}/unduh/kecamatan.csv?periode=2025-08&lang=en")
    for response in (indonesian, english):
        assert response.headers["Content-Disposition"] == 'attachment; filename="stunting_99.01_kecamatan_2025-08.csv"'
        assert response.mimetype == "text/csv" and response.get_data().startswith(b"\xef\xbb\xbf")
    header, first = indonesian.get_data().decode("utf-8-sig").splitlines()[:2]
    assert header == ("periode;indikator;tingkat;kode;nama;penyebut;pembilang;prevalensi;batas_bawah;batas_atas;"
                      "status;sumber;diterbitkan")  # fmt: skip
    # Files give percentages with two decimals (the snapshot keeps four, so a page rounding to one never rounds twice).
    rate, low, high = (str(round(cell[k], 2)).replace(".", ",") for k in ("prevalensi", "batas_bawah", "batas_atas"))
    assert first.startswith(f"2025-08;stunting;kabupaten;99.01;Kabupaten Contoh;87518;16873;{rate};{low};{high};tampil;"
                            "data contoh (fiktif) (diimpor ")  # fmt: skip
    assert rate == "19,28"
    header, first = english.get_data().decode("utf-8-sig").splitlines()[:2]
    assert header.split(",")[:3] == ["periode", "indikator", "tingkat"]
    assert first.startswith("2025-08,stunting,kabupaten,99.01,Kabupaten Contoh,87518,16873,19.28,")
    assert "data contoh (fiktif)" in first
    rows = list(csv.DictReader(io.StringIO(indonesian.get_data().decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 16 and {r["periode"] for r in rows} == {"2025-08"}


def test_pub131_without_a_period_a_file_holds_every_published_period(site: Site, demo: tuple[int, Published]) -> None:
    _, view = demo
    response = site.get(f"/publik/{DEMO}/unduh/desa.csv")
    assert 'filename="stunting_99.01_desa.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(view.cells("desa")) and sorted({r["periode"] for r in rows}) == view.periods
    assert all(r["sumber"].startswith("data contoh (fiktif)") for r in rows)


def test_pub132_xlsx_has_data_and_a_metadata_sheet(site: Site, demo: tuple[int, Published]) -> None:
    snapshot_id, view = demo
    response = site.get(f"/publik/{DEMO}/unduh/kecamatan.xlsx?periode=2025-08")
    assert 'filename="stunting_99.01_kecamatan_2025-08.xlsx"' in response.headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.get_data()))
    assert book.sheetnames == ["data", "metadata"]
    header, first, *_ = list(book["data"].iter_rows(values_only=True))
    assert header[:7] == ("periode", "indikator", "tingkat", "kode", "nama", "penyebut", "pembilang")
    assert first[:10] == ("2025-08", "stunting", "kabupaten", "99.01", "Kabupaten Contoh", 87518, 16873, 19.28,
                          19.02, 19.54)  # fmt: skip
    metadata = dict(list(book["metadata"].iter_rows(values_only=True))[1:])
    snapshot = site.publications.snapshot(snapshot_id)
    assert snapshot is not None
    assert metadata["lisensi"] == snapshot.licence
    assert metadata["periode"] == "Agustus 2025"
    assert metadata["wilayah"] == "Kabupaten Contoh (99.01)"
    assert metadata["metode"] == "/publik/metode"
    assert "data contoh (fiktif)" in metadata["sumber"] and metadata["catatan"].startswith("data contoh (fiktif)")
    assert "penyebut di bawah 10 ditulis n kecil" in metadata["aturan perlindungan"]
    assert metadata["diterbitkan"].endswith(f"({view.content['diterbitkan']})")
    english = load_workbook(io.BytesIO(site.get(f"/publik/{DEMO}/unduh/kecamatan.xlsx?lang=en").get_data()))
    assert "licence" in dict(english["metadata"].iter_rows(values_only=True))


def test_pub133_geojson_has_published_fields_and_metadata(site: Site, demo: tuple[int, Published]) -> None:
    _, view = demo
    body = json.loads(site.get(f"/publik/{DEMO}/unduh/desa.geojson?periode=2025-02").get_data())
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 272
    assert body["metadata"]["periode"] == "2025-02" and body["metadata"]["metode"] == "/publik/metode"
    assert "data contoh (fiktif)" in body["metadata"]["sumber"] and body["metadata"]["wilayah"]["fiktif"] is True
    feature = next(f for f in body["features"] if f["id"] == "99.01.01.1001")
    cell = view.cell("2025-02", "desa", "99.01.01.1001")
    assert cell is not None
    assert feature["properties"] == {k: cell[k] for k in feature["properties"]}
    assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    one = json.loads(site.get(f"/publik/{DEMO}/unduh/desa-99.01.01.1001.geojson").get_data())
    assert [f["id"] for f in one["features"]] == ["99.01.01.1001"] and one["metadata"]["periode"] == "2025-08"


def test_pub134_api_index_lists_every_endpoint(site: Site) -> None:
    response = site.get("/api/v1/")
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    index = response.get_json()
    assert index["metode"] == ["GET", "HEAD", "OPTIONS"]
    assert [e["jalur"] for e in index["endpoint"]] == [
        "/api/v1/",
        "/api/v1/wilayah",
        "/api/v1/wilayah/{kode}/terbitan",
        "/api/v1/terbitan/{id}",
        "/api/v1/terbitan/{id}/angka",
        "/api/v1/terbitan/{id}/peta/{tingkat}.geojson",
    ]
    cells = index["endpoint"][4]
    assert cells["kolom"] == ["periode", "indikator", "tingkat", "kode", "induk", "nama", "penyebut", "pembilang",
                              "prevalensi", "batas_bawah", "batas_atas", "label", "status", "ditandai"]  # fmt: skip
    assert site.get("/api/v1").get_json() == index


def test_pub135_api_is_read_only_and_open_to_every_origin(site: Site) -> None:
    client = site.client()
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/wilayah")
        assert response.status_code == 405, method
        assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
        assert "hanya-baca" in response.get_json()["galat"]["pesan"]
    preflight = client.options("/api/v1/terbitan/1/angka", headers={"Origin": "https://data.example"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.head("/api/v1/wilayah").status_code == 200
    other = client.get("/api/v1/wilayah", headers={"Origin": "https://data.example"})
    assert other.status_code == 200 and other.headers["Access-Control-Allow-Origin"] == "*"


def test_pub136_api_fields_are_stable(site: Site, demo: tuple[int, Published]) -> None:
    snapshot_id, view = demo
    [district] = site.get("/api/v1/wilayah").get_json()["wilayah"]
    links = district.pop("tautan")
    assert district == {"kode": "99.01", "nama": "Kabupaten Contoh", "fiktif": True,
                        "terbitan_terbaru": {"id": snapshot_id, "diterbitkan": view.content["diterbitkan"],
                                             "periode": view.periods}}  # fmt: skip
    base = f"/api/v1/terbitan/{snapshot_id}"
    assert links == {"daftar_terbitan": "/api/v1/wilayah/99.01/terbitan", "terbitan": base, "angka": f"{base}/angka",
                     "peta_desa": f"{base}/peta/desa.geojson", "peta_kecamatan": f"{base}/peta/kecamatan.geojson",
                     "halaman": f"/publik/99.01?terbitan={snapshot_id}"}  # fmt: skip
    [listed] = site.get("/api/v1/wilayah/99.01/terbitan").get_json()["terbitan"]
    assert set(listed) == {"id", "judul", "diterbitkan", "penerbit", "periode", "indikator", "lisensi", "ditarik",
                           "tautan"}  # fmt: skip
    assert listed["ditarik"] is None and listed["lisensi"] == "CC BY-SA 4.0"  # the configured licence
    snapshot = site.get(f"/api/v1/terbitan/{snapshot_id}").get_json()
    assert set(snapshot) == {"id", "wilayah", "judul", "catatan", "periode", "indikator", "diterbitkan", "penerbit",
                             "lisensi", "versi_batas", "aturan", "target", "survei", "sumber_data", "kelengkapan",
                             "tautan"}  # fmt: skip
    assert snapshot["kelengkapan"] == view.content["kelengkapan"] and "sel" not in snapshot
    assert snapshot["target"]["nasional"] == 14.0
    cells = site.get(f"/api/v1/terbitan/{snapshot_id}/angka?tingkat=kabupaten&periode=2025-08").get_json()
    assert cells["filter"] == {"tingkat": "kabupaten", "periode": "2025-08"} and cells["jumlah"] == 1
    assert cells["sel"] == [view.district_cell("2025-08")]
    everything = site.get(f"/api/v1/terbitan/{snapshot_id}/angka").get_json()
    assert everything["sel"] == view.content["sel"]
    outline = site.client().get(f"/api/v1/terbitan/{snapshot_id}/peta/kecamatan.geojson")
    assert outline.mimetype == "application/geo+json" and len(outline.get_json()["features"]) == 16


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/wilayah/99.02/terbitan",
        "/api/v1/wilayah/x/terbitan",
        "/api/v1/terbitan/999",
        "/api/v1/terbitan/abc",
        "/api/v1/terbitan/99999999999999999999",
        "/api/v1/terbitan/1/angka?tingkat=provinsi",
        "/api/v1/terbitan/1/angka?periode=2019-02",
        "/api/v1/terbitan/1/angka?indikator=wasting",
        "/api/v1/terbitan/1/peta/provinsi.geojson",
        "/api/v1/tidak-ada",
    ],
)
def test_pub137_api_unknowns_are_json_404s(site: Site, path: str) -> None:
    response = site.get(path, status=404)
    assert response.mimetype == "application/json" and response.get_json()["galat"]["status"] == 404
    assert response.headers["Access-Control-Allow-Origin"] == "*"
