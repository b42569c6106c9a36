"""Which scripts each page fetches, and when: a heavy library only where it is used, the map's from the start.

Dash writes a ``<script>`` into every page for every component library the process has imported, and fetches
plotly.js (4.8 MB, 1.4 MB compressed) only when a graph first renders, that is after the page's first callback
has answered. On a 1.6 Mbit/s link with 300 ms latency both cost seconds:

* dash-ag-grid's main bundle (1.3 MB, 350 kB compressed) serves the lokus page alone, yet the main page waited
  for it. Dash cannot load a library's *main* bundle on demand (only the chunks a library splits off itself,
  like ag-grid's ``async-community.js``), so :class:`LokusDash` leaves it out of the index of every page but
  those in :data:`LAZY`, and the router waits for it before rendering such a page after a move inside the app
  (the ``lokus.route`` clientside function in ``assets/bundles.js``, given the URLs in a ``<meta>`` tag).
* The scripts a page draws with are preloaded (``<link rel="preload">``, :data:`PRELOAD`), so they travel while
  the page's first callback runs rather than after it: on the main page the map component's core (MapLibre and
  the map code, fetched by ``lokus_map.min.js`` when the map mounts, named by its content hash, so cached for a
  year), and so on the lokus and gaps pages, whose maps are the same component; on the gaps page plotly.js and
  the graph chunk too, for its matrix. Dash fetches those by fixed names (no fingerprint), so a warm visit asks
  about them again (a 304), early and in parallel instead of one after another. The main page fetches plotly.js
  only for the trend chart of a village's profile, after a click.
* ``/_dash-layout`` and ``/_dash-dependencies``, which the renderer asks for once its scripts have run, are
  preloaded on every page: a round trip (300 ms and more) less before the first callback.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from dash import Dash
from flask import has_request_context, request

__all__ = ["LAZY", "LAZY_META", "PRELOAD", "LokusDash"]

LAZY: Mapping[str, tuple[str, ...]] = {"dash_ag_grid": ("/lokus",)}  # library -> the pages that use it
LAZY_META = "lokus-lazy-scripts"  # <meta name=...>: page -> the scripts the router waits for

_GRAPH = ("dash", "dcc/async-graph.js")
_DROPDOWN = ("dash", "dcc/async-dropdown.js")
_SLIDER = ("dash", "dcc/async-slider.js")
_PLOTLY = ("plotly", "package_data/plotly.min.js")
_MAP_CORE = ("dashboard.components.lokus_map", "lokus_map_core.min.js")  # served under its content hash
# page -> (package, file) Dash fetches on demand there; the big ones last, so the small chunks come first.
PRELOAD: Mapping[str, tuple[tuple[str, str], ...]] = {
    "/": (_DROPDOWN, _SLIDER, _MAP_CORE),
    "/lokus": (_DROPDOWN, _MAP_CORE),
    "/kesenjangan": (_DROPDOWN, _GRAPH, _MAP_CORE, _PLOTLY),
}


class LokusDash(Dash):
    """Dash whose index page fetches each heavy script where the page needs it (see the module docstring)."""

    def interpolate_index(
        self, metas: Any = "", title: Any = "", css: Any = "", config: Any = "", scripts: Any = "",
        app_entry: Any = "", favicon: Any = "", renderer: Any = "",
    ) -> Any:  # fmt: skip
        path = self._page_path()
        lazy = self._lazy_scripts()
        for library, pages in LAZY.items():
            if path not in pages:
                for url in lazy.get(library, []):
                    scripts = str(scripts).replace(f'<script src="{url}"></script>', "")
        by_page = {page: lazy[library] for library, pages in LAZY.items() if library in lazy for page in pages}
        meta = f'<meta name="{LAZY_META}" content="{html.escape(json.dumps(by_page), quote=True)}">'
        return super().interpolate_index(
            metas=f"{metas}\n      {meta}", title=title, css=f"{css}\n{self._preloads(path)}", config=config,
            scripts=scripts, app_entry=app_entry, favicon=favicon, renderer=renderer,
        )  # fmt: skip

    def _page_path(self) -> str:
        if not has_request_context():
            return "/"
        prefix = self.config.requests_pathname_prefix
        local = request.path[len(prefix) :] if request.path.startswith(prefix) else request.path
        return "/" + local.strip("/")

    def _lazy_scripts(self) -> dict[str, list[str]]:
        """library -> the URLs (fingerprinted) of its scripts, for the libraries this process has imported."""
        from dash.development.base_component import ComponentRegistry

        return {
            library: [d["url"] for d in self.get_dist([library]) if d["type"] == "_js_dist"]
            for library in LAZY
            if library in ComponentRegistry.registry
        }

    def _preloads(self, path: str) -> str:
        prefix = self.config.requests_pathname_prefix
        suites = f"{prefix}_dash-component-suites"
        scripts = [
            f'<link rel="preload" as="script" href="{suites}/{package}/{_served_as(package, file)}">'
            for package, file in PRELOAD.get(path, ())
            if file in self.registered_paths.get(package, ())  # only what Dash serves (a renamed chunk: nothing)
        ]
        # What the renderer asks for first once its scripts have run, a round trip later: asked for at once.
        # crossorigin="anonymous" is the renderer's fetch (same origin, credentials "same-origin").
        answers = [
            f'<link rel="preload" as="fetch" crossorigin="anonymous" href="{prefix}{endpoint}">'
            for endpoint in ("_dash-layout", "_dash-dependencies")
        ]
        return "\n".join(scripts + answers)


def _served_as(package: str, file: str) -> str:
    """The name the page fetches ``file`` by: the map component's core by its content hash, the rest as is."""
    if package == _MAP_CORE[0]:
        from dashboard.components.lokus_map import fingerprinted

        return fingerprinted(file)
    return file
