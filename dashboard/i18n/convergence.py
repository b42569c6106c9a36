"""Texts of the partners' register (pentahelix) and stunting case audits: their domain errors and names."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # dashboard.data.programmes.ProgrammeError keys.
    "programme.forbidden": (
        "Hanya perencana wilayah ini yang dapat mencatat, mengubah, atau menghapus program mitra.",
        "Only planners of this district can record, change or delete partners' programmes.",
    ),
    "programme.not_found": (
        "Program {id} tidak ditemukan (mungkin sudah dihapus).",
        "Programme {id} not found (it may have been deleted).",
    ),
    "programme.partner_required": ("Tulis nama mitra.", "Write the partner's name."),
    "programme.activity_required": ("Tulis kegiatan program.", "Write the programme's activity."),
    "programme.bad_sector": (
        "Sektor tidak dikenal: {value}. Pilih salah satu: {sectors}.",
        "Unknown sector: {value}. Choose one of: {sectors}.",
    ),
    "programme.bad_period": (
        "Kolom {field}: periode tidak dapat dibaca: {value}. Tulis 2025, 2025-03 atau 2025-Q1.",
        "Column {field}: period cannot be read: {value}. Write 2025, 2025-03 or 2025-Q1.",
    ),
    "programme.end_before_start": (
        "Periode selesai {end} sebelum periode mulai {start}. Perbaiki salah satunya.",
        "End period {end} is before start period {start}. Correct one of them.",
    ),
    "programme.villages_required": (
        "Pilih paling sedikit satu desa yang dijangkau.",
        "Choose at least one village reached.",
    ),
    "programme.unknown_villages": (
        "Kode desa tidak dikenal di {district}: {codes}. Tulis kode Kemendagri desa (PP.KK.CC.DDDD).",
        "Village codes unknown in {district}: {codes}. Write the villages' Kemendagri codes (PP.KK.CC.DDDD).",
    ),
    "programme.sector.pemerintah": ("Pemerintah", "Government"),
    "programme.sector.swasta": ("Swasta", "Business"),
    "programme.sector.perguruan_tinggi": ("Perguruan tinggi", "Universities"),
    "programme.sector.media": ("Media", "Media"),
    "programme.sector.masyarakat": ("Masyarakat", "Community"),
    # The audit log's names of their actions (dashboard/views/audit_page).
    "audit.action.programme_add": ("program mitra dicatat", "partner programme recorded"),
    "audit.action.programme_update": ("program mitra diubah", "partner programme changed"),
    "audit.action.programme_delete": ("program mitra dihapus", "partner programme deleted"),
    "audit.action.programme_import": ("lembar program mitra diimpor", "partner programme sheet imported"),
    "audit.action.case_audit_add": ("temuan audit kasus dicatat", "case audit finding recorded"),
    "audit.action.case_audit_update": ("temuan audit kasus diubah", "case audit finding changed"),
    "audit.action.case_audit_delete": ("temuan audit kasus dihapus", "case audit finding deleted"),
    # dashboard.data.case_audits.CaseAuditError keys.
    "case_audit.forbidden": (
        "Hanya perencana wilayah ini yang dapat mencatat, mengubah, atau menghapus temuan audit kasus.",
        "Only planners of this district can record, change or delete case audit findings.",
    ),
    "case_audit.not_found": (
        "Temuan {id} tidak ditemukan (mungkin sudah dihapus).",
        "Finding {id} not found (it may have been deleted).",
    ),
    "case_audit.unknown_village": (
        "Desa tidak dikenal: {village}. Pilih desa dari daftar.",
        "Unknown village: {village}. Choose a village from the list.",
    ),
    "case_audit.bad_period": (
        "Periode tidak dapat dipakai: {value}. Tulis 2025-Q1, 2025-03 atau 2025 (bukan masa depan).",
        "Period cannot be used: {value}. Write 2025-Q1, 2025-03 or 2025 (not in the future).",
    ),
    "case_audit.causes_required": ("Pilih paling sedikit satu kategori penyebab.", "Choose at least one cause."),
    "case_audit.bad_cause": (
        "Kategori penyebab tidak dikenal: {value}. Pilih dari: {causes}.",
        "Unknown cause category: {value}. Choose from: {causes}.",
    ),
    "case_audit.bad_follow_up": (
        "Status tindak lanjut tidak dikenal: {value}. Pilih belum, berjalan, atau selesai.",
        "Unknown follow-up status: {value}. Choose not started, under way or done.",
    ),
    "case_audit.recommendation_required": ("Tulis rekomendasi tindak lanjut.", "Write the recommended action."),
    "case_audit.identifying": (
        "Kolom {field} berisi data yang dapat mengenali orang ({kind}). Hapus NIK, nomor telepon, dan tanggal "
        "lahir: audit kasus di Lokus hanya mencatat temuan, bukan identitas anak.",
        "Field {field} holds data that could identify a person ({kind}). Remove NIK, phone numbers and birth "
        "dates: Lokus records an audit's findings, never a child's identity.",
    ),
    "case_audit.cause.asupan_gizi": ("Asupan gizi kurang", "Inadequate diet"),
    "case_audit.cause.penyakit_infeksi": ("Penyakit infeksi", "Infectious disease"),
    "case_audit.cause.pola_asuh": ("Pola asuh", "Parenting and feeding practices"),
    "case_audit.cause.kehamilan_berisiko": ("Kehamilan berisiko", "Pregnancy at risk"),
    "case_audit.cause.bblr_prematur": ("BBLR / prematur", "Low birth weight / preterm"),
    "case_audit.cause.air_sanitasi": ("Air minum dan sanitasi", "Water and sanitation"),
    "case_audit.cause.akses_layanan": ("Akses layanan kesehatan", "Access to health services"),
    "case_audit.cause.ekonomi": ("Ekonomi dan perlindungan sosial", "Economy and social protection"),
    "case_audit.cause.lainnya": ("Lainnya", "Other"),
    "case_audit.follow_up.belum": ("Belum ditindaklanjuti", "Not started"),
    "case_audit.follow_up.berjalan": ("Sedang berjalan", "Under way"),
    "case_audit.follow_up.selesai": ("Selesai", "Done"),
}
