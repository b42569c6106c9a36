"""Texts of publishing (the admin's page and ``publish``), withdrawals and districts' targets."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "publication.not_admin": (
        "Hanya administrator yang dapat menerbitkan, menarik terbitan, atau menetapkan target daerah.",
        "Only an administrator can publish, withdraw a publication or set a district's target.",
    ),
    "publication.unknown_district": (
        "Wilayah {district} tidak dikenal: impor batas desanya dulu.",
        "District {district} is unknown: import its village boundaries first.",
    ),
    "publication.bad_periods": (
        "Periode tidak sah: {periods}. Tulis periode sebagai TTTT-BB (mis. 2025-08).",
        "Invalid periods: {periods}. Write periods as YYYY-MM (e.g. 2025-08).",
    ),
    "publication.unknown_indicator": (
        "Indikator tidak dikenal: {indicators}.",
        "Unknown indicators: {indicators}.",
    ),
    "publication.no_data": (
        "{district} tidak punya data untuk periode {periods}: pilih periode yang sudah diimpor.",
        "{district} has no data for {periods}: choose periods that have been imported.",
    ),
    "publication.reason_required": (
        "Tulis alasan penarikan (paling sedikit 5 huruf): alasan itu dicatat dan ditampilkan.",
        "Write the reason for the withdrawal (at least 5 characters): it is recorded and shown.",
    ),
    "publication.unknown_snapshot": ("Terbitan {id} tidak ada.", "Publication {id} does not exist."),
    "publication.already_withdrawn": (
        "Terbitan {id} sudah ditarik sebelumnya.",
        "Publication {id} has already been withdrawn.",
    ),
    "publication.bad_year": ("Tahun {year} tidak sah (2000–2100).", "Year {year} is not valid (2000–2100)."),
    "publication.bad_target": (
        "Target {target} tidak sah: tulis persen antara 0 dan 100, mis. 14 atau 12,5.",
        "Target {target} is not valid: write a percentage between 0 and 100, e.g. 14 or 12.5.",
    ),
    "publication.source_required": (
        "Tulis sumber target (mis. RPJMD 2025–2029).",
        "Write the target's source (e.g. RPJMD 2025–2029).",
    ),
    "publication.cli.published": (
        "Terbitan {id} untuk {district} ({periods}) diterbitkan oleh {publisher} pada {when}.",
        "Publication {id} of {district} ({periods}) published by {publisher} at {when}.",
    ),
    "publication.cli.withdrawn": (
        "Terbitan {id} ditarik: {reason}",
        "Publication {id} withdrawn: {reason}",
    ),
    "publication.cli.target_set": (
        "Target {district} tahun {year}: {target}% (sumber: {source}).",
        "Target of {district} for {year}: {target}% (source: {source}).",
    ),
    "publication.demo_title": (
        "Kabupaten Contoh — data contoh (fiktif)",
        "Kabupaten Contoh — sample data (fictional)",
    ),
    "publication.demo_note": (
        "Terbitan otomatis data contoh (fiktif) agar halaman publik tidak pernah kosong.",
        "Automatic publication of the fictional sample data so the public pages are never empty.",
    ),
}
