"""The region page's callbacks: follow the region, draw its map and tables, open a clicked kabupaten/kota."""

from __future__ import annotations

import math
from typing import Any

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import ANONYMOUS, Actor
from dashboard.components import encode_classes
from dashboard.core.codes import Level
from dashboard.core.indicators import CATALOGUE, STUNTING, get_indicator
from dashboard.core.periods import period_label
from dashboard.data.layers import LayerError, layer_frame
from dashboard.data.levels import known_regions
from dashboard.data.source import District
from dashboard.figures.map import NO_DATA_COLOUR
from dashboard.geo import Bounds, view_for_bounds
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services, may_read
from dashboard.tiles import MIN_ZOOM, TileState, tiles_status
from dashboard.views.layers_route import layer_path, tiles_path
from dashboard.views.region_page.model import (
    NATIONAL,
    band_classes,
    band_colours,
    band_labels,
    bands,
    change_table,
    indicators_of,
    is_demo_region,
    is_district,
    levels_for,
    map_figures,
    origins_present,
    periods_of,
    region_figures,
    region_options,
)
from dashboard.views.units_route import unit_layer_path

__all__ = ["register"]

LEVEL = Level.KABUPATEN  # the units a province or national map fills


def _within(region: str) -> str | None:
    return None if region == NATIONAL else region


def _actor() -> Actor:
    return current_actor() or ANONYMOUS


def _allowed(services: Services, region: object, lang: str) -> str:
    """The region if the reader may read it (the value comes from the browser: checked here, on the server)."""
    if not isinstance(region, str) or region not in {o["value"] for o in region_options(services, _actor(), lang)}:
        raise PreventUpdate
    return region


def _table(rows: list[dict[str, str]], columns: list[tuple[str, str]], caption: str) -> Any:
    if not rows:
        return html.P(caption, className="text-muted")
    head = html.Thead(html.Tr([html.Th(label) for _, label in columns]))
    body = html.Tbody([html.Tr([html.Td(row[key]) for key, _ in columns]) for row in rows])
    return html.Div([html.H3(caption, className="h6"), dbc.Table([head, body], size="sm", striped=True,
                                                                 responsive=True)])  # fmt: skip


def _legend(indicator: str, lang: str) -> Any:
    """The fixed bands with their colours, then no data, in the main page's legend markup (``assets/lokus.css``)."""
    swatches = list(zip(band_colours(indicator), band_labels(indicator, lang), strict=True))
    swatches.append((NO_DATA_COLOUR, t("legend.no_data", lang)))
    return html.Div(
        [html.Div(t("region.legend", lang), className="legend-title")]
        + [
            html.Div(
                [
                    html.Span(className="legend-swatch", style={"backgroundColor": colour}),
                    html.Span(label, className="legend-range"),
                ],
                className="legend-entry",
            )
            for colour, label in swatches
        ]
    )


def _title(title: str, region: str, lang: str) -> Any:
    if not is_demo_region(region):
        return title
    badge = dbc.Badge(t("demo.badge", lang), color="warning", text_color="dark", className="ms-2 demo-badge",
                      title=t("demo.explainer", lang))  # fmt: skip
    return [title, badge]


def _readable(services: Services, actor: Actor) -> Any:
    districts = {district.code: district for district in services.store.districts()} if services.store else {}
    return lambda code: may_read(actor, districts.get(code, District(code, code)))


def _unit_name(services: Services, code: str) -> str:
    """A region's name for a message (the boundaries' or the official list's), the code only when nothing has one."""
    store = services.store
    if store is None:
        return code
    regions = services.cached("region.known", "", lambda: known_regions(store))
    found = regions.loc[regions["code"] == code, "name"]
    return str(found.iloc[0]) if len(found) else code


def _villages_from(bounds: list[float] | None) -> float:
    """The zoom from which villages replace the filled units: the tiles' first zoom, or one past the region's fit
    when a small region (one kabupaten) opens closer than that, so it always opens on its own units."""
    if bounds is None:
        return float(MIN_ZOOM)
    _, fit = view_for_bounds(Bounds(*bounds))
    return float(max(MIN_ZOOM, math.ceil(fit) + 1))


