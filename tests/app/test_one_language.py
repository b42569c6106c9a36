"""Every page speaks one language: rendered in Indonesian and in English, no word of the other language, no raw
period (``2025-08``), no raw enum value as a label and no Python repr (``None``, ``nan``) in what a reader sees.

The Dash pages are rendered as the browser asks for them: the router's callback for the path, then every callback
whose inputs that layout holds (as Dash fires them on load), three rounds deep, so the grids, figures and maps
they fill are read too. The Flask pages (public site, presentation, sign-in) are read as HTML. Visible text is
children, labels, placeholders, titles, tooltips, option labels, grid headers and the grid's shown cells, figure
titles, axis titles, tick texts, annotations and hover templates, and the map component's labels and tooltips.
The word lists and their rules live in tests/language_words.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from dash import Dash

from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data.source import DEMO_DISTRICT_CODE, DemoSource
from dashboard.ids import ID
from tests.auth_helpers import add_user, router_request, sign_in_client
from tests.language_words import offences

DASH_PAGES = ("/", "/lokus", "/kesenjangan", "/wilayah", "/data", "/audit", "/publikasi")
LANGS = ("id", "en")
ROUNDS = 3  # callbacks fired by callbacks: a page's store, then what reads it, then what that fills

# Props whose strings a reader sees (besides children, options, grids and figures, handled by kind).
TEXT_PROPS = {"title", "label", "placeholder", "alt", "aria-label", "loading_text", "tooltip", "text", "hover_text",
              "labels", "export_title", "export_mark", "export_source", "export_date", "marks", "headerName",
              "headerTooltip", "message", "displayed_text"}  # fmt: skip
# Figure keys holding text: titles, ticks, annotations, trace names and hover texts.
FIGURE_TEXT = {"text", "ticktext", "name", "hovertext", "hovertemplate", "texttemplate", "title", "label"}
_TEMPLATE_FIELD = re.compile(r"%\{[^}]*\}|<[^>]+>")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Dash, Any, list[str]]:
    """The demo app (published on first start), a client signed in as an administrator, the demo's proper names."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("instance"))
    app = create_app(settings)
    add_user(settings, "uji", "admin")
    source = DemoSource(settings.geodata_dir)
    villages = source.villages(DEMO_DISTRICT_CODE)
    names = {*villages["name"].astype(str), *villages["kecamatan_name"].astype(str)}
    names |= {district.name for district in source.districts()}
    return app, sign_in_client(app, "uji"), sorted(names)


# --- visible text of Dash components and figures -----------------------------------------------------------------


