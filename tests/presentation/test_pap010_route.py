"""Who sees /paparan and what it sends: leadership of the area, the sign-in page for others; pictures cached by
their content, privately; no form control on any slide; every slide with period, source, completeness and fiktif."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.store import Store
from tests.auth_helpers import add_user, sign_in_client
from tests.presentation.helpers import seed_briefing

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> object:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    made = create_app(settings)
    with Store.open(settings=settings) as store:
        seed_briefing(store)
    add_user(settings, "kepala", "pimpinan", ("99",))
    add_user(settings, "tetangga", "pimpinan", ("52.04",))
    return made


def _slides(html: str) -> list[str]:
    return re.findall(r'<section class="slide[^"]*" id="s\d+".*?</section>', html, flags=re.S)


def test_pap010_signed_out_goes_to_sign_in_and_comes_back(app: object) -> None:
    client = app.server.test_client()  # type: ignore[attr-defined]
    response = client.get("/paparan/99.01?periode=2025-08")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Fpaparan%2F99.01%3Fperiode%3D2025-08"
    assert client.get("/paparan/99.01/peta/prevalensi.png").status_code == 302  # pictures too
    assert client.get("/paparan").headers["Location"] == "/login?next=/paparan"


def test_pap011_only_readers_of_the_area(app: object) -> None:
    neighbour = sign_in_client(app, "tetangga")  # type: ignore[arg-type]
    assert neighbour.get("/paparan/52.03").status_code in (403, 404)  # not theirs (or not in the database)
    assert neighbour.get("/paparan/99.01").status_code == 200  # the fictional demo: anyone who may read figures
    leader = sign_in_client(app, "kepala")  # type: ignore[arg-type]
    assert leader.get("/paparan").headers["Location"] == "/paparan/99.01"
    assert leader.get("/paparan/99.01?periode=agustus").status_code == 400
    assert leader.get("/paparan/99.01?periode=2019-08").status_code == 404
    unknown = leader.get("/paparan/99.02")
    assert unknown.status_code == 404 and "99.02 tidak ada" in unknown.get_data(as_text=True)


def test_pap012_the_page_has_seven_slides_without_form_controls(app: object) -> None:
    leader = sign_in_client(app, "kepala")  # type: ignore[arg-type]
    response = leader.get("/paparan/99.01")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "private, no-cache"
    html = response.get_data(as_text=True)
    assert not re.search(r"<(input|select|textarea|button)\b", html)
    slides = _slides(html)
    assert len(slides) == 7
    for number, slide in enumerate(slides, start=1):
        assert f"{number}/7" in slide
        assert "Agustus 2025 · " in slide and "desa melapor" in slide and "Sumber: " in slide, number
        assert slide.count("data contoh (fiktif)") >= 2, number  # the header's mark and the footer
    assert "19,3%" in slides[0]  # the demo's prevalence (the main page's headline for August 2025)
    assert "DRAF" in slides[3] and "Usulan 2025" in slides[3]
    assert "Tinjauan: lokus desa 2024" in slides[5] and "bermakna" in slides[5]
    assert "Rp 2,0 jt / Rp 9,5 jt" in slides[6]
    assert 'href="/unduh/ringkasan/99.01.pdf?periode=2025-08"' in html  # the brief, from the presentation
    english = leader.get("/paparan/99.01?lang=en").get_data(as_text=True)
    assert 'href="/unduh/ringkasan/99.01.pdf?periode=2025-08&amp;lang=en"' in english  # in the reader's language
    assert 'class="deck-exit" href="/?lang=en"' in english


def test_pap013_pictures_are_maps_cached_by_content(app: object) -> None:
    leader = sign_in_client(app, "kepala")  # type: ignore[arg-type]
    html = leader.get("/paparan/99.01").get_data(as_text=True)
    urls = [u.replace("&amp;", "&") for u in re.findall(r'<img class="paparan-[^"]*" src="([^"]+)"', html)]
    assert {re.sub(r"\?.*", "", u) for u in urls} == {
        "/paparan/99.01/tren.png",
        "/paparan/99.01/peta/prevalensi.png",
        "/paparan/99.01/peta/lokus.png",
        "/paparan/99.01/peta/kesenjangan.png",
    }
    for url in urls:
        response = leader.get(url)
        body = response.get_data()
        assert response.status_code == 200 and body.startswith(PNG), url
        assert response.headers["Cache-Control"] == "private, max-age=86400", url
        image = Image.open(io.BytesIO(body)).convert("RGB")
        colours: list[tuple[int, tuple[int, int, int]]] = image.getcolors(maxcolors=1 << 16) or []  # type: ignore[assignment]
        white = sum(n for n, c in colours if c == (255, 255, 255))
        if "/peta/" in url:  # a map fills its picture; the trend is a red line on white
            assert len(colours) > 8 and white < 0.8 * image.width * image.height, url
        else:
            red = sum(n for n, (r, g, b) in colours if r > 150 and g < 40 and b < 40)
            assert red > 500, url
    stale = re.sub(r"v=[0-9a-f]+", "v=0000", urls[1])
    response = leader.get(stale)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "private, no-cache"
    assert leader.get("/paparan/99.01/peta/tidakada.png").status_code == 404


def test_pap014_english_and_the_main_page_links_to_it(app: object) -> None:
    leader = sign_in_client(app, "kepala")  # type: ignore[arg-type]
    html = leader.get("/paparan/99.01?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in html and "At a glance" in html and "August 2025" in html
    css = re.search(r'href="(/assets/paparan/paparan\.css\?m=\d+)"', html)
    script = re.search(r'src="(/assets/paparan/paparan\.js\?m=\d+)"', html)
    assert css and script
    assert leader.get(css.group(1)).status_code == 200 and leader.get(script.group(1)).status_code == 200
    index = leader.get("/").get_data(as_text=True)
    assert "paparan.css" not in index and "paparan.js" not in index  # not loaded by the Dash pages


def test_pap015_the_presentation_files_exist() -> None:
    folder = Path(__file__).resolve().parents[2] / "assets" / "paparan"
    assert (folder / "paparan.css").is_file() and (folder / "paparan.js").is_file()