def _level(region: str, level: object) -> str:
    """The level asked for if the region offers it (the value comes from the browser), else the region's first."""
    levels = levels_for(region)
    return level if isinstance(level, str) and level in levels else levels[0]


def _layer(services: Services, level: str, region: str) -> str | None:
    if is_district(region):
        return unit_layer_path(services, level, region)
    return layer_path(services, level, _within(region))


def _bounds(services: Services, actor: Actor, level: str, region: str) -> list[float] | None:
    if is_district(region):
        villages = services.source.villages(region)
        return [float(v) for v in villages.total_bounds] if len(villages) else None
    source = services.store if services.store is not None else services.source
    try:
        frame = layer_frame(source, level, _within(region), _readable(services, actor))
    except LayerError:
        return None
    return [float(v) for v in frame.total_bounds] if len(frame) else None


def _villages(services: Services, actor: Actor, within: str | None) -> tuple[str | None, bool]:
    """The villages' tile template when the reader may read every district of the region and the tiles are built;
    and whether the page should keep asking (still building)."""
    source = services.store
    if source is None:
        return None, False
    districts = [d for d in source.districts() if (within is None and not d.is_demo) or
                 (within is not None and d.code.startswith(within + "."))]  # fmt: skip
    if not districts or not all(may_read(actor, d) for d in districts):
        return None, False
    status = tiles_status(services.settings.data_dir, source, within)
    if status.state is TileState.READY:
        return tiles_path(services, within), False
    if status.state is TileState.FAILED:
        return None, False
    tiles_path(services, within)  # starts the build in the background
    return None, True


