"""The one way a component shows that it waits for the server: a spinner after a short delay, its content dimmed.

On a poor link a callback takes seconds; without a sign the reader cannot tell a slow answer from a dead page
(issue 14, point 6). On a good link the answer beats the delay and nothing flickers. While it waits the old
content stays in place, dimmed, so a map being recoloured does not vanish. ``assets/lokus.css`` places the
page's spinner near the top of the screen rather than in the middle of a long page.

>>> from dash import html
>>> wrapped = loading(html.Div(id="legend"))
>>> wrapped.delay_show == DELAY_MS, wrapped.children.id, wrapped.className
(True, 'legend', 'lokus-spinner')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import dcc

__all__ = ["DELAY_MS", "loading"]

DELAY_MS = 400  # answers faster than this show no spinner at all
_DIMMED = {"visibility": "visible", "opacity": 0.5, "transition": "opacity 0.2s"}


def loading(component: Any, only: Mapping[str, str | list[str]] | None = None, *, page: bool = False) -> dcc.Loading:
    """``component`` with a loading indicator while a callback that outputs into it waits for the server.

    ``only`` limits the indicator to some outputs (``{ID.PAGE: "children"}``: the router's answer, not every
    callback of every component on the page); ``page`` marks the whole page's indicator (placed near the top,
    with room for it while the page is still empty).
    """
    extra: dict[str, Any] = {"target_components": dict(only)} if only else {}
    return dcc.Loading(
        component,
        type="circle",
        className="lokus-spinner",
        delay_show=DELAY_MS,
        show_initially=False,  # a component drawn complete with its page shows no spinner on arrival
        overlay_style=_DIMMED,
        parent_className="lokus-loading lokus-page-loading" if page else "lokus-loading",
        parent_style={"minHeight": "40vh"} if page else None,
        **extra,
    )
