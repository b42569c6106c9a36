"""Reading figures at every administrative level, and the puskesmas lists: what pages above villages ask the store.

Which regions exist. A kecamatan, kabupaten/kota or province exists for Lokus when the imported boundaries hold
it at any level: as an outline of its own (``regions`` table: a kabupaten file a provincial analyst imports, the
kecamatan outlines a village file brings) **or** as the ancestor of a region stored below it (a village's
kecamatan, kabupaten and province; a kabupaten's province). Its name is the stored outline's, else the official
Kemendagri list's (:mod:`dashboard.data.reference`), else its code. :func:`known_regions` is that list; the
indicator importer checks codes and names against it.

Imported figures and sums are never mixed. :func:`observations_at` returns, for one level, the figures
imported for those regions (``origin="imported"``) and, beside them, the sums of their villages' counts
(``origin="sum"``, with how many villages reported), as separate rows; :func:`estimates_at` the rate-only
estimates (``origin="estimate"``), which are never summed. A page shows them side by side, labelled
(``levels.origin.*`` in the translation table), and never adds one to the other.

Puskesmas. :func:`commit_puskesmas` stores a puskesmas -> village list (replacing, for each district the file
covers, the list it had); :func:`puskesmas_areas` and :func:`puskesmas_villages` read it back. A puskesmas's own
figures are observations under :func:`~dashboard.core.levels.puskesmas_key` and are read with
``observations_at(store, "puskesmas", district)``: never spread onto its villages.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import sqlalchemy as sa

from dashboard.core.codes import Level
from dashboard.core.levels import (
    CODE_LENGTH,
    FIGURE_COLUMNS,
    LEVEL_OBSERVATION_COLUMNS,
    PUSKESMAS_SEPARATOR,
    Origin,
    figures_with_intervals,
    split_puskesmas_key,
    sum_villages,
)
from dashboard.data import schema
from dashboard.data.importers.model import DatasetKind, ImportRefused, Problem, Severity

if TYPE_CHECKING:
    from dashboard.data.importers.puskesmas import PuskesmasBatch
    from dashboard.data.store import CommitResult, Store

__all__ = [
    "ESTIMATE_LEVEL_COLUMNS",
    "PUSKESMAS",
    "commit_puskesmas",
    "estimates_at",
    "known_regions",
    "level_figure",
    "observations_at",
    "puskesmas_areas",
    "puskesmas_list",
    "puskesmas_villages",
    "stored_service_lists",
]

log = logging.getLogger(__name__)

PUSKESMAS = "puskesmas"  # the reporting unit's name where a level is asked for
ESTIMATE_LEVEL_COLUMNS = ["code", "name", "period", "indicator", "value", "lower", "upper", "source", "origin"]
_LEVELS = {str(level): level for level in Level}


def _level(level: Level | str) -> Level | str:
    if str(level) == PUSKESMAS:
        return PUSKESMAS
    if str(level) not in _LEVELS:
        raise ValueError(f"level must be one of {[*_LEVELS, PUSKESMAS]}, not {level!r}")
    return _LEVELS[str(level)]


def _within(column: sa.ColumnElement[str], within: str | None) -> list[sa.ColumnElement[bool]]:
    """Conditions: the code is ``within`` itself or lies under it (``'52.' <= code < '52/'``)."""
    if not within:
        return []
    return [sa.or_(column == within, sa.and_(column >= f"{within}.", column < f"{within}/"))]


def _province_names() -> dict[str, str]:
    from dashboard.data.reference import kemendagri_villages

    table = kemendagri_villages()[["province_code", "province_name"]].drop_duplicates("province_code")
    return dict(zip(table["province_code"], table["province_name"], strict=True))


# ----------------------------------------------------------------------------------------------- regions


def known_regions(store: Store, within: str | None = None) -> pd.DataFrame:
    """The kecamatan, kabupaten/kota and provinces the imported boundaries hold or imply (module docstring).

    Returns
    -------
    DataFrame
        ``code, name, level`` (level as :class:`~dashboard.core.codes.Level` text), sorted by code; villages
        are not listed (``Store.villages`` has them). ``within`` keeps one province's or kabupaten's.
    """
    r = schema.regions
    with store._read() as conn:
        rows = conn.execute(sa.select(r.c.code, r.c.name, r.c.level).where(*_within(r.c.code, within))).all()
    stored = {str(code): str(name) for code, name, level in rows if level != Level.DESA}
    codes = {str(code) for code, _, _ in rows}
    implied = {code[: CODE_LENGTH[level]] for code in codes for level in (Level.PROVINSI, Level.KABUPATEN,
                                                                            Level.KECAMATAN)}  # fmt: skip
    implied = {code for code in implied if len(code) in (2, 5, 8) and (not within or code.startswith(within))}
    every = sorted(implied | set(stored))
    provinces = _province_names() if any(len(code) == 2 and code not in stored for code in every) else {}
    names = [stored.get(code) or provinces.get(code) or code for code in every]
    by_length = {2: Level.PROVINSI, 5: Level.KABUPATEN, 8: Level.KECAMATAN}
    return pd.DataFrame({"code": every, "name": names, "level": [str(by_length[len(code)]) for code in every]})


def _village_counts(store: Store, level: Level, within: str | None) -> pd.Series:
    """Villages known under each region of ``level`` (index: region code)."""
    r = schema.regions
    prefix = sa.func.substr(r.c.code, 1, CODE_LENGTH[level])
    query = (
        sa.select(prefix, sa.func.count())
        .where(r.c.level == str(Level.DESA), *_within(r.c.code, within))
        .group_by(prefix)
    )
    with store._read() as conn:
        rows = conn.execute(query).all()
    return pd.Series({str(code): int(count) for code, count in rows}, dtype=float)


# ------------------------------------------------------------------------------------------ observations


def observations_at(store: Store, level: Level | str, within: str | None = None) -> pd.DataFrame:
    """The figures of one level, imported and summed, each row labelled; never one added to the other.

    Parameters
    ----------
    store
        The database.
    level
        ``"provinsi"``, ``"kabupaten"``, ``"kecamatan"``, ``"desa"`` (a :class:`~dashboard.core.codes.Level`) or
        ``"puskesmas"``.
    within
        A province or kabupaten/kota code (``"52"``, ``"52.03"``): only regions under it (and it). For
        ``"puskesmas"`` the district whose puskesmas are read; None reads every one.

    Returns
    -------
    DataFrame
        :data:`~dashboard.core.levels.LEVEL_OBSERVATION_COLUMNS`: ``code, name, period, indicator, numerator,
        denominator`` (counts), ``origin`` (``imported``: a file gave it for the region; ``sum``: its villages'
        counts added up, only above villages and never for a puskesmas), ``villages_reporting`` and
        ``villages_expected`` (for sums: villages that reported the indicator in that period, and villages the
        boundaries hold; NaN for imported rows). For one (code, period, indicator, origin) one row; sorted by
        code, period, indicator, origin. Puskesmas rows carry the puskesmas's own code.
    """
    chosen = _level(level)
    o = schema.observations
    if chosen == PUSKESMAS:
        conditions = [o.c.code.contains(PUSKESMAS_SEPARATOR, autoescape=True)]
        if within:
            conditions = [o.c.code >= f"{within}{PUSKESMAS_SEPARATOR}", o.c.code < f"{within}$"]  # '$' follows '#'
        imported = store._current_observations(*conditions)
        keys = imported["code"].astype(str)
        names = puskesmas_list(store, within).set_index(["district_code", "code"])["name"]
        split = [split_puskesmas_key(key) for key in keys]
        imported = imported.assign(code=[code for _, code in split], name=[names.get(pair, pair[1]) for pair in split])
        return _labelled(imported, Origin.IMPORTED)
    assert isinstance(chosen, Level)
    length = CODE_LENGTH[chosen]
    imported = store._current_observations(sa.func.length(o.c.code) == length, *_within(o.c.code, within))
    if chosen is Level.DESA:
        villages = pd.DataFrame(columns=["code", "name"])
        if len(imported):
            r = schema.regions
            with store._read() as conn:
                query = sa.select(r.c.code, r.c.name).where(r.c.level == str(Level.DESA), *_within(r.c.code, within))
                villages = pd.DataFrame(conn.execute(query).all(), columns=["code", "name"])
        village_names = dict(zip(villages["code"], villages["name"], strict=True))
        named = imported.assign(name=imported["code"].map(village_names).fillna(imported["code"]))
        return _labelled(named, Origin.IMPORTED)
    regions = known_regions(store, within)
    region_names = dict(zip(regions["code"], regions["name"], strict=True))
    villages = store._current_observations(
        sa.func.length(o.c.code) == CODE_LENGTH[Level.DESA], *_within(o.c.code, within)
    )
    summed = sum_villages(villages, chosen, _village_counts(store, chosen, within))
    frames = [
        _labelled(imported.assign(name=imported["code"].map(region_names).fillna(imported["code"])), Origin.IMPORTED),
        _labelled(summed.assign(name=summed["code"].map(region_names).fillna(summed["code"])), Origin.SUM),
    ]
    frame = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else frames[0]
    return frame.sort_values(["code", "period", "indicator", "origin"], kind="stable").reset_index(drop=True)


def _labelled(frame: pd.DataFrame, origin: Origin) -> pd.DataFrame:
    out = frame.copy()
    out["origin"] = str(origin)
    for column in ("villages_reporting", "villages_expected"):
        if column not in out.columns:
            out[column] = np.nan
    for column in ("numerator", "denominator", "villages_reporting", "villages_expected"):
        out[column] = out[column].astype(float)
    if "name" not in out.columns:
        out["name"] = out["code"]
    return out[LEVEL_OBSERVATION_COLUMNS].reset_index(drop=True)


def estimates_at(store: Store, level: Level | str, within: str | None = None) -> pd.DataFrame:
    """Rate-only estimates imported for the regions of one level (a survey's value with its 95% interval).

    Returns
    -------
    DataFrame
        :data:`ESTIMATE_LEVEL_COLUMNS`: ``code, name, period, indicator, value, lower, upper`` (percent; NaN
        bounds when the source gave none), ``source`` and ``origin`` (always ``estimate``). For one (code,
        period, indicator, source) the newest dataset's; sorted by code, period, indicator, source. Estimates
        are never summed: a level above has none unless a file gave it.
    """
    chosen = _level(level)
    if chosen == PUSKESMAS or chosen is Level.DESA:
        return pd.DataFrame(columns=ESTIMATE_LEVEL_COLUMNS)
    assert isinstance(chosen, Level)
    e = schema.estimates
    columns = ["dataset_id", "code", "period", "indicator", "value", "lower", "upper", "source"]
    query = sa.select(*(e.c[c] for c in columns)).where(
        sa.func.length(e.c.code) == CODE_LENGTH[chosen], *_within(e.c.code, within)
    )
    with store._read() as conn:
        frame = pd.DataFrame([tuple(row) for row in conn.execute(query)], columns=columns)
    frame = frame.astype({"value": float, "lower": float, "upper": float})
    frame = frame.sort_values("dataset_id", kind="stable").drop_duplicates(
        ["code", "period", "indicator", "source"], keep="last"
    )
    names = dict(zip(*(known_regions(store, within)[c] for c in ("code", "name")), strict=True))
    frame = frame.assign(name=frame["code"].map(names).fillna(frame["code"]), origin=str(Origin.ESTIMATE))
    frame = frame.sort_values(["code", "period", "indicator", "source"], kind="stable").reset_index(drop=True)
    return frame[ESTIMATE_LEVEL_COLUMNS]


def level_figure(
    store: Store, level: Level | str, within: str | None, indicator: str, period: str
) -> pd.DataFrame:  # fmt: skip
    """One indicator in one period for every region of a level: what a map of that level colours.

    Parameters
    ----------
    store, level, within
        As :func:`observations_at` (``within``: e.g. the province ``"52"`` for its kabupaten).
    indicator, period
        A catalogue key (``"stunting"``) and a period (``"2024"``, ``"2025-02"``).

    Returns
    -------
    DataFrame
        :data:`~dashboard.core.levels.FIGURE_COLUMNS`: ``code, name, numerator, denominator, value, lower,
        upper, origin``. ``value`` is a percentage; for counts (``imported`` or ``sum``) ``lower``/``upper`` is the
        Wilson 95% interval (:func:`dashboard.core.prevalence.wilson_interval`), NaN when the denominator is 0;
        for a survey estimate (``estimate``: no counts) the interval the source gave (NaN when none), from the
        newest dataset when several sources give one. A region may have a row per origin: filter ``origin`` to
        colour one map, and label the other; never add them. Sorted by code, origin.
    """
    observations = observations_at(store, level, within)
    counts = observations[(observations["indicator"] == indicator) & (observations["period"] == period)]
    estimates = estimates_at(store, level, within)
    estimates = estimates[(estimates["indicator"] == indicator) & (estimates["period"] == period)]
    estimates = estimates.drop_duplicates("code", keep="last").assign(numerator=np.nan, denominator=np.nan)
    parts = [part for part in (counts, estimates) if len(part)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("code", "name", "origin") else float)
                             for c in FIGURE_COLUMNS})  # fmt: skip
    frame = figures_with_intervals(pd.concat(parts, ignore_index=True))
    return frame.sort_values(["code", "origin"], kind="stable").reset_index(drop=True)[FIGURE_COLUMNS]


# ---------------------------------------------------------------------------------------------- puskesmas


def puskesmas_list(store: Store, district_code: str | None = None) -> pd.DataFrame:
    """The puskesmas stored (of one district, or all): ``district_code, code, name``, sorted."""
    p = schema.puskesmas
    query = sa.select(p.c.district_code, p.c.code, p.c.name)
    if district_code:
        query = query.where(p.c.district_code == district_code)
    with store._read() as conn:
        rows = conn.execute(query.order_by(p.c.district_code, p.c.code)).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=["district_code", "code", "name"])


def puskesmas_villages(store: Store, district_code: str) -> pd.DataFrame:
    """The villages each puskesmas of a district serves: ``puskesmas_code, village_code``, sorted."""
    v = schema.puskesmas_villages
    query = sa.select(v.c.puskesmas_code, v.c.village_code).where(v.c.district_code == district_code)
    with store._read() as conn:
        rows = conn.execute(query.order_by(v.c.puskesmas_code, v.c.village_code)).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=["puskesmas_code", "village_code"])


def stored_service_lists(store: Store) -> pd.DataFrame:
    """Every district's puskesmas -> village lists: ``district_code, puskesmas_code, village_code``, sorted."""
    v = schema.puskesmas_villages
    query = sa.select(v.c.district_code, v.c.puskesmas_code, v.c.village_code)
    with store._read() as conn:
        rows = conn.execute(query.order_by(v.c.district_code, v.c.puskesmas_code, v.c.village_code)).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=["district_code", "puskesmas_code", "village_code"])


