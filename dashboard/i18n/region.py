"""Strings of the region page (``/wilayah``): a province or all Indonesia, kabupaten/kota by kabupaten/kota."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "nav.region": ("Provinsi & nasional", "Provinces & national"),
    "region.none": (
        "Belum ada provinsi yang dapat Anda lihat: impor batas kabupaten/kota atau desa dulu, atau minta admin "
        "menambahkan provinsi ke wilayah akun Anda.",
        "There is no province you can see yet: import district or village boundaries first, or ask an administrator "
        "to add a province to your account's areas.",
    ),
    "region.demo": ("Provinsi Contoh (data contoh, fiktif)", "Sample province (sample data, fictional)"),
    "region.national": ("Indonesia (seluruh provinsi)", "Indonesia (all provinces)"),
    "region.choose": ("Wilayah", "Region"),
    "region.level": ("Satuan di peta", "Units on the map"),
    "region.level.kabupaten": ("Kabupaten/kota", "Districts (kabupaten/kota)"),
    "region.level.kecamatan": ("Kecamatan", "Subdistricts (kecamatan)"),
    "region.level.puskesmas": ("Wilayah kerja puskesmas", "Puskesmas service areas"),
    "region.title.kecamatan": (
        "{indicator} per kecamatan, {region}, {period}",
        "{indicator} by kecamatan, {region}, {period}",
    ),
    "region.title.puskesmas": (
        "{indicator} per wilayah kerja puskesmas, {region}, {period}",
        "{indicator} by puskesmas service area, {region}, {period}",
    ),
    "region.origin": ("Sumber angka", "Source of the figures"),
    "region.compare": ("Bandingkan dengan", "Compare with"),
    "region.compare.none": ("Tidak dibandingkan", "No comparison"),
    "region.title": (
        "{indicator} per kabupaten/kota, {region}, {period}",
        "{indicator} by district, {region}, {period}",
    ),
    "region.click_hint": (
        "Klik sebuah wilayah di peta untuk melihat angkanya; kabupaten/kota yang data desanya ada dapat dibuka di "
        "halaman Peta.",
        "Click an area on the map to see its figures; a district with village data can be opened on the Map page.",
    ),
    "region.legend": ("Kelas tetap (ambang WHO untuk prevalensi)", "Fixed classes (WHO thresholds for prevalence)"),
    "region.counts": ("{numerator} dari {denominator}", "{numerator} of {denominator}"),
    "region.no_figures.puskesmas": (
        "Belum ada angka per puskesmas. Impor daftar puskesmas (kode_puskesmas, nama_puskesmas, kode_desa) lalu angka "
        "per puskesmas (kolom kode_puskesmas) di halaman Data.",
        "No figures per puskesmas yet. Import the puskesmas list (kode_puskesmas, nama_puskesmas, kode_desa), then "
        "figures per puskesmas (a kode_puskesmas column) on the Data page.",
    ),
    "region.band.0": ("sangat rendah", "very low"),
    "region.band.1": ("rendah", "low"),
    "region.band.2": ("sedang", "medium"),
    "region.band.3": ("tinggi", "high"),
    "region.band.4": ("sangat tinggi", "very high"),
    "region.no_value": ("tanpa angka", "no figure"),
    "region.interval": ("(IK 95%: {low}–{high})", "(95% CI: {low}–{high})"),
    "region.interval.pp": ("{low} s.d. {high} poin", "{low} to {high} points"),
    "region.pp": ("poin", "points"),
    "region.change.better": ("membaik (di luar variasi sampel)", "better (beyond sampling variation)"),
    "region.change.worse": ("memburuk (di luar variasi sampel)", "worse (beyond sampling variation)"),
    "region.change.unclear": ("belum pasti (dalam variasi sampel)", "unclear (within sampling variation)"),
    "region.col.name": ("Kabupaten/kota", "District"),
    "region.col.interval": ("IK 95%", "95% CI"),
    "region.col.counts": ("Pembilang/penyebut", "Numerator/denominator"),
    "region.col.change": ("Perubahan", "Change"),
    "region.col.verdict": ("Arti", "Meaning"),
    "region.table": ("Angka per satuan: {unit} ({origin})", "Figures by unit: {unit} ({origin})"),
    "region.no_figures": ("Belum ada angka untuk pilihan ini.", "No figures for this choice yet."),
    "region.change": ("Perubahan {before} → {now}", "Change {before} → {now}"),
    "region.source": ("Sumber: {origin}", "Source: {origin}"),
    "region.villages.zoom": (
        "Perbesar peta sampai tingkat kabupaten/kota untuk melihat desa (warna dari angka desa sendiri).",
        "Zoom in to district level to see villages (coloured by their own figures).",
    ),
    "region.villages.building": (
        "Peta desa sedang disiapkan; desa akan tampil saat diperbesar begitu siap.",
        "The village map is being prepared; villages will show on zoom once it is ready.",
    ),
    "region.villages.none": (
        "Peta ini menampilkan kabupaten/kota saja (desa tidak tersedia atau tidak termasuk wilayah akun Anda).",
        "This map shows districts only (villages are not available or not in your account's areas).",
    ),
    "region.district.note": (
        "Angka kecamatan dan puskesmas digambar pada wilayahnya sendiri, tidak dibagikan ke desa; peta desa ada di "
        "halaman Peta.",
        "Kecamatan and puskesmas figures are drawn on their own areas, never spread onto villages; the village map "
        "is on the Map page.",
    ),
    "region.opened.none": ("Tidak ada angka untuk {name} pada pilihan ini.", "No figure for {name} in this choice."),
    "region.open": ("Buka peta desa kabupaten/kota ini", "Open this district's village map"),
}
