"""Publication snapshots and districts' own targets: the database side of what the public may read.

An administrator publishes (:meth:`Publications.publish`); the snapshot's protected content is built by
:func:`dashboard.core.publication.snapshot_content` from what is stored at that moment and kept as gzip
JSON with its sha256, so a later import, removal or boundary change alters nothing public until the next
publication. Withdrawing keeps the row (who, when, why) and is audited; the public then reads the latest
snapshot still standing. Public surfaces read only :meth:`Publications.content` of a standing snapshot.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import geopandas as gpd
import pandas as pd
import sqlalchemy as sa

from dashboard.auth.roles import Actor, Role
from dashboard.core.completeness import DEFAULT_MIN_COMPLETENESS, completeness_of
from dashboard.core.indicators import CATALOGUE, STUNTING
from dashboard.core.periods import period_kind
from dashboard.core.publication import SnapshotRequest, content_bytes, snapshot_content
from dashboard.data import schema
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store

__all__ = ["DEFAULT_LICENCE", "PublicationError", "Publications", "Snapshot", "Target", "ensure_demo_publication"]

log = logging.getLogger(__name__)

DEFAULT_LICENCE = "CC BY 4.0"
_PERIOD = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")


class PublicationError(ValueError):
    """A publication, withdrawal or target refused; ``key`` and ``params`` give the message (i18n)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Snapshot:
    """One publication (without its content): what the admin list and the public pages' footers show."""

    id: int
    district_code: str
    title: str
    note: str
    periods: tuple[str, ...]
    indicators: tuple[str, ...]
    publisher: str
    published_at: datetime
    boundary_version: str
    min_denominator: int
    licence: str
    content_sha256: str
    withdrawn_at: datetime | None = None
    withdrawn_by: str | None = None
    withdraw_reason: str | None = None

    @property
    def standing(self) -> bool:
        """Not withdrawn: the public may read it."""
        return self.withdrawn_at is None


@dataclass(frozen=True)
class Target:
    """A district's own stunting target for a year (percent), with its source (e.g. RPJMD 2025–2029)."""

    district_code: str
    year: int
    target: float
    source: str
    set_by: str
    set_at: datetime

    @property
    def decimals(self) -> int:
        """Decimals to show the target with: 14 → 1 (14,0), 11,25 → 2 (11,25); never rounded away."""
        return 2 if round(self.target * 10, 6) % 1 else 1


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _snapshot(row: sa.RowMapping) -> Snapshot:
    return Snapshot(
        id=int(row["id"]),
        district_code=str(row["district_code"]),
        title=str(row["title"]),
        note=str(row["note"]),
        periods=tuple(row["periods"]),
        indicators=tuple(row["indicators"]),
        publisher=str(row["publisher"]),
        published_at=_utc(row["published_at"]),
        boundary_version=str(row["boundary_version"]),
        min_denominator=int(row["min_denominator"]),
        licence=str(row["licence"]),
        content_sha256=str(row["content_sha256"]),
        withdrawn_at=None if row["withdrawn_at"] is None else _utc(row["withdrawn_at"]),
        withdrawn_by=row["withdrawn_by"],
        withdraw_reason=row["withdraw_reason"],
    )


_LIST_COLUMNS = [c for c in schema.publications.c if c.name != "content"]


