"""The gaps page's figures on the demo district and on hand-made counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import plotly
import pytest

from dashboard.config import Settings
from dashboard.core.gaps import period_change
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views import gaps_page

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
DISTRICT = "99.01"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        yield Services.from_store(settings, store)


@pytest.fixture(autouse=True)
def _no_app_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gaps_page, "services_url", lambda services, district: "/lokus-geo/test.geojson")


def _state(**changes: object) -> dict[str, object]:
    state: dict[str, object] = {"period": "2025-08", "view": "gap", "indicator": "vitamin_a", "axis": "indicator",
                                "before": "2025-02", "change_indicator": "stunting", "target": None}  # fmt: skip
    return state | changes


def _text(component: object) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def test_gap020_scope_figures_are_sums_of_counts_not_means_of_rates() -> None:
    observations = pd.DataFrame(
        {
            "code": ["a", "b", "c"], "period": "2025-08", "indicator": "stunting",
            "numerator": [3.0, 1.0, 9.0], "denominator": [10.0, 30.0, 10.0],
        }
    )  # fmt: skip
    # a and b: (3 + 1) / (10 + 30) = 10.0%, not the mean of 30% and 3.3%
    figures = gaps_page.scope_figures(observations, "2025-08", ["a", "b"])
    assert figures.loc["stunting"].tolist() == [4.0, 40.0, 10.0]


def test_gap021_gap_map_and_target_override(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    figure, legend = gaps_page.gaps_figure(services, DISTRICT, villages, _state(), "id")
    assert len(figure.data) == 2 and len(figure.data[0].locations) == len(villages)  # grey under the values
    assert "Target: 90,0%" in _text(legend)
    lower, legend = gaps_page.gaps_figure(services, DISTRICT, villages, _state(target=50.0), "id")
    assert "Target: 50,0%" in _text(legend)
    assert pd.Series(lower.data[1].z).dropna().sum() < pd.Series(figure.data[1].z).dropna().sum()


def test_gap022_bivariate_legend_counts_every_village_with_both_values(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    figure, legend = gaps_page.gaps_figure(services, DISTRICT, villages, _state(view="bivariate"), "id")
    counts = [int(c) for c in _cells(json.loads(_text(legend)))]
    both = sum(1 for z in figure.data[1].z if z >= 0)
    assert len(counts) == 9 and sum(counts) == both and both > 250


def _cells(node: object) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        props = node.get("props", {})
        if "bivariate-cell" in str(props.get("className", "")):
            found.append(str(props["children"]))
        for value in props.values() if isinstance(props, dict) else ():
            found += _cells(value)
    elif isinstance(node, list):
        for item in node:
            found += _cells(item)
    return found


def test_gap023_change_map_greys_what_is_within_the_uncertainty(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    figure, legend = gaps_page.gaps_figure(services, DISTRICT, villages, _state(view="change"), "id")
    change = period_change(services.source.observations(DISTRICT), "stunting", "2025-02", "2025-08")
    noise = change.reindex(villages["code"].astype(str))["significant"].fillna(False).astype(bool)
    assert sorted(figure.data[2].locations) == sorted(noise.index[~noise])
    assert f"{int((~noise).sum())} desa" in _text(legend)
    assert 0 < int((~noise).sum()) < len(villages)


def test_gap024_matrix_rows_by_prevalence_and_profile_names_the_lokus_scenario(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    codes = villages["code"].astype(str).tolist()
    matrix = gaps_page.matrix_figure(services, DISTRICT, codes, _state(), "id")
    shares = [float(label.rsplit("(", 1)[1].rstrip("%)").replace(",", ".")) for label in matrix.data[0].y
              if not label.endswith("(—%)")]  # fmt: skip
    assert shares == sorted(shares, reverse=True)

    code = codes[0]
    store = services.require_store()
    store.save_scenario(Scenario(DISTRICT, 2025, "2025-08", "Uji profil", "weighted", {},
                                 (ScenarioVillage(code, 1, 80.0, 30.0, 9.0, "uji"),), "tester"))  # fmt: skip
    profile = _text(gaps_page.village_profile(services, DISTRICT, code, "2025-08", "id"))
    assert "2025: Uji profil" in profile
    assert "IK 95%" in profile and "Kab/kota" in profile
