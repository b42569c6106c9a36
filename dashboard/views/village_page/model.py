"""What the village profile page and its PDF read: the reader's districts and villages, the lokus list, the profiles.

Every read checks the reader's area on the server (:meth:`Services.require_readable`, the registers' own checks):
the district and village come from the page or the URL and are never trusted.
"""

from __future__ import annotations

import logging

import pandas as pd

from dashboard.auth.roles import Actor
from dashboard.core.village_profile import VillageProfile, village_profile
from dashboard.data.case_audits import CaseAudits
from dashboard.data.programmes import Programmes
from dashboard.data.village_sources import observation_datasets
from dashboard.services import Services

__all__ = ["district_options", "lokus_codes", "profiles", "village_options", "village_table"]

log = logging.getLogger(__name__)


def district_options(services: Services) -> list[dict[str, str]]:
    """The districts the current reader may read (its areas, the demo), as dropdown options."""
    return [{"label": d.name, "value": d.code} for d in services.source.districts()]


def village_table(services: Services, district: str) -> pd.DataFrame:
    """``code, name, kecamatan_name`` of the district's villages (the reader's area checked), by kecamatan, name."""
    villages = services.source.villages(district)
    table = pd.DataFrame(villages[["code", "name", "kecamatan_name"]]).astype(str)
    return table.sort_values(["kecamatan_name", "name", "code"]).reset_index(drop=True)


def village_options(services: Services, district: str) -> list[dict[str, str]]:
    """The district's villages as options: "Name (Kecamatan)" by kecamatan and name."""
    table = village_table(services, district)
    return [{"label": f"{n} ({k})", "value": c} for c, n, k in zip(table["code"], table["name"],
                                                                  table["kecamatan_name"], strict=True)]  # fmt: skip


def lokus_codes(services: Services, district: str) -> list[str]:
    """The district's current lokus villages: the final scenario of the newest year with scenarios, else that
    year's newest draft; none without a database or a scenario."""
    services.require_readable(district)
    if services.store is None:
        return []
    found = services.store.scenarios(district)
    if not found:
        return []
    newest = [s for s in found if s.year == found[0].year]
    chosen = next((s for s in newest if s.is_final), newest[0])
    return list(chosen.codes)


def _with_origins(services: Services, district: str) -> pd.DataFrame:
    observations = services.source.observations(district)  # the reader's area checked here
    if services.store is None or observations.empty:
        return observations
    sources = observation_datasets(services.store, district)
    return observations.merge(sources, on=["code", "period", "indicator"], how="left")


def profiles(services: Services, actor: Actor, district: str, codes: list[str], lang: str) -> list[VillageProfile]:
    """The profiles of ``codes`` (villages of ``district``; others skipped) in the given order; none for a district
    without boundaries.

    Raises :class:`~dashboard.auth.roles.Forbidden` when ``actor`` may not read the district.
    """
    services.require_readable(district)
    info = next((d for d in services.source.districts() if d.code == district), None)
    if info is None:  # an area of the reader's that holds no boundaries
        return []
    table = village_table(services, district).set_index("code")
    observations = _with_origins(services, district)
    datasets, programmes, audits = [], [], []
    if services.store is not None and services.accounts is not None:
        datasets = services.store.datasets()
        programmes = Programmes(services.store, services.accounts).of_district(actor, district)
        audits = CaseAudits(services.store, services.accounts).of_district(actor, district)
    return [
        village_profile(code, (str(table.at[code, "name"]), str(table.at[code, "kecamatan_name"])),
                        (info.code, info.name, info.is_demo), observations, datasets, programmes, audits, lang)
        for code in codes if code in table.index
    ]  # fmt: skip
