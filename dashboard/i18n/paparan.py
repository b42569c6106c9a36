"""Strings of the presentation for the briefing room (``/paparan/<kode>``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "paparan.title": ("Paparan stunting {district} · {period}", "Stunting briefing {district} · {period}"),
    "paparan.deck": ("presentasi", "presentation"),
    "paparan.nav": ("Pindah slide", "Change slide"),
    "paparan.prev": ("Slide sebelumnya", "Previous slide"),
    "paparan.next": ("Slide berikutnya", "Next slide"),
    "paparan.exit": ("Keluar", "Exit"),
    "paparan.brief_pdf": ("Ringkasan PDF", "Brief PDF"),
    "paparan.open": ("Mode paparan", "Presentation mode"),
    "paparan.forbidden": (
        "Paparan ini hanya untuk pimpinan dan perencana wilayah ini.",
        "This presentation is for the leadership and planners of this area only.",
    ),
    "paparan.footer.measured": ("{share} sasaran diukur", "{share} of target children measured"),
    "paparan.footer.source": ("Sumber: {kinds} (impor terakhir {day})", "Source: {kinds} (last import {day})"),
    "paparan.kind.demo": ("data contoh", "sample data"),
    "paparan.kind.boundaries": ("batas desa", "village boundaries"),
    "paparan.kind.tidy": ("tabel indikator", "indicator table"),
    "paparan.kind.sigizi": ("laporan Sigizi-Kesga", "Sigizi-Kesga report"),
    "paparan.kind.mapped": ("tabel indikator", "indicator table"),
    "paparan.kind.measurements": ("pengukuran e-PPGBM", "e-PPGBM measurements"),
    "paparan.kind.survey": ("estimasi survei", "survey estimates"),
    "paparan.map.no_data": ("Belum ada data", "No data yet"),
    # a. at a glance
    "paparan.a.title": ("Sekilas", "At a glance"),
    "paparan.a.interval": ("IK 95%: {low}–{high}", "95% CI: {low}–{high}"),
    "paparan.a.measured": ("dari {measured} balita diukur", "of {measured} children measured"),
    "paparan.a.change": ("Perubahan (poin)", "Change (points)"),
    "paparan.a.change_since": ("Perubahan sejak {period} (poin)", "Change since {period} (points)"),
    "paparan.a.no_change": ("belum ada periode pembanding", "no earlier period to compare"),
    "paparan.a.completeness": ("Sasaran balita diukur", "Target children measured"),
    "paparan.a.reporting_share": ("Desa melapor", "Villages reporting"),
    "paparan.a.measured_of": ("{measured} dari {target} sasaran diukur", "{measured} of {target} target children"),
    "paparan.a.reporting": ("{reporting} dari {villages} desa melapor", "{reporting} of {villages} villages reporting"),
    "paparan.a.national_target": ("Target nasional", "National target"),
    "paparan.a.own_target": ("target daerah: {value}", "district target: {value}"),
    "paparan.a.own_target.none": ("target daerah belum ditetapkan", "no district target set"),
    "paparan.a.trend_alt": ("Tren prevalensi: {points}", "Prevalence trend: {points}"),
    # b. maps
    "paparan.b.title": ("Peta stunting per desa", "Stunting by village"),
    "paparan.b.alt": (
        "Peta prevalensi stunting per desa, {period}, dengan lingkaran sebesar jumlah balita stunting",
        "Map of stunting prevalence by village, {period}, with circles sized by the number of stunted children",
    ),
    # c. rankings
    "paparan.c.title": ("Peringkat kecamatan dan desa", "Kecamatan and villages ranked"),
    # d. lokus
    "paparan.d.final": ("Ditetapkan (final)", "Decided (final)"),
    "paparan.d.title": ("Lokus desa {year}", "Lokus villages {year}"),
    "paparan.d.draft": ("DRAF — belum ditetapkan", "DRAFT — not yet decided"),
    "paparan.d.alt": ("Peta lokus desa; nomor sesuai daftar", "Map of the lokus villages; numbers follow the list"),
    "paparan.d.more": ("dan {n} desa lainnya (lihat lampiran)", "and {n} more villages (see the annex)"),
    # e. service gaps
    "paparan.e.title": ("Kesenjangan layanan", "Service gaps"),
    "paparan.e.alt": ("Peta beban stunting × {axis} per desa", "Map of stunting burden × {axis} by village"),
    "paparan.e.services": ("Paling jauh di bawah target", "Furthest below target"),
    "paparan.gaps.legend": ("Prevalensi stunting × {axis}", "Stunting prevalence × {axis}"),
    "paparan.gaps.cell": ("{burden}, {coverage}", "{burden}, {coverage}"),
    "paparan.gaps.col.service": ("Layanan", "Service"),
    "paparan.gaps.col.coverage": ("Cakupan/target", "Coverage/target"),
    "paparan.gaps.col.below": ("Kurang", "Short"),
    "paparan.gaps.coverage": ("{coverage} / {target}", "{coverage} / {target}"),
    "paparan.gaps.below": ("{below}/{counted}", "{below}/{counted}"),
    "paparan.gaps.rows": ("jumlah desa; baris: prevalensi", "villages; rows: prevalence"),
    "paparan.gaps.columns": ("kolom: konvergensi", "columns: convergence"),
    "paparan.level.0": ("rendah", "low"),
    "paparan.level.1": ("sedang", "middle"),
    "paparan.level.2": ("tinggi", "high"),
    "paparan.gaps.note": (
        "Kurang: desa di bawah target nasional, dari desa yang melapor.",
        "Short: villages below the national target, of those reporting.",
    ),
    "paparan.gaps.all_met": (
        "Semua layanan dengan target mencapai targetnya di tingkat kabupaten.",
        "Every service with a target meets it at district level.",
    ),
    "paparan.gaps.none": (
        "Belum ada data cakupan layanan untuk {period}.",
        "No service coverage data for {period} yet.",
    ),
    # f. annual review
    "paparan.review.heading": ("Tinjauan: lokus desa {year}", "Review: lokus villages {year}"),
    "paparan.review.no_final": (
        "Belum ada daftar lokus desa {year} yang ditetapkan (final): tidak ada yang ditinjau.",
        "No final lokus list for {year}: nothing to review.",
    ),
    "paparan.review.summary": (
        "{n} lokus desa {year}: prevalensi {before} → {after} ({change} poin, {verdict}; {compared} desa melapor "
        "di kedua periode).",
        "{n} lokus villages of {year}: prevalence {before} → {after} ({change} points, {verdict}; {compared} "
        "villages reporting in both periods).",
    ),
    "paparan.review.significant": ("bermakna secara statistik", "statistically significant"),
    "paparan.review.not_significant": ("tidak bermakna secara statistik", "not statistically significant"),
    "paparan.review.not_compared": ("tidak dapat dibandingkan", "cannot be compared"),
    "paparan.review.col.change": ("Perubahan (poin)", "Change (points)"),
    "paparan.review.star": (
        "* bermakna secara statistik (IK 95% Newcombe tidak memuat 0).",
        "* statistically significant (Newcombe 95% CI excludes 0).",
    ),
    "paparan.review.more": ("dan {n} desa lokus lainnya", "and {n} more lokus villages"),
    "paparan.f2.title": ("Target dan komitmen", "Targets and commitments"),
    "paparan.review.kecamatan_title": ("Prevalensi kecamatan terhadap target", "Kecamatan prevalence against target"),
    "paparan.review.col.status": ("Target", "Target"),
    "paparan.review.met": ("✓ tercapai", "✓ met"),
    "paparan.review.not_met": ("✗ belum", "✗ not yet"),
    "paparan.review.kecamatan_met": (
        "{met} dari {total} kecamatan mencapai target.",
        "{met} of {total} kecamatan meet the target.",
    ),
    "paparan.review.kecamatan_named": (" Yang mencapai: {names}.", " Meeting it: {names}."),
    "paparan.review.regression": (
        "Desa yang dipilih karena prevalensinya tinggi cenderung turun dengan sendirinya (regresi ke rerata): "
        "bandingkan dengan desa lain.",
        "Villages chosen for a high prevalence tend to fall anyway (regression to the mean): compare with the "
        "other villages.",
    ),
    "paparan.review.kecamatan_more": ("{n} kecamatan lainnya tidak ditampilkan.", "{n} more kecamatan not shown."),
    "paparan.review.target_own": ("Target daerah: {value}", "District target: {value}"),
    "paparan.review.target_national": (
        "Target nasional: {value} (target daerah belum ditetapkan)",
        "National target: {value} (no district target set)",
    ),
    "paparan.review.commitments": ("Komitmen rembuk stunting {year}", "Rembuk stunting commitments {year}"),
    "paparan.review.activities": ("Kegiatan disepakati", "Activities agreed"),
    "paparan.review.budget": ("Anggaran selesai / disepakati", "Budget done / agreed"),
    "paparan.review.budget_value": ("{done} / {planned}", "{done} / {planned}"),
    "paparan.review.commitments_note": (
        "Dari daftar lokus final {year}; kegiatan batal tidak dihitung dalam anggaran.",
        "From the final lokus list of {year}; cancelled activities are not counted in the budget.",
    ),
    "paparan.review.no_commitments": (
        "Belum ada komitmen rembuk yang dicatat untuk daftar lokus final {year}.",
        "No rembuk commitments recorded for the final lokus list of {year}.",
    ),
    "paparan.rupiah.billion": ("Rp {value} M", "IDR {value} bn"),
    "paparan.rupiah.million": ("Rp {value} jt", "IDR {value} m"),
}
