"""One village's profile from every source: health, scorecard, families at risk, cadres, Dana Desa, partners, audits.

The profile answers "who is doing what here, with what money, and is it reaching the children" for the rembuk
stunting. Each figure carries its period and its origin (the imported file, its kind and import date; or the
partners' and case-audit registers), so a reader can tell a February weighing from a quarter's scorecard. A source
with no data stays in the profile and says so ("Belum ada data"). Figures are summed counts over the village's
rows of one period and indicator (never an average of percentages).

Pure: the caller hands the district's observations (with ``dataset_id``), the dataset list and the registers'
rows; the page (:mod:`dashboard.views.village_page`) and the PDF (:mod:`dashboard.brief.village_pdf`) only lay
out what :func:`village_profile` returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import numpy as np
import pandas as pd

from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.localtime import format_date
from dashboard.core.periods import period_kind, period_label, period_order, previous_period
from dashboard.core.prevalence import wilson_interval
from dashboard.i18n import TEXTS, fmt_int, fmt_number, fmt_percent, t

__all__ = [
    "HEALTH",
    "SECTIONS",
    "Origin",
    "ProfileItem",
    "ProfileSection",
    "VillageProfile",
    "column_keys",
    "no_active_kpm",
    "rupiah",
    "village_profile",
]

HEALTH = ("stunting", "stunting_berat", "wasting", "underweight", "pengukuran", "penimbangan", "asi_eksklusif",
          "vitamin_a", "imunisasi_dasar_lengkap")  # fmt: skip
SCORECARD = ("konvergensi_desa", "konvergensi_ibu_hamil", "konvergensi_baduta", "konvergensi_paud")
FAMILIES = ("keluarga_berisiko_stunting", "pendampingan_krs")
SECTIONS = ("health", "scorecard", "families", "cadres", "funds", "partners", "audits")
REGISTER = "register"


class _Dataset(Protocol):
    """What the profile reads of a :class:`~dashboard.data.store.DatasetInfo`."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def file_name(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...


class _Programme(Protocol):
    """What the profile reads of a :class:`~dashboard.data.programmes.Programme`."""

    @property
    def partner(self) -> str: ...
    @property
    def sector(self) -> Any: ...
    @property
    def activity(self) -> str: ...
    @property
    def villages(self) -> tuple[str, ...]: ...
    @property
    def period_start(self) -> str: ...
    @property
    def period_end(self) -> str: ...
    @property
    def budget_rupiah(self) -> int: ...


