"""The main page's headline and ``summary``: completeness, like-for-like change, flags, one computation (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.config import Settings
from dashboard.core.change import like_for_like
from dashboard.core.headline import JSON_KEYS
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource, District
from dashboard.figures.map import hover_texts, marks
from dashboard.i18n import fmt_int
from dashboard.services import Services
from dashboard.views import map_page
from dashboard.views.map_page.choice import district_period_options

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


class FrameSource:
    """The demo's villages with observations a test chose."""

    def __init__(self, observations: pd.DataFrame) -> None:
        self._demo = DemoSource(GEODATA)
        self._observations = observations

    def districts(self) -> list[District]:
        return self._demo.districts()

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        return self._demo.villages(district_code)

    def observations(self, district_code: str) -> pd.DataFrame:
        return self._observations.copy()

    def boundary_version(self, district_code: str) -> str:
        return "test"


def _text(component: Any) -> str:
    """Every string in a component tree, joined."""
    if isinstance(component, str):
        return component
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    if hasattr(component, "children"):
        return _text(component.children)
    return ""


def _classes(component: Any) -> list[str]:
    found = []
    if isinstance(component, list | tuple):
        for child in component:
            found += _classes(child)
    elif hasattr(component, "to_plotly_json"):
        found.append(str(getattr(component, "className", "") or ""))
        found += _classes(getattr(component, "children", None))
    return found


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    source = DemoSource(GEODATA)
    return source.observations(DEMO_DISTRICT_CODE)


def _services(observations: pd.DataFrame) -> Services:
    return Services(Settings(), FrameSource(observations))


