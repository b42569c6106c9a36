"""Helpers for browser journeys: what the page asked of the network."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlparse

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
_IGNORED_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}


def _is_external(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in _IGNORED_SCHEMES or not parsed.scheme:
        return False
    return (parsed.hostname or "") not in LOCAL_HOSTS


def requested_urls(dash_duo: Any) -> list[str]:
    """Every URL the page requested: Chrome's performance log, plus resource timing as a fallback."""
    urls: list[str] = []
    try:
        entries = dash_duo.driver.get_log("performance")
    except Exception:
        entries = []
    for entry in entries:
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    urls += dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);"
    )
    return urls


def external_requests(dash_duo: Any) -> list[str]:
    """URLs the page requested from any host but the app's own (should always be empty)."""
    return sorted({url for url in requested_urls(dash_duo) if _is_external(url)})
