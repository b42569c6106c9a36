"""The public site speaks one language at a time and marks the demo in every file (issue 16, points 3 and 6)."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from tests.public.helpers import Site, start_site

DEMO = "99.01"
VILLAGE = "99.01.01.1001"
PAGES = ("/publik", f"/publik/{DEMO}", f"/publik/{DEMO}/desa/{VILLAGE}", "/publik/metode", "/unduh")
# Words of a sentence in the other language (place names, the field's own terms and the demo's agreed mark
# "data contoh (fiktif)" are allowed in both).
INDONESIAN = re.compile(r"\b(yang|dan|untuk|tidak|dengan|dari|Terbitan|otomatis|Unduh|halaman|kosong)\b")
ENGLISH = re.compile(r"\b(the|and|of|with|Download|page|published)\b")
MARK = "data contoh (fiktif)"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return start_site(tmp_path_factory.mktemp("instance"))


def _words(page: str) -> str:
    """The visible words and the tab title: tags, the language switch and the demo's mark removed."""
    text = re.sub(r"<[^>]+>", " ", page).replace("&amp;", "&")
    return text.replace("Bahasa Indonesia", "").replace("English", "").replace(MARK, "")


@pytest.mark.parametrize("path", PAGES)
def test_pub120_each_public_page_speaks_one_language(site: Site, path: str) -> None:
    english = site.get(f"{path}?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in english and MARK in english
    assert INDONESIAN.findall(_words(english)) == []
    indonesian = site.get(path).get_data(as_text=True)
    assert '<html lang="id">' in indonesian
    assert ENGLISH.findall(_words(indonesian).replace("fictional example data", "")) == []


def test_pub121_the_demos_own_note_is_read_in_the_readers_language(site: Site) -> None:
    english = site.get(f"/publik/{DEMO}?lang=en").get_data(as_text=True)
    assert "Automatic publication of the fictional sample data" in english and "Terbitan otomatis" not in english
    indonesian = site.get(f"/publik/{DEMO}").get_data(as_text=True)
    assert "Terbitan otomatis data contoh (fiktif)" in indonesian


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pub122_every_download_of_the_demo_says_it_is_fictional(site: Site, lang: str) -> None:
    base = f"/publik/{DEMO}/unduh"
    for name in ("kecamatan.csv", "desa.csv", f"desa-{VILLAGE}.csv", "kecamatan.geojson", "metadata.txt"):
        body = site.get(f"{base}/{name}?lang={lang}").get_data()
        assert MARK in body.decode("utf-8-sig"), name
    book = load_workbook(io.BytesIO(site.get(f"{base}/desa.xlsx?lang={lang}").get_data()))
    data = [str(c) for row in book["data"].iter_rows(min_row=2, values_only=True) for c in row if c]
    metadata = [str(c) for row in book["metadata"].iter_rows(values_only=True) for c in row if c]
    assert any(MARK in c for c in data) and any(MARK in c for c in metadata)  # every row's source, and the note
    readme = site.get(f"{base}/metadata.txt?lang={lang}").get_data(as_text=True)
    if lang == "en":
        assert "Automatic publication" in readme and "Terbitan otomatis" not in readme