class Publications:
    """Publish, list, read and withdraw snapshots; set districts' targets. Every change is audited."""

    def __init__(self, store: Store, accounts: Accounts) -> None:
        self.store = store
        self.accounts = accounts

    # ------------------------------------------------------------------------------ publishing

    def publish(
        self,
        actor: Actor,
        district_code: str,
        periods: Sequence[str],
        *,
        indicators: Sequence[str] = (STUNTING,),
        title: str = "",
        note: str = "",
        min_denominator: int = 10,
        licence: str = DEFAULT_LICENCE,
        min_completeness: float = DEFAULT_MIN_COMPLETENESS,
        now: datetime | None = None,
        observations: pd.DataFrame | None = None,
        publisher: str | None = None,
    ) -> Snapshot:
        """Freeze the district's protected figures for ``periods`` as a new snapshot.

        Only an administrator publishes. Raises :class:`PublicationError` for an unknown district,
        no or malformed periods, an unknown indicator, or periods without data. ``observations``: the
        district's current observations when the caller has just read them (else read here); ``publisher``
        the name shown (default: the actor's).
        """
        if actor.role is not Role.ADMIN:
            raise PublicationError("publication.not_admin")
        districts = {d.code: d for d in self.store.districts()}
        if district_code not in districts:
            raise PublicationError("publication.unknown_district", district=district_code)
        chosen = sorted({str(p).strip() for p in periods})
        if not chosen or not all(_PERIOD.fullmatch(p) for p in chosen):
            raise PublicationError("publication.bad_periods", periods=", ".join(map(str, periods)) or "-")
        unknown = [i for i in indicators if i not in CATALOGUE]
        if unknown:
            raise PublicationError("publication.unknown_indicator", indicators=", ".join(unknown))
        if STUNTING not in indicators:  # the public pages' headline, trend and maps are stunting's
            raise PublicationError("publication.stunting_required")
        district = districts[district_code]
        villages = self.store.villages(district_code)
        if observations is None:
            observations = self.store.observations(district_code)
        available = set(observations["period"].astype(str))
        missing = [p for p in chosen if p not in available]
        if missing:
            raise PublicationError("publication.no_data", district=district_code, periods=", ".join(missing))
        # A month few villages reported would become the public headline and a false turn in the trend.
        scope = villages["code"].astype(str)
        table = [completeness_of(observations, period, scope) for period in chosen]
        partial = [c for c in table if not c.complete(min_completeness)]
        if partial:
            listed = "; ".join(f"{c.period} ({c.reporting}/{c.villages})" for c in partial)
            raise PublicationError("publication.incomplete", periods=listed, minimum=f"{min_completeness:g}")
        when = _utc(now or datetime.now(UTC)).replace(microsecond=0)
        request = SnapshotRequest(
            district_code=district_code,
            district_name=district.name,
            is_demo=district.is_demo,
            periods=tuple(chosen),
            indicators=tuple(dict.fromkeys(indicators)),
            title=title.strip() or district.name,
            note=note.strip(),
            publisher=publisher or actor.label or "admin",
            published_at=when,
            licence=licence,
            min_denominator=int(min_denominator),
            boundary_version=self.store.boundary_version(district_code),
            targets=tuple((t.year, t.target, t.source) for t in self.targets(district_code)),
            sources=self._sources(district_code),
        )
        village_geojson, kecamatan_geojson = _geometries(villages, self.store.outlines(district_code))
        estimates = self.store.estimates(district_code)
        content = snapshot_content(request, villages, observations, village_geojson, kecamatan_geojson, estimates)
        raw = content_bytes(content)
        digest = hashlib.sha256(raw).hexdigest()
        with self.store._write() as conn:
            inserted = conn.execute(
                schema.publications.insert().values(
                    district_code=district_code,
                    title=request.title,
                    note=request.note,
                    periods=list(chosen),
                    indicators=list(request.indicators),
                    boundary_version=request.boundary_version,
                    publisher=request.publisher,
                    published_at=when,
                    min_denominator=request.min_denominator,
                    licence=licence,
                    content=gzip.compress(raw, mtime=0),
                    content_sha256=digest,
                )
            ).inserted_primary_key
            new_id = int(inserted[0]) if inserted is not None else 0
        self.accounts.audit(actor, "publish", target=district_code,
                            detail={"snapshot": int(new_id), "periods": chosen, "sha256": digest[:16]})  # fmt: skip
        log.info("snapshot %s of %s published (%d bytes)", new_id, district_code, len(raw))
        snapshot = self.snapshot(int(new_id))
        assert snapshot is not None
        return snapshot

    def _sources(self, district_code: str) -> tuple[tuple[str, str], ...]:
        """The kinds and import dates of the district's current datasets (never their file names)."""
        found = {
            (str(d.kind), _utc(d.created_at).date().isoformat())
            for d in self.store.datasets()
            if district_code in d.districts and d.status != "superseded" and d.kind != "boundaries"
        }
        return tuple(sorted(found))

    def withdraw(self, actor: Actor, snapshot_id: int, reason: str, now: datetime | None = None) -> Snapshot:
        """Withdraw a standing snapshot with a reason (required); audited. Only an administrator does."""
        if actor.role is not Role.ADMIN:
            raise PublicationError("publication.not_admin")
        reason = reason.strip()
        if len(reason) < 5:
            raise PublicationError("publication.reason_required")
        current = self.snapshot(snapshot_id)
        if current is None:
            raise PublicationError("publication.unknown_snapshot", id=snapshot_id)
        if not current.standing:
            raise PublicationError("publication.already_withdrawn", id=snapshot_id)
        p = schema.publications
        with self.store._write() as conn:
            conn.execute(
                p.update()
                .where(p.c.id == snapshot_id)
                .values(
                    withdrawn_at=_utc(now or datetime.now(UTC)),
                    withdrawn_by=actor.label or "admin",
                    withdraw_reason=reason[:500],
                )
            )
        self.accounts.audit(actor, "publication_withdraw", target=current.district_code,
                            detail={"snapshot": snapshot_id, "reason": reason[:500]})  # fmt: skip
        withdrawn = self.snapshot(snapshot_id)
        assert withdrawn is not None
        return withdrawn

    # ------------------------------------------------------------------------------ reading

    def snapshots(self, district_code: str | None = None, *, standing_only: bool = False) -> list[Snapshot]:
        """Snapshots newest first, of one district or all; ``standing_only`` leaves out withdrawn ones."""
        p = schema.publications
        query = sa.select(*_LIST_COLUMNS).order_by(p.c.published_at.desc(), p.c.id.desc())
        if district_code is not None:
            query = query.where(p.c.district_code == district_code)
        if standing_only:
            query = query.where(p.c.withdrawn_at.is_(None))
        with self.store._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [_snapshot(row) for row in rows]

    def snapshot(self, snapshot_id: int) -> Snapshot | None:
        p = schema.publications
        with self.store._read() as conn:
            row = conn.execute(sa.select(*_LIST_COLUMNS).where(p.c.id == snapshot_id)).mappings().first()
        return None if row is None else _snapshot(row)

    def latest(self, district_code: str) -> Snapshot | None:
        """The standing snapshot the public sees for a district, or None."""
        standing = self.snapshots(district_code, standing_only=True)
        return standing[0] if standing else None

    def published_districts(self) -> list[Snapshot]:
        """The latest standing snapshot of every district that has one, by district code."""
        latest: dict[str, Snapshot] = {}
        for snapshot in self.snapshots(standing_only=True):
            latest.setdefault(snapshot.district_code, snapshot)
        return [latest[code] for code in sorted(latest)]

    def content(self, snapshot_id: int) -> dict[str, Any] | None:
        """The frozen content of a snapshot (checked against its sha256), or None when there is none."""
        p = schema.publications
        with self.store._read() as conn:
            row = conn.execute(sa.select(p.c.content, p.c.content_sha256).where(p.c.id == snapshot_id)).first()
        if row is None:
            return None
        raw = gzip.decompress(bytes(row.content))
        if hashlib.sha256(raw).hexdigest() != row.content_sha256:
            raise RuntimeError(f"snapshot {snapshot_id}: content does not match its sha256")
        loaded: dict[str, Any] = json.loads(raw)
        return loaded

    # ------------------------------------------------------------------------------ targets

    def set_target(self, actor: Actor, district_code: str, year: int, target: float, source: str) -> Target:
        """Set (or replace) a district's own target for ``year``, percent, with its source; audited."""
        if actor.role is not Role.ADMIN:
            raise PublicationError("publication.not_admin")
        if district_code not in {d.code for d in self.store.districts()}:
            raise PublicationError("publication.unknown_district", district=district_code)
        if not 2000 <= int(year) <= 2100:
            raise PublicationError("publication.bad_year", year=year)
        if not 0.0 < float(target) < 100.0:
            raise PublicationError("publication.bad_target", target=target)
        source = source.strip()
        if not source:
            raise PublicationError("publication.source_required")
        t = schema.district_targets
        now = datetime.now(UTC).replace(microsecond=0)
        with self.store._write() as conn:
            conn.execute(t.delete().where(t.c.district_code == district_code, t.c.year == int(year)))
            conn.execute(
                t.insert().values(
                    district_code=district_code,
                    year=int(year),
                    target=float(target),
                    source=source[:300],
                    set_by=actor.label or "admin",
                    set_at=now,
                )
            )
        self.accounts.audit(actor, "target_set", target=district_code,
                            detail={"year": int(year), "target": float(target), "source": source[:300]})  # fmt: skip
        return Target(district_code, int(year), float(target), source[:300], actor.label or "admin", now)

    def targets(self, district_code: str) -> list[Target]:
        """A district's own targets, oldest year first."""
        t = schema.district_targets
        with self.store._read() as conn:
            rows = conn.execute(
                sa.select(t).where(t.c.district_code == district_code).order_by(t.c.year)
            ).mappings().all()  # fmt: skip
        return [
            Target(
                str(r["district_code"]),
                int(r["year"]),
                float(r["target"]),
                str(r["source"]),
                str(r["set_by"]),
                _utc(r["set_at"]),
            )
            for r in rows
        ]


