"""Strings of the gaps page: coverage against targets, convergence, bivariate map, change, drill-down, profile."""

TEXTS: dict[str, tuple[str, str]] = {
    "gaps.title": ("Kesenjangan layanan dan profil desa", "Service gaps and village profiles"),
    "gaps.intro": (
        "Layanan mana yang belum menjangkau desa mana. Klik desa di peta untuk profilnya; pilih kecamatan untuk "
        "menelusuri. Angka kecamatan dan kabupaten dihitung dari jumlah, bukan rata-rata persentase.",
        "Which services miss which villages. Click a village on the map for its profile; choose a kecamatan to drill "
        "down. Kecamatan and district figures are computed from counts, not averaged percentages.",
    ),
    "gaps.district": ("Kabupaten/kota", "District"),
    "gaps.period": ("Periode", "Period"),
    "gaps.view": ("Tampilan peta", "Map view"),
    "gaps.view.coverage": ("Cakupan (%)", "Coverage (%)"),
    "gaps.view.gap": ("Kesenjangan terhadap target", "Gap to target"),
    "gaps.view.convergence": ("Konvergensi (% layanan mencapai target)", "Convergence (% of services on target)"),
    "gaps.view.bivariate": ("Prevalensi × cakupan (3×3)", "Prevalence × coverage (3×3)"),
    "gaps.view.change": ("Perubahan antar periode", "Change between periods"),
    "gaps.indicator": ("Layanan (intervensi)", "Service (intervention)"),
    "gaps.target": ("Target (%)", "Target (%)"),
    "gaps.target.catalogue": ("dari katalog", "from the catalogue"),
    "gaps.axis": ("Sumbu peta 3×3", "3×3 map axis"),
    "gaps.axis.indicator": ("Cakupan layanan", "Service coverage"),
    "gaps.legend.target": (
        "Target: {target}%. Kesenjangan = target − cakupan; 0 atau kurang berarti target tercapai.",
        "Target: {target}%. Gap = target − coverage; 0 or less means the target is reached.",
    ),
    "gaps.legend.coverage_target": (
        "Cakupan layanan per desa (%); target: {target}%.",
        "Service coverage per village (%); target: {target}%.",
    ),
    "gaps.legend.convergence": (
        "Bagian layanan bertarget yang mencapai targetnya di desa itu (layanan tanpa data tidak dihitung).",
        "Share of targeted services at or above target in the village (services without data are left out).",
    ),
    "gaps.bivariate.legend": (
        "Baris: prevalensi stunting (tertil); kolom: {axis} (tertil). Kiri atas = beban tinggi, cakupan rendah.",
        "Rows: stunting prevalence (tertiles); columns: {axis} (tertiles). Top left = high burden, low coverage.",
    ),
    "gaps.bivariate.hover": (
        "Prevalensi {prevalence}%; {axis}: {coverage}%",
        "Prevalence {prevalence}%; {axis}: {coverage}%",
    ),
    "gaps.bivariate.burden.0": ("prevalensi rendah", "low prevalence"),
    "gaps.bivariate.burden.1": ("sedang", "middle"),
    "gaps.bivariate.burden.2": ("prevalensi tinggi", "high prevalence"),
    "gaps.bivariate.coverage.0": ("cakupan rendah", "low coverage"),
    "gaps.bivariate.coverage.1": ("sedang", "middle"),
    "gaps.bivariate.coverage.2": ("tinggi", "high"),
    "gaps.change.indicator": ("Indikator perubahan", "Indicator of change"),
    "gaps.change.before": ("Dibandingkan dengan periode", "Compared with period"),
    "gaps.change.need": ("Pilih periode pembanding yang berbeda.", "Choose a different period to compare with."),
    "gaps.change.legend": (
        "{indicator}: {before} → {after}, per desa (interval 95% Newcombe)",
        "{indicator}: {before} → {after}, per village (Newcombe 95% interval)",
    ),
    "gaps.change.class.no_value": ("Tidak ada nilai di salah satu periode", "No value in one of the two periods"),
    "gaps.change.class.not_significant": (
        "Tidak bermakna (interval 95% mencakup 0)",
        "Not significant (95% interval includes 0)",
    ),
    "gaps.change.class.fall": ("Turun bermakna", "Significant fall"),
    "gaps.change.class.rise": ("Naik bermakna", "Significant rise"),
    "gaps.change.better": ("lebih baik", "better"),
    "gaps.change.worse": ("lebih buruk", "worse"),
    "gaps.change.villages": ("{n} desa", "{n} villages"),
    "gaps.change.village": ("{n} desa", "{n} village"),
    "gaps.change.flagged": (
        "⚠ Nilai periode akhir ditandai, perlu dicek (garis oranye putus-putus)",
        "⚠ Later value flagged, to be checked (dashed orange outline)",
    ),
    "gaps.change.compared": (
        "Dibandingkan: {n} desa yang melapor di kedua periode (dari {villages} desa; {reporting_before} melapor "
        "di {before}, {reporting_after} di {after}).",
        "Compared: {n} villages reporting in both periods (of {villages}; {reporting_before} reported in {before}, "
        "{reporting_after} in {after}).",
    ),
    "gaps.change.none_compared": (
        "Tidak ada desa yang melapor di kedua periode: perubahan tidak dapat dihitung.",
        "No village reported in both periods: the change cannot be computed.",
    ),
    "gaps.change.figure": (
        "{indicator}: {before} → {after}, {change} poin persen (IK 95% {low} s.d. {high})",
        "{indicator}: {before} → {after}, {change} percentage points (95% CI {low} to {high})",
    ),
    "gaps.change.significant": ("bermakna", "significant"),
    "gaps.change.not_significant": ("tidak bermakna", "not significant"),
    "gaps.change.counts": (
        "{numerator}: {k_before} → {k_after} ({k_change}); {denominator}: {n_before} → {n_after}; di {n} desa yang "
        "sama.",
        "{numerator}: {k_before} → {k_after} ({k_change}); {denominator}: {n_before} → {n_after}; over the same {n} "
        "villages.",
    ),
    "gaps.change.hover.values": (
        "{before_period}: {before} → {after_period}: {after}",
        "{before_period}: {before} → {after_period}: {after}",
    ),
    "gaps.change.hover.none": ("tidak ada nilai", "no value"),
    "gaps.change.hover.change": (
        "{change} poin % (IK 95% {low} s.d. {high})",
        "{change} points (95% CI {low} to {high})",
    ),
    "gaps.change.by_kecamatan": (
        "Per kecamatan, atas desa yang melapor di kedua periode",
        "Per kecamatan, over the villages reporting in both periods",
    ),
    "gaps.change.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "gaps.change.col.compared": ("Desa dibandingkan", "Villages compared"),
    "gaps.change.col.rates": ("Sebelum → sesudah", "Before → after"),
    "gaps.change.col.change": ("Poin % (IK 95%)", "Points (95% CI)"),
    "gaps.change.col.significant": ("Bermakna?", "Significant?"),
    "gaps.change.interval": ("{change} ({low} s.d. {high})", "{change} ({low} to {high})"),
    "gaps.completeness": (
        "{reporting} dari {villages} desa melapor ({indicator}, {period})",
        "{reporting} of {villages} villages reporting ({indicator}, {period})",
    ),
    "gaps.completeness.incomplete": (
        "Belum lengkap: di bawah {minimum}% desa; angka ini belum mewakili seluruh wilayah.",
        "Incomplete: below {minimum}% of villages; these figures do not yet represent the whole area.",
    ),
    "gaps.scope.col.reporting": ("Desa melapor", "Villages reporting"),
    "gaps.flag.legend": (
        "⚠ Garis oranye putus-putus: {n} desa dengan nilai yang ditandai, perlu dicek (arahkan kursor untuk "
        "alasannya).",
        "⚠ Dashed orange outline: {n} villages with a flagged value, to be checked (hover for the reason).",
    ),
    "gaps.flag.in_scope": ("⚠ {n} desa ditandai", "⚠ {n} villages flagged"),
    "gaps.crumb.kecamatan": ("Kec. {name}", "Kec. {name}"),
    "gaps.crumb.choose": ("Pilih kecamatan…", "Choose a kecamatan…"),
    "gaps.crumb.label": ("Telusuri kecamatan", "Drill into a kecamatan"),
    "gaps.group.service": ("Layanan dan target (peta dan matriks)", "Service and target (map and matrix)"),
    "gaps.group.axis": ("Peta 3×3", "3×3 map"),
    "gaps.group.change": ("Perubahan antar periode", "Change between periods"),
    "gaps.scope.district": ("Kabupaten/kota ({n} desa), dari jumlah", "District ({n} villages), from counts"),
    "gaps.scope.kecamatan": ("Kecamatan ({n} desa), dari jumlah", "Kecamatan ({n} villages), from counts"),
    "gaps.matrix": ("Matriks desa × layanan", "Village × service matrix"),
    "gaps.matrix.help": (
        "Kesenjangan tiap layanan terhadap targetnya; desa diurutkan dari prevalensi stunting tertinggi. Hijau = "
        "target tercapai (pada atau di atas target); jingga sampai merah = di bawah target, makin gelap makin jauh; "
        "abu-abu = tidak ada data.",
        "Each service's gap against its target; villages from the highest stunting prevalence down. Green = target "
        "reached (at or above target); orange to red = below target, darker the further below; grey = no data.",
    ),
    "gaps.matrix.no_data": ("Tidak ada data", "No data"),
    "gaps.matrix.download": ("Unduh matriks (CSV)", "Download the matrix (CSV)"),
    "gaps.export.file": ("matriks_kesenjangan_{district}_{period}", "gap_matrix_{district}_{period}"),
    "gaps.export.file.demo": ("{base}_data_contoh_fiktif", "{base}_sample_data_fictional"),
    "gaps.export.col.code": ("kode_desa", "village_code"),
    "gaps.export.col.village": ("desa", "village"),
    "gaps.export.col.kecamatan": ("kecamatan", "kecamatan"),
    "gaps.export.col.prevalence": ("prevalensi_stunting_persen", "stunting_prevalence_percent"),
    "gaps.export.col.gap": (
        "{service}: poin di bawah target (negatif = di atas target)",
        "{service}: points below target (negative = above target)",
    ),
    "gaps.export.col.note": ("keterangan", "note"),
    "gaps.matrix.cells": ("{n} sel", "{n} cells"),
    "gaps.matrix.hover.target": ("Target {target}%", "Target {target}%"),
    "gaps.matrix.hover.met": ("Target tercapai (+{margin} poin)", "Target reached (+{margin} points)"),
    "gaps.matrix.hover.below": ("{gap} poin di bawah target", "{gap} points below target"),
    "gaps.plotly.separators": (",.", ".,"),  # plotly's layout.separators: decimal mark, then thousands
    "gaps.map.heading": ("{title} — {place}", "{title} — {place}"),
    "gaps.profile.hint": (
        "Klik desa di peta untuk melihat profilnya.",
        "Click a village on the map to see its profile.",
    ),
    "gaps.profile.where": (
        "Kec. {kecamatan} · kode {code} · periode {period}",
        "Kec. {kecamatan} · code {code} · period {period}",
    ),
    "gaps.profile.col.indicator": ("Indikator", "Indicator"),
    "gaps.profile.col.value": ("Desa", "Village"),
    "gaps.profile.col.counts": ("Pembilang/penyebut", "Numerator/denominator"),
    "gaps.profile.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "gaps.profile.col.district": ("Kab/kota", "District"),
    "gaps.profile.col.target": ("Target", "Target"),
    "gaps.profile.col.rank": ("Peringkat", "Rank"),
    "gaps.profile.kecamatan": ("Kecamatan", "Kecamatan"),
    "gaps.trend.target": ("Target {target}", "Target {target}"),
    "gaps.trend.axis": ("Prevalensi (%)", "Prevalence (%)"),
    "gaps.profile.district": ("Kabupaten/kota", "District"),
    "gaps.profile.lokus": ("Dalam skenario lokus", "In lokus scenarios"),
    "gaps.profile.lokus_item": ("{year}: {name}{final}", "{year}: {name}{final}"),
    "gaps.profile.not_lokus": ("Belum masuk skenario lokus mana pun.", "Not in any lokus scenario yet."),
    "gaps.legend.met": ("Target tercapai (≥ target)", "Target reached (≥ target)"),
    "gaps.legend.gap_band": ("{low}–{high} poin di bawah target", "{low}–{high} points below target"),
    "gaps.legend.gap_over": ("Lebih dari 30 poin di bawah target", "More than 30 points below target"),
    "gaps.legend.share_band": ("{low}–{high}%", "{low}–{high}%"),
    "gaps.bivariate.no_data": ("Tanpa salah satu nilai", "Either value missing"),
    "gaps.map.title": ("{subject}, {period}", "{subject}, {period}"),
}
