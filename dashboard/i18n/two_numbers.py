"""Strings of the two numbers: a survey's stunting estimate beside the routine figure, and why they differ."""

TEXTS: dict[str, tuple[str, str]] = {
    "two.title": ("Dua angka stunting {year}", "Two stunting figures, {year}"),
    "two.survey": ("{source}: {rate} ({low}–{high})", "{source}: {rate} ({low}–{high})"),
    "two.survey.no_interval": ("{source}: {rate}", "{source}: {rate}"),
    "two.routine.label": ("Rutin (e-PPGBM/Sigizi) {period}", "Routine (e-PPGBM/Sigizi) {period}"),
    "two.routine": ("{label}: {rate} ({low}–{high})", "{label}: {rate} ({low}–{high})"),
    "two.routine.coverage": (
        "{measured} dari {target} sasaran diukur ({share})",
        "{measured} of {target} target children measured ({share})",
    ),
    "two.routine.measured": ("{measured} balita diukur", "{measured} children measured"),
    "two.routine.incomplete": (
        "belum lengkap: {reporting} dari {villages} desa melapor",
        "incomplete: {reporting} of {villages} villages reported",
    ),
    "two.routine.none": (
        "Rutin (e-PPGBM/Sigizi) {year}: belum ada data pengukuran",
        "Routine (e-PPGBM/Sigizi) {year}: no measurement data yet",
    ),
    "two.routine.not_august": (
        "Agustus {year} (bulan penimbangan) belum lengkap atau belum ada; yang ditampilkan {period}.",
        "August {year} (the weighing month) is incomplete or missing; {period} is shown.",
    ),
    "two.why": ("Mengapa dua angka ini berbeda?", "Why do the two figures differ?"),
    "two.explain.survey": (
        "Survei (mis. SSGI, SKI) mengukur anak dari sampel rumah tangga yang dipilih acak, oleh enumerator terlatih, "
        "sekali setahun. Hasilnya taksiran untuk seluruh kabupaten/kota, dengan rentang ketidakpastian (interval "
        "kepercayaan 95%) karena hanya sebagian anak yang diukur.",
        "A survey (e.g. SSGI, SKI) measures the children of a random sample of households, by trained "
        "enumerators, once a year. Its result is an estimate for the whole district, with a range of uncertainty "
        "(a 95% confidence interval) because only some of the children are measured.",
    ),
    "two.explain.routine": (
        "Data rutin (e-PPGBM/Sigizi) mencatat setiap anak yang dibawa ke posyandu, diukur oleh kader dan tenaga "
        "kesehatan, setiap bulan; Agustus adalah bulan penimbangan nasional, saat paling banyak anak diukur. "
        "Angkanya dihitung dari satu bulan saja, tidak pernah dijumlahkan antarbulan.",
        "Routine data (e-PPGBM/Sigizi) records every child brought to the posyandu, measured by cadres and health "
        "workers, every month; August is the national weighing month, when most children are measured. The "
        "figure is one month's, never a sum over months.",
    ),
    "two.explain.differ": (
        "Keduanya mengukur anak yang berbeda dengan cara yang berbeda: anak yang tidak datang ke posyandu tidak "
        "tercatat dalam data rutin, dan alat serta cara mengukur kader bisa berbeda dari enumerator survei. "
        "Karena itu angka survei sering lebih tinggi. Bacalah keduanya berdampingan; jangan menjumlahkan atau "
        "merata-ratakannya.",
        "They measure different children in different ways: children who are not brought to the posyandu are "
        "missing from routine data, and cadres' equipment and technique may differ from survey enumerators'. "
        "That is why the survey figure is often higher. Read them side by side; never add or average them.",
    ),
}
