"""The gaps page's figures on the demo district and on hand-made counts."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import plotly
import pytest

from dashboard.config import Settings
from dashboard.core.change import ChangeClass, change_classes
from dashboard.core.gaps import BIVARIATE_PALETTE, coverage_gaps, period_change
from dashboard.data.scenarios import Scenario, ScenarioVillage
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views import gaps_page
from tests.gaps.test_gaps_honest import _draw

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
DISTRICT = "99.01"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    with Store.open(settings=settings) as store:
        store.ensure_demo(GEODATA)
        yield Services.from_store(settings, store)


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
    drawn = _draw(services, villages, _state())
    # One class per village of the district: its gap to the target in bands of 10 points (0: target met).
    assert len(drawn.classes) == len(villages) and "Target: 90,0%" in _text(drawn.legend)
    gaps = coverage_gaps(services.source.observations(DISTRICT), "2025-08").set_index(["indicator", "code"])
    for code, cls in list(drawn.classes.items())[:40]:
        gap = gaps["gap"].get(("vitamin_a", code))
        assert cls == (None if gap is None or pd.isna(gap) else 0 if gap <= 0 else min(math.ceil(gap / 10), 4))
    lower = _draw(services, villages, _state(target=50.0))
    assert "Target: 50,0%" in _text(lower.legend)
    assert sum(c or 0 for c in lower.classes.values()) < sum(c or 0 for c in drawn.classes.values())


def test_gap022_bivariate_legend_counts_every_village_with_both_values(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    drawn = _draw(services, villages, _state(view="bivariate"))
    counts = [int(c) for c in _cells(json.loads(_text(drawn.legend)))]
    both = sum(1 for cls in drawn.classes.values() if cls is not None)
    assert len(counts) == 9 and sum(counts) == both and both > 250
    # The component's bivariate palette: class 3 × burden + coverage, drawn from the page's palette.
    assert drawn.props["bivariate"]["size"] == 3 and len(drawn.props["palette"]) == 9 + 1  # and "outside"
    colours = gaps_page.figures.BIVARIATE_COLOURS
    assert drawn.props["palette"][:9] == [colours[f"{b}-{c}"] for b in range(3) for c in range(3)]
    # Core's palette but for its lightest cell, which was the grey of "no data" there.
    assert colours["0-2"] != BIVARIATE_PALETTE["0-2"]
    assert all(colours[k] == BIVARIATE_PALETTE[k] for k in BIVARIATE_PALETTE if k != "0-2")


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


def test_gap023_change_map_separates_no_value_not_significant_fall_and_rise(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    drawn = _draw(services, villages, _state(view="change"))
    legend = drawn.legend
    codes = villages["code"].astype(str)
    change = period_change(services.source.observations(DISTRICT), "stunting", "2025-02", "2025-08").reindex(codes)
    classes = change_classes(change["change"], change["significant"])
    order = [ChangeClass.NO_VALUE, ChangeClass.NOT_SIGNIFICANT, ChangeClass.FALL, ChangeClass.RISE]
    assert list(drawn.classes.values()) == [order.index(ChangeClass(c)) for c in classes]
    text = _text(legend)
    for cls in order:
        assert f"{int((classes == cls).sum())} desa" in text
    # The five villages without a 2025-08 value are counted apart, never as "not significant".
    assert int((classes == ChangeClass.NO_VALUE).sum()) == 5
    assert 0 < int((classes == ChangeClass.NOT_SIGNIFICANT).sum()) < len(villages)


def test_gap024_matrix_rows_by_prevalence_and_profile_names_the_lokus_scenario(services: Services) -> None:
    villages = services.source.villages(DISTRICT)
    codes = villages["code"].astype(str).tolist()
    matrix = gaps_page.matrix_figure(services, DISTRICT, codes, _state(), "id")
    labels = [label.removesuffix(" ⚠") for label in matrix.data[0].y]  # a flagged prevalence is marked
    shares = [float(label.rsplit("(", 1)[1].rstrip("%)").replace(",", ".")) for label in labels
              if not label.endswith("(—%)")]  # fmt: skip
    assert shares == sorted(shares, reverse=True)
    assert sum(label.endswith(" ⚠") for label in matrix.data[0].y) == 3  # the demo's three flagged 2025-08 values

    code = codes[0]
    store = services.require_store()
    store.save_scenario(Scenario(DISTRICT, 2025, "2025-08", "Uji profil", "weighted", {},
                                 (ScenarioVillage(code, 1, 80.0, 30.0, 9.0, "uji"),), "tester"))  # fmt: skip
    profile = _text(gaps_page.village_profile(services, DISTRICT, code, "2025-08", "id"))
    assert "2025: Uji profil" in profile
    assert "IK 95%" in profile and "Kab/kota" in profile
