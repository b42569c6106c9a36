"""Texts of the other offices' imports: the Scorecard Konvergensi Desa, Dana Desa, KPM and their templates."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # dashboard.data.importers.scorecard
    "scorecard.not_quarter.reason": (
        "periode scorecard harus triwulan, bukan bulan atau tahun ({rows} baris)",
        "a scorecard period must be a quarter, not a month or a year ({rows} rows)",
    ),
    "scorecard.not_quarter.fix": (
        "Tulis triwulannya, mis. tulis {hint} (atau 'Triwulan I 2025').",
        "Write the quarter, e.g. write {hint} (or 'Triwulan I 2025').",
    ),
    "scorecard.missing_group.reason": ("kelompok sasaran kosong", "the target group is empty"),
    "scorecard.missing_group.fix": (
        "Isi kelompok_sasaran: ibu_hamil, anak_0_23 atau anak_2_6 (salin dari templat).",
        "Fill kelompok_sasaran: ibu_hamil, anak_0_23 or anak_2_6 (copy it from the template).",
    ),
    "scorecard.unknown_group.reason": (
        "kelompok sasaran tidak dikenal ({rows} baris)",
        "unknown target group ({rows} rows)",
    ),
    "scorecard.unknown_group.fix": ("Tulis salah satu: {known}.", "Write one of: {known}."),
    "scorecard.missing_service.reason": ("layanan kosong", "the service is empty"),
    "scorecard.missing_service.fix": (
        "Isi kolom layanan dengan kunci layanan dari templat, mis. pil_fe.",
        "Fill the service column with a service key from the template, e.g. pil_fe.",
    ),
    "scorecard.unknown_service.reason": (
        "layanan tidak dikenal untuk kelompok {group} ({rows} baris)",
        "unknown service for group {group} ({rows} rows)",
    ),
    "scorecard.unknown_service.fix": (
        "Tulis salah satu kunci layanan kelompok ini: {known}.",
        "Write one of this group's service keys: {known}.",
    ),
    "scorecard.received_exceeds.reason": (
        "diterima {received} lebih besar dari sasaran {due}",
        "received {received} is larger than due {due}",
    ),
    "scorecard.received_exceeds.fix": (
        "Yang menerima layanan adalah bagian dari sasarannya: periksa kedua angka.",
        "Those who received the service are part of its targets: check both numbers.",
    ),
    "scorecard.duplicate_service.reason": (
        "desa, triwulan dan layanan yang sama sudah ada di baris {first}",
        "the same village, quarter and service is already in row {first}",
    ),
    "scorecard.duplicate_service.fix": (
        "Simpan satu baris per desa, triwulan dan layanan: hapus atau gabungkan baris kembar.",
        "Keep one row per village, quarter and service: delete or merge the duplicate rows.",
    ),
    # dashboard.data.importers.village_funds
    "village_funds.not_rupiah.reason": ("bukan jumlah rupiah", "not an amount of rupiah"),
    "village_funds.not_rupiah.fix": (
        "Tulis rupiah tanpa huruf lain, mis. 1.250.000.000 atau Rp 1.250.000.000.",
        "Write rupiah without other letters, e.g. 1.250.000.000 or Rp 1.250.000.000.",
    ),
    "village_funds.not_year.reason": (
        "periode Dana Desa harus tahun anggaran ({rows} baris)",
        "a village funds period must be a budget year ({rows} rows)",
    ),
    "village_funds.not_year.fix": ("Tulis tahunnya saja, mis. {hint}.", "Write the year only, e.g. {hint}."),
    "village_funds.allocation_exceeds.reason": (
        "alokasi stunting lebih besar dari Dana Desa {fund}",
        "the allocation to stunting is larger than the village fund {fund}",
    ),
    "village_funds.allocation_exceeds.fix": (
        "Alokasi stunting adalah bagian dari Dana Desa: periksa kedua angka.",
        "The allocation to stunting is part of the village fund: check both amounts.",
    ),
    "village_funds.spending_exceeds.reason": (
        "realisasi lebih besar dari alokasi stunting {allocated}",
        "spending is larger than the allocation to stunting {allocated}",
    ),
    "village_funds.spending_exceeds.fix": (
        "Realisasi tidak bisa melebihi alokasinya: periksa kedua angka.",
        "Spending cannot exceed its allocation: check both amounts.",
    ),
    "village_funds.no_fund.reason": ("Dana Desa 0", "village fund of 0"),
    "village_funds.no_fund.fix": (
        "Tulis pagu Dana Desa desa ini, atau hapus barisnya bila desa tidak menerima Dana Desa (kelurahan).",
        "Write the village's fund, or delete the row if it receives no Dana Desa (a kelurahan).",
    ),
    # A yes/no village fact (kpm_aktif) in the tidy template.
    "village_fact.not_yes_no.reason": (
        "{indicator} bukan 1/1 atau 0/1",
        "{indicator} is not 1/1 or 0/1",
    ),
    "village_fact.not_yes_no.fix": (
        "KPM aktif ditulis 1/1 (aktif) atau 0/1 (tidak).",
        "Write an active KPM as 1/1 (active) or 0/1 (not).",
    ),
    # The data page: dataset kinds and the blank templates offered.
    "data.datasets.kind.scorecard": ("Scorecard Konvergensi Desa", "Village convergence scorecard"),
    "data.datasets.kind.dana_desa": ("Dana Desa untuk stunting", "Village funds for stunting"),
    "data.template.scorecard": ("Templat Scorecard Konvergensi Desa", "Village convergence scorecard template"),
    "data.template.dana_desa": ("Templat Dana Desa", "Village funds template"),
}
