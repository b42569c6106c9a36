"""Strings of the printed outputs: the one-page brief, the static maps and the decree annex's print layout."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # Static maps (dashboard.figures.static_map)
    "staticmap.north": ("U", "N"),
    "staticmap.kecamatan_border": ("Batas kecamatan", "Kecamatan border"),
    # The brief
    "brief.title": (
        "Ringkasan stunting {district} ({code}) · {period}",
        "Stunting brief {district} ({code}) · {period}",
    ),
    "brief.created": ("Dibuat {day} oleh Lokus", "Made {day} by Lokus"),
    "brief.source": ("Sumber: {items}", "Source: {items}"),
    "brief.source.item": ("{file} ({kind}, diimpor {day})", "{file} ({kind}, imported {day})"),
    "brief.source.none": ("Sumber: data yang diberikan ke aplikasi", "Source: the data given to the app"),
    "brief.unknown_district": (
        "Kabupaten/kota {code} tidak ada di basis data. Yang ada: {known}.",
        "District {code} is not in the database. Known: {known}.",
    ),
    "brief.no_data": (
        "Tidak ada data stunting untuk {code} pada periode {period}.",
        "No stunting data for {code} in period {period}.",
    ),
    "brief.a": ("a. Sekilas", "a. At a glance"),
    "brief.b": (
        "b. Prevalensi dan jumlah balita stunting per desa",
        "b. Prevalence and number of stunted children by village",
    ),
    "brief.c": ("c. Peringkat", "c. Rankings"),
    "brief.d.map": ("d. Lokus desa di peta (nomor = daftar)", "d. Lokus villages on the map (numbers = list)"),
    "brief.change": ("Perubahan setara (desa yang sama)", "Like-for-like change (same villages)"),
    "brief.completeness": ("Kelengkapan pengukuran", "Measurement completeness"),
    "brief.targets": ("Target", "Targets"),
    "brief.target.national": ("Nasional {value}", "National {value}"),
    "brief.target.own": ("Target daerah {year}: {value} ({source})", "District target {year}: {value} ({source})"),
    "brief.target.own.none": ("Target daerah: belum ditetapkan", "District target: not set"),
    "brief.trend.title": ("Tren prevalensi", "Prevalence trend"),
    "brief.trend.national": ("target nasional {value}", "national target {value}"),
    "brief.trend.own": ("target daerah {value}", "district target {value}"),
    "brief.trend.note": (
        "Titik kosong: periode belum lengkap (terlalu sedikit desa melapor).",
        "Hollow point: period not complete (too few villages reported).",
    ),
    "brief.map.title": ("Prevalensi stunting per desa, {period}", "Stunting prevalence by village, {period}"),
    "brief.map.source": (
        "Sumber: Lokus, data {district}, {period} · {created}",
        "Source: Lokus, data of {district}, {period} · {created}",
    ),
    "brief.map.legend": ("Prevalensi stunting", "Stunting prevalence"),
    "brief.map.circles": ("Balita stunting", "Stunted children"),
    "brief.map.unreliable": ("< {n} balita diukur", "< {n} children measured"),
    "brief.kecamatan.title": ("Kecamatan dengan prevalensi tertinggi", "Kecamatan with the highest prevalence"),
    "brief.villages.stunted": ("Desa dengan balita stunting terbanyak", "Villages with the most stunted children"),
    "brief.villages.rate": ("Desa dengan prevalensi tertinggi", "Villages with the highest prevalence"),
    "brief.marks": (
        "† kurang dari {n} balita diukur: angka tidak stabil. ⚠ nilai ditandai, periksa datanya.",
        "† fewer than {n} children measured: the rate is unstable. ⚠ flagged value, check the data.",
    ),
    "brief.col.rank": ("#", "#"),
    "brief.col.no": ("No", "No"),
    "brief.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "brief.col.desa": ("Desa", "Village"),
    "brief.col.prevalence": ("Prev.", "Prev."),
    "brief.col.stunted": ("Stunting", "Stunted"),
    "brief.col.measured": ("Diukur", "Measured"),
    "brief.col.counts": ("Stunting/diukur", "Stunted/measured"),
    "brief.lokus.title": ("d. Lokus desa {year}", "d. Lokus villages {year}"),
    "brief.lokus.map_title": ("Lokus desa {year}", "Lokus villages {year}"),
    "brief.lokus.draft": ("DRAF", "DRAFT"),
    "brief.lokus.none": (
        "Belum ada daftar lokus desa untuk tahun {year}.",
        "No list of lokus villages for {year} yet.",
    ),
    "brief.lokus.note": ('Skenario "{name}", data {period}.', 'Scenario "{name}", data {period}.'),
    "brief.lokus.added": ("* ditambahkan manual.", "* added by hand."),
    # Command line and download route
    "brief.cli.written": (
        "Ringkasan ditulis ke {path} ({size} kB, {seconds} detik).",
        "Brief written to {path} ({size} kB, {seconds} s).",
    ),
    "brief.cli.suffix": (
        "Nama berkas harus berakhir .pdf atau .png: {path}",
        "The file name must end in .pdf or .png: {path}",
    ),
    "brief.cli.not_admin": (
        "Hanya administrator yang membuat ringkasan dari baris perintah; {name} berperan {role}.",
        "Only administrators make briefs from the command line; {name} is {role}.",
    ),
    "brief.file": ("ringkasan_stunting_{district}_{period}", "stunting_brief_{district}_{period}"),
    # The decree annex's print layout (dashboard.data.annex)
    "annex.authority.regent": ("Bupati {name}", "Regent of {name}"),
    "annex.authority.mayor": ("Wali Kota {name}", "Mayor of {name}"),
    "annex.decree": ("Lampiran Keputusan {authority}", "Annex to the Decree of the {authority}"),
    "annex.decree.number": ("Nomor: {number}", "Number: {number}"),
    "annex.decree.date": ("Tanggal: {date}", "Date: {date}"),
    "annex.nip": ("NIP. {nip}", "NIP {nip}"),
    "annex.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "annex.page.one": ("Halaman {page}", "Page {page}"),
    "lokus.export.pdf": ("PDF", "PDF"),
    "lokus.decree.title": (
        "Kop lampiran SK Bupati (nomor, tanggal, penanda tangan)",
        "Decree header (number, date, signer)",
    ),
    "lokus.decree.help": (
        "Diisi sebelum ekspor XLSX/PDF; yang kosong dicetak sebagai titik-titik untuk diisi tangan.",
        "Typed before the XLSX/PDF export; empty fields print as dotted lines to fill by hand.",
    ),
    "lokus.decree.number": ("Nomor", "Number"),
    "lokus.decree.date": ("Tanggal", "Date"),
    "lokus.decree.signer_title": ("Jabatan", "Title"),
    "lokus.decree.signer_name": ("Nama", "Name"),
    "lokus.decree.signer_nip": ("NIP", "NIP"),
    "annex.legend.title": ("Lokus desa", "Lokus villages"),
    "annex.legend.added": ("Ditambahkan manual ({n})", "Added by hand ({n})"),
    "annex.legend.no_data": ("Tidak ada data ({n})", "No data ({n})"),
    "brief.download": ("Ringkasan satu halaman:", "One-page brief:"),
}