def register(app: SecuredApp | Dash, services: Services) -> None:
    @app.callback(
        Output(ID.REGION_LEVEL, "options"),
        Output(ID.REGION_LEVEL, "value"),
        Input(ID.REGION, "value"),
        State(ID.REGION_LEVEL, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def follow_region(region: str, current: str | None, lang: str) -> tuple[Any, Any]:
        levels = levels_for(_allowed(services, region, lang))
        options = [{"label": t(f"region.level.{level}", lang), "value": level} for level in levels]
        return options, current if current in levels else levels[0]

    @app.callback(
        Output(ID.REGION_INDICATOR, "options"),
        Output(ID.REGION_INDICATOR, "value"),
        Input(ID.REGION_LEVEL, "value"),
        State(ID.REGION, "value"),
        State(ID.REGION_INDICATOR, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def follow_level(level: str, region: str, current: str | None, lang: str) -> tuple[Any, Any]:
        region = _allowed(services, region, lang)
        level = _level(region, level)
        keys = [key for key in indicators_of(services, level, _within(region)) if key in CATALOGUE]
        options = [{"label": CATALOGUE[key].label(lang), "value": key} for key in keys]
        value = current if current in keys else (STUNTING if STUNTING in keys else (keys[0] if keys else None))
        return options, value

    @app.callback(
        Output(ID.REGION_PERIOD, "options"),
        Output(ID.REGION_PERIOD, "value"),
        Output(ID.REGION_COMPARE, "options"),
        Input(ID.REGION_INDICATOR, "value"),
        State(ID.REGION_LEVEL, "value"),
        State(ID.REGION, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def follow_indicator(indicator: str | None, level: str, region: str, lang: str) -> tuple[Any, Any, Any]:
        region = _allowed(services, region, lang)
        level = _level(region, level)
        within = _within(region)
        periods = periods_of(services, level, within, indicator) if indicator in CATALOGUE else []
        options = [{"label": period_label(p, lang), "value": p} for p in reversed(periods)]
        return options, (periods[-1] if periods else None), options

    @app.callback(
        Output(ID.REGION_MAP, "overview_geojson_url"),
        Output(ID.REGION_MAP, "overview_codes"),
        Output(ID.REGION_MAP, "overview_classes"),
        Output(ID.REGION_MAP, "overview_hover_text"),
        Output(ID.REGION_MAP, "palette"),
        Output(ID.REGION_MAP, "bounds"),
        Output(ID.REGION_MAP, "overview_maxzoom"),
        Output(ID.REGION_MAP, "view_revision"),
        Output(ID.REGION_MAP, "export_title"),
        Output(ID.REGION_MAP, "export_legend"),
        Output(ID.REGION_MAP, "export_source"),
        Output(ID.REGION_MAP, "export_mark"),
        Output(ID.REGION_TITLE, "children"),
        Output(ID.REGION_LEGEND, "children"),
        Output(ID.REGION_TABLE, "children"),
        Output(ID.REGION_CHANGE, "children"),
        Output(ID.REGION_ORIGIN, "options"),
        Output(ID.REGION_ORIGIN, "value"),
        Input(ID.REGION_PERIOD, "value"),
        Input(ID.REGION_ORIGIN, "value"),
        Input(ID.REGION_COMPARE, "value"),
        State(ID.REGION, "value"),
        State(ID.REGION_LEVEL, "value"),
        State(ID.REGION_INDICATOR, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def draw(period: str | None, origin: str | None, compare: str | None, region: str, level: str,
             indicator: str | None, lang: str) -> tuple[Any, ...]:  # fmt: skip
        region = _allowed(services, region, lang)
        level = _level(region, level)
        within = _within(region)
        if indicator not in CATALOGUE or not period:
            raise PreventUpdate
        actor = _actor()
        figures = region_figures(services, actor, level, within, indicator, period)
        present = origins_present(figures)
        # The reader's own choice of origin holds while they compare or pick it; a new region, unit, indicator or
        # period (which arrive as a new period) starts again from the figures imported for those units.
        kept = ctx.triggered_id in (ID.REGION_ORIGIN, ID.REGION_COMPARE) and origin in present
        origin = origin if kept else (present[0] if present else None)
        shown = map_figures(figures, origin or "", indicator, lang)
        name = next(o["label"] for o in region_options(services, actor, lang) if o["value"] == region)
        label = get_indicator(indicator).label(lang)
        title_key = "region.title" if level == LEVEL else f"region.title.{level}"
        title = t(title_key, lang, indicator=label, region=name, period=period_label(period, lang))
        unit = t(f"region.level.{level}", lang)
        origin_options = [{"label": t(f"levels.origin.{o}", lang), "value": o} for o in present]
        columns = [("name", unit), ("value", label), ("interval_cell", t("region.col.interval", lang)),
                   ("counts", t("region.col.counts", lang))]  # fmt: skip
        table = _table(shown.rows, columns, t("region.table", lang, unit=unit.lower(),
                                              origin=t(f"levels.origin.{origin}", lang))
                       if origin else t(f"region.no_figures.{level}" if level == "puskesmas" else "region.no_figures",
                                        lang))  # fmt: skip
        change: Any = ""
        if compare and compare != period and origin:
            before = region_figures(services, actor, level, within, indicator, compare)
            rows = change_table(figures, before, origin, indicator, lang)
            change_columns = [
                ("name", unit),
                ("before", period_label(compare, lang)),
                ("now", period_label(period, lang)),
                ("change", t("region.col.change", lang)),
                ("interval", t("region.col.interval", lang)),
                ("verdict", t("region.col.verdict", lang)),
            ]
            change = _table(rows, change_columns, t("region.change", lang, before=period_label(compare, lang),
                                                    now=period_label(period, lang)))  # fmt: skip
        colours = band_colours(indicator)
        bounds = _bounds(services, actor, level, region)
        # The exported picture's legend says what grey means too, as the page's legend does.
        legend = [[c, lbl] for c, lbl in zip(colours, band_labels(indicator, lang), strict=True)]
        legend.append([NO_DATA_COLOUR, t("legend.no_data", lang)])
        source = t("region.source", lang, origin=t(f"levels.origin.{origin}", lang) if origin else "—")
        return (
            _layer(services, level, region),
            shown.codes,
            shown.classes,
            shown.hover,
            colours,
            bounds,
            _villages_from(bounds),
            f"{region}|{level}",
            title,
            legend,
            source,
            t("demo.badge", lang).upper() if is_demo_region(region) else None,
            _title(title, region, lang),
            _legend(indicator, lang),
            table,
            change,
            origin_options,
            origin,
        )

    @app.callback(
        Output(ID.REGION_MAP, "tiles_url"),
        Output(ID.REGION_MAP, "codes"),
        Output(ID.REGION_MAP, "classes"),
        Output(ID.REGION_MAP, "hover_text"),
        Output(ID.REGION_NOTE, "children"),
        Output(ID.REGION_TILES_POLL, "disabled"),
        Input(ID.REGION_PERIOD, "value"),
        Input(ID.REGION_TILES_POLL, "n_intervals"),
        State(ID.REGION, "value"),
        State(ID.REGION_INDICATOR, "value"),
        State(ID.LANGUAGE, "value"),
    )
    def villages(period: str | None, _: int | None, region: str, indicator: str | None,
                 lang: str) -> tuple[Any, ...]:  # fmt: skip
        """The villages from district zoom on: their tiles once built, coloured by their own figures (only villages
        with a figure travel; the others are drawn as no data)."""
        region = _allowed(services, region, lang)
        within = _within(region)
        if indicator not in CATALOGUE or not period:
            raise PreventUpdate
        if is_district(region):  # a district's units are drawn at every zoom; its villages are the main map's
            return None, [], "", {}, t("region.district.note", lang), True
        actor = _actor()
        template, building = _villages(services, actor, within)
        if template is None:
            note = t("region.villages.building", lang) if building else t("region.villages.none", lang)
            return None, [], "", {}, note, not building
        figures = region_figures(services, actor, Level.DESA, within, indicator, period)
        figures = figures[figures["origin"] == "imported"]
        classes = band_classes(figures["value"], bands(indicator))
        codes = [str(code) for code in figures["code"]]
        return template, codes, encode_classes(classes), {}, t("region.villages.zoom", lang), True

    @app.callback(
        Output(ID.REGION_OPENED, "children"),
        Output(ID.REGION_OPEN, "value"),
        Output(ID.REGION_OPEN, "className"),
        Input(ID.REGION_MAP, "click_timestamp"),
        State(ID.REGION_MAP, "click_code"),
        State(ID.REGION_MAP, "click_layer"),
        State(ID.REGION, "value"),
        State(ID.REGION_LEVEL, "value"),
        State(ID.REGION_INDICATOR, "value"),
        State(ID.REGION_PERIOD, "value"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def opened(_: int, code: object, layer: object, region: str, level: str, indicator: str | None,
               period: str | None, lang: str) -> tuple[Any, str | None, str]:  # fmt: skip
        region = _allowed(services, region, lang)
        level = _level(region, level)
        within = _within(region)
        if not isinstance(code, str) or layer not in ("overview", "villages") or indicator not in CATALOGUE:
            raise PreventUpdate
        if not period:
            raise PreventUpdate
        actor = _actor()
        # A village (drawn from district zoom on) answers with its own figure and opens its district.
        unit_level: Level | str = Level.DESA if layer == "villages" else level
        figures = region_figures(services, actor, unit_level, within, indicator, period)
        rows = figures[figures["code"] == code]
        district = code[:5] if unit_level in (LEVEL, Level.DESA) else ""
        districts = {d.code for d in services.source.districts()}  # only what the reader may read
        button = (district, "") if district in districts else (None, "d-none")
        if rows.empty:
            return html.P(t("region.opened.none", lang, name=_unit_name(services, code))), *button
        lines: list[Any] = [html.H3(str(rows["name"].iloc[0]), className="h6")]
        for row in rows.itertuples(index=False):
            shown = map_figures(rows, str(row.origin), indicator, lang).rows[0]
            lines.append(html.P([html.Strong(t(f"levels.origin.{row.origin}", lang) + ": "), shown["value"], " ",
                                 shown["interval"], html.Br(), shown["counts"]]))  # fmt: skip
        return html.Div(lines), *button

    @app.callback(
        Output(ID.MAP_STATE, "data", allow_duplicate=True),
        Output(ID.URL, "pathname", allow_duplicate=True),
        Input(ID.REGION_OPEN, "n_clicks"),
        State(ID.REGION_OPEN, "value"),
        State(ID.MAP_STATE, "data"),
        prevent_initial_call=True,
    )
    def open_district(clicks: int | None, code: object, stored: dict[str, Any] | None) -> tuple[Any, Any]:
        if not clicks or not isinstance(code, str):
            raise PreventUpdate
        if code not in {d.code for d in services.source.districts()}:  # the reader's districts only
            raise PreventUpdate
        return {"district": code}, "/"
