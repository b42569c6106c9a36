"""Texts of the public site (``/publik``, ``/publik/metode``, ``/unduh``), its downloads and the open-data API."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- frame
    "public.brand": ("Lokus · Publik", "Lokus · Public"),
    "public.nav.label": ("Navigasi situs publik", "Public site navigation"),
    "public.nav.menu": ("Menu", "Menu"),
    "public.nav.districts": ("Wilayah", "Districts"),
    "public.nav.method": ("Metode", "Method"),
    "public.nav.downloads": ("Unduh", "Downloads"),
    "public.nav.api": ("API data terbuka", "Open data API"),
    "public.nav.login": ("Masuk (petugas)", "Sign in (staff)"),
    "public.nav.language": ("English", "Bahasa Indonesia"),
    "public.demo": ("data contoh (fiktif)", "data contoh (fiktif) — fictional example data"),
    "public.demo.badge_note": (
        "Angka di halaman ini dibuat untuk peragaan, bukan data anak sungguhan.",
        "The figures on this page were made up for demonstration; they are not real children's data.",
    ),
    "public.footer": (
        "Sumber: {source} · Periode {periods} · Diterbitkan {date} oleh {publisher} · Lisensi {licence}",
        "Source: {source} · Period {periods} · Published {date} by {publisher} · Licence {licence}",
    ),
    "public.footer.method": ("Cara angka dihitung: halaman Metode.", "How the figures are made: the Method page."),
    "public.source.demo": ("data contoh (fiktif)", "data contoh (fiktif) (fictional example data)"),
    "public.source.sigizi": (
        "laporan rutin gizi balita (Sigizi-Kesga)",
        "routine child nutrition report (Sigizi-Kesga)",
    ),
    "public.source.measurements": ("pengukuran individu e-PPGBM", "e-PPGBM individual measurements"),
    "public.source.tidy": ("templat data Lokus", "Lokus data template"),
    "public.source.mapped": ("tabel laporan daerah", "district report table"),
    "public.source.other": ("data {kind}", "{kind} data"),
    "public.source.imported": ("{source} (diimpor {date})", "{source} (imported {date})"),
    "public.source.none": ("data rutin daerah", "the district's routine data"),
    # ---------------------------------------------------------------- list
    "public.list.title": ("Angka stunting yang diterbitkan", "Published stunting figures"),
    "public.list.intro": (
        "Kabupaten dan kota yang menerbitkan angka stunting balitanya per kecamatan dan per desa. Angka kecil "
        "dilindungi agar tidak ada anak yang dapat dikenali; cara menghitungnya dijelaskan di halaman Metode.",
        "Districts and cities that publish their children's stunting figures by kecamatan and by village. Small "
        "numbers are protected so that no child can be recognised; the Method page explains how figures are made.",
    ),
    "public.list.empty": ("Belum ada wilayah yang menerbitkan angka.", "No district has published figures yet."),
    "public.list.district": ("Wilayah", "District"),
    "public.list.latest": ("Periode terakhir", "Latest period"),
    "public.list.published": ("Diterbitkan", "Published"),
    "public.list.prevalence": ("Prevalensi stunting", "Stunting prevalence"),
    # ---------------------------------------------------------------- district
    "public.district.periods": ("Periode {period}", "Period {period}"),
    "public.district.choose_period": ("Periode", "Period"),
    "public.district.show": ("Tampilkan", "Show"),
    "public.headline.prevalence": ("Prevalensi stunting", "Stunting prevalence"),
    "public.headline.interval": ("interval 95%: {interval}", "95% interval: {interval}"),
    "public.headline.stunted": ("Balita stunting", "Stunted children"),
    "public.headline.of_measured": ("dari {measured} balita diukur", "of {measured} children measured"),
    "public.headline.hidden": (
        "Angka kabupaten disembunyikan ({label}) karena perlindungan angka kecil.",
        "The district figure is hidden ({label}) by small-number protection.",
    ),
    "public.headline.not_reported": ("Tidak ada laporan untuk periode ini.", "No report for this period."),
    "public.target.national": ("Target nasional {target}", "National target {target}"),
    "public.target.national_source": (
        "Perpres 72/2021 tentang Percepatan Penurunan Stunting",
        "Presidential Regulation 72/2021 on accelerating stunting reduction",
    ),
    "public.target.district": (
        "Target daerah {year}: {target} (sumber: {source})",
        "District target {year}: {target} (source: {source})",
    ),
    "public.target.district_none": (
        "Daerah ini belum menetapkan target sendiri untuk {year}.",
        "This district has set no target of its own for {year}.",
    ),
    "public.target.above": ("{points} poin di atas target", "{points} points above the target"),
    "public.target.below": ("{points} poin di bawah target", "{points} points below the target"),
    "public.target.equal": ("tepat pada target", "exactly on target"),
    "public.completeness": (
        "{measured} dari {target} sasaran balita diukur ({share})",
        "{measured} of {target} target children measured ({share})",
    ),
    "public.completeness.villages": (
        "{reporting} dari {total} desa melapor",
        "{reporting} of {total} villages reporting",
    ),
    "public.completeness.title": ("Kelengkapan pengukuran", "Measurement completeness"),
    # ---------------------------------------------------------------- two numbers
    "public.two_numbers.title": ("Dua angka: survei dan data rutin", "Two numbers: survey and routine data"),
    "public.two_numbers.routine": (
        "Data rutin posyandu tahun yang sama, {period}",
        "Routine posyandu data of the same year, {period}",
    ),
    "public.two_numbers.no_routine": (
        "Tidak ada angka rutin yang diterbitkan untuk {year}.",
        "No routine figure was published for {year}.",
    ),
    "public.two_numbers.explain": (
        "Survei mengukur sampel rumah tangga sekali setahun oleh enumerator terlatih. Data rutin mencatat setiap "
        "balita yang dibawa ke posyandu dan diukur tiap bulan oleh kader dan tenaga kesehatan. Keduanya berbeda "
        "dalam siapa yang diukur, kapan, dan oleh siapa, sehingga angkanya tidak sama; keduanya benar untuk "
        "cara pengukurannya masing-masing.",
        "A survey measures a sample of households once a year by trained enumerators. Routine data record every "
        "child brought to the posyandu, measured monthly by cadres and health workers. They differ in who is "
        "measured, when and by whom, so the figures differ; each is right for the way it was measured.",
    ),
    # ---------------------------------------------------------------- trend
    "public.trend.title": ("Tren prevalensi stunting", "Stunting prevalence over time"),
    "public.trend.label": (
        "Grafik prevalensi stunting {district} per periode terbit",
        "Chart of {district}'s stunting prevalence by published period",
    ),
    "public.trend.national": ("target nasional {target}", "national target {target}"),
    "public.trend.district": ("target daerah", "district target"),
    "public.trend.table": ("Angka tren dalam tabel", "Trend figures as a table"),
    # ---------------------------------------------------------------- map
    "public.map.title": ("Peta per {level}", "Map by {level}"),
    "public.map.label": (
        "Peta {measure} per {level}, {period}. Setiap wilayah adalah tautan ke halamannya.",
        "Map of {measure} by {level}, {period}. Each area links to its page.",
    ),
    "public.level.desa": ("desa", "village"),
    "public.level.kecamatan": ("kecamatan", "kecamatan"),
    "public.level.kabupaten": ("kabupaten/kota", "district"),
    "public.measure.prevalensi": ("prevalensi", "prevalence"),
    "public.measure.jumlah": ("jumlah balita stunting", "number of stunted children"),
    "public.map.level_choice": ("Tingkat peta", "Map level"),
    "public.map.measure_choice": ("Ukuran", "Measure"),
    "public.map.area_title": ("{name} · {period}: {value}", "{name} · {period}: {value}"),
    "public.map.value_shown": (
        "{rate} ({count} stunting dari {measured} diukur)",
        "{rate} ({count} stunted of {measured} measured)",
    ),
    "public.map.value_hidden": (
        "{label} stunting dari {measured} diukur",
        "{label} stunted of {measured} measured",
    ),
    "public.map.no_report": ("belum melapor", "no report yet"),
    "public.map.interactive": ("Peta interaktif", "Interactive map"),
    "public.map.static": ("Kembali ke peta statis", "Back to the static map"),
    "public.map.loading": ("Memuat peta…", "Loading the map…"),
    "public.map.interactive_hint": (
        "Geser dan perbesar peta; ketuk wilayah untuk membuka halamannya.",
        "Drag and zoom the map; tap an area to open its page.",
    ),
    "public.map.interactive_failed": (
        "Peta interaktif tidak dapat dimuat; peta statis tetap tersedia. Muat ulang halaman untuk mencoba lagi.",
        "The interactive map could not be loaded; the static map stays. Reload the page to try again.",
    ),
    "public.legend.title.prevalensi": (
        "Prevalensi stunting (ambang WHO)",
        "Stunting prevalence (WHO thresholds)",
    ),
    "public.legend.title.jumlah": ("Jumlah balita stunting", "Number of stunted children"),
    "public.legend.hidden": ("disembunyikan (<5, n kecil, —)", "hidden (<5, n kecil, —)"),
    "public.legend.no_report": ("belum melapor", "no report yet"),
    "public.legend.count": ("{n} wilayah", "{n} areas"),
    # ---------------------------------------------------------------- tables
    "public.table.kecamatan": ("Angka per kecamatan, {period}", "Figures by kecamatan, {period}"),
    "public.table.name": ("Nama", "Name"),
    "public.table.measured": ("Balita diukur", "Children measured"),
    "public.table.stunted": ("Balita stunting", "Stunted children"),
    "public.table.prevalence": ("Prevalensi (interval 95%)", "Prevalence (95% interval)"),
    "public.flagged": (
        "ditandai, perlu diperiksa: {why}. Dinas menerbitkannya apa adanya; lihat halaman Metode.",
        "flagged for checking: {why}. The office published it as reported; see the Method page.",
    ),
    "public.table.period": ("Periode", "Period"),
    "public.table.district_total": ("Seluruh kabupaten/kota", "Whole district"),
    "public.table.villages_reporting": ("Desa melapor", "Villages reporting"),
    "public.villages.title": ("Desa per kecamatan", "Villages by kecamatan"),
    "public.villages.count": ("{n} desa", "{n} villages"),
    "public.note.title": ("Arti tanda", "What the marks mean"),
    "public.note.small": (
        "<5: 1 sampai 4 balita stunting; angkanya disembunyikan agar anak tidak dapat dikenali.",
        "<5: 1 to 4 stunted children; the number is hidden so that no child can be recognised.",
    ),
    "public.note.n_small": (
        "n kecil: kurang dari {n} balita diukur; jumlah dan prevalensi disembunyikan karena terlalu sedikit.",
        "n kecil (small n): fewer than {n} children measured; count and prevalence are hidden as too few.",
    ),
    "public.note.hidden": (
        "—: disembunyikan agar angka yang dilindungi tidak dapat dihitung dari total yang terbit.",
        "—: hidden so that a protected number cannot be worked out from the published totals.",
    ),
    "public.note.measured": (
        "Jumlah balita diukur selalu diterbitkan; prevalensi disembunyikan bersama jumlahnya.",
        "Children measured are always published; the prevalence is hidden with its count.",
    ),
    # ---------------------------------------------------------------- publications
    "public.history.title": ("Terbitan wilayah ini", "This district's publications"),
    "public.history.current": ("ditampilkan", "shown"),
    "public.history.latest": ("terbaru", "latest"),
    "public.history.withdrawn": (
        "ditarik {date}: {reason}",
        "withdrawn {date}: {reason}",
    ),
    "public.history.earlier_note": (
        "Anda melihat terbitan lama ({date}).",
        "You are looking at an earlier publication ({date}).",
    ),
    "public.history.to_latest": ("Lihat terbitan terbaru", "See the latest publication"),
    # ---------------------------------------------------------------- downloads
    "public.downloads.title": ("Unduh data ini", "Download this data"),
    "public.downloads.view.kecamatan": ("Kabupaten dan kecamatan", "District and kecamatan"),
    "public.downloads.view.desa": ("Semua desa", "All villages"),
    "public.downloads.view.village": ("Desa ini, kecamatannya dan kabupaten", "This village, its kecamatan, district"),
    "public.downloads.period": ("{period}", "{period}"),
    "public.downloads.all_periods": ("semua periode", "all periods"),
    "public.downloads.metadata": ("Keterangan (README)", "Metadata (README)"),
    "public.downloads.licence": (
        "Lisensi {licence}: boleh dipakai dan dibagikan ulang dengan menyebut sumbernya. CSV bahasa Indonesia "
        "memakai pemisah ; dan koma desimal; versi English memakai , dan titik.",
        "Licence {licence}: free to use and share with attribution. Indonesian CSV uses ; as separator and a "
        "decimal comma; the English version uses , and a decimal point.",
    ),
    "public.unduh.title": ("Unduh data terbuka", "Open data downloads"),
    "public.unduh.intro": (
        "Setiap wilayah yang menerbitkan angka dapat diunduh sebagai CSV, XLSX (dengan lembar metadata) dan "
        "GeoJSON, berisi persis angka terlindungi yang tampil di situs ini. Untuk program: {api}.",
        "Each publishing district downloads as CSV, XLSX (with a metadata sheet) and GeoJSON, holding exactly "
        "the protected figures this site shows. For programs: {api}.",
    ),
    "public.unduh.periods": ("Periode {first}–{last}, diterbitkan {date}", "Periods {first}–{last}, published {date}"),
    # ---------------------------------------------------------------- village
    "public.village.in": ("Desa di Kecamatan {kecamatan}, {district}", "Village in Kecamatan {kecamatan}, {district}"),
    "public.village.locator": ("Letak {name} di {district}", "Location of {name} in {district}"),
    "public.village.table": ("Angka per periode", "Figures by period"),
    "public.village.kecamatan": ("Kecamatan", "Kecamatan"),
    "public.village.district": ("Kabupaten/kota", "District"),
    "public.village.back": ("Kembali ke {district}", "Back to {district}"),
    # ---------------------------------------------------------------- method
    "public.method.title": ("Metode", "Method"),
    "public.method.definition.title": ("Definisi", "Definition"),
    "public.method.definition": (
        "Balita stunting adalah anak di bawah lima tahun yang panjang atau tinggi badannya menurut umur kurang "
        "dari −2 simpangan baku (SD) median Standar Pertumbuhan Anak WHO 2006, sebagaimana ditetapkan Permenkes "
        "Nomor 2 Tahun 2020 tentang Standar Antropometri Anak (sangat pendek: kurang dari −3 SD). Prevalensi "
        "stunting adalah jumlah balita stunting dibagi jumlah balita yang diukur panjang atau tingginya, dalam "
        "persen.",
        "A stunted child is a child under five whose length or height for age is below −2 standard deviations "
        "(SD) of the median of the WHO 2006 Child Growth Standards, as adopted by Minister of Health Regulation "
        "2/2020 on child anthropometric standards (severely stunted: below −3 SD). Stunting prevalence is the "
        "number of stunted children divided by the number of children whose length or height was measured, in "
        "percent.",
    ),
    "public.method.sources.title": ("Sumber dan tanggalnya", "Sources and their dates"),
    "public.method.sources.intro": (
        "Setiap terbitan adalah salinan beku angka pada saat diterbitkan; impor data sesudahnya tidak "
        "mengubahnya. Sumber tiap terbitan yang berlaku:",
        "Each publication is a frozen copy of the figures at the moment of publication; later imports do not "
        "change it. The sources of each standing publication:",
    ),
    "public.method.sources.row": (
        "{district}: {sources}; periode {periods}; diterbitkan {date} oleh {publisher}; aturan: penyebut "
        "minimum {min_denominator}.",
        "{district}: {sources}; periods {periods}; published {date} by {publisher}; rule: minimum denominator "
        "{min_denominator}.",
    ),
    "public.method.aggregation.title": ("Penjumlahan dari hitungan", "Aggregation from counts"),
    "public.method.aggregation": (
        "Angka kecamatan dan kabupaten/kota dihitung dengan menjumlahkan hitungan desa (balita stunting dan "
        "balita diukur) lalu membagi; persentase desa tidak pernah dirata-ratakan. Hanya desa yang melapor pada "
        'periode itu yang ikut dihitung; desa yang belum melapor ditandai "belum melapor". Periode tidak '
        "pernah dijumlahkan: anak yang diukur pada Februari dan Agustus akan terhitung dua kali.",
        "Kecamatan and district figures sum the villages' counts (stunted and measured children) and then divide; "
        "village percentages are never averaged. Only villages reporting in the period are counted; the others "
        'are marked "no report yet". Periods are never added up: a child measured in February and in August '
        "would count twice.",
    ),
    "public.method.interval.title": ("Interval 95%", "95% intervals"),
    "public.method.interval": (
        "Di samping setiap prevalensi tertulis interval kepercayaan 95% (metode skor Wilson). Interval itu "
        "melebar bila balita yang diukur sedikit: prevalensi desa kecil dapat naik-turun jauh dari bulan ke "
        "bulan tanpa perubahan nyata.",
        "Each prevalence comes with its 95% confidence interval (Wilson score method). The interval widens when "
        "few children were measured: a small village's prevalence can move a lot from month to month without "
        "any real change.",
    ),
    "public.method.completeness.title": ("Kelengkapan", "Completeness"),
    "public.method.completeness": (
        "Kelengkapan menunjukkan berapa balita yang diukur dari sasaran balita (jumlah balita yang seharusnya "
        "diukur) dan berapa desa yang melapor dari seluruh desa. Bila kelengkapan rendah, prevalensi hanya "
        "menggambarkan anak yang datang ke posyandu. Hanya periode dengan cukup banyak desa melapor yang "
        "diterbitkan. Nilai desa yang dipertanyakan oleh pemeriksaan kewajaran (lonjakan tidak wajar, nol stunting "
        'setelah banyak, diukur melebihi sasaran) diterbitkan apa adanya, dengan tanda "ditandai, perlu '
        'diperiksa" di halaman desanya.',
        "Completeness shows how many children were measured of the target children (those who should have "
        "been measured) and how many villages reported of all villages. When completeness is low, the "
        "prevalence describes only the children who came to the posyandu. Only periods in which at least the "
        "configured share of villages reported are published. A village value the plausibility checks question "
        "(an implausible jump, zero stunted after many, more measured than targeted) is published as reported, "
        'with the mark "ditandai, perlu diperiksa" on its village page.',
    ),
    "public.method.suppression.title": ("Aturan perlindungan angka kecil", "The small-number protection rule"),
    "public.method.suppression": (
        "Agar tidak ada anak yang dapat dikenali, setiap angka diperiksa sebelum terbit, di setiap tingkat "
        "(desa, kecamatan, kabupaten/kota):",
        "So that no child can be recognised, every figure is checked before publication, at every level "
        "(village, kecamatan, district):",
    ),
    "public.method.suppression.small": (
        'jumlah balita stunting 1 sampai {max_small} ditulis "<{min_count}" dan prevalensinya disembunyikan;',
        'a count of 1 to {max_small} stunted children is written "<{min_count}" and its prevalence hidden;',
    ),
    "public.method.suppression.n_small": (
        'wilayah dengan kurang dari {min_denominator} balita diukur ditulis "n kecil": jumlah dan '
        "prevalensinya disembunyikan;",
        'an area with fewer than {min_denominator} children measured is written "n kecil" (small n): its count '
        "and prevalence are hidden;",
    ),
    "public.method.suppression.complementary": (
        'angka lain disembunyikan pula ("—") bila tanpa itu angka yang dilindungi dapat dihitung dari total '
        "yang terbit: tidak ada jumlah tersembunyi yang dapat dipersempit menjadi kurang dari {min_count} "
        "kemungkinan nilai dari total kecamatan dan kabupaten/kota yang diterbitkan;",
        'further figures are hidden ("—") where a protected one could otherwise be worked out from the '
        "published totals: no hidden count can be narrowed to fewer than {min_count} possible values from the "
        "published kecamatan and district totals;",
    ),
    "public.method.suppression.measured": (
        "jumlah balita diukur selalu diterbitkan. Angka yang disembunyikan tidak muncul di mana pun: peta, "
        "tabel, unduhan maupun API.",
        "the number of children measured is always published. A hidden figure appears nowhere: not on maps, "
        "tables, downloads or the API.",
    ),
    "public.method.suppression.config": (
        "Aturan yang berlaku sekarang: penyebut minimum {min_denominator}. Setiap terbitan mencatat aturan yang "
        "dipakainya.",
        "The rule in force now: minimum denominator {min_denominator}. Each publication records the rule it used.",
    ),
    "public.method.survey.title": (
        "Mengapa angka rutin berbeda dari angka survei",
        "Why routine figures differ from survey figures",
    ),
    "public.method.survey": (
        "Survei nasional (SSGI, SKI) mengukur balita dari sampel acak rumah tangga sekali setahun, oleh "
        "enumerator terlatih dengan alat yang dibakukan, dan menerbitkan satu prevalensi per kabupaten/kota dengan "
        "intervalnya. Data rutin (e-PPGBM, laporan gizi Sigizi-Kesga) mencatat setiap balita yang dibawa ke "
        "posyandu, diukur setiap bulan oleh kader dan tenaga kesehatan; Februari dan Agustus adalah bulan "
        "penimbangan nasional. Anak yang datang ke posyandu tidak selalu sama dengan anak dalam sampel survei, "
        "waktunya berbeda, dan cara serta alat ukurnya berbeda; karena itu kedua angka berbeda, dan perbedaannya "
        "bukan kesalahan salah satunya. Angka rutin berguna untuk melihat desa mana dan bulan apa; angka survei "
        "untuk membandingkan daerah.",
        "National surveys (SSGI, SKI) measure the children of a random sample of households once a year, by "
        "trained enumerators with standard equipment, and publish one prevalence per district with its interval. "
        "Routine data (e-PPGBM, the Sigizi-Kesga nutrition report) record every child brought to the posyandu, "
        "measured monthly by cadres and health workers; February and August are the national weighing months. "
        "The children who come to the posyandu are not the survey's sample, the timing differs, and so do the "
        "way and the tools of measuring; so the two figures differ, and the difference is no mistake of either. "
        "Routine figures show which village and which month; survey figures compare districts.",
    ),
    "public.method.open_data.title": ("Data terbuka", "Open data"),
    "public.method.open_data": (
        "Semua tampilan dapat diunduh (CSV, XLSX, GeoJSON) di halaman Unduh, dan dibaca program melalui API "
        "JSON hanya-baca di {api}. Lisensi bawaan: {licence}.",
        "Every view downloads (CSV, XLSX, GeoJSON) from the Downloads page, and programs read it through the "
        "read-only JSON API at {api}. Default licence: {licence}.",
    ),
    # ---------------------------------------------------------------- errors
    "public.notfound.title": ("Halaman tidak ditemukan", "Page not found"),
    "public.notfound.body": (
        "Alamat ini tidak menunjuk ke angka yang diterbitkan: wilayah, desa, periode atau terbitan tidak dikenal, "
        "atau terbitan itu sudah ditarik.",
        "This address does not lead to published figures: the district, village, period or publication is "
        "unknown, or the publication was withdrawn.",
    ),
    "public.notfound.home": ("Ke daftar wilayah", "To the list of districts"),
    # ---------------------------------------------------------------- downloads' contents
    "public.file.rule": (
        "Perlindungan angka kecil: jumlah 1–{max_small} ditulis <{min_count}; penyebut di bawah "
        "{min_denominator} ditulis n kecil; angka lain disembunyikan (—) agar tidak ada jumlah tersembunyi yang "
        "dapat dipersempit menjadi kurang dari {min_count} nilai dari total yang terbit. Prevalensi dan interval "
        "kosong bila jumlahnya disembunyikan; penyebut selalu diterbitkan.",
        "Small-number protection: counts 1–{max_small} are written <{min_count}; denominators under "
        "{min_denominator} are written n kecil; further figures are hidden (—) so that no hidden count can be "
        "narrowed to fewer than {min_count} values from the published totals. Prevalence and interval are empty "
        "where the count is hidden; the denominator is always published.",
    ),
    "public.file.key": ("keterangan", "field"),
    "public.file.value": ("isi", "value"),
    "public.file.title": ("judul", "title"),
    "public.file.district": ("wilayah", "district"),
    "public.file.source": ("sumber", "source"),
    "public.file.periods": ("periode", "periods"),
    "public.file.published": ("diterbitkan", "published"),
    "public.file.publisher": ("penerbit", "publisher"),
    "public.file.licence": ("lisensi", "licence"),
    "public.file.rule_key": ("aturan perlindungan", "protection rule"),
    "public.file.note": ("catatan", "note"),
    "public.file.method": ("metode", "method"),
    "public.file.columns": ("kolom", "columns"),
    "public.file.columns_text": (
        "periode (TTTT-BB), indikator, tingkat (kabupaten|kecamatan|desa), kode (Kemendagri), nama, penyebut "
        "(balita diukur), pembilang (balita stunting, atau tanda <5 / n kecil / — bila disembunyikan), "
        "prevalensi, batas_bawah, batas_atas (persen, interval 95% Wilson), status (tampil|kurang_5|n_kecil|"
        "disembunyikan), sumber, diterbitkan",
        "periode (YYYY-MM), indikator, tingkat (kabupaten|kecamatan|desa), kode (Kemendagri), nama, penyebut "
        "(children measured), pembilang (stunted children, or the mark <5 / n kecil / — when hidden), "
        "prevalensi, batas_bawah, batas_atas (percent, Wilson 95% interval), status (tampil|kurang_5|n_kecil|"
        "disembunyikan), sumber (source), diterbitkan (published)",
    ),
    # ---------------------------------------------------------------- API
    "public.api.description": (
        "Angka stunting yang diterbitkan kabupaten/kota, per kecamatan dan desa, setelah perlindungan angka kecil. "
        'Hanya-baca; nama kolom tetap. Lihat README bagian "Data terbuka / Open data API" dan /publik/metode.',
        "Stunting figures published by districts, by kecamatan and village, after small-number protection. "
        'Read-only; field names are stable. See the README section "Data terbuka / Open data API" and '
        "/publik/metode.",
    ),
    "public.api.licence": (
        "Lisensi tiap terbitan tertulis di kolom lisensi (bawaan CC BY 4.0).",
        "Each publication's licence is in its lisensi field (CC BY 4.0 by default).",
    ),
    "public.api.index": ("Daftar endpoint ini.", "This list of endpoints."),
    "public.api.districts": (
        "Wilayah yang menerbitkan angka, dengan terbitan terbarunya.",
        "Districts with published figures, with their latest publication.",
    ),
    "public.api.snapshots": (
        "Semua terbitan satu wilayah, terbaru dahulu; yang ditarik dengan waktu dan alasannya, tanpa angka.",
        "Every publication of a district, newest first; withdrawn ones with time and reason, without figures.",
    ),
    "public.api.snapshot": (
        "Metadata satu terbitan, target, survei, sumber dan kelengkapan pengukuran.",
        "One publication's metadata, targets, surveys, sources and measurement completeness.",
    ),
    "public.api.cells": (
        "Angka terbitan seperti diterbitkan, disaring menurut tingkat, periode dan indikator; angka yang "
        "disembunyikan bernilai null dengan labelnya.",
        "The published figures, filtered by level, period and indicator; hidden figures are null with their label.",
    ),
    "public.api.map": (
        "Batas desa atau kecamatan terbitan itu (GeoJSON, kode dan nama).",
        "The publication's village or kecamatan outlines (GeoJSON, code and name).",
    ),
    "public.api.unknown_district": (
        "Wilayah {kode} tidak punya terbitan yang berlaku.",
        "District {kode} has no standing publication.",
    ),
    "public.api.unknown_snapshot": (
        "Terbitan {id} tidak ada atau sudah ditarik.",
        "Publication {id} does not exist or was withdrawn.",
    ),
    "public.api.bad_filter": (
        "Nilai {name}={value} tidak dikenal; pilihan: {allowed}.",
        "Unknown value {name}={value}; choices: {allowed}.",
    ),
    "public.api.unknown_path": (
        "Alamat ini tidak ada; daftar endpoint: /api/v1/.",
        "No such address; the list of endpoints: /api/v1/.",
    ),
    "public.api.method": (
        "Metode {method} tidak diizinkan: API ini hanya-baca (GET, HEAD, OPTIONS).",
        "Method {method} is not allowed: this API is read-only (GET, HEAD, OPTIONS).",
    ),
}
