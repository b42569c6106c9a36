"""The public pages of the demo, anonymously: what a visitor reads, in Indonesian and English, with exact figures."""

from __future__ import annotations

import re

import pytest

from dashboard.core.localtime import format_date
from dashboard.core.periods import period_label
from dashboard.i18n import fmt_int, fmt_number, fmt_percent
from dashboard.public.content import Published
from tests.public.helpers import Site, start_site

DEMO = "99.01"
VILLAGE = "99.01.01.1001"
PAGES = ("/publik", f"/publik/{DEMO}", f"/publik/{DEMO}/desa/{VILLAGE}", "/publik/metode", "/unduh")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return start_site(tmp_path_factory.mktemp("instance"), public_min_denominator=12)


@pytest.fixture(scope="module")
def demo(site: Site) -> Published:
    snapshot = site.publications.latest(DEMO)
    assert snapshot is not None
    content = site.publications.content(snapshot.id)
    assert content is not None
    return Published(content)


def _text(page: str) -> str:
    """The page's visible words, tags removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).replace("&#34;", '"').replace("&amp;", "&")


@pytest.mark.parametrize("path", PAGES)
def test_pub101_every_page_answers_anonymously_and_says_the_demo_is_fictional(site: Site, path: str) -> None:
    response = site.get(path)
    page = response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    assert '<html lang="id">' in page
    assert "data contoh (fiktif)" in page
    # Works without JavaScript, and the CSP allows no inline script anyway: at most the district page's one file,
    # which offers the interactive map (assets/public/peta.js).
    scripts = re.findall(r"<script[^>]*>", page)
    expected = [r'<script src="/assets/public/peta\.js\?m=[\d.]+" defer>'] if path == f"/publik/{DEMO}" else []
    assert len(scripts) == len(expected) and all(re.fullmatch(e, s) for e, s in zip(expected, scripts, strict=True))
    assert re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S) == [""] * len(expected)  # no inline code
    assert 'href="/assets/public.css' in page and "http://" not in page and "https://" not in page
    english = site.get(f"{path}?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in english and "data contoh (fiktif)" in english


def test_pub102_district_headline_is_the_snapshot_figure_and_the_planners_headline(site: Site, demo: Published) -> None:
    period = demo.latest_period
    cell = demo.district_cell(period)
    assert cell is not None and cell["status"] == "tampil"
    expected_rate = fmt_percent(cell["prevalensi"], "id")
    # Surfaces format, they never recompute: the public figure is the one the signed-in headline shows.
    headline = site.services.headline(DEMO, period)
    assert headline is not None and headline.rate is not None
    assert fmt_percent(headline.rate, "id") == expected_rate == "19,3%"
    assert fmt_int(headline.numerator, "id") == fmt_int(cell["pembilang"], "id") == "16.873"

    page = site.get(f"/publik/{DEMO}").get_data(as_text=True)
    text = _text(page)
    assert f'<div class="pub-figure" id="prevalensi">{expected_rate}</div>' in page
    low, high = fmt_number(cell["batas_bawah"], "id"), fmt_percent(cell["batas_atas"], "id")
    assert f"interval 95%: {low}–{high}" in text
    assert '<div class="pub-figure" id="jumlah-stunting">16.873</div>' in page
    assert "dari 87.518 balita diukur" in text
    completeness = demo.completeness(period)
    assert completeness is not None
    share = fmt_percent(100 * completeness["diukur"] / completeness["sasaran"], "id")
    assert (
        f"{fmt_int(completeness['diukur'])} dari {fmt_int(completeness['sasaran'])} sasaran balita diukur ({share})"
        f" · {completeness['desa_melapor']} dari {completeness['desa_total']} desa melapor"
    ) in text
    assert "87.518 dari 105.502 sasaran balita diukur (83,0%) · 267 dari 272 desa melapor" in text
    assert "Target nasional 14%" in text and "5,3 poin di atas target" in text
    assert "<title>Kabupaten Contoh · Agustus 2025 · Lokus · Publik</title>" in page


def test_pub103_english_uses_english_numbers_and_words(site: Site) -> None:
    page = site.get(f"/publik/{DEMO}?lang=en").get_data(as_text=True)
    text = _text(page)
    assert 'id="prevalensi">19.3%<' in page and 'id="jumlah-stunting">16,873<' in page
    assert "87,518 of 105,502 target children measured (83.0%) · 267 of 272 villages reporting" in text
    assert "<title>Kabupaten Contoh · August 2025 · Lokus · Public</title>" in page
    # Links keep the language, so a shared English link opens in English.
    assert f'href="/publik/{DEMO}/desa/{VILLAGE}?lang=en"' in page


def test_pub104_footer_states_source_period_publication_and_licence(site: Site, demo: Published) -> None:
    snapshot = site.publications.latest(DEMO)
    assert snapshot is not None
    # The publication day as the demo district reads it: WIT (UTC+9), the next day after 15:00 UTC.
    date = format_date(snapshot.published_at, "id", DEMO)
    imported = format_date(demo.content["sumber_data"][0]["diimpor"], "id", DEMO)  # in words, never 2026-11-30
    footer = (
        f"Sumber: data contoh (fiktif) (diimpor {imported}) · Periode "
        f"{period_label(demo.periods[0], 'id')}–{period_label(demo.periods[-1], 'id')} · Diterbitkan {date} oleh "
        f"Pemerintah {demo.content['wilayah']['nama']} · Lisensi CC BY 4.0"  # an institution, not an account
    )
    for path in (f"/publik/{DEMO}", f"/publik/{DEMO}/desa/{VILLAGE}", "/unduh"):
        assert footer in _text(site.get(path).get_data(as_text=True)), path


def test_pub105_period_map_and_measure_are_in_the_url(site: Site, demo: Published) -> None:
    page = site.get(f"/publik/{DEMO}?periode=2024-02&peta=kecamatan&ukuran=jumlah").get_data(as_text=True)
    cell = demo.district_cell("2024-02")
    assert cell is not None
    assert f'id="prevalensi">{fmt_percent(cell["prevalensi"], "id")}<' in page
    assert "Peta per kecamatan · Februari 2024" in page
    assert 'aria-current="true">kecamatan</a>' in page and 'aria-current="true">jumlah balita stunting</a>' in page
    # One link per kecamatan, each titled with its published figure of that period.
    kecamatan = demo.cells("kecamatan", "2024-02")
    titles = re.findall(r"<a href=\"[^\"]+\"><path d=\"[^\"]+\" fill=\"[^\"]+\"><title>([^<]+)</title>", page)
    assert len(titles) == len(kecamatan) == 16
    first = min(kecamatan, key=lambda c: c["kode"])
    assert (
        f"{first['nama']} · Februari 2024: {fmt_percent(first['prevalensi'], 'id')} "
        f"({fmt_int(first['pembilang'], 'id')} stunting dari {fmt_int(first['penyebut'], 'id')} diukur)"
    ) in titles
    # The period form works without JavaScript: a GET form keeping the map and the measure.
    assert '<form class="pub-period" method="get" action="/publik/99.01">' in page
    assert '<input type="hidden" name="peta" value="kecamatan">' in page


def test_pub106_village_map_legend_counts_every_village(site: Site, demo: Published) -> None:
    page = site.get(f"/publik/{DEMO}").get_data(as_text=True)
    counts = [int(n) for n in re.findall(r"\((\d+) wilayah\)", page)]
    assert sum(counts) == len(demo.features("desa")) == 272
    reporting = len(demo.cells("desa", demo.latest_period))
    assert counts[-1] == 272 - reporting == 5  # "belum melapor": light grey, its own swatch
    assert len(re.findall(r'<a href="/publik/99\.01/desa/99\.01\.\d\d\.\d{4}"><path ', page)) == 272
    assert re.search(r"<title>[^<]+ · Agustus 2025: belum melapor</title>", page)


def test_pub107_village_page_shows_each_period_beside_its_kecamatan_and_district(site: Site, demo: Published) -> None:
    page = site.get(f"/publik/{DEMO}/desa/{VILLAGE}").get_data(as_text=True)
    text = _text(page)
    name = demo.area_names("desa")[VILLAGE]
    assert f"<h1>{name}</h1>" in page
    for period in demo.periods:
        cell = demo.cell(period, "desa", VILLAGE)
        kecamatan = demo.cell(period, "kecamatan", "99.01.01")
        district = demo.district_cell(period)
        assert cell is not None and kecamatan is not None and district is not None
        row = (
            f"{period_label(period, 'id')} {fmt_int(cell['penyebut'])} {fmt_int(cell['pembilang'])} "
            f"{fmt_percent(cell['prevalensi'])} ({fmt_number(cell['batas_bawah'])}–{fmt_percent(cell['batas_atas'])}) "
            f"{fmt_percent(kecamatan['prevalensi'])}"
        )
        assert row in text, row
    assert 'class="pub-locator"' in page and page.count("<path ") == 2  # all villages in one path, this one on top
    assert f"/publik/{DEMO}/unduh/desa-{VILLAGE}.csv" in page


def test_pub108_method_page_states_the_rule_with_the_configured_numbers(site: Site) -> None:
    text = _text(site.get("/publik/metode").get_data(as_text=True))
    assert "−2 simpangan baku (SD)" in text and "WHO 2006" in text and "Permenkes Nomor 2 Tahun 2020" in text
    assert "kurang dari 12 balita diukur" in text  # DASHBOARD_PUBLIC_MIN_DENOMINATOR of this app
    assert "penyebut minimum 12" in text
    assert "kurang dari 5 kemungkinan nilai" in text
    assert "Mengapa angka rutin berbeda dari angka survei" in text
    assert "Interval 95%" in text and "Wilson" in text and "Kelengkapan" in text
    # Sources and their dates: each standing publication's data and publication date.
    assert "Kabupaten Contoh (99.01): data contoh (fiktif) (diimpor " in text


def test_pub109_old_addresses_lead_to_the_public_site(site: Site) -> None:
    response = site.client().get("/metode?lang=en")
    assert response.status_code == 302 and response.headers["Location"] == "/publik/metode?lang=en"
    page = site.get("/unduh").get_data(as_text=True)
    for fmt in ("csv", "xlsx", "geojson"):
        assert f'href="/publik/99.01/unduh/kecamatan.{fmt}?periode=2025-08"' in page
        assert f'href="/publik/99.01/unduh/desa.{fmt}?periode=2025-08"' in page
    assert 'href="/publik/99.01/unduh/metadata.txt"' in page


@pytest.mark.parametrize(
    "path",
    [
        "/publik/99.02",
        "/publik/9901",
        "/publik/99.01%2F..",
        "/publik/99.01?periode=2025-09",
        "/publik/99.01?periode=x",
        "/publik/99.01?peta=provinsi",
        "/publik/99.01?ukuran=rata",
        "/publik/99.01?terbitan=0",
        "/publik/99.01?terbitan=999999",
        "/publik/99.01?terbitan=99999999999999999999",
        "/publik/99.01?terbitan=-1",
        "/publik/99.01/desa/99.01.01.9999",
        "/publik/99.01/desa/52.91.01.2001",
        "/publik/99.01/desa/x",
        "/publik/99.01/unduh/kecamatan.pdf",
        "/publik/99.01/unduh/desa-99.01.01.9999.csv",
        "/publik/99.01/unduh/provinsi.csv",
        "/publik/99.01/unduh/kecamatan.csv?periode=2019-08",
        "/publik/99.01/apa/saja",
    ],
)
def test_pub110_unknown_addresses_answer_the_sites_404(site: Site, path: str) -> None:
    response = site.get(path, status=404)
    page = response.get_data(as_text=True)
    assert "Halaman tidak ditemukan" in page and 'class="lokus-public"' in page


def test_pub111_navigation_collapses_into_a_details_element(site: Site) -> None:
    page = site.get("/publik").get_data(as_text=True)
    assert '<details class="pub-nav-narrow">' in page and '<details class="pub-nav-narrow" open' not in page
    for href in ('href="/publik"', 'href="/publik/metode"', 'href="/unduh"', 'href="/publik?lang=en"'):
        assert page.count(href) >= 2, href  # in the wide navigation and in the phone's menu


def test_pub112_page_weight_stays_small(site: Site) -> None:
    plain = site.get(f"/publik/{DEMO}").get_data()
    zipped = site.client().get(f"/publik/{DEMO}", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert len(plain) < 130_000 and len(zipped.get_data()) < 30_000


def test_pub113_the_stylesheet_touches_only_public_pages(site: Site) -> None:
    # Dash serves every stylesheet in assets/ to its own pages too: each rule must be scoped to the public body class.
    css = site.get("/assets/public.css").get_data(as_text=True)
    css = re.sub(r"@media[^{]*\{", "", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    selectors = [rule.split("{")[0] for rule in css.split("}") if "{" in rule]
    assert len(selectors) > 40
    assert [s for rule in selectors for s in rule.split(",") if not s.strip().startswith(".lokus-public")] == []
