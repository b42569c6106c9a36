"""Strings of the pages: navigation, map, KPI cards, profile panel."""

TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("Lokus — Dasbor Stunting Desa", "Lokus — Village Stunting Dashboard"),
}
