"""Texts of rembuk stunting commitments (Aksi 3): the lokus page's section, its messages and the minutes' annex."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # Domain errors (dashboard.data.commitments.CommitmentError keys).
    "commitment.scenario_not_found": (
        "Skenario {id} tidak ditemukan. Buka skenario yang tersimpan dulu.",
        "Scenario {id} not found. Open a saved scenario first.",
    ),
    "commitment.not_found": (
        "Komitmen {id} tidak ditemukan (mungkin sudah dihapus).",
        "Commitment {id} not found (it may have been deleted).",
    ),
    "commitment.forbidden": (
        "Hanya perencana wilayah skenario ini yang dapat mencatat, mengubah, atau menghapus komitmen.",
        "Only planners of this scenario's district can record, change or delete commitments.",
    ),
    "commitment.village_not_in_scenario": (
        "Desa {village} bukan desa lokus skenario «{name}». Pilih desa dari daftar.",
        "Village {village} is not a lokus village of scenario «{name}». Choose a village from the list.",
    ),
    "commitment.activity_required": ("Tulis kegiatan yang disepakati.", "Write the agreed activity."),
    "commitment.responsible_required": (
        "Tulis OPD atau mitra penanggung jawab.",
        "Write the responsible OPD or partner.",
    ),
    "commitment.bad_funding": (
        "Sumber dana tidak dikenal: {value}. Pilih APBD, Dana Desa, CSR/mitra, atau lainnya.",
        "Unknown funding source: {value}. Choose APBD, Dana Desa, CSR/partner or other.",
    ),
    "commitment.bad_status": (
        "Status tidak dikenal: {value}.",
        "Unknown status: {value}.",
    ),
    "commitment.bad_budget": (
        "Anggaran tidak terbaca: {value}. Tulis rupiah tanpa desimal, mis. 1.500.000.",
        "Budget not readable: {value}. Write whole rupiah, e.g. 1.500.000.",
    ),
    "commitment.negative_budget": (
        "Anggaran tidak boleh negatif.",
        "The budget cannot be negative.",
    ),
    "commitment.bad_date": (
        "Tanggal target tidak sah: {value}. Pilih tanggal antara tahun 2000 dan 2100.",
        "Invalid target date: {value}. Choose a date between 2000 and 2100.",
    ),
    # Option labels.
    "commitment.funding.apbd": ("APBD", "APBD (district budget)"),
    "commitment.funding.dana_desa": ("Dana Desa", "Dana Desa (village fund)"),
    "commitment.funding.csr_mitra": ("CSR/mitra", "CSR/partner"),
    "commitment.funding.lainnya": ("Lainnya", "Other"),
    "commitment.status.direncanakan": ("Direncanakan", "Planned"),
    "commitment.status.berjalan": ("Berjalan", "Under way"),
    "commitment.status.selesai": ("Selesai", "Done"),
    "commitment.status.batal": ("Batal", "Cancelled"),
    # Table and annex columns.
    "commitment.column.no": ("No", "No"),
    "commitment.column.village": ("Desa", "Village"),
    "commitment.column.activity": ("Kegiatan", "Activity"),
    "commitment.column.responsible": ("Penanggung jawab (OPD/mitra)", "Responsible (OPD/partner)"),
    "commitment.column.funding": ("Sumber dana", "Funding source"),
    "commitment.column.budget": ("Anggaran (Rp)", "Budget (Rp)"),
    "commitment.column.target_date": ("Target", "Target date"),
    "commitment.column.status": ("Status", "Status"),
    "commitment.column.note": ("Catatan", "Note"),
    # The minutes' annex.
    "commitment.annex.title": (
        "Notulen Rembuk Stunting — Lampiran Komitmen",
        "Stunting Consultation Minutes — Commitments Annex",
    ),
    "commitment.annex.sheet": ("Komitmen", "Commitments"),
    "commitment.annex.district": ("Kabupaten/kota: {name} ({code})", "District: {name} ({code})"),
    "commitment.annex.year": ("Tahun: {year}", "Year: {year}"),
    "commitment.annex.scenario": ("Skenario lokus: {name}", "Lokus scenario: {name}"),
    "commitment.annex.demo": ("data contoh (fiktif)", "sample data (fictional)"),
    "commitment.annex.totals": ("Jumlah anggaran per sumber dana", "Budget per funding source"),
    "commitment.annex.total": ("Jumlah", "Total"),
    "commitment.annex.file": ("komitmen-rembuk", "rembuk-commitments"),
    # The lokus page's section.
    "commitment.section": ("Komitmen rembuk", "Rembuk commitments"),
    "commitment.section.help": (
        "Kegiatan yang disepakati di rembuk stunting untuk setiap desa lokus skenario yang dibuka.",
        "Activities agreed at the stunting consultation for each lokus village of the opened scenario.",
    ),
    "commitment.need_scenario": (
        "Buka skenario yang tersimpan untuk mencatat komitmen.",
        "Open a saved scenario to record commitments.",
    ),
    "commitment.date.placeholder": ("Pilih tanggal", "Pick a date"),
    "grid.loading": ("Memuat…", "Loading…"),
    "commitment.none": ("Belum ada komitmen untuk skenario ini.", "No commitments for this scenario yet."),
    "commitment.field.village": ("Desa lokus", "Lokus village"),
    "commitment.field.activity": ("Kegiatan", "Activity"),
    "commitment.field.responsible": ("OPD/mitra penanggung jawab", "Responsible OPD/partner"),
    "commitment.field.funding": ("Sumber dana", "Funding source"),
    "commitment.field.budget": ("Anggaran (Rp), mis. 1.500.000", "Budget (Rp), e.g. 1.500.000"),
    "commitment.field.target_date": ("Tanggal target", "Target date"),
    "commitment.field.status": ("Status", "Status"),
    "commitment.field.note": ("Catatan", "Note"),
    "commitment.add": ("Tambah komitmen", "Add commitment"),
    "commitment.set_status": ("Ubah status", "Change status"),
    "commitment.delete": ("Hapus", "Delete"),
    "commitment.export_xlsx": ("Lampiran XLSX", "Annex XLSX"),
    "commitment.export_pdf": ("Lampiran PDF", "Annex PDF"),
    "commitment.added": ("Komitmen dicatat: {activity}.", "Commitment recorded: {activity}."),
    "commitment.status_changed": ("Status diubah: {status}.", "Status changed: {status}."),
    "commitment.deleted": ("Komitmen dihapus: {activity}.", "Commitment deleted: {activity}."),
    "commitment.need_row": (
        "Pilih satu baris di tabel komitmen dulu.",
        "Select a row in the commitments table first.",
    ),
    "commitment.total_line": ("Jumlah anggaran: Rp {total}", "Total budget: Rp {total}"),
}
