"""Strings of the data page's puskesmas imports (lists and boundaries), its dataset kinds in words, and the
crosswalk for indicator files coded by BPS."""

TEXTS: dict[str, tuple[str, str]] = {
    "data.kind.puskesmas": (
        "Daftar atau batas puskesmas (kode_puskesmas, nama_puskesmas, kode_desa)",
        "Puskesmas list or boundaries (kode_puskesmas, nama_puskesmas, kode_desa)",
    ),
    "data.template.puskesmas": ("Templat daftar puskesmas", "Puskesmas list template"),
    "data.preview.puskesmas": (
        "Dikenali sebagai daftar puskesmas: desa/kelurahan wilayah kerja setiap puskesmas (bukan angka indikator).",
        "Recognised as a puskesmas list: the villages each puskesmas serves (not indicator figures).",
    ),
    "data.preview.puskesmas_boundaries": (
        "Dikenali sebagai batas wilayah kerja puskesmas: satu poligon per puskesmas (kolom kode_puskesmas).",
        "Recognised as puskesmas service-area boundaries: one polygon per puskesmas (kode_puskesmas column).",
    ),
    "data.crosswalk.indicators": (
        "File ini memuat kode BPS (kolom kode_bps). Kode provinsi dan kabupaten/kota yang sama di BPS dan Kemendagri "
        "dikenali sendiri; yang berbeda (mis. provinsi-provinsi Papua) diterjemahkan lewat file padanan CSV "
        "kode_bps,kode_kemendagri. Kotak Cocokkan nama hanya untuk file batas.",
        "This file holds BPS codes (kode_bps column). Province and district codes that BPS and Kemendagri share are "
        "recognised; those that differ (e.g. the Papua provinces) are translated through a crosswalk CSV "
        "kode_bps,kode_kemendagri. The Match names box is for boundary files only.",
    ),
    "data.report.puskesmas": (
        "{rows} baris dibaca: {puskesmas} puskesmas melayani {villages} desa/kelurahan; {errors} kesalahan, "
        "{warnings} peringatan.",
        "{rows} rows read: {puskesmas} puskesmas serving {villages} villages; {errors} errors, {warnings} warnings.",
    ),
    "data.report.puskesmas_boundaries": (
        "{features} poligon dibaca: batas {puskesmas} puskesmas; {errors} kesalahan, {warnings} peringatan.",
        "{features} polygons read: boundaries of {puskesmas} puskesmas; {errors} errors, {warnings} warnings.",
    ),
    "data.puskesmas.col.code": ("Kode puskesmas", "Puskesmas code"),
    "data.puskesmas.col.name": ("Nama puskesmas", "Puskesmas name"),
    "data.puskesmas.col.district": ("Kabupaten/kota", "District"),
    "data.puskesmas.col.villages": ("Desa dilayani", "Villages served"),
    "data.puskesmas.col.boundary": ("Batas sendiri", "Own boundary"),
    "data.puskesmas.boundary.yes": ("ya", "yes"),
    "data.puskesmas.boundary.no": ("gabungan desanya", "union of its villages"),
    "data.result.puskesmas.ok": (
        "Impor berhasil: dataset #{id}, {rows} desa/kelurahan dalam wilayah kerja puskesmas.",
        "Import succeeded: dataset #{id}, {rows} villages in puskesmas service areas.",
    ),
    "data.result.puskesmas.replaced": (
        "{n} puskesmas yang tersimpan sebelumnya diganti oleh file ini.",
        "{n} puskesmas stored before are replaced by this file.",
    ),
    # The list of datasets: each one's kind in words.
    "data.datasets.kind.boundaries": ("Batas desa", "Village boundaries"),
    "data.datasets.kind.tidy": ("Templat indikator", "Indicator template"),
    "data.datasets.kind.sigizi": ("Laporan Sigizi-Kesga", "Sigizi-Kesga report"),
    "data.datasets.kind.mapped": ("Tabel lain", "Other table"),
    "data.datasets.kind.measurements": ("Pengukuran e-PPGBM", "e-PPGBM measurements"),
    "data.datasets.kind.puskesmas": ("Puskesmas (daftar/batas)", "Puskesmas (list/boundaries)"),
    "data.datasets.kind.demo": ("Contoh (fiktif)", "Demo (fictional)"),
    # The command line's import-puskesmas.
    "store.cli.puskesmas_ok": (
        "{file}: dataset {id}, {puskesmas} puskesmas melayani {villages} desa/kelurahan di {districts}.",
        "{file}: dataset {id}, {puskesmas} puskesmas serving {villages} villages in {districts}.",
    ),
    # Puskesmas boundaries (a polygon per puskesmas).
    "puskesmas.boundary_district.reason": (
        "kabupaten/kota puskesmas ini tidak diketahui atau tidak punya desa yang boleh Anda impor",
        "this puskesmas's district is unknown or holds no village you may import for",
    ),
    "puskesmas.boundary_district.fix": (
        "Tulis kode kabupaten/kota (mis. 52.03) di kolom kode_wilayah, impor dulu daftar puskesmasnya, atau pilih "
        "kabupaten/kotanya di halaman.",
        "Write the district code (e.g. 52.03) in a kode_wilayah column, import the puskesmas list first, or choose "
        "the district on the page.",
    ),
    "puskesmas.boundary_twice.reason": (
        "puskesmas ini sudah punya poligon di baris {first}",
        "this puskesmas already has a polygon on row {first}",
    ),
    "puskesmas.boundary_twice.fix": (
        "Gabungkan bagian-bagian wilayah kerjanya menjadi satu fitur (multipoligon), atau hapus baris ganda.",
        "Merge the parts of its service area into one feature (a multipolygon), or delete the duplicate row.",
    ),
}
