"""What every public route shares: choosing a standing snapshot from the URL, its cached content, links and 404s.

A snapshot never changes once published (its content is frozen with its sha256), so its parsed content
and the pieces drawn from it are kept in bounded per-app LRU caches keyed by (snapshot id, sha256);
whether it still *stands* (not withdrawn) is asked of the database on every request, so a withdrawal
takes effect at once.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Final
from urllib.parse import urlencode

from flask import Response, abort, request

from dashboard.data.publications import Publications, Snapshot
from dashboard.i18n import LANGUAGES, Lang
from dashboard.public.content import PERIOD, Published, valid_district_code

__all__ = ["CACHE_SIZE", "SNAPSHOT_ID", "SnapshotReader", "compress", "href", "request_lang"]

CACHE_SIZE: Final = 16  # snapshots' parsed content kept per process (a large district's is a few MB)
SUMMARY_CACHE_SIZE: Final = 1024  # their summaries (district cells only, no outlines): a few kB each
SNAPSHOT_ID: Final = re.compile(r"[1-9]\d{0,8}")  # a database id; longer digit strings never reach the database


_COMPRESSIBLE: Final = ("text/html", "text/csv", "text/plain", "application/json", "application/geo+json")


def compress(response: Response) -> Response:
    """Gzip a text response for a client that accepts it: the district page's 100 kB of HTML and SVG become ~20 kB.

    The app has no compressing middleware of its own; these pages hold no secret a compression side channel
    (BREACH) could reveal, since the session and CSRF tokens travel in cookies, never in the body.
    """
    response.vary.add("Accept-Encoding")
    if (
        "gzip" not in request.headers.get("Accept-Encoding", "")
        or response.direct_passthrough
        or response.status_code != 200
        or response.mimetype not in _COMPRESSIBLE
        or "Content-Encoding" in response.headers
    ):
        return response
    body = response.get_data()
    if len(body) < 1024:
        return response
    response.set_data(gzip.compress(body, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    return response


def request_lang() -> str:
    """``lang`` of the query string when it is a known language, else Indonesian."""
    chosen = request.args.get("lang", "")
    return chosen if chosen in {str(lang) for lang in LANGUAGES} else str(Lang.ID)


def href(path: str, lang: str, params: Mapping[str, object | None] | None = None, fragment: str = "") -> str:
    """A link on this site: the path, the parameters that have a value, ``lang=en`` when English.

    >>> href("/publik/99.01", "en", {"periode": "2025-08", "terbitan": None})
    '/publik/99.01?periode=2025-08&lang=en'
    """
    query = {k: str(v) for k, v in (params or {}).items() if v not in (None, "")}
    if lang == Lang.EN:
        query["lang"] = "en"
    text = f"{path}?{urlencode(query, safe=':')}" if query else path
    return f"{text}#{fragment}" if fragment else text


class SnapshotReader:
    """Standing snapshots by district code and ``terbitan``, and their content, cached per app."""

    def __init__(self, publications: Publications) -> None:
        self.publications = publications
        self._published = lru_cache(maxsize=CACHE_SIZE)(self._load)
        self._summaries = lru_cache(maxsize=SUMMARY_CACHE_SIZE)(self._summarise)

    def _load(self, snapshot_id: int, _sha256: str) -> Published:
        content = self.publications.content(snapshot_id)
        if content is None:  # deleted under our feet: treat as unknown
            raise LookupError(snapshot_id)
        return Published(content)

    def _summarise(self, snapshot_id: int, sha256: str) -> Published:
        content = dict(self._load(snapshot_id, sha256).content)
        district = content["wilayah"]["kode"]
        content["sel"] = [c for c in content["sel"] if c["tingkat"] == "kabupaten"]
        content["kelengkapan"] = [k for k in content["kelengkapan"] if k["kode"] == district]
        content["peta"] = {"desa": {"features": []}, "kecamatan": {"features": []}}
        return Published(content)

    def published(self, snapshot: Snapshot) -> Published:
        """The snapshot's content, parsed once per process."""
        return self._published(snapshot.id, snapshot.content_sha256)

    def summary(self, snapshot: Snapshot) -> Published:
        """The snapshot's content without its kecamatan, villages and outlines: what lists of districts need.

        Kept apart from :meth:`published` so that a list of many districts neither parses every full
        snapshot on each request nor pushes the pages' snapshots out of their cache.
        """
        return self._summaries(snapshot.id, snapshot.content_sha256)

    def standing(self, raw_id: str | None) -> Snapshot | None:
        """The standing snapshot with the id written in ``raw_id``, or None (malformed, unknown, withdrawn)."""
        if raw_id is None or not SNAPSHOT_ID.fullmatch(raw_id):
            return None
        snapshot = self.publications.snapshot(int(raw_id))
        return snapshot if snapshot is not None and snapshot.standing else None

    def choose(self, district_code: str, raw_id: str | None) -> tuple[Snapshot, Published, bool]:
        """The snapshot a district view shows, its content and whether it is the latest; 404 otherwise.

        ``raw_id`` (the ``terbitan`` parameter) picks an earlier standing snapshot of the same district.
        """
        if not valid_district_code(district_code):
            abort(404)
        latest = self.publications.latest(district_code)
        if latest is None:
            abort(404)
        snapshot = latest if raw_id is None else self.standing(raw_id)
        if snapshot is None or snapshot.district_code != district_code:
            abort(404)
        try:
            view = self.published(snapshot)
        except LookupError:
            abort(404)
        return snapshot, view, snapshot.id == latest.id

    def holding(self, district_code: str, period: str) -> int | None:
        """The newest standing snapshot of the district that published ``period``, or None (then a 404)."""
        if not valid_district_code(district_code) or not PERIOD.fullmatch(period):
            return None
        for snapshot in self.publications.snapshots(district_code, standing_only=True):
            if period in snapshot.periods:
                return snapshot.id
        return None

    @staticmethod
    def period(view: Published, raw: str | None) -> str:
        """The chosen period, one of the snapshot's (the latest when none is given); 404 for any other."""
        if raw is None:
            return view.latest_period
        if not PERIOD.fullmatch(raw) or raw not in view.periods:
            abort(404)
        return raw
