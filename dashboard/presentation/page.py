"""``/paparan/<kode>``: the presentation for the briefing room, rendered on the server as one HTML page.

Seven slides (a–f of the brief, f in two parts) in one page of plain HTML and two small files (a stylesheet and
a script that turns the page into slides): no Dash bundle, no plotly, nothing to compute in a projector's
browser. The maps and the trend are pictures drawn on the server by the brief's renderers; their URLs carry a
hash of what they show, so a second showing of the same data costs no transfer at all.

Who may see it: leadership (``pimpinan``) and anyone whose role grants
:attr:`~dashboard.auth.roles.Permission.VIEW`, for districts in their areas (the demo: anyone signed in), decided
here on the server for the page and for every picture. Signed out: to the sign-in page and back. The slides hold
drafts and unpublished figures, so nothing is cached by a shared cache (``Cache-Control: private``).

Without JavaScript, and on a phone, the slides stand one under another; with JavaScript on a screen at least
900 px wide and 500 px high, one slide fills the screen and the arrow keys, Page Up/Down (presentation
clickers), Home/End and the discreet on-screen arrows change it (``assets/paparan/paparan.js``).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from dash import Dash
from flask import Response, redirect, request
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from dashboard.auth.context import acting_as
from dashboard.auth.roles import Actor, Forbidden, Permission, can
from dashboard.brief.content import BriefError
from dashboard.brief.trend import trend_png
from dashboard.config import REPO_ROOT
from dashboard.core.gaps import BIVARIATE_PALETTE
from dashboard.core.periods import PeriodError, parse_period
from dashboard.figures.static_map import render
from dashboard.i18n import LANGUAGES, fmt_percent, t
from dashboard.presentation.deck import build_deck
from dashboard.presentation.slides import PX_PER_PT, Deck, SlideMap, map_digest
from dashboard.services import Services
from dashboard.views.brief_route import brief_path

__all__ = ["DPI", "LOKUS_ROWS", "SLIDES", "TREND_PX", "paparan_path", "register"]

log = logging.getLogger(__name__)

SLIDES = 7
LOKUS_ROWS = 10  # lokus villages listed beside the map; the rest are counted ("dan 8 lainnya")
DPI = 72 * PX_PER_PT * 1.5  # 1.5 device pixels per CSS pixel: sharp at 1280×720 and on a 1920×1080 projector
TREND_PX = (780, 330)  # the trend's box on the 1280×720 slide, CSS px
_TREND_TEXT = 1.4  # the trend's 5.8 pt ticks become 16 px
_DECK_SECONDS = 120.0
_PICTURES = 48  # pictures kept per process (a district's five take ~1 MB)
_TEMPLATES = Path(__file__).parent / "templates"
_ASSETS = REPO_ROOT / "assets" / "paparan"


def paparan_path(district_code: str, period: str | None = None, lang: str | None = None) -> str:
    """The presentation's address for a page's link."""
    query = {k: v for k, v in (("periode", period), ("lang", lang)) if v}
    return f"/paparan/{quote(district_code)}" + (f"?{urlencode(query)}" if query else "")


class _Decks:
    """Decks built in the last :data:`_DECK_SECONDS`, by district, period and language: the pictures of a page
    just sent reuse its deck instead of gathering every figure again for each picture. A picture whose hash is
    not the cached deck's (the data changed) is drawn from a new deck."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[str, str, str], tuple[float, Deck]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, str]) -> Deck | None:
        with self._lock:
            found = self._items.get(key)
        return found[1] if found is not None and time.monotonic() - found[0] < _DECK_SECONDS else None

    def put(self, key: tuple[str, str, str], deck: Deck) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), deck)
            self._items.move_to_end(key)
            while len(self._items) > 16:
                self._items.popitem(last=False)


class _Pictures:
    """PNG bytes by key, the most recent :data:`_PICTURES`, shared by the threads of one process."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[str, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        body = make()  # drawn outside the lock: two first requests may both draw, neither waits on the other
        with self._lock:
            self._items[key] = body
            while len(self._items) > _PICTURES:
                self._items.popitem(last=False)
        return body


def _asset(name: str) -> str:
    """``/assets/paparan/<name>?m=<mtime>``: fingerprinted like Dash's own assets, so long-cacheable."""
    path = _ASSETS / name
    return f"/assets/paparan/{name}?m={int(path.stat().st_mtime)}"


