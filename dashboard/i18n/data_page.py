"""Strings of the data page (/data): upload, checking, report, commit, dataset list."""

TEXTS: dict[str, tuple[str, str]] = {
    "data.title": ("Manajemen data", "Data management"),
    "data.intro": (
        "Impor batas desa dan data indikator. Setiap file diperiksa dulu; "
        "file dengan kesalahan tidak mengubah apa pun.",
        "Import village boundaries and indicator data. Every file is checked first; "
        "a file with errors changes nothing.",
    ),
    "data.upload.prompt": ("Seret file ke sini atau ", "Drag a file here or "),
    "data.upload.choose": ("pilih file", "choose a file"),
    "data.upload.formats": (
        "CSV, XLSX, GeoJSON, Shapefile (.zip), GeoPackage, GeoParquet; maksimum {limit} MB",
        "CSV, XLSX, GeoJSON, zipped Shapefile, GeoPackage, GeoParquet; at most {limit} MB",
    ),
    "data.upload.received": ("File diterima: {name} ({size})", "File received: {name} ({size})"),
    "data.upload.too_large": (
        "{name} lebih dari {limit} MB; bagi file atau kirim lewat baris perintah.",
        "{name} is larger than {limit} MB; split it or use the command line.",
    ),
    "data.kind": ("Jenis data", "Kind of data"),
    "data.kind.auto": ("Kenali otomatis", "Detect automatically"),
    "data.kind.boundaries": ("Batas desa (peta)", "Village boundaries (map)"),
    "data.kind.tidy": (
        "Templat indikator (kode_wilayah, periode, ...)",
        "Indicator template (kode_wilayah, periode, ...)",
    ),
    "data.kind.sigizi": ("Laporan rutin gizi Sigizi-Kesga", "Sigizi-Kesga routine nutrition report"),
    "data.kind.mapped": ("Tabel lain (petakan kolom)", "Other table (map the columns)"),
    "data.kind.measurements": ("Pengukuran individu e-PPGBM", "e-PPGBM individual measurements"),
    "data.district": ("Cocokkan nama desa dengan wilayah", "Match village names against district"),
    "data.template": ("Templat kosong", "Blank template"),
    "data.check": ("Periksa file", "Check the file"),
    "data.commit": ("Impor ke basis data", "Import into the database"),
    "data.checking": ("Memeriksa…", "Checking…"),
    "data.committing": ("Mengimpor…", "Importing…"),
    "data.preview": ("Pratinjau (20 baris pertama)", "Preview (first 20 rows)"),
    "data.mapping": ("Pemetaan kolom", "Column mapping"),
    "data.mapping.help": (
        "Pilih arti setiap kolom. Indikator butuh pembilang dan penyebut.",
        "Choose what each column means. An indicator needs a numerator and a denominator.",
    ),
    "data.mapping.ignore": ("(abaikan)", "(ignore)"),
    "data.code_column": ("Kolom kode wilayah (Kemendagri)", "Column of region codes (Kemendagri)"),
    "data.code_column.none": (
        "Tidak ditemukan: pilih kolom yang berisi kode desa",
        "Not found: choose the column that holds the village codes",
    ),
    "data.mapping.fixed_period": (
        "Periode untuk seluruh file, bila tidak ada kolom periode",
        "Period of the whole file, when no column holds it",
    ),
    "data.mapping.fixed_period.placeholder": ("mis. Februari 2025", "e.g. February 2025"),
    "data.mapping.numerator": ("{label}: pembilang", "{label}: numerator"),
    "data.mapping.denominator": ("{label}: penyebut", "{label}: denominator"),
    "data.field.kode_wilayah": ("Kode wilayah", "Region code"),
    "data.field.nama_desa": ("Nama desa/kelurahan", "Village name"),
    "data.field.kecamatan": ("Kecamatan", "Kecamatan"),
    "data.field.puskesmas": ("Puskesmas", "Health centre (puskesmas)"),
    "data.field.periode": ("Periode", "Period"),
    "data.field.bulan": ("Bulan", "Month"),
    "data.field.tahun": ("Tahun", "Year"),
    "data.report": ("Laporan pemeriksaan", "Check report"),
    "data.preview.private": (
        "Pratinjau tidak menampilkan NIK, nama, tanggal lahir, orang tua atau alamat; data itu hanya dipakai "
        "untuk menghitung anak yang diukur dua kali sekali saja, dan tidak pernah disimpan.",
        "The preview leaves out NIK, names, birth dates, parents and addresses; they are only used to count a child "
        "measured twice once, and are never stored.",
    ),
    "data.measurements.summary": (
        "{measurements} pengukuran diterima dari {children} anak (satu kali per anak per bulan); {refused} baris "
        "ditolak; {flagged} z-score di luar batas WHO (tidak dihitung dalam prevalensi). Periode: {periods}.",
        "{measurements} measurements accepted from {children} children (once per child per month); {refused} rows "
        "refused; {flagged} z-scores outside WHO limits (left out of prevalence). Periods: {periods}.",
    ),
    "data.quality": ("Mutu data pengukuran", "Measurement data quality"),
    "data.quality.help": (
        "Per desa dan posyandu, seperti WHO Anthro Survey Analyser. Angka tebal jauh dari yang diharapkan: "
        "z-score di luar batas di atas 1%, SD TB/U di atas 1,2, tinggi berakhiran ,0 atau ,5 di atas 40% "
        "(wajar 20%), tanggal lahir tanggal 1 atau 15 di atas 13%, umur tepat dalam bulan di atas 6,6%, "
        "data kosong di atas 5%. Periksa cara mengukur dan mencatat di posyandu itu.",
        "Per village and posyandu, as in WHO's Anthro Survey Analyser. Bold figures are far from what is expected: "
        "flagged z-scores above 1%, HAZ SD above 1.2, heights ending in .0 or .5 above 40% (20% expected), "
        "births on the 1st or 15th above 13%, ages of whole months above 6.6%, missing values above 5%. "
        "Check how that posyandu measures and records.",
    ),
    "data.quality.posyandu": ("Posyandu {name}", "Posyandu {name}"),
    "data.quality.col.village": ("Desa/kelurahan", "Village"),
    "data.quality.col.rows": ("Pengukuran", "Measurements"),
    "data.quality.col.refused": ("Ditolak", "Refused"),
    "data.year": ("Tahun (laporan tanpa kolom tahun)", "Year (report without a year column)"),
    "data.crosswalk": (
        "File padanan kode BPS → Kemendagri (CSV, opsional)",
        "Crosswalk of BPS → Kemendagri codes (CSV, optional)",
    ),
    "data.crosswalk.help": (
        "Hanya untuk file batas yang berkode BPS (PPKKCCCDDD): CSV dengan kolom kode_bps,kode_kemendagri, satu baris "
        "per desa. Pilih file ini (atau centang Cocokkan nama), lalu tekan Periksa lagi.",
        "Only for a boundary file coded by BPS (PPKKCCCDDD): a CSV with the columns kode_bps,kode_kemendagri, one "
        "row per village. Choose it (or tick Match names), then press Check again.",
    ),
    "data.match_names": (
        "Cocokkan nama: cari kode Kemendagri desa menurut namanya di daftar resmi Kemendagri 2025",
        "Match names: find each village's Kemendagri code by its name in the official 2025 Kemendagri list",
    ),
    "data.crosswalk.or": ("atau", "or"),
    "data.crosswalk.prompt": ("Seret file padanan ke sini atau ", "Drag the crosswalk file here or "),
    "data.crosswalk.chosen": (
        "File padanan: {name} ({size}) — dipakai saat Periksa dan Impor",
        "Crosswalk: {name} ({size}) — used by Check and Import",
    ),
    "data.quality.col.standing_under_9_months": ("Berdiri < 9 bulan", "Standing under 9 months"),
    "data.quality.col.nik_collisions": ("NIK dipakai anak lain", "NIK shared by another child"),
    "data.quality.col.flagged_haz_pct": ("TB/U di luar batas (%)", "HAZ flagged (%)"),
    "data.quality.col.flagged_whz_pct": ("BB/TB di luar batas (%)", "WHZ flagged (%)"),
    "data.quality.col.haz_sd": ("SD TB/U", "HAZ SD"),
    "data.quality.col.height_digit_0_5_pct": ("Tinggi ,0/,5 (%)", "Height .0/.5 (%)"),
    "data.quality.col.birth_day_1_15_pct": ("Lahir tgl 1/15 (%)", "Born on 1st/15th (%)"),
    "data.quality.col.age_whole_month_pct": ("Umur bulan bulat (%)", "Whole-month ages (%)"),
    "data.quality.col.missing_height_pct": ("Tanpa tinggi (%)", "No height (%)"),
    "data.quality.col.missing_weight_pct": ("Tanpa berat (%)", "No weight (%)"),
    "data.report.summary": (
        "{rows} baris dibaca, {observations} nilai siap diimpor, {errors} kesalahan, {warnings} peringatan.",
        "{rows} rows read, {observations} values ready to import, {errors} errors, {warnings} warnings.",
    ),
    "data.report.boundaries": (
        "{villages} desa/kelurahan di {kecamatan} kecamatan; {repaired} geometri diperbaiki.",
        "{villages} villages in {kecamatan} kecamatan; {repaired} geometries repaired.",
    ),
    "data.report.outlines": (
        "Batas wilayah tanpa desa: {kabupaten} kabupaten/kota, {kecamatan} kecamatan, {provinsi} provinsi; {repaired} "
        "geometri diperbaiki. Angkanya tampil di halaman Provinsi & nasional.",
        "Boundaries without villages: {kabupaten} districts, {kecamatan} kecamatan, {provinsi} provinces; {repaired} "
        "geometries repaired. Their figures show on the Provinces & national page.",
    ),
    "data.report.ok": ("File siap diimpor.", "The file is ready to import."),
    "data.report.ok_warnings": (
        "File siap diimpor, dengan {n} peringatan: bacalah dulu sebelum mengimpor.",
        "The file is ready to import, with {n} warnings: read them first before importing.",
    ),
    "data.report.shown_above": (
        "{n} peringatan terhadap data yang sudah tersimpan tertulis di atas (tidak diulang di tabel).",
        "{n} warnings against the data already stored are written above (not repeated in the table).",
    ),
    "data.report.against_stored": (
        "Dibandingkan dengan data yang sudah tersimpan:",
        "Compared with the data already stored:",
    ),
    "data.report.against_stored.more": (
        "… dan {n} peringatan lain (di tabel di bawah).",
        "… and {n} more warnings (in the table below).",
    ),
    "data.report.refused": (
        "File belum dapat diimpor. Perbaiki hal-hal di bawah lalu unggah lagi; basis data tidak berubah.",
        "The file cannot be imported yet. Fix the points below and upload it again; the database is unchanged.",
    ),
    "data.report.col.row": ("Baris", "Row"),
    "data.report.col.column": ("Kolom", "Column"),
    "data.report.col.value": ("Nilai", "Value"),
    "data.report.col.severity": ("Tingkat", "Severity"),
    "data.report.col.reason": ("Masalah", "Problem"),
    "data.report.col.fix": ("Cara memperbaiki", "How to fix"),
    "data.report.more": (
        "… dan {n} masalah lain (lihat file laporan).",
        "… and {n} more problems (see the report file).",
    ),
    "data.severity.error": ("kesalahan", "error"),
    "data.severity.warning": ("peringatan", "warning"),
    "data.names": ("Konfirmasi nama desa", "Confirm village names"),
    "data.names.help": (
        "Nama ini tidak sama persis dengan peta. Pilih desa yang dimaksud; pilihan disimpan untuk impor berikutnya.",
        "These names do not exactly match the map. Choose the village meant; the choice is saved for the next import.",
    ),
    "data.names.col.name": ("Nama di file", "Name in the file"),
    "data.names.col.rows": ("Baris", "Rows"),
    "data.names.col.choice": ("Desa di peta", "Village on the map"),
    "data.names.skip": ("(belum dipilih)", "(not chosen)"),
    "data.names.candidate": ("{name}, Kec. {kecamatan} ({score}%)", "{name}, Kec. {kecamatan} ({score}%)"),
    "data.result.ok": (
        "Impor berhasil: dataset #{id}, {rows} nilai.",
        "Import succeeded: dataset #{id}, {rows} values.",
    ),
    "data.result.duplicate": (
        "File ini sudah diimpor sebagai dataset #{id}; tidak ada yang berubah.",
        "This file was already imported as dataset #{id}; nothing changed.",
    ),
    "data.result.refused": ("Impor ditolak; basis data tidak berubah.", "Import refused; the database is unchanged."),
    "data.datasets": ("Dataset yang sudah diimpor", "Imported datasets"),
    "data.datasets.empty": ("Belum ada dataset.", "No datasets yet."),
    "data.datasets.col.id": ("#", "#"),
    "data.datasets.col.kind": ("Jenis", "Kind"),
    "data.datasets.col.file": ("File", "File"),
    "data.datasets.col.user": ("Oleh", "By"),
    "data.datasets.col.time": ("Waktu", "Time"),
    "data.datasets.col.format": ("Format", "Format"),
    "data.datasets.status.imported": ("Diimpor", "Imported"),
    "data.datasets.status.superseded": ("Digantikan versi baru", "Replaced by a newer version"),
    "data.datasets.format.generated": ("Dibuat program", "Generated by the app"),
    "data.datasets.format.other": ("Lainnya", "Other"),
    "data.progress.done": ("Selesai", "Done"),
    "data.progress.stopped": ("Berhenti: lihat pesan di bawah", "Stopped: see the message below"),
    "data.datasets.col.rows": ("Nilai", "Values"),
    "data.datasets.col.status": ("Status", "Status"),
    "data.datasets.remove": ("Hapus", "Remove"),
    "data.datasets.remove.confirm": (
        "Hapus dataset #{id} ({file}) beserta semua nilainya? Tindakan ini tidak dapat dibatalkan.",
        "Remove dataset #{id} ({file}) and all its values? This cannot be undone.",
    ),
    "data.datasets.removed": ("Dataset #{id} dihapus.", "Dataset #{id} removed."),
    "data.error.unreadable": ("File tidak dapat dibaca: {error}", "The file cannot be read: {error}"),
    "data.no_store": (
        "Aplikasi ini berjalan tanpa basis data, jadi tidak dapat mengimpor.",
        "This app runs without a database, so it cannot import.",
    ),
    "data.district.all": (
        "Semua kabupaten/kota (file berisi kode wilayah)",
        "All districts (the file has region codes)",
    ),
    "data.result.appeared": ("{n} kode baru: {codes}", "{n} new codes: {codes}"),
    "data.result.disappeared": (
        "{n} kode tidak ada lagi di batas baru (nilainya tetap tersimpan): {codes}",
        "{n} codes are gone from the new boundaries (their values stay stored): {codes}",
    ),
    "data.result.replaced": ("{n} nilai lama diganti oleh file ini.", "{n} earlier values replaced by this file."),
    "data.result.aliases": (
        "{n} ejaan nama desa disimpan untuk impor berikutnya.",
        "{n} village-name spellings saved for the next import.",
    ),
    # Faults a planner can meet (issue 17): a locked database, a background job that died.
    "data.busy": (
        "Basis data sedang dipakai proses lain; coba lagi sebentar lagi. Tidak ada yang diubah.",
        "The database is in use by another process; try again in a moment. Nothing was changed.",
    ),
    "data.job.lost.commit": (
        "Impor berhenti sebelum selesai (prosesnya tidak lagi berjalan). Tidak ada yang diubah di basis data; "
        "tekan «Impor ke basis data» untuk mencoba lagi.",
        "The import stopped before it finished (its process is no longer running). Nothing was changed in the "
        "database; press «Import into the database» to try again.",
    ),
    "data.job.lost.check": (
        "Pemeriksaan berhenti sebelum selesai (prosesnya tidak lagi berjalan). Tidak ada yang diubah; "
        "tekan «Periksa file» untuk mencoba lagi.",
        "The check stopped before it finished (its process is no longer running). Nothing was changed; "
        "press «Check the file» to try again.",
    ),
    "data.job.waiting": ("Menunggu proses latar…", "Waiting for the background worker…"),
    "data.job.unstarted.commit": (
        "Proses latar tidak mengambil impor ini (mungkin berhenti atau sibuk). Tidak ada yang diubah di basis data; "
        "minta administrator memeriksa /healthz atau worker-nya, lalu tekan «Impor ke basis data» untuk mencoba lagi.",
        "The background worker did not take this import (it may be stopped or busy). Nothing was changed in the "
        "database; ask the administrator to check /healthz or the worker, then press «Import into the database» to "
        "try again.",
    ),
    "data.job.unstarted.check": (
        "Proses latar tidak mengambil pemeriksaan ini (mungkin berhenti atau sibuk). Tidak ada yang diubah; "
        "minta administrator memeriksa /healthz atau worker-nya, lalu tekan «Periksa file» untuk mencoba lagi.",
        "The background worker did not take this check (it may be stopped or busy). Nothing was changed; ask the "
        "administrator to check /healthz or the worker, then press «Check the file» to try again.",
    ),
    "data.job.finished": (
        "Impor selesai sebelum prosesnya berhenti: dataset {id} ada di daftar di bawah.",
        "The import finished before its process stopped: dataset {id} is in the list below.",
    ),
}