class _Audit(Protocol):
    """What the profile reads of a :class:`~dashboard.data.case_audits.CaseAudit`."""

    @property
    def village_code(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def causes(self) -> tuple[Any, ...]: ...
    @property
    def follow_up(self) -> Any: ...


@dataclass(frozen=True)
class Origin:
    """Where a figure comes from: an imported file (name, kind as a planner says it, import date) or a register.

    ``file_name`` is ``"register"`` for the partners' register and case audits (recorded on a page of Lokus).
    """

    file_name: str
    kind: str
    imported: str

    def text(self, lang: str) -> str:
        """``"gizi_2025.csv · Templat indikator · diimpor 3 Mei 2025"``, or the register's words."""
        if self.file_name == REGISTER:
            return t("village.origin.register", lang, register=self.kind)
        return t("village.origin.file", lang, file=self.file_name, kind=self.kind, date=self.imported)


@dataclass(frozen=True)
class ProfileItem:
    """One figure of a section: ``value`` in its unit (percent, rupiah, count) and ``text`` as shown.

    ``counts`` is the numerator over the denominator as shown ("12/340", "Rp 50.000.000 dari Rp 250.000.000");
    ``period`` the stored period (``""`` for none), ``period_text`` its label ("Triwulan II 2025").
    """

    key: str
    label: str
    value: float | None
    text: str
    counts: str
    period: str
    period_text: str
    origin: Origin | None
    note: str = ""


@dataclass(frozen=True)
class ProfileSection:
    """A card of the profile; ``items`` empty means the source has no data for the village (``empty`` says so)."""

    key: str
    title: str
    items: tuple[ProfileItem, ...]
    empty: str = ""


@dataclass(frozen=True)
class VillageProfile:
    """Every section of one village's profile, in :data:`SECTIONS` order."""

    code: str
    name: str
    kecamatan: str
    district_code: str
    district_name: str
    is_demo: bool
    sections: tuple[ProfileSection, ...]

    def section(self, key: str) -> ProfileSection:
        return next(s for s in self.sections if s.key == key)


def rupiah(value: float | None, lang: str) -> str:
    """``1250000`` -> ``"Rp 1.250.000"`` (en ``"Rp 1,250,000"``); an em dash for none."""
    return "—" if value is None else t("village.rupiah", lang, value=fmt_int(value, lang))


class _Facts:
    """The village's summed counts per (indicator, period) and the dataset each came from."""

    def __init__(self, rows: pd.DataFrame, datasets: Mapping[int, _Dataset], district: str, lang: str) -> None:
        self.sums = rows.groupby(["indicator", "period"])[["numerator", "denominator"]].sum()
        has_id = "dataset_id" in rows.columns
        self.sources = rows.groupby(["indicator", "period"])["dataset_id"].max() if has_id else None
        self.datasets, self.district, self.lang = datasets, district, lang

    def periods(self, key: str, kind: str | None = None) -> list[str]:
        if key not in self.sums.index.get_level_values(0):
            return []
        found = sorted((str(p) for p in self.sums.loc[key].index), key=period_order)
        return [p for p in found if kind is None or period_kind(p) == kind]

    def latest(self, key: str, kind: str | None = None) -> str | None:
        found = self.periods(key, kind)
        return found[-1] if found else None

    def counts(self, key: str, period: str) -> tuple[float, float]:
        numerator, denominator = self.sums.loc[[(key, period)]].to_numpy(dtype=float)[0]
        return float(numerator), float(denominator)

    def origin(self, key: str, period: str) -> Origin | None:
        if self.sources is None or (key, period) not in self.sources.index:
            return None
        dataset = self.datasets.get(int(self.sources.loc[(key, period)]))
        if dataset is None:
            return None
        words = f"data.datasets.kind.{dataset.kind}"
        kind = t(words, self.lang) if words in TEXTS else t("data.datasets.format.other", self.lang)
        return Origin(dataset.file_name, kind, format_date(dataset.created_at, self.lang, self.district))

    def rate_item(self, key: str, period: str | None, interval: bool = False) -> ProfileItem | None:
        """The rate of ``key`` in ``period`` (latest when None) from summed counts, with counts and origin."""
        period = period or self.latest(key)
        if period is None or (key, period) not in self.sums.index:
            return None
        lang = self.lang
        numerator, denominator = self.counts(key, period)
        rate = 100.0 * numerator / denominator if denominator > 0 else None
        note = ""
        if interval and rate is not None:
            low, high = wilson_interval([numerator], [denominator])
            note = t("profile.interval", lang, low=fmt_number(100 * low[0], lang), high=fmt_number(100 * high[0], lang))
        return ProfileItem(key, CATALOGUE[key].label(lang), rate, fmt_percent(rate, lang),
                           f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}", period,
                           period_label(period, lang), self.origin(key, period), note)  # fmt: skip


def _section(key: str, items: Iterable[ProfileItem | None], lang: str) -> ProfileSection:
    kept = tuple(item for item in items if item is not None)
    return ProfileSection(key, t(f"village.section.{key}", lang), kept, "" if kept else t("village.no_data", lang))


def _scorecard(facts: _Facts, lang: str) -> list[ProfileItem | None]:
    quarter = facts.latest("konvergensi_desa", "quarter")
    if quarter is None:
        return []
    items = [facts.rate_item(key, quarter) for key in SCORECARD]
    before = previous_period(quarter, facts.periods("konvergensi_desa", "quarter"))
    if before is not None:
        earlier = facts.rate_item("konvergensi_desa", before)
        if earlier is not None:
            label = t("village.scorecard.previous", lang, indicator=earlier.label)
            items.append(ProfileItem(f"{earlier.key}.previous", label, earlier.value, earlier.text, earlier.counts,
                                     earlier.period, earlier.period_text, earlier.origin))  # fmt: skip
    return items