def _geometries(villages: gpd.GeoDataFrame, kecamatan: gpd.GeoDataFrame) -> tuple[dict[str, Any], dict[str, Any]]:
    """Village and kecamatan outlines simplified for display, as FeatureCollections."""
    from dashboard.geo import prepare_geojson

    village_json = json.loads(prepare_geojson(villages[["code", "name", "kecamatan_name", "geometry"]]))
    if len(kecamatan):
        frame = kecamatan.assign(kecamatan_name=kecamatan["name"])[["code", "name", "kecamatan_name", "geometry"]]
        kecamatan_json = json.loads(prepare_geojson(frame))
    else:
        kecamatan_json = {"type": "FeatureCollection", "features": []}
    return village_json, kecamatan_json


def ensure_demo_publication(publications: Publications, min_completeness: float, min_denominator: int,
                            licence: str = DEFAULT_LICENCE) -> Snapshot | None:  # fmt: skip
    """Publish the fictional demo on first start, so the public pages are never empty.

    Only when the demo has never been published (a withdrawal by an administrator is respected). The
    periods are the demo's complete ones (at least ``min_completeness`` percent of villages reporting).
    Returns the new snapshot, or None when there was nothing to do.
    """
    from dashboard.core.completeness import completeness_by_period
    from dashboard.data.source import DEMO_DISTRICT_CODE
    from dashboard.i18n import t

    store = publications.store
    if DEMO_DISTRICT_CODE not in {d.code for d in store.districts()} or publications.snapshots(DEMO_DISTRICT_CODE):
        return None
    villages = store.villages(DEMO_DISTRICT_CODE)
    observations = store.observations(DEMO_DISTRICT_CODE)
    table = completeness_by_period(observations, villages["code"].astype(str))
    periods = [c.period for c in table if c.complete(min_completeness) and period_kind(c.period) == "month"]
    if not periods:
        return None
    system = Actor(None, "sistem", Role.ADMIN, (), via_cli=True)
    return publications.publish(
        system,
        DEMO_DISTRICT_CODE,
        periods,
        title=t("publication.demo_title", "id"),
        note=t("publication.demo_note", "id"),
        min_denominator=min_denominator,
        min_completeness=min_completeness,
        licence=licence,
        observations=observations,
        publisher="sistem",
    )