def puskesmas_areas(store: Store, district_code: str) -> gpd.GeoDataFrame:
    """The service areas of a district's puskesmas, the unit their figures are shown on.

    Returns
    -------
    GeoDataFrame
        ``code, name, district_code, geometry`` (EPSG:4326), sorted by code. The geometry is the puskesmas's
        own boundary when one was imported, else the union of the villages it serves (their stored polygons),
        else None (no polygon and no village with a boundary).
    """
    p = schema.puskesmas
    with store._read() as conn:
        rows = conn.execute(
            sa.select(p.c.code, p.c.name, p.c.geometry).where(p.c.district_code == district_code).order_by(p.c.code)
        ).all()
    served = puskesmas_villages(store, district_code)
    villages = store.villages(district_code)
    shapes = dict(zip(villages["code"], villages.geometry, strict=True))
    geometries = []
    for code, _, wkb in rows:
        if wkb is not None:
            geometries.append(shapely.from_wkb(bytes(wkb)))
            continue
        parts = [shapes[c] for c in served.loc[served["puskesmas_code"] == code, "village_code"] if c in shapes]
        geometries.append(shapely.union_all(parts) if parts else None)
    return gpd.GeoDataFrame(
        {
            "code": [row[0] for row in rows],
            "name": [row[1] for row in rows],
            "district_code": [district_code] * len(rows),
        },
        geometry=gpd.GeoSeries(geometries, crs=4326) if rows else gpd.GeoSeries([], crs=4326),
        crs=4326,
    )