def test_head001_a_month_of_3_villages_is_offered_marked_but_not_opened(demo: pd.DataFrame) -> None:
    codes = sorted(demo["code"].unique())[:3]
    # The same counts as in August: nothing a plausibility flag would question.
    august = demo[(demo.indicator == "stunting") & (demo.period == "2025-08") & demo.code.isin(codes)]
    late = august.assign(period="2025-09")
    services = _services(pd.concat([demo, late], ignore_index=True))
    choice = map_page.resolve_choice(services, None)
    assert choice is not None and choice.period == "2025-08"  # 267 of 272 villages, not 3 of 272
    labels = {o["value"]: o["label"] for o in district_period_options(services, DEMO_DISTRICT_CODE, "id")}
    assert labels["2025-09"] == "September 2025 — belum lengkap: 3 dari 272 desa"
    assert labels["2025-08"] == "Agustus 2025"
    # Chosen by hand, the month is shown with its completeness and a badge, and its change is over 3 villages.
    view = map_page.map_view(services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-09"), "id")
    scope = _text(view.scope)
    assert "3 dari 272 desa melapor (1,1%)" in scope
    assert "belum lengkap" in scope
    assert "Kabupaten Contoh: hanya 3 dari 272 desa yang melapor, September 2025" in scope  # not "Seluruh ..."
    assert "angka ini belum mewakili seluruh wilayah" in scope
    change = _text(view.kpis[2])
    assert "dibandingkan: 3 desa yang melapor di kedua periode" in change
    assert "sejak Agustus 2025" in change  # no September 2024: the previous weighing month


def test_head002_default_headline_is_like_for_like_with_its_interval(demo: pd.DataFrame) -> None:
    services = _services(demo)
    view = map_page.map_view(services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08"), "id")
    headline = services.headline(DEMO_DISTRICT_CODE, "2025-08")
    assert headline is not None and headline.change is not None
    assert headline.change.before == "2024-08"  # the same month a year earlier
    # The card's figures are the headline's: the change over the villages in both periods.
    flags = services.flags(DEMO_DISTRICT_CODE)
    flagged = set(flags.loc[(flags.indicator == "stunting") & flags.period.isin(["2024-08", "2025-08"]), "code"])
    assert flagged  # the demo has values a flag questions: they are left out of the change, and the card says so
    both = demo[(demo.indicator == "stunting") & demo.period.isin(["2024-08", "2025-08"]) & ~demo.code.isin(flagged)]
    in_both = both.groupby("code").filter(lambda g: g.period.nunique() == 2)
    after = in_both[in_both.period == "2025-08"]
    before = in_both[in_both.period == "2024-08"]
    rate_after = after.numerator.sum() / after.denominator.sum()
    expected = 100 * (rate_after - before.numerator.sum() / before.denominator.sum())
    assert headline.change.change == pytest.approx(expected)
    assert headline.change.compared == after.code.nunique()
    assert headline.change.excluded == len(flagged)
    change = _text(view.kpis[2])
    assert f"dibandingkan: {headline.change.compared} desa" in change
    assert f"tanpa {len(flagged)} desa yang nilainya ditandai" in change
    assert "interval kepercayaan 95%" in change and "bermakna" in change
    measured = f"balita diukur di desa yang sama: {fmt_int(headline.change.denominator_before, 'id')} → "
    assert measured + f"{fmt_int(headline.change.denominator_after, 'id')}" in change
    prevalence = _text(view.kpis[0])
    assert "interval kepercayaan 95%: 19,0–19,5%" in prevalence
    assert "di 267 desa yang melapor" in prevalence
    assert "jumlah dari 267 desa yang melapor" in _text(view.kpis[1])


def test_head003_a_change_within_chance_is_not_coloured(demo: pd.DataFrame) -> None:
    # A kecamatan whose prevalence falls 1.5 pp while its villages' children grow: not significant, so grey.
    villages = DemoSource(GEODATA).villages(DEMO_DISTRICT_CODE)
    kecamatan = str(villages["kecamatan_code"].iloc[0])
    codes = villages.loc[villages["kecamatan_code"] == kecamatan, "code"].tolist()[:4]
    rows = []
    for code in codes:
        rows += [(code, "2025-02", "stunting", 21.0, 100.0), (code, "2025-08", "stunting", 22.0, 115.0)]
    observations = pd.DataFrame(rows, columns=["code", "period", "indicator", "numerator", "denominator"])
    services = _services(observations)
    view = map_page.map_view(services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08", kecamatan), "id")
    change = view.kpis[2]
    text = _text(change)
    assert "▼ −1,9 poin persen" in text  # a true minus sign
    assert "tidak bermakna" in text
    assert "+4 balita stunting di desa yang sama" in text
    assert "balita diukur di desa yang sama: 400 → 460" in text  # why more children and a lower rate agree
    assert "kpi-value kpi-neutral" in _classes(change)


def _falling_to_zero(demo: pd.DataFrame, code: str) -> pd.DataFrame:
    """The demo with one village going from 54/279 stunted in February to 0/321 in August 2025."""
    edited = demo[~((demo.code == code) & (demo.indicator == "stunting") & demo.period.isin(["2025-02", "2025-08"]))]
    extra = pd.DataFrame({"code": code, "period": ["2025-02", "2025-08"], "indicator": "stunting",
                          "numerator": [54.0, 0.0], "denominator": [279.0, 321.0]})  # fmt: skip
    return pd.concat([edited, extra], ignore_index=True)


def test_head004_flagged_values_are_marked_on_the_map_and_listed(demo: pd.DataFrame) -> None:
    services = _services(_falling_to_zero(demo, code := "99.01.01.1001"))
    view = map_page.map_view(services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08"), "id")
    assert code in view.values.flagged
    hover = view.values.customdata[view.values.locations.index(code)][2]
    assert "⚠ ditandai" in hover and "nol stunting" in hover
    assert "Nilai ditandai (periksa)" in _text(view.legend)
    flags = _text(view.flags)
    assert "19,4% (54/279) (Februari 2025) → 0,0% (0/321)" in flags
    # The map component outlines it (dashed orange) and its tooltip says why.
    assert marks(view.values)[code] == "flagged"
    assert "⚠ ditandai" in hover_texts(view.values)[code]


def test_head005_summary_prints_the_page_headline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "instance"))
    assert main(["summary", "--wilayah", "9901", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert tuple(data) == ("wilayah", "nama", "data_contoh_fiktif", *JSON_KEYS)
    assert (data["wilayah"], data["data_contoh_fiktif"], data["periode"]) == ("99.01", True, "2025-08")
    settings = Settings.from_env()
    from dashboard.data.store import Store

    with Store.open(settings=settings) as store:
        services = Services.from_store(settings, store)
        headline = services.headline(DEMO_DISTRICT_CODE)
        view = map_page.map_view(services, map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08"), "id")
    assert headline is not None and headline.change is not None
    assert data["prevalensi"] == round(headline.rate or 0, 1)
    assert data["perubahan"]["desa_dibandingkan"] == headline.change.compared
    assert data["perubahan"]["bermakna"] is True
    assert data["kelengkapan"]["desa_melapor"] == 267
    assert isinstance(data["jumlah_stunting"], int) and data["jumlah_stunting"] == headline.numerator
    assert data["perubahan"]["diukur_kini"] == headline.change.denominator_after
    # The text form says what the page's cards say, word for word.
    assert main(["summary", "--wilayah", "99.01"]) == 0
    out = capsys.readouterr().out
    assert "data contoh (fiktif)" in out.splitlines()[0]
    notes = [_text(note) for card in view.kpis for note in card[1:]]
    assert len(notes) >= 9
    for note in notes:
        assert note in out
    assert _text(view.scope[1]) in out
    # A period without data and a malformed one end with a message, not a traceback.
    assert main(["summary", "--wilayah", "99.01", "--periode", "2019-01"]) == 1
    assert main(["summary", "--wilayah", "99.01", "--periode", "kemarin"]) == 2
    assert main(["summary", "--wilayah", "12.34"]) == 1
    err = capsys.readouterr().err
    assert "2019-01" in err and "12.34" in err


def test_head006_the_village_profile_marks_a_flagged_value(demo: pd.DataFrame) -> None:
    services = _services(_falling_to_zero(demo, code := "99.01.01.1001"))
    choice = map_page.MapChoice(DEMO_DISTRICT_CODE, "stunting", "2025-08")
    flagged = _text(map_page.profile_panel(services, choice, code, "id"))
    assert "⚠ nol stunting dari ≥30 balita diukur" in flagged
    other = _text(map_page.profile_panel(services, choice, "99.01.01.1002", "id"))
    assert "⚠" not in other


def test_head007_a_flagged_fall_to_zero_does_not_make_the_change_significant(demo: pd.DataFrame) -> None:
    services = _services(_falling_to_zero(demo, code := "99.01.01.1001"))
    observations = services.source.observations(DEMO_DISTRICT_CODE)
    headline = services.headline(DEMO_DISTRICT_CODE, "2025-08", "2025-02")
    assert headline is not None and headline.change is not None
    flags = services.flags(DEMO_DISTRICT_CODE)
    flagged = set(flags.loc[(flags.indicator == "stunting") & flags.period.isin(["2025-02", "2025-08"]), "code"])
    assert code in flagged
    # Exactly the change over the villages in both periods without the flagged ones, and the card counts them.
    expected = like_for_like(observations, "stunting", "2025-02", "2025-08", exclude=flagged)
    everything = like_for_like(observations, "stunting", "2025-02", "2025-08")
    assert (headline.change.change, headline.change.excluded) == (expected.change, len(flagged))
    assert headline.change.compared == everything.compared - len(flagged)
    assert headline.change.numerator_before < everything.numerator_before  # the village's 54 is not in it
    assert code in set(headline.flags["code"])  # still listed as flagged under the cards
