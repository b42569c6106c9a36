"""Strings of the ``summary`` command (the headline lines reuse the main page's)."""

TEXTS: dict[str, tuple[str, str]] = {
    "summary.unknown_district": (
        "Kabupaten/kota {code} tidak ada di basis data. Yang ada: {known}",
        "District {code} is not in the database. Known: {known}",
    ),
    "summary.no_data": (
        "Tidak ada data prevalensi stunting untuk {code} pada periode {period}.",
        "No stunting prevalence data for {code} in period {period}.",
    ),
}
