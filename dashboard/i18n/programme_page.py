"""Texts of the partners and case audits page (``/mitra``) and of the partners' sheet import."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "nav.mitra": ("Mitra", "Partners"),  # short: the bar must fit 1280 pixels; the page's title says the rest
    "mitra.title": ("Mitra pentahelix dan audit kasus stunting", "Pentahelix partners and stunting case audits"),
    "mitra.intro": (
        "Siapa menjalankan program apa di desa mana, desa yang belum dijangkau mitra mana pun, dan temuan audit "
        "kasus stunting per desa.",
        "Who runs which programme in which villages, the villages no partner reaches, and the stunting case "
        "audits' findings per village.",
    ),
    "mitra.district": ("Kabupaten/kota", "District"),
    "mitra.register": ("Daftar program mitra", "Partners' programmes"),
    "mitra.register.help": (
        "Pemerintah, swasta (CSR), perguruan tinggi, media, dan masyarakat: satu baris per program.",
        "Government, business (CSR), universities, media and community: one row per programme.",
    ),
    "mitra.column.partner": ("Mitra", "Partner"),
    "mitra.column.sector": ("Sektor", "Sector"),
    "mitra.column.activity": ("Kegiatan", "Activity"),
    "mitra.column.villages": ("Desa dijangkau", "Villages reached"),
    "mitra.column.period": ("Periode", "Period"),
    "mitra.column.budget": ("Anggaran", "Budget"),
    "mitra.none": ("Belum ada program mitra yang dicatat.", "No partners' programme recorded yet."),
    "mitra.villages_count": ("{n} desa", "{n} villages"),
    "mitra.budget_value": ("Rp {amount}", "Rp {amount}"),
    "mitra.period_range": ("{start} s.d. {end}", "{start} to {end}"),
    "mitra.form": ("Catat atau ubah program", "Record or change a programme"),
    "mitra.field.choose": ("Program yang diubah", "Programme to change"),
    "mitra.field.choose.placeholder": ("(program baru)", "(new programme)"),
    "mitra.field.partner": ("Mitra", "Partner"),
    "mitra.field.sector": ("Sektor", "Sector"),
    "mitra.field.activity": ("Kegiatan", "Activity"),
    "mitra.field.villages": ("Desa yang dijangkau", "Villages reached"),
    "mitra.field.start": ("Periode mulai", "First period"),
    "mitra.field.end": ("Periode selesai", "Last period"),
    "mitra.field.period_hint": ("2025, 2025-03 atau 2025-Q1", "2025, 2025-03 or 2025-Q1"),
    "mitra.field.budget": ("Anggaran (Rp)", "Budget (Rp)"),
    "mitra.save": ("Simpan", "Save"),
    "mitra.new": ("Program baru", "New programme"),
    "mitra.delete": ("Hapus", "Delete"),
    "mitra.confirm_delete": (
        "Hapus program ini dari daftar? Tindakan ini dicatat di log audit.",
        "Delete this programme from the register? The deletion is recorded in the audit log.",
    ),
    "mitra.added": ("Program {partner} dicatat.", "Programme of {partner} recorded."),
    "mitra.updated": ("Program {partner} diubah.", "Programme of {partner} changed."),
    "mitra.deleted": ("Program {partner} dihapus.", "Programme of {partner} deleted."),
    "mitra.need_row": ("Pilih dulu program yang akan dihapus.", "Choose the programme to delete first."),
    "mitra.read_only": (
        "Anda dapat membaca daftar ini; mencatat program adalah tugas perencana wilayah ini.",
        "You can read this register; recording programmes is the district planners' task.",
    ),
    "mitra.import": ("Impor dari lembar kerja", "Import from a sheet"),
    "mitra.import.help": (
        "Kolom: mitra, sektor, kegiatan, kode_desa (dipisah ; atau ,), periode_mulai, periode_selesai, anggaran. "
        "Semua baris diperiksa dulu; bila satu baris salah, tidak ada yang disimpan.",
        "Columns: mitra, sektor, kegiatan, kode_desa (separated by ; or ,), periode_mulai, periode_selesai, "
        "anggaran. Every row is checked first; when one row is wrong, nothing is saved.",
    ),
    "mitra.import.prompt": ("Seret berkas CSV atau XLSX ke sini, atau ", "Drop a CSV or XLSX file here, or "),
    "mitra.import.choose": ("pilih berkas", "choose a file"),
    "mitra.import.limit": ("paling besar {mb} MB", "at most {mb} MB"),
    "mitra.template_csv": ("Templat kosong (CSV)", "Blank template (CSV)"),
    "mitra.template_xlsx": ("Templat kosong (XLSX)", "Blank template (XLSX)"),
    "mitra.imported": (
        "{n} program dari {file} disimpan.",
        "{n} programmes from {file} saved.",
    ),
    "mitra.import.refused": (
        "{file}: tidak ada yang disimpan. Perbaiki baris berikut lalu unggah lagi:",
        "{file}: nothing was saved. Correct these rows and upload again:",
    ),
    "mitra.import.problem": ("Baris {row}, kolom {column}: {message}", "Row {row}, column {column}: {message}"),
    "mitra.import.file_problem": ("{message}", "{message}"),
    "mitra.map": ("Desa yang belum dijangkau mitra", "Villages no partner reaches"),
    "mitra.map.period": ("Periode (kosong: kapan saja)", "Period (empty: any time)"),
    "mitra.map.unreached": ("tidak dijangkau mitra", "reached by no partner"),
    "mitra.map.reached": ("dijangkau", "reached"),
    "mitra.map.count": (
        "{n} dari {m} desa belum dijangkau mitra mana pun",
        "{n} of {m} villages reached by no partner",
    ),
    "mitra.map.count_period": (
        "{n} dari {m} desa belum dijangkau mitra mana pun pada {period}",
        "{n} of {m} villages reached by no partner in {period}",
    ),
    "mitra.map.bad_period": (
        "Periode tidak dapat dibaca: {value}. Tulis 2025, 2025-03 atau 2025-Q1.",
        "Period cannot be read: {value}. Write 2025, 2025-03 or 2025-Q1.",
    ),
    "mitra.map.title": ("Jangkauan mitra", "Partners' reach"),
    "mitra.map.hover_programmes": ("{n} program", "{n} programmes"),
    "kasus.section": ("Audit kasus stunting", "Stunting case audits"),
    "kasus.help": (
        "Temuan tim audit kasus per desa dan periode: penyebab dan rekomendasi tindak lanjut.",
        "The case-audit team's findings per village and period: causes and recommended action.",
    ),
    "kasus.privacy": (
        "Jangan tulis nama, NIK, tanggal lahir, alamat, atau nomor telepon: Lokus hanya mencatat temuan, "
        "bukan identitas anak atau orang tuanya.",
        "Do not write names, NIK, birth dates, addresses or phone numbers: Lokus records findings, never the "
        "identity of a child or a parent.",
    ),
    "kasus.column.village": ("Desa", "Village"),
    "kasus.column.period": ("Periode", "Period"),
    "kasus.column.causes": ("Penyebab", "Causes"),
    "kasus.column.recommendation": ("Rekomendasi", "Recommendation"),
    "kasus.column.follow_up": ("Tindak lanjut", "Follow-up"),
    "kasus.column.count": ("Temuan", "Findings"),
    "kasus.none": ("Belum ada temuan audit kasus.", "No case audit findings yet."),
    "kasus.counts": ("Jumlah temuan per desa", "Findings per village"),
    "kasus.form": ("Catat atau ubah temuan", "Record or change a finding"),
    "kasus.field.choose": ("Temuan yang diubah", "Finding to change"),
    "kasus.field.choose.placeholder": ("(temuan baru)", "(new finding)"),
    "kasus.field.village": ("Desa", "Village"),
    "kasus.field.period": ("Periode", "Period"),
    "kasus.field.period_hint": ("2025-Q1, 2025-03 atau 2025", "2025-Q1, 2025-03 or 2025"),
    "kasus.field.causes": ("Kategori penyebab", "Causes"),
    "kasus.field.recommendation": ("Rekomendasi", "Recommendation"),
    "kasus.field.follow_up": ("Tindak lanjut", "Follow-up"),
    "kasus.field.note": ("Catatan", "Note"),
    "kasus.save": ("Simpan temuan", "Save finding"),
    "kasus.new": ("Temuan baru", "New finding"),
    "kasus.delete": ("Hapus temuan", "Delete finding"),
    "kasus.confirm_delete": (
        "Hapus temuan ini? Tindakan ini dicatat di log audit.",
        "Delete this finding? The deletion is recorded in the audit log.",
    ),
    "kasus.added": ("Temuan untuk {village} dicatat.", "Finding for {village} recorded."),
    "kasus.updated": ("Temuan untuk {village} diubah.", "Finding for {village} changed."),
    "kasus.deleted": ("Temuan untuk {village} dihapus.", "Finding for {village} deleted."),
    "kasus.need_row": ("Pilih dulu temuan yang akan dihapus.", "Choose the finding to delete first."),
    # dashboard.data.importers.programmes: a sheet's problems (file, row, column, fix).
    "programme_sheet.missing_columns": (
        "Kolom tidak ada: {columns}. Pakai templat: mitra, sektor, kegiatan, kode_desa, periode_mulai, "
        "periode_selesai, anggaran.",
        "Columns missing: {columns}. Use the template: mitra, sektor, kegiatan, kode_desa, periode_mulai, "
        "periode_selesai, anggaran.",
    ),
    "programme_sheet.empty": ("Berkas tidak berisi baris program.", "The file holds no programme rows."),
    "programme_sheet.too_large": (
        "Berkas lebih besar dari {mb} MB. Bagi menjadi beberapa berkas.",
        "The file is larger than {mb} MB. Split it into several files.",
    ),
    "programme_sheet.unreadable": (
        "Berkas tidak dapat dibaca sebagai tabel CSV atau XLSX. Simpan ulang dari templat.",
        "The file cannot be read as a CSV or XLSX table. Save it again from the template.",
    ),
    "programme_sheet.required": ("kosong; isi kolom ini.", "empty; fill this column in."),
    "programme_sheet.bad_sector": (
        "sektor tidak dikenal: {value}. Tulis Pemerintah, Swasta/CSR, Perguruan Tinggi, Media, atau Masyarakat/LSM.",
        "unknown sector: {value}. Write Pemerintah, Swasta/CSR, Perguruan Tinggi, Media or Masyarakat/LSM.",
    ),
    "programme_sheet.bad_code": (
        "kode desa tidak dapat dibaca: {value}. Tulis kode Kemendagri (PP.KK.CC.DDDD), dipisah ; atau ,.",
        "village code cannot be read: {value}. Write Kemendagri codes (PP.KK.CC.DDDD), separated by ; or ,.",
    ),
    "programme_sheet.unknown_code": (
        "desa tidak ada di {district}: {value}. Periksa kodenya.",
        "village not in {district}: {value}. Check the code.",
    ),
    "programme_sheet.bad_period": (
        "periode tidak dapat dibaca: {value}. Tulis 2025, 2025-03 atau 2025-Q1.",
        "period cannot be read: {value}. Write 2025, 2025-03 or 2025-Q1.",
    ),
    "programme_sheet.end_before_start": (
        "periode selesai {end} sebelum periode mulai {start}.",
        "last period {end} is before first period {start}.",
    ),
    "programme_sheet.bad_budget": (
        "anggaran tidak dapat dibaca: {value}. Tulis rupiah tanpa desimal, mis. 25.000.000.",
        "budget cannot be read: {value}. Write whole rupiah, e.g. 25.000.000.",
    ),
}
