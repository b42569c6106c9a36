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
    "publication.stunting_required": (
        "Sertakan indikator stunting: halaman publik menampilkan prevalensi stunting; indikator lain ikut di data "
        "terbuka.",
        "Include the stunting indicator: the public pages show stunting prevalence; other indicators go with it into "
        "the open data.",
    ),
    "publication.incomplete": (
        "Periode belum lengkap (di bawah {minimum}% desa melapor) tidak diterbitkan, karena akan menjadi angka utama "
        "dan belokan palsu di tren: {periods} (desa melapor/desa). Lengkapi datanya atau pilih periode lain.",
        "Incomplete periods (under {minimum}% of villages reporting) are not published, as they would become the "
        "headline and a false turn in the trend: {periods} (villages reporting/villages). Complete the data or choose "
        "other periods.",
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
    "nav.publication": ("Publikasi", "Publication"),
    "pubpage.title": ("Publikasi untuk publik (Aksi 7)", "Publication for the public (Aksi 7)"),
    "pubpage.intro": (
        "Terbitkan angka satu kabupaten/kota untuk halaman publik dan data terbuka. Yang diterbitkan dibekukan: "
        "impor sesudahnya tidak mengubah apa pun di halaman publik sampai terbitan berikutnya. Angka kecil "
        'dilindungi: jumlah 1–4 tampil sebagai "<5", desa dengan kurang dari {minimum} anak diukur tampil '
        '"n kecil", dan sel lain disembunyikan bila perlu agar angka yang disembunyikan tidak dapat dihitung balik.',
        "Publish one district's figures for the public pages and open data. What is published is frozen: later "
        "imports change nothing public until the next publication. Small numbers are protected: counts of 1–4 "
        'show as "<5", villages with fewer than {minimum} children measured show "n kecil", and further cells '
        "are hidden where needed so that no hidden count can be worked back.",
    ),
    "pubpage.new": ("Terbitan baru", "New publication"),
    "pubpage.no_database": (
        "Aplikasi ini berjalan tanpa basis data, jadi tidak dapat menerbitkan.",
        "This app runs without a database, so it cannot publish.",
    ),
    "pubpage.district": ("Kabupaten/kota", "District"),
    "pubpage.periods": (
        "Periode (tren publik memakai semua yang dipilih)",
        "Periods (the public trend uses all chosen)",
    ),
    "pubpage.indicators": ("Indikator", "Indicators"),
    "pubpage.title_field": ("Judul (kosong: nama kabupaten/kota)", "Title (empty: the district's name)"),
    "pubpage.note": ("Catatan untuk pembaca", "Note for readers"),
    "pubpage.publish": ("Terbitkan", "Publish"),
    "pubpage.choose": (
        "Pilih kabupaten/kota dan paling sedikit satu periode.",
        "Choose a district and at least one period.",
    ),
    "pubpage.done": (
        "Terbitan {id} diterbitkan ({periods}); halaman publik kini menampilkannya.",
        "Publication {id} published ({periods}); the public pages now show it.",
    ),
    "pubpage.open": ("Buka halaman publik", "Open the public page"),
    "pubpage.list": ("Semua terbitan", "All publications"),
    "pubpage.none": ("Belum ada terbitan.", "No publication yet."),
    "pubpage.col.id": ("No.", "No."),
    "pubpage.col.district": ("Wilayah", "District"),
    "pubpage.col.title": ("Judul", "Title"),
    "pubpage.col.periods": ("Periode", "Periods"),
    "pubpage.col.when": ("Diterbitkan", "Published"),
    "pubpage.col.publisher": ("Oleh", "By"),
    "pubpage.col.status": ("Status", "Status"),
    "pubpage.standing": ("tayang", "public"),
    "pubpage.withdrawn": ("ditarik {when} oleh {by}: {reason}", "withdrawn {when} by {by}: {reason}"),
    "pubpage.withdraw": ("Tarik terbitan", "Withdraw a publication"),
    "pubpage.withdraw.reason": ("Alasan (dicatat dan ditampilkan)", "Reason (recorded and shown)"),
    "pubpage.withdraw.button": ("Tarik dari publik", "Withdraw from the public"),
    "pubpage.withdraw.choose": ("Pilih terbitan yang akan ditarik.", "Choose the publication to withdraw."),
    "pubpage.targets": ("Target daerah", "District's own target"),
    "pubpage.targets.help": (
        "Target stunting kabupaten/kota per tahun (mis. dari RPJMD), tampil di samping target nasional 14% pada "
        "halaman publik dan ruang paparan. Terbitan berikutnya membawanya.",
        "The district's stunting target per year (e.g. from its RPJMD), shown beside the national 14% on the public "
        "pages and in the briefing room. The next publication carries it.",
    ),
    "pubpage.targets.none": ("Belum ada target daerah.", "No district target yet."),
    "pubpage.targets.col.year": ("Tahun", "Year"),
    "pubpage.targets.col.target": ("Target (%)", "Target (%)"),
    "pubpage.targets.col.source": ("Sumber", "Source"),
    "pubpage.targets.col.by": ("Oleh", "By"),
    "pubpage.targets.save": ("Simpan target", "Save target"),
}
