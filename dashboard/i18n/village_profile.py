"""Texts of the village profile (/desa), its PDF page per village, and the gaps page's KPM and case-audit figures."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "nav.village": ("Profil desa", "Village profile"),
    "village.title": ("Profil desa", "Village profile"),
    "village.intro": (
        "Semua sumber untuk satu desa: kesehatan, konvergensi, keluarga berisiko, kader, Dana Desa, mitra dan audit "
        "kasus. Setiap angka dengan periode dan asalnya.",
        "Every source for one village: health, convergence, families at risk, cadres, village funds, partners and "
        "case audits. Every figure with its period and origin.",
    ),
    "village.district": ("Kabupaten/kota", "District"),
    "village.village": ("Desa/kelurahan", "Village"),
    "village.pdf": ("Unduh PDF", "Download PDF"),
    "village.pdf.lokus": ("Unduh PDF semua lokus desa", "Download PDF of all lokus villages"),
    "village.choose": ("Pilih desa untuk melihat profilnya.", "Choose a village to see its profile."),
    "village.none": ("Tidak ada kabupaten yang dapat Anda baca.", "There is no district you may read."),
    "village.heading": ("{village}, Kec. {kecamatan}", "{village}, {kecamatan} subdistrict"),
    "village.code": ("Kode {code} · {district}", "Code {code} · {district}"),
    "village.no_data": ("Belum ada data", "No data yet"),
    "village.section.health": ("Kesehatan", "Health"),
    "village.section.scorecard": ("Konvergensi desa", "Village convergence"),
    "village.section.families": ("Keluarga berisiko & TPK", "Families at risk & TPK"),
    "village.section.cadres": ("Kader", "Cadres"),
    "village.section.funds": ("Dana Desa", "Village funds"),
    "village.section.partners": ("Mitra", "Partners"),
    "village.section.audits": ("Audit kasus", "Case audits"),
    "village.col.figure": ("Indikator", "Indicator"),
    "village.col.value": ("Nilai", "Value"),
    "village.col.counts": ("Jumlah", "Counts"),
    "village.col.period": ("Periode", "Period"),
    "village.col.origin": ("Asal data", "Origin"),
    "village.origin.file": ("{file} · {kind} · diimpor {date}", "{file} · {kind} · imported {date}"),
    "village.origin.register": ("{register} (dicatat di Lokus)", "{register} (recorded in Lokus)"),
    "village.register.programmes": ("Register program mitra", "Partners' register"),
    "village.register.audits": ("Register audit kasus stunting", "Stunting case-audit register"),
    "village.rupiah": ("Rp {value}", "Rp {value}"),
    "village.scorecard.previous": ("{indicator}, triwulan sebelumnya", "{indicator}, previous quarter"),
    "village.kpm.active": ("Aktif", "Active"),
    "village.kpm.inactive": ("Tidak aktif", "Not active"),
    "village.funds.total": ("Dana Desa", "Village funds (Dana Desa)"),
    "village.funds.allocated": ("Dialokasikan untuk stunting", "Allocated to stunting"),
    "village.funds.share": ("Porsi Dana Desa untuk stunting", "Share of village funds for stunting"),
    "village.funds.spent": ("Terealisasi untuk stunting", "Spent on stunting"),
    "village.funds.realised": ("Realisasi dana stunting", "Stunting funds spent"),
    "village.funds.of": ("{part} dari {whole}", "{part} of {whole}"),
    "village.partner.text": ("{sector}: {activity}", "{sector}: {activity}"),
    "village.audit.findings": ("Jumlah temuan", "Findings"),
    "village.audit.follow_up": ("Tindak lanjut: {status}", "Follow-up: {status}"),
    "village.demo": ("data contoh (fiktif)", "sample data (fictional)"),
    "village.map_link": ("Profil lengkap", "Full profile"),
    # The PDF page per village.
    "village.pdf.title": ("Profil desa untuk rembuk stunting", "Village profile for the rembuk stunting"),
    "village.pdf.printed": ("Dicetak {date} · Lokus", "Printed {date} · Lokus"),
    "village.pdf.footer": (
        "Angka dari jumlah (pembilang/penyebut) per desa dan periode; tidak ada data pribadi.",
        "Figures from counts (numerator/denominator) per village and period; no personal data.",
    ),
    "village.pdf.file": ("profil_desa_{code}", "village_profile_{code}"),
    "village.pdf.unknown": ("Desa tidak dikenal di wilayah ini: {code}", "Village unknown in this district: {code}"),
    "village.pdf.no_lokus": (
        "Belum ada lokus desa untuk {district}: pilih desa dengan ?desa=kode,kode",
        "No lokus villages for {district} yet: choose villages with ?desa=code,code",
    ),
    # The gaps page: cadres and case audits.
    "gaps.kpm.none_active": (
        "Desa tanpa KPM aktif: {n} dari {total}",
        "Villages without an active KPM: {n} of {total}",
    ),
    "gaps.kpm.list": ("Tanpa KPM aktif: {names}", "Without an active KPM: {names}"),
    "gaps.audits.count": (
        "Temuan audit kasus stunting: {n} di {villages} desa",
        "Stunting case-audit findings: {n} in {villages} villages",
    ),
    "gaps.audits.column": ("Temuan audit", "Audit findings"),
}
