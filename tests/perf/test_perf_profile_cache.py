"""Issue 17, point 2: what the village profile keeps per data version shows the figures computed afresh, follows an
import or a removal at once, and is never handed to a reader of another area."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import plotly.utils
import pytest

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Forbidden
from dashboard.config import Settings
from dashboard.core.aggregate import rank_villages, village_table
from dashboard.data.accounts import Accounts
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.data.store import Store
from dashboard.services import Services
from dashboard.views.map_page.choice import MapChoice
from dashboard.views.map_page.profile import district_trends, period_facts, profile_panel, village_trend
from tests.store.helpers import indicator_batch, village_codes, villages_frame, write

HERE, THERE = "52.91", "52.92"
PASSWORD = "Tujuh-Bintang-2025"


def _json(component: Any) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        for district, origin in ((HERE, (116.4, -8.6)), (THERE, (116.6, -8.6))):
            frame = villages_frame(district, origin=origin)
            store.commit(prepare_boundary_import(write(frame, tmp_path / district, "geojson")), "test")
        rows = [(code, period, "stunting", float(3 + i), 10.0 + i)
                for i, code in enumerate(village_codes(HERE)) for period in ("2025-02", "2025-08")]  # fmt: skip
        rows += [(code, "2025-08", "stunting", 1.0, 20.0) for code in village_codes(THERE)]
        store.commit(indicator_batch(rows), "test")
        yield Services.from_store(settings, store)


def _planner(services: Services, name: str, area: str) -> Any:
    return Accounts(services.require_store()).create_user(name, PASSWORD, "perencana", [area]).actor


def test_perf010_kept_profile_equals_the_profile_computed_afresh(services: Services) -> None:
    store = services.require_store()
    fresh = Services(services.settings, store, store)  # the store itself as the source: nothing kept
    code = village_codes(HERE)[1]
    for measure, period, lang in (("stunting", "2025-08", "id"), ("stunting@count", "2025-02", "en")):
        choice = MapChoice(HERE, measure, period)
        first = _json(profile_panel(services, choice, code, lang))
        assert services.kept(f"profile.period:{period}", HERE) is not None  # the second call reads what is kept
        assert (
            _json(profile_panel(services, choice, code, lang))
            == first
            == _json(profile_panel(fresh, choice, code, lang))
        )
    # The exact figures: 4 of 11 children is 36,4%, 5th of 6 (worst first: 8/15, 7/14, 6/13, 5/12, 4/11, 3/10).
    text = _json(profile_panel(services, MapChoice(HERE, "stunting", "2025-08"), code, "id"))
    assert "36,4%" in text and "4/11" in text and "5/6" in text


def test_perf015_kept_figures_are_the_reference_functions_figures_on_the_demo() -> None:
    source = DemoSource(Settings().geodata_dir)
    observations = source.observations(DEMO_DISTRICT_CODE)
    villages = source.villages(DEMO_DISTRICT_CODE)
    trends = district_trends(observations, villages)
    empty_flags = observations.iloc[:0].assign(flag=[])
    facts = period_facts(observations, empty_flags.reindex(columns=["code", "period", "indicator", "flag"]),
                         trends.indicators, "2025-08")  # fmt: skip
    for key in trends.indicators[:4]:
        table = village_table(observations, key, "2025-08")
        for code, row in table.iloc[::25].iterrows():
            assert facts.counts[key][str(code)][:2] == (row["numerator"], row["denominator"])
            expected = village_trend(observations, key, str(code), list(trends.periods))
            np.testing.assert_array_equal(trends.rates[(key, str(code))], expected)
        ranks = rank_villages(observations, key, "2025-08")
        assert facts.ranks[key] == {str(c): int(r) for c, r in ranks.items()}


def test_perf020_an_import_or_a_removal_shows_at_once_in_the_profile(services: Services) -> None:
    store = services.require_store()
    code = village_codes(HERE)[0]
    choice = MapChoice(HERE, "stunting", "2026-02")
    before = _json(profile_panel(services, choice, code, "id"))
    assert "7/20" not in before
    result = store.commit(indicator_batch([(code, "2026-02", "stunting", 7.0, 20.0)], salt="new"), "test")
    after = _json(profile_panel(services, choice, code, "id"))
    assert "35,0%" in after and "7/20" in after  # the new period's figure, not the kept one
    assert result.dataset_id is not None and store.remove_dataset(result.dataset_id)
    assert "7/20" not in _json(profile_panel(services, choice, code, "id"))


def test_perf030_what_is_kept_for_one_area_is_never_shown_to_a_reader_of_another(services: Services) -> None:
    here, there = _planner(services, "perencana-sini", HERE), _planner(services, "perencana-sana", THERE)
    code = village_codes(HERE)[0]
    choice = MapChoice(HERE, "stunting", "2025-08")
    with acting_as(here):
        assert "3/10" in _json(profile_panel(services, choice, code, "id"))
        services.headline(HERE, "2025-08")
    assert services.kept("profile.period:2025-08", HERE) is not None
    with acting_as(there):
        with pytest.raises(Forbidden):
            profile_panel(services, choice, code, "id")
        with pytest.raises(Forbidden):
            services.headline(HERE, "2025-08")