def register(app: Dash, services: Services) -> None:
    """Add ``/paparan``, ``/paparan/<kode>`` and its pictures to ``app``'s server."""
    from dashboard.auth.web import current_actor_of_request

    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=True, undefined=StrictUndefined)
    pictures = _Pictures()
    decks = _Decks()

    def language() -> str:
        chosen = request.args.get("lang") or services.settings.language
        return chosen if chosen in set(LANGUAGES) else "id"

    def text(body: str, status: int) -> Response:
        return Response(body, status=status, mimetype="text/plain")

    def deck_for(kode: str, cached: Callable[[Deck], bool] | None = None) -> tuple[Deck | None, Any, Actor]:
        """The deck of the request, or the answer that refuses it (sign-in, 403, 404, 400). With ``cached``, a deck
        built moments ago is reused when ``cached`` accepts it; the reader's right to it is checked either way."""
        actor = current_actor_of_request()
        lang = language()
        if actor.is_anonymous:
            return None, redirect("/login?next=" + quote(request.full_path.rstrip("?"), safe="")), actor
        if not can(actor, Permission.VIEW):
            return None, text(t("paparan.forbidden", lang), 403), actor
        try:
            period = parse_period(request.args["periode"]) if request.args.get("periode") else None
        except PeriodError as error:
            return None, text(str(error), 400), actor
        store = services.store
        if store is not None and kode not in {d.code for d in store.districts()}:
            return None, text(t("brief.unknown_district", lang, code=kode, known="-"), 404), actor
        with acting_as(actor):
            try:
                services.require_readable(kode)
                key = (kode, period or "", lang)
                recent = decks.get(key) if cached is not None else None
                if recent is not None and cached is not None and cached(recent):
                    return recent, None, actor
                deck = build_deck(services, actor, kode, period, lang)
                decks.put(key, deck)
                return deck, None, actor
            except Forbidden as error:
                return None, text(t("paparan.forbidden", lang), error.status), actor
            except BriefError as error:
                return None, text(t(error.key, lang, **error.params), 404), actor

    def private(response: Response) -> Response:
        response.headers["Cache-Control"] = "private, no-cache"
        return response

    def cacheable(response: Response, named: bool) -> Response:
        """A picture whose URL names its content (its hash) may be kept by the browser, never by a shared cache."""
        response.headers["Cache-Control"] = "private, max-age=86400" if named else "private, no-cache"
        return response

    def page(kode: str) -> Any:
        deck, refusal, actor = deck_for(kode)
        if deck is None:
            return refusal
        lang = deck.lang
        base = {"periode": deck.period, "lang": lang}

        def map_url(slide_map: SlideMap) -> str:
            query = urlencode({**base, "v": map_digest(slide_map)})
            return f"/paparan/{quote(kode)}/peta/{slide_map.kind}.png?{query}"

        html = env.get_template("paparan.html").render(
            lang=lang,
            deck=deck,
            total=SLIDES,
            tr=lambda key, **params: t(key, lang, **params),
            map_url=map_url,
            trend_url=f"/paparan/{quote(kode)}/tren.png?{urlencode({**base, 'v': trend_digest(deck)})}",
            trend_size=TREND_PX,
            trend_alt=_trend_alt(deck),
            palette=BIVARIATE_PALETTE,
            lokus_rows=LOKUS_ROWS,
            css=_asset("paparan.css"),
            js=_asset("paparan.js"),
            brief_pdf=brief_path(kode, "pdf", deck.period, lang),
            brief_png=brief_path(kode, "png", deck.period, lang),
            exit_url="/" if lang == "id" else f"/?lang={lang}",
        )
        log.info("presentation %s %s for account %s", kode, deck.period, actor.id)  # an id, never a name
        response = Response(html, mimetype="text/html")
        response.headers["Content-Language"] = lang
        return private(response)

    def picture(kode: str, kind: str) -> Any:
        wanted = request.args.get("v", "")

        def same(deck: Deck) -> bool:
            return kind in deck.maps and map_digest(deck.maps[kind]) == wanted

        deck, refusal, _ = deck_for(kode, same)
        if deck is None:
            return refusal
        slide_map = deck.maps.get(kind)
        if slide_map is None:
            return text("no such map", 404)
        key = (kode, kind, deck.period, deck.lang, map_digest(slide_map))
        body = pictures.get(key, lambda: render(slide_map.spec).png(dpi=DPI, colours=128))
        return cacheable(Response(body, mimetype="image/png"), wanted == key[-1])

    def trend(kode: str) -> Any:
        wanted = request.args.get("v", "")
        deck, refusal, _ = deck_for(kode, lambda recent: trend_digest(recent) == wanted)
        if deck is None:
            return refusal
        brief = deck.brief
        width, height = (size / 72 / PX_PER_PT for size in TREND_PX)
        key = (kode, "trend", deck.period, deck.lang, trend_digest(deck))
        body = pictures.get(
            key,
            lambda: trend_png(brief.trend, brief.national_target, brief.own_target, deck.lang, width, height,
                              dpi=DPI, text_scale=_TREND_TEXT),
        )  # fmt: skip
        return cacheable(Response(body, mimetype="image/png"), wanted == key[-1])

    def first(_: None = None) -> Any:
        """``/paparan``: the reader's first district (a real one before the demo)."""
        actor = current_actor_of_request()
        if actor.is_anonymous:
            return redirect("/login?next=/paparan")
        with acting_as(actor):
            districts = sorted(services.source.districts(), key=lambda d: (d.is_demo, d.name))
            readable = [d for d in districts if services.readable(d.code)]
        if not can(actor, Permission.VIEW) or not readable:
            return text(t("paparan.forbidden", language()), 403)
        return redirect(paparan_path(readable[0].code, lang=request.args.get("lang")))

    server = app.server
    server.add_url_rule("/paparan", "lokus_paparan_first", first)
    server.add_url_rule("/paparan/<kode>", "lokus_paparan", page)
    server.add_url_rule("/paparan/<kode>/peta/<kind>.png", "lokus_paparan_map", picture)
    server.add_url_rule("/paparan/<kode>/tren.png", "lokus_paparan_trend", trend)


def trend_digest(deck: Deck) -> str:
    """A short hash of what the trend picture shows (see :func:`~dashboard.presentation.slides.map_digest`)."""
    brief = deck.brief
    rates = [(p.period, p.rate, p.complete) for p in brief.trend]
    shown = repr((rates, brief.national_target, brief.own_target, deck.lang, TREND_PX))
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


def _trend_alt(deck: Deck) -> str:
    points = [f"{p.label} {fmt_percent(p.rate, deck.lang)}" for p in deck.brief.trend if p.rate is not None]
    return t("paparan.a.trend_alt", deck.lang, points="; ".join(points) or "—")
