"""Strings of child measurements: row refusals, flags, e-PPGBM import problems, quality report, zscores CLI."""

TEXTS: dict[str, tuple[str, str]] = {
    # Rows refused (the row is left out, the rest of the file is imported).
    "growth.sex_missing.reason": ("jenis kelamin kosong atau tidak dikenal", "sex is missing or not recognised"),
    "growth.sex_missing.fix": ("Isi L atau P.", "Enter L (male) or P (female)."),
    "growth.birth_date_missing.reason": (
        "tanggal lahir kosong atau tidak terbaca",
        "date of birth is missing or unreadable",
    ),
    "growth.birth_date_missing.fix": (
        "Tulis sebagai hh/bb/tttt, mis. 05/03/2023.",
        "Write it as dd/mm/yyyy, e.g. 05/03/2023.",
    ),
    "growth.measure_date_missing.reason": (
        "tanggal pengukuran kosong atau tidak terbaca",
        "measurement date is missing or unreadable",
    ),
    "growth.measure_date_missing.fix": (
        "Tulis sebagai hh/bb/tttt, mis. 12/02/2025.",
        "Write it as dd/mm/yyyy, e.g. 12/02/2025.",
    ),
    "growth.measure_date_future.reason": (
        "tanggal pengukuran di masa depan (setelah {today})",
        "measurement date is in the future (after {today})",
    ),
    "growth.measure_date_future.fix": (
        "Periksa tanggal pengukuran; mungkin hari dan bulan tertukar.",
        "Check the measurement date; day and month may be swapped.",
    ),
    "growth.born_after_measurement.reason": (
        "tanggal lahir sesudah tanggal pengukuran",
        "date of birth is after the measurement date",
    ),
    "growth.born_after_measurement.fix": (
        "Periksa kedua tanggal; mungkin tertukar.",
        "Check both dates; they may be swapped.",
    ),
    "growth.age_over_59_months.reason": (
        "umur {months} bulan: bukan balita (0-59 bulan)",
        "age {months} months: not under five (0-59 months)",
    ),
    "growth.age_over_59_months.fix": (
        "Hapus baris anak berumur 60 bulan ke atas, atau perbaiki tanggal lahir.",
        "Remove children aged 60 months or more, or correct the date of birth.",
    ),
    "growth.no_measurement.reason": (
        "tidak ada berat maupun tinggi yang terbaca",
        "neither weight nor length/height can be read",
    ),
    "growth.no_measurement.fix": (
        "Isi berat (kg) dan tinggi (cm) dengan angka, mis. 11,4 dan 84,5.",
        "Enter weight (kg) and length/height (cm) as numbers, e.g. 11.4 and 84.5.",
    ),
    # Warnings: imported, a person should know.
    "growth.flagged.reason": (
        "{index} = {z} di luar batas wajar WHO; tidak dihitung dalam prevalensi {index}",
        "{index} = {z} is outside WHO's plausible range; left out of the {index} prevalence",
    ),
    "growth.flagged.fix": (
        "Periksa berat, tinggi, cara ukur dan tanggal lahir anak ini.",
        "Check this child's weight, length/height, position and date of birth.",
    ),
    "growth.bad_number.reason": ("angka tidak terbaca", "number cannot be read"),
    "growth.bad_number.fix": (
        "Tulis angka saja, mis. 11,4 (kg) atau 84,5 (cm); nilai ini diabaikan.",
        "Write a number only, e.g. 11.4 (kg) or 84.5 (cm); this value is ignored.",
    ),
    "growth.bad_position.reason": (
        "cara ukur tidak dikenal; dianggap sesuai umur",
        "measuring position not recognised; taken to match the age",
    ),
    "growth.bad_position.fix": ("Isi Terlentang atau Berdiri.", "Enter Terlentang (lying) or Berdiri (standing)."),
    "growth.no_identity.reason": (
        "tanpa NIK maupun nama dan tanggal lahir: pengukuran berulang anak ini tidak dapat dikenali",
        "no NIK nor name and date of birth: repeated measurements of this child cannot be recognised",
    ),
    "growth.no_identity.fix": (
        "Isi NIK anak agar anak yang diukur dua kali dalam sebulan dihitung sekali.",
        "Enter the child's NIK so a child measured twice in a month counts once.",
    ),
    "growth.no_identity_columns.reason": (
        "file tidak punya kolom NIK atau Nama: anak yang diukur berulang dihitung berulang",
        "the file has no NIK or Nama column: children measured twice are counted twice",
    ),
    "growth.no_identity_columns.fix": (
        "Ekspor ulang dengan kolom NIK (tidak disimpan; hanya untuk menghitung anak sekali).",
        "Export again with the NIK column (never stored; used only to count each child once).",
    ),
    # Errors: the file is refused until fixed.
    "growth.unreadable_file.reason": ("file tidak dapat dibaca: {error}", "the file cannot be read: {error}"),
    "growth.unreadable_file.fix": (
        "Simpan sebagai CSV (pemisah , atau ;) atau XLSX dan coba lagi.",
        "Save it as CSV (separator , or ;) or XLSX and try again.",
    ),
    "growth.unknown_layout.reason": (
        "bukan ekspor e-PPGBM maupun register posyandu",
        "neither an e-PPGBM export nor a posyandu register",
    ),
    "growth.unknown_layout.fix": (
        "Ekspor e-PPGBM butuh kolom JK, Tgl Lahir, Tanggal Pengukuran, Berat, Tinggi dan Desa/Kel; register "
        "posyandu butuh Jenis Kelamin, Tanggal Lahir dan kolom per bulan: judul bulan (mis. JANUARI 2024) di "
        "baris 1 di atas TGL UKUR, UMUR, BERAT, TINGGI, CARA UKUR di baris 2, atau satu baris judul seperti "
        "'BB Jan 2024', 'TB Jan 2024', 'Tgl Jan 2024'.",
        "An e-PPGBM export needs the columns JK, Tgl Lahir, Tanggal Pengukuran, Berat, Tinggi and Desa/Kel; a "
        "posyandu register needs Jenis Kelamin, Tanggal Lahir and columns per month: a month title (e.g. "
        "JANUARI 2024) in row 1 over TGL UKUR, UMUR, BERAT, TINGGI, CARA UKUR in row 2, or one header row such "
        "as 'BB Jan 2024', 'TB Jan 2024', 'Tgl Jan 2024'.",
    ),
    "growth.missing_columns.reason": ("kolom wajib tidak ada: {columns}", "required columns missing: {columns}"),
    "growth.missing_columns.fix": (
        "Tambahkan kolom tersebut dengan judul persis seperti ekspor e-PPGBM.",
        "Add these columns with the headers the e-PPGBM export uses.",
    ),
    "growth.no_rows.reason": ("tidak ada baris pengukuran yang dapat diimpor", "no measurement row can be imported"),
    "growth.no_rows.fix": (
        "Periksa alasan penolakan setiap baris di atas.",
        "See the reason each row was refused above.",
    ),
    "growth.no_village_code.reason": (
        "desa tidak dapat dikenali: file tidak punya kolom kode wilayah",
        "villages cannot be identified: the file has no region code column",
    ),
    "growth.no_village_code.fix": (
        "Tambahkan kolom kode_wilayah (mis. 52.03.01.2001) untuk setiap baris.",
        "Add a kode_wilayah column (e.g. 52.03.01.2001) to every row.",
    ),
    "growth.bad_code.reason": ("kode wilayah desa tidak valid", "not a valid village region code"),
    "growth.bad_code.fix": (
        "Tulis kode desa 10 digit, mis. 52.03.01.2001 atau 5203012001.",
        "Write the 10-digit village code, e.g. 52.03.01.2001 or 5203012001.",
    ),
    "growth.village_unmatched.reason": (
        "nama desa tidak cocok dengan desa mana pun ({rows} baris)",
        "the village name matches no village ({rows} rows)",
    ),
    "growth.village_unmatched.fix": (
        "Perbaiki ejaan nama desa atau tambahkan kolom kode_wilayah.",
        "Correct the village name or add a kode_wilayah column.",
    ),
    "growth.outside_wilayah.reason": ("desa di luar wilayah {wilayah}", "village outside region {wilayah}"),
    "growth.outside_wilayah.fix": (
        "Pilih wilayah yang benar atau hapus baris dari wilayah lain.",
        "Choose the right region or remove rows from other regions.",
    ),
    "growth.village_missing.reason": ("desa/kelurahan kosong", "village is missing"),
    "growth.village_missing.fix": (
        "Isi nama desa/kelurahan atau kode wilayah desa untuk baris ini.",
        "Enter the village name or the village region code for this row.",
    ),
    "growth.register_no_village.reason": (
        "register posyandu tanpa kode desa",
        "posyandu register without a village code",
    ),
    "growth.register_no_village.fix": (
        "Sebutkan kode desa posyandu ini saat mengimpor.",
        "Give this posyandu's village code when importing.",
    ),
    "growth.unknown_code.reason": (
        "kode desa tidak ada di batas wilayah ({rows} baris)",
        "the village code is not in the boundaries ({rows} rows)",
    ),
    "growth.unknown_code.fix": (
        "Periksa kode (salah ketik, atau kode lama sebelum pemekaran); bila desanya baru, impor dulu batas "
        "wilayah terbaru.",
        "Check the code (a typo, or an old code from before a split); if the village is new, import the latest "
        "boundaries first.",
    ),
    "growth.no_villages.reason": (
        "belum ada batas desa untuk {wilayah}, jadi kode dan nama desa tidak dapat diperiksa",
        "there are no village boundaries for {wilayah}, so village codes and names cannot be checked",
    ),
    "growth.no_villages.fix": (
        "Impor dulu file batas desa kabupaten/kota ini, lalu impor file pengukuran ini lagi.",
        "Import the district's village boundary file first, then import this measurement file again.",
    ),
    "growth.register_no_year.reason": (
        "judul kolom bulan tanpa tahun: {months}",
        "month column headers without a year: {months}",
    ),
    "growth.register_no_year.fix": (
        "Tulis tanggal ukur lengkap (hh/bb/tttt) di bawahnya, atau tahunnya di judul kolom, mis. 'BB Jan 2025' "
        "dan 'TB Jan 2025', atau 'Januari 2025' di atas TGL UKUR.",
        "Write full measurement dates (dd/mm/yyyy) below them, or the year in the headers, e.g. 'BB Jan 2025' "
        "and 'TB Jan 2025', or 'Januari 2025' above TGL UKUR.",
    ),
    "growth.register_no_date.reason": (
        "tanpa kolom tanggal ukur untuk {months}: pengukuran dianggap tanggal 15, umur bisa meleset hingga 15 hari",
        "no measurement date column for {months}: measurements are dated the 15th, ages may be up to 15 days off",
    ),
    "growth.register_no_date.fix": (
        "Tambahkan kolom tanggal ukur per bulan (mis. 'Tgl Jan 2025', cukup tanggalnya: 14) agar umur tepat.",
        "Add a measurement date column per month (e.g. 'Tgl Jan 2025', the day alone is enough: 14) for exact ages.",
    ),
    # import-measurements command line.
    "growth.cli.measurements_ok": (
        "{file}: dataset {id}, {rows} nilai dari {measurements} pengukuran {children} anak ({skipped} baris "
        "dilewati, {flagged} z-score di luar batas, {aliases} alias nama disimpan, {replaced} nilai lama diganti).",
        "{file}: dataset {id}, {rows} values from {measurements} measurements of {children} children ({skipped} "
        "rows skipped, {flagged} z-scores flagged, {aliases} name aliases saved, {replaced} older values replaced).",
    ),
    # zscores command line.
    "growth.cli.bad_sex.reason": ("jenis kelamin tidak dikenal", "sex not recognised"),
    "growth.cli.bad_sex.fix": ("Isi L/P, M/F atau 1/2.", "Enter L/P, M/F or 1/2."),
    "growth.cli.bad_date.reason": ("tanggal tidak terbaca", "date cannot be read"),
    "growth.cli.bad_date.fix": ("Tulis sebagai tttt-bb-hh atau hh/bb/tttt.", "Write it as yyyy-mm-dd or dd/mm/yyyy."),
    "growth.cli.age_out_of_range.reason": (
        "umur {days} hari di luar 0-1826 hari (0-59 bulan): tanpa z-score",
        "age {days} days is outside 0-1826 days (0-59 months): no z-score",
    ),
    "growth.cli.age_out_of_range.fix": ("Periksa kedua tanggal.", "Check both dates."),
    "growth.cli.done": (
        "{rows} baris ditulis ke {path}; {problems} masalah",
        "{rows} rows written to {path}; {problems} problems",
    ),
    "growth.cli.failed": ("{path}: {error}", "{path}: {error}"),
    # Quality report columns.
    "growth.quality.code": ("Kode desa", "Village code"),
    "growth.quality.posyandu": ("Posyandu", "Posyandu"),
    "growth.quality.rows": ("Pengukuran", "Measurements"),
    "growth.quality.refused": ("Baris ditolak", "Rows refused"),
    "growth.quality.flagged_haz_pct": ("TB/U di luar batas (%)", "HAZ flagged (%)"),
    "growth.quality.flagged_waz_pct": ("BB/U di luar batas (%)", "WAZ flagged (%)"),
    "growth.quality.flagged_whz_pct": ("BB/TB di luar batas (%)", "WHZ flagged (%)"),
    "growth.quality.haz_sd": ("SD z TB/U", "SD of HAZ"),
    "growth.quality.waz_sd": ("SD z BB/U", "SD of WAZ"),
    "growth.quality.whz_sd": ("SD z BB/TB", "SD of WHZ"),
    "growth.quality.height_digit_0_5_pct": (
        "Tinggi berakhir ,0 atau ,5 (%; wajar 20)",
        "Heights ending .0 or .5 (%; expected 20)",
    ),
    "growth.quality.height_digit_0_pct": ("Tinggi berakhir ,0 (%; wajar 10)", "Heights ending .0 (%; expected 10)"),
    "growth.quality.birth_day_1_15_pct": (
        "Lahir tanggal 1 atau 15 (%; wajar 6,6)",
        "Born on the 1st or 15th (%; expected 6.6)",
    ),
    "growth.quality.age_whole_month_pct": (
        "Umur tepat bulan penuh (%; wajar 3,3)",
        "Age an exact number of months (%; expected 3.3)",
    ),
    "growth.quality.missing_weight_pct": ("Tanpa berat (%)", "Weight missing (%)"),
    "growth.quality.missing_height_pct": ("Tanpa tinggi (%)", "Length/height missing (%)"),
    "growth.quality.missing_position_pct": ("Tanpa cara ukur (%)", "Position missing (%)"),
    "growth.quality.standing_under_9_months": ("Diukur berdiri di bawah 9 bulan", "Measured standing under 9 months"),
    # Issue 12, point 9.
    "growth.standing_under_9_months.reason": (
        "anak di bawah 9 bulan tercatat diukur berdiri; seperti WHO Anthro, cara ukur dianggap tidak diketahui "
        "(tanpa koreksi 0,7 cm)",
        "a child under 9 months recorded as measured standing; as WHO Anthro does, the position is taken as "
        "unknown (no 0.7 cm adjustment)",
    ),
    "growth.standing_under_9_months.fix": (
        "Anak di bawah 2 tahun diukur terlentang (panjang badan); periksa cara ukur dan tanggal lahir.",
        "Children under 2 years are measured lying (length); check the position and the date of birth.",
    ),
    "growth.date_order_conflict.reason": (
        "tanggal di kolom ini ditulis dengan dua urutan: baris {day_first_row} hanya terbaca hari/bulan, "
        "baris {month_first_row} hanya terbaca bulan/hari",
        "this column's dates are written in both orders: row {day_first_row} reads only as day/month, "
        "row {month_first_row} only as month/day",
    ),
    "growth.date_order_conflict.fix": (
        "Tulis semua tanggal kolom ini dengan satu urutan, sebaiknya hh/bb/tttt (mis. 25/03/2025).",
        "Write every date of this column in one order, preferably dd/mm/yyyy (e.g. 25/03/2025).",
    ),
    "growth.date_order_month_first.reason": (
        "tanggal kolom ini dibaca bulan/hari/tahun (format Excel berlokal AS): baris ini hanya terbaca begitu",
        "this column's dates are read as month/day/year (an Excel set to a US locale): this row reads only so",
    ),
    "growth.date_order_month_first.fix": (
        "Periksa beberapa tanggal; sebaiknya simpan dengan format hh/bb/tttt.",
        "Check a few dates; preferably save them as dd/mm/yyyy.",
    ),
    "growth.date_order_assumed.reason": (
        "semua tanggal di kolom ini bisa dibaca hari/bulan maupun bulan/hari (hari ≤ 12); dibaca {order}",
        "every date of this column reads both as day/month and as month/day (days ≤ 12); read as {order}",
    ),
    "growth.date_order_assumed.fix": (
        "Periksa beberapa tanggal; baris dengan umur di luar 0-59 bulan atau lahir setelah diukur ditolak di bawah.",
        "Check a few dates; rows whose age is not 0-59 months or born after the measurement are refused below.",
    ),
    "growth.nik_collision.reason": (
        "{rows} baris memakai NIK yang juga dipakai anak lain (jenis kelamin, tanggal lahir atau nama berbeda); "
        "dihitung sebagai anak yang berbeda",
        "{rows} rows carry a NIK another child carries too (another sex, birth date or name); counted as "
        "different children",
    ),
    "growth.nik_collision.fix": (
        "Periksa NIK anak-anak ini di e-PPGBM; jumlahnya per desa dan posyandu ada di laporan mutu data.",
        "Check these children's NIKs in e-PPGBM; the counts per village and posyandu are in the data-quality report.",
    ),
    "growth.quality.nik_collisions": ("NIK dipakai anak lain (baris)", "NIK shared with another child (rows)"),
    "growth.register_year_from_dates.reason": (
        "judul kolom bulan tanpa tahun; tahun diambil dari tanggal ukur di bawahnya: {months}",
        "month column headers without a year; the year is taken from the measurement dates below them: {months}",
    ),
    "growth.register_year_from_dates.fix": (
        "Periksa tahunnya; sebaiknya tulis tahun di judul kolom, mis. 'BB Jan 2025'.",
        "Check the year; preferably write it in the headers, e.g. 'BB Jan 2025'.",
    ),
    "growth.weight_not_positive.reason": ("berat nol atau negatif", "weight is zero or negative"),
    "growth.weight_not_positive.fix": (
        "Tulis berat dalam kg, mis. 11,4; kosongkan bila anak tidak ditimbang.",
        "Write the weight in kg, e.g. 11.4; leave it empty if the child was not weighed.",
    ),
    "growth.height_not_positive.reason": ("tinggi/panjang nol atau negatif", "length/height is zero or negative"),
    "growth.height_not_positive.fix": (
        "Tulis tinggi/panjang dalam cm, mis. 84,5; kosongkan bila anak tidak diukur.",
        "Write the length/height in cm, e.g. 84.5; leave it empty if the child was not measured.",
    ),
}