def _strings(value: Any) -> Iterator[str]:
    """Every string inside ``value`` (dict values, list items), never a dict's keys."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        if "props" in value and "type" in value:
            yield from component_text(value)
        else:
            for item in value.values():
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def figure_text(figure: Any) -> Iterator[str]:
    """Titles, axis titles, tick texts, annotations, trace names and hover texts of a plotly figure (as JSON)."""
    if isinstance(figure, dict):
        for key, value in figure.items():
            if key in FIGURE_TEXT:
                for text in _strings(value):
                    yield _TEMPLATE_FIELD.sub(" ", text)
            elif isinstance(value, dict | list) and key not in {"geojson", "customdata", "locations", "z", "x", "y"}:
                yield from figure_text(value)
    elif isinstance(figure, list):
        for item in figure:
            yield from figure_text(item)


def _grid_text(columns: Any, rows: Any) -> Iterator[str]:
    shown: list[str] = []
    stack = list(columns or [])
    while stack:
        column = stack.pop()
        if not isinstance(column, dict):
            continue
        for key in ("headerName", "headerTooltip"):
            if isinstance(column.get(key), str):
                yield column[key]
        stack.extend(column.get("children") or [])
        if column.get("field") and not column.get("hide"):
            shown.append(column["field"])
    for row in rows or []:
        if isinstance(row, dict):
            for field in shown:
                if isinstance(row.get(field), str):
                    yield row[field]


def prop_text(prop: str, value: Any, props: dict[str, Any] | None = None) -> Iterator[str]:
    """The visible strings of one property's ``value`` (``props``: the component's other properties)."""
    if prop == "children":
        yield from _strings(value)
    elif prop == "figure":
        yield from figure_text(value)
    elif prop == "options":
        for option in value or []:
            label = option.get("label") if isinstance(option, dict) else option
            yield from _strings(label)
    elif prop == "columnDefs":
        yield from _grid_text(value, [])
    elif prop == "rowData":
        yield from _grid_text((props or {}).get("columnDefs"), value)
    elif prop in TEXT_PROPS:
        yield from _strings(value)


def component_text(node: Any) -> Iterator[str]:
    """The visible strings of a component tree as Dash serialises it (``{"type", "namespace", "props"}``)."""
    if isinstance(node, list):
        for item in node:
            yield from component_text(item)
        return
    if isinstance(node, str):
        yield node
        return
    if not isinstance(node, dict) or "props" not in node:
        return
    props = node["props"]
    for prop, value in props.items():
        if prop == "columnDefs":
            yield from _grid_text(value, props.get("rowData"))
        elif prop != "rowData":
            yield from prop_text(prop, value, props)


# --- the Dash pages, rendered as the browser asks for them -------------------------------------------------------


def _components(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _components(item)
    elif isinstance(node, dict):
        if "props" in node and "type" in node:
            yield node
            for value in node["props"].values():
                yield from _components(value)
        else:
            for value in node.values():
                yield from _components(value)


def _props(tree: Any) -> dict[str, dict[str, Any]]:
    return {c["props"]["id"]: dict(c["props"]) for c in _components(tree) if isinstance(c["props"].get("id"), str)}


def _request(key: str, spec: dict[str, Any], props: dict[str, dict[str, Any]]) -> dict[str, Any]:
    parts = [part.rsplit(".", 1) for part in key.strip(".").split("...")]
    outputs = [{"id": i, "property": p} for i, p in parts]
    return {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": [{**i, "value": props[i["id"]].get(i["property"])} for i in spec["inputs"]],
        "state": [{**s, "value": props[s["id"]].get(s["property"])} for s in spec["state"]],
        "changedPropIds": [],
    }


def render_dash_page(app: Dash, client: Any, path: str, lang: str) -> list[str]:
    """The visible strings of ``path`` in ``lang``: the router's answer, then what the page's callbacks fill."""
    answer = client.post("/_dash-update-component", json=router_request(path, lang))
    assert answer.status_code == 200, (path, answer.status_code)
    response = answer.get_json()["response"]
    texts = [text for outputs in response.values() for prop, value in outputs.items()
             for text in prop_text(prop, value)]  # fmt: skip
    props = _props(response)
    props.update({ID.LANGUAGE: {"value": lang}, ID.ROUTE: {"data": path}, ID.URL: {"pathname": path},
                  ID.MAP_STATE: {"data": None}})  # fmt: skip
    # The first round fires everything the layout can feed (clientside callbacks aside); later rounds what the
    # previous one changed, as Dash's renderer chains them.
    changed: set[tuple[str, str]] | None = None
    for _ in range(ROUNDS):
        updated: set[tuple[str, str]] = set()
        for key, spec in app.callback_map.items():
            dependencies = [*spec["inputs"], *spec["state"]]
            if "callback" not in spec or spec.get("background") or f"{ID.PAGE}.children" in key:
                continue
            if any(not isinstance(d["id"], str) or d["id"] not in props for d in dependencies):
                continue
            if changed is not None and not any((i["id"], i["property"]) in changed for i in spec["inputs"]):
                continue
            reply = client.post("/_dash-update-component", json=_request(key, spec, props))
            if reply.status_code != 200:
                continue  # PreventUpdate (204), or a callback that needs a click
            for identifier, outputs in reply.get_json().get("response", {}).items():
                if not isinstance(identifier, str) or identifier.startswith("{"):
                    continue
                target = props.setdefault(identifier, {})
                for prop, value in outputs.items():
                    target[prop] = value
                    texts += prop_text(prop, value, target)
                    updated.add((identifier, prop))
                    for child_id, child_props in _props(value).items():
                        props.setdefault(child_id, child_props)
        changed = updated
        if not changed:
            break
    return texts


# --- the Flask pages ---------------------------------------------------------------------------------------------


class _VisibleText(HTMLParser):
    """Text nodes (not scripts, styles or code), the tab title, and the attributes a reader sees."""

    ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
    SKIPPED = frozenset({"script", "style", "code", "pre", "kbd"})

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.html_lang: str | None = None
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        if tag in self.SKIPPED:
            self._skipping.append(tag)
        for name, value in attrs:
            if name in self.ATTRIBUTES and value:
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping and data.strip():
            self.texts.append(data)


def flask_pages(village: str) -> tuple[str, ...]:
    return ("/publik", f"/publik/{DEMO_DISTRICT_CODE}", f"/publik/{DEMO_DISTRICT_CODE}/desa/{village}", "/unduh",
            "/publik/metode", f"/paparan/{DEMO_DISTRICT_CODE}", "/login")  # fmt: skip


def read_flask_page(app: Dash, client: Any, path: str, lang: str) -> tuple[list[str], str | None]:
    """The visible strings of a server-rendered page in ``lang`` and its ``<html lang>``."""
    url = f"{path}?lang=en" if lang == "en" else path
    if path == "/login":
        client = app.server.test_client()  # signed in, /login sends the reader on
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parser = _VisibleText()
    parser.feed(response.get_data(as_text=True))
    return parser.texts, parser.html_lang


def test_lng001_every_page_speaks_one_language(site: tuple[Dash, Any, list[str]]) -> None:
    app, client, names = site
    village = str(DemoSource(Settings().geodata_dir).villages(DEMO_DISTRICT_CODE).iloc[0]["code"])
    problems: list[str] = []
    for lang in LANGS:
        for path in DASH_PAGES:
            texts = render_dash_page(app, client, path, lang)
            assert texts, f"{path} {lang}: no text rendered"
            problems += [f"{path} {lang}: {o}" for o in offences(texts, lang, names)]
        for path in flask_pages(village):
            texts, html_lang = read_flask_page(app, client, path, lang)
            if html_lang != lang:
                problems.append(f"{path} {lang}: <html lang={html_lang!r}>")
            problems += [f"{path} {lang}: {o}" for o in offences(texts, lang, names)]
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)


def test_lng002_the_checker_finds_what_it_must_and_allows_the_field_terms() -> None:
    # The checker itself: a false failure wastes everyone's time, a missed one hides a page's fault.
    assert offences(["Prevalensi stunting Agustus 2025"], "en") == [
        "'Agustus' in 'Prevalensi stunting Agustus 2025'",
        "'Prevalensi' in 'Prevalensi stunting Agustus 2025'",
    ]
    assert offences(["Download the map"], "id") == [
        "'Download' in 'Download the map'",
        "'map' in 'Download the map'",
        "'the' in 'Download the map'",
    ]
    assert offences(["Periode 2025-08"], "id") == ["raw period '2025-08' in 'Periode 2025-08'"]
    assert offences(["tidy"], "en") == ["raw code 'tidy' shown as a label"]
    assert offences(["Rata-rata: nan"], "id") == ["Python repr 'nan' in 'Rata-rata: nan'"]
    # Field terms, proper names, the demo's mark, links and file names are allowed.
    allowed = ["Stunting in 12 desa of Kecamatan Lembah Hijau, Kabupaten Contoh", "data contoh (fiktif)",
               "See /publik/99.01?periode=2025-08", "lokus_2025-08.csv", "ID", "EN", "Posyandu and puskesmas",
               "None of the villages", "Kota Bima"]  # fmt: skip
    assert offences(allowed, "en", names=["Lembah Hijau", "Kota Bima"]) == []
    assert offences(["Prevalensi 27.3%"], "id") == ["decimal mark of the other language '27.3' in 'Prevalensi 27.3%'"]
    assert offences(["Kode 99.01, 1.234 anak, 27,3%"], "id") == []
    assert offences(["merah"], "id") == [] and offences(["merah"], "en") == ["raw code 'merah' shown as a label"]


def test_lng003_visible_text_reads_grids_figures_and_options() -> None:
    figure = {
        "data": [{"type": "scatter", "name": "Target", "hovertemplate": "%{x}: %{y:.1f}%<extra>Cakupan</extra>"}],
        "layout": {"title": {"text": "Tren"}, "xaxis": {"ticktext": ["Feb 2025"], "title": {"text": "Periode"}}},
    }
    grid = {"type": "AgGrid", "namespace": "dash_ag_grid", "props": {
        "columnDefs": [{"field": "desa", "headerName": "Desa"}, {"field": "code", "hide": True}],
        "rowData": [{"desa": "Teluk Asri", "code": "2025-08"}]}}  # fmt: skip
    dropdown = {"type": "Dropdown", "namespace": "dash_core_components", "props": {
        "options": [{"label": "Agustus 2025", "value": "2025-08"}], "value": "2025-08", "id": "x"}}  # fmt: skip
    texts = [*figure_text(figure), *component_text([grid, dropdown])]
    assert "Tren" in texts and "Periode" in texts and "Feb 2025" in texts and "Target" in texts
    assert any("Cakupan" in text and "%{" not in text for text in texts)
    assert "Desa" in texts and "Teluk Asri" in texts and "Agustus 2025" in texts
    assert "2025-08" not in texts  # a hidden column's cell and an option's value are not shown