def _cadres(facts: _Facts, lang: str) -> list[ProfileItem | None]:
    items: list[ProfileItem | None] = []
    period = facts.latest("kpm_aktif")
    if period is not None:
        numerator, _ = facts.counts("kpm_aktif", period)
        active = numerator > 0
        items.append(ProfileItem("kpm_aktif", CATALOGUE["kpm_aktif"].label(lang), float(active),
                                 t("village.kpm.active" if active else "village.kpm.inactive", lang), "", period,
                                 period_label(period, lang), facts.origin("kpm_aktif", period)))  # fmt: skip
    items.append(facts.rate_item("kader_terlatih", None))
    return items


def _funds(facts: _Facts, lang: str) -> list[ProfileItem | None]:
    year = facts.latest("dana_desa_stunting", "year")
    items: list[ProfileItem | None] = []
    if year is not None:
        allocated, total = facts.counts("dana_desa_stunting", year)
        origin = facts.origin("dana_desa_stunting", year)
        label = period_label(year, lang)
        share = 100.0 * allocated / total if total > 0 else None
        items += [
            ProfileItem("dana_desa", t("village.funds.total", lang), total, rupiah(total, lang), "", year, label,
                        origin),
            ProfileItem("dana_desa_stunting.rupiah", t("village.funds.allocated", lang), allocated,
                        rupiah(allocated, lang), "", year, label, origin),
            ProfileItem("dana_desa_stunting", t("village.funds.share", lang), share, fmt_percent(share, lang),
                        t("village.funds.of", lang, part=rupiah(allocated, lang), whole=rupiah(total, lang)), year,
                        label, origin),
        ]  # fmt: skip
        if ("realisasi_dana_desa_stunting", year) in facts.sums.index:
            spent, planned = facts.counts("realisasi_dana_desa_stunting", year)
            spent_origin = facts.origin("realisasi_dana_desa_stunting", year)
            realised = 100.0 * spent / planned if planned > 0 else None
            items += [
                ProfileItem("realisasi_dana_desa_stunting.rupiah", t("village.funds.spent", lang), spent,
                            rupiah(spent, lang), "", year, label, spent_origin),
                ProfileItem("realisasi_dana_desa_stunting", t("village.funds.realised", lang), realised,
                            fmt_percent(realised, lang),
                            t("village.funds.of", lang, part=rupiah(spent, lang), whole=rupiah(planned, lang)), year,
                            label, spent_origin),
            ]  # fmt: skip
    if items:  # beside the money, the outcome it is meant to change
        items.append(facts.rate_item(STUNTING, None, interval=True))
    return items


def _span(start: str, end: str, lang: str) -> str:
    first, last = period_label(start, lang), period_label(end, lang)
    return first if first == last else f"{first} – {last}"


def column_keys(section: str) -> tuple[str, str, str, str, str]:
    """The i18n keys of a section's five columns (label, value, counts, period, origin): a programme is a partner,
    its sector and activity, and a budget; a finding a count; every other section an indicator's figure."""
    label, value, counts = {"partners": ("partner", "activity", "budget"), "audits": ("finding", "count", "blank")}.get(
        section, ("figure", "value", "counts")
    )
    return tuple(f"village.col.{c}" for c in (label, value, counts, "period", "origin"))  # type: ignore[return-value]


def _partners(code: str, programmes: Sequence[_Programme], lang: str) -> list[ProfileItem | None]:
    origin = Origin(REGISTER, t("village.register.programmes", lang), "")
    return [
        ProfileItem("programme", p.partner, float(p.budget_rupiah),
                    t("village.partner.text", lang, sector=t(f"programme.sector.{p.sector}", lang),
                      activity=p.activity),
                    rupiah(p.budget_rupiah, lang), p.period_start, _span(p.period_start, p.period_end, lang), origin)
        for p in programmes if code in p.villages
    ]  # fmt: skip