def commit_puskesmas(store: Store, batch: PuskesmasBatch, user: str | None = None) -> CommitResult:
    """Store a checked puskesmas list as one dataset, in one transaction: for each district the file covers, its
    puskesmas and their villages replace the ones it had (figures imported per puskesmas stay: they name the
    puskesmas by code). A puskesmas the batch brings no polygon for keeps the boundary stored for it, so a new
    list does not undo a boundary file; a boundary batch (``batch.boundaries``) carries the stored lists it keeps.
    Raises :class:`ImportRefused` for a batch with errors (nothing written); the same file again changes nothing
    (``duplicate_of``)."""
    from dashboard.data.store import CommitResult, _jsonable, _problem_record

    if not batch.ok:
        raise ImportRefused(batch.file_name, batch.errors)
    p, v = schema.puskesmas, schema.puskesmas_villages
    districts = batch.districts
    with store._write() as conn:
        duplicate = store._duplicate(conn, batch.sha256, batch.file_name)
        if duplicate is not None:
            return duplicate
        dataset_id = store._new_dataset(conn, str(DatasetKind.PUSKESMAS), batch.file_name, batch.sha256, user,
                                        batch.rows_read, len(batch.villages))  # fmt: skip
        stored = sa.select(p.c.district_code, p.c.code, p.c.geometry).where(p.c.district_code.in_(districts))
        kept = {(str(d), str(c)): None if g is None else bytes(g) for d, c, g in conn.execute(stored).all()}
        replaced = 0 if batch.boundaries else len(kept)
        for table in (v, p):
            conn.execute(table.delete().where(table.c.district_code.in_(districts)))
        geometries = batch.puskesmas["geometry"] if "geometry" in batch.puskesmas.columns else None
        wkb = [
            shapely.to_wkb(g) if g is not None else kept.get((str(d), str(c)))
            for d, c, g in zip(batch.puskesmas["district_code"], batch.puskesmas["code"],
                               geometries if geometries is not None else itertools.repeat(None), strict=False)
        ]  # fmt: skip
        store._bulk_insert(conn, p, ("district_code", "code", "name", "geometry", "dataset_id"), zip(
            batch.puskesmas["district_code"].tolist(), batch.puskesmas["code"].tolist(),
            batch.puskesmas["name"].tolist(), wkb, itertools.repeat(dataset_id)))  # fmt: skip
        store._bulk_insert(conn, v, ("district_code", "puskesmas_code", "village_code", "dataset_id"), zip(
            batch.villages["district_code"].tolist(), batch.villages["puskesmas_code"].tolist(),
            batch.villages["village_code"].tolist(), itertools.repeat(dataset_id)))  # fmt: skip
        added = []
        if replaced:
            params = (("count", replaced), ("districts", ", ".join(districts)))
            added.append(Problem(batch.file_name, None, None, None, "puskesmas.replaced", params, Severity.WARNING))
        report = {
            "problems": [_problem_record(problem) for problem in [*batch.problems, *added]],
            "counts": {
                "rows_read": batch.rows_read,
                "puskesmas": len(batch.puskesmas),
                "villages": len(batch.villages),
                "boundaries": int(batch.puskesmas["geometry"].notna().sum()) if geometries is not None else 0,
                "replaced": replaced,
            },
        }
        store._finish_dataset(conn, dataset_id, _jsonable(report), districts)  # type: ignore[arg-type]
    log.info("%s: dataset %d, %d puskesmas serving %d villages in %s", batch.file_name, dataset_id,
             len(batch.puskesmas), len(batch.villages), ", ".join(districts))  # fmt: skip
    return CommitResult(dataset_id=dataset_id, rows=len(batch.villages), districts=tuple(districts),
                        replaced=replaced, problems=tuple(added))  # fmt: skip
