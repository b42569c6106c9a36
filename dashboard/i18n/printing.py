"""Strings of printing a page: the main page's server-drawn map (``/unduh/peta/<kode>.png``) and its print block."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "print.map.alt": (
        "Peta desa untuk dicetak, digambar di server",
        "Village map for printing, drawn on the server",
    ),
    "print.map.title": ("{district} · {title}", "{district} · {title}"),
    "print.map.demo": ("{title} · {mark}", "{title} · {mark}"),
    "print.map.file": ("peta_{district}_{period}", "map_{district}_{period}"),
    "print.map.no_data": (
        "Tidak ada data untuk {code} pada periode {period}.",
        "No data for {code} in period {period}.",
    ),
    "print.map.bad_value": (
        "{name}={value} tidak dikenal. Yang boleh: {allowed}.",
        "{name}={value} is not known. Allowed: {allowed}.",
    ),
}