def _audits(code: str, audits: Sequence[_Audit], lang: str) -> list[ProfileItem | None]:
    mine = [a for a in audits if a.village_code == code]
    if not mine:
        return []
    origin = Origin(REGISTER, t("village.register.audits", lang), "")
    periods = sorted({a.period for a in mine})
    span = _span(periods[0], periods[-1], lang)
    causes = Counter(str(c) for a in mine for c in a.causes)
    statuses = Counter(str(a.follow_up) for a in mine)
    items = [ProfileItem("audit.findings", t("village.audit.findings", lang), float(len(mine)),
                         fmt_int(len(mine), lang), "", periods[-1], span, origin)]  # fmt: skip
    items += [
        ProfileItem(f"audit.cause.{cause}", t(f"case_audit.cause.{cause}", lang), float(n), fmt_int(n, lang), "",
                    periods[-1], span, origin)
        for cause, n in sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))
    ]  # fmt: skip
    items += [
        ProfileItem(f"audit.follow_up.{status}", t("village.audit.follow_up", lang,
                    status=t(f"case_audit.follow_up.{status}", lang)), float(n), fmt_int(n, lang), "", periods[-1],
                    span, origin)
        for status, n in sorted(statuses.items())
    ]  # fmt: skip
    return list(items)


def village_profile(
    code: str,
    place: tuple[str, str],
    district: tuple[str, str, bool],
    observations: pd.DataFrame,
    datasets: Iterable[_Dataset],
    programmes: Sequence[_Programme],
    audits: Sequence[_Audit],
    lang: str = "id",
) -> VillageProfile:
    """The profile of village ``code`` (``PP.KK.CC.DDDD``) in ``lang``.

    Parameters
    ----------
    code
        The village's Kemendagri code.
    place
        ``(village name, kecamatan name)``.
    district
        ``(district code, district name, is_demo)``.
    observations
        The district's observations: ``code, period, indicator, numerator, denominator`` and, for origins,
        ``dataset_id`` (one row per key, the current dataset's); other villages' rows are ignored.
    datasets
        Every dataset (``id, kind, file_name, created_at``): the origin of each figure.
    programmes, audits
        The district's partners' programmes and case-audit findings (registers); the village's are kept.

    Returns
    -------
    VillageProfile
        The sections of :data:`SECTIONS`; each item's figure from summed counts of its latest period (the scorecard:
        latest quarter and the one before; Dana Desa: latest year), its period label and origin.
    """
    rows = observations[observations["code"].astype(str) == code]
    facts = _Facts(rows, {d.id: d for d in datasets}, district[0], lang)
    health = [facts.rate_item(key, None, interval=key == STUNTING) for key in HEALTH]
    families = [facts.rate_item(key, None) for key in FAMILIES]
    sections = (
        _section("health", health, lang),
        _section("scorecard", _scorecard(facts, lang), lang),
        _section("families", families, lang),
        _section("cadres", _cadres(facts, lang), lang),
        _section("funds", _funds(facts, lang), lang),
        _section("partners", _partners(code, programmes, lang), lang),
        _section("audits", _audits(code, audits, lang), lang),
    )
    return VillageProfile(code, place[0], place[1], district[0], district[1], district[2], sections)


def no_active_kpm(observations: pd.DataFrame, codes: Sequence[str]) -> tuple[list[str], int]:
    """The villages of ``codes`` whose latest ``kpm_aktif`` is 0/1, and how many of ``codes`` report KPM at all.

    >>> frame = pd.DataFrame({"code": ["a", "a", "b", "c"], "period": ["2025", "2026", "2026", "2026"],
    ...                       "indicator": ["kpm_aktif"] * 4, "numerator": [1.0, 0.0, 1.0, 1.0],
    ...                       "denominator": [1.0] * 4})
    >>> no_active_kpm(frame, ["a", "b", "d"])
    (['a'], 2)
    """
    rows = observations[(observations["indicator"] == "kpm_aktif") & observations["code"].isin(list(codes))]
    if rows.empty:
        return [], 0
    latest = rows.sort_values("period").groupby("code")["numerator"].last()
    inactive = set(latest.index[np.asarray(latest <= 0)].astype(str))
    return [c for c in codes if c in inactive], len(latest)
