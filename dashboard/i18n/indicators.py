"""Strings of the indicator importer (tidy template, Sigizi-Kesga report, mapped tables) and village-name matching."""

_TIDY_ID = "kode_wilayah, periode, indikator, pembilang, penyebut (target boleh ditambahkan)"
_TIDY_EN = "kode_wilayah, periode, indikator, pembilang, penyebut (target optional)"

TEXTS: dict[str, tuple[str, str]] = {
    # Whole-file problems.
    "indicators.wrong_type.reason": (
        "jenis file {suffix} bukan tabel indikator",
        "a {suffix} file is not an indicator table",
    ),
    "indicators.wrong_type.fix": (
        "Unggah file CSV (.csv) atau Excel (.xlsx).",
        "Upload a CSV (.csv) or Excel (.xlsx) file.",
    ),
    "indicators.unreadable.reason": ("file tidak dapat dibaca: {error}", "the file cannot be read: {error}"),
    "indicators.unreadable.fix": (
        "Pastikan file utuh dan jenisnya sesuai akhiran namanya; simpan ulang dari Excel sebagai CSV UTF-8 atau .xlsx.",
        "Make sure the file is complete and its type matches its name; save it again from Excel as CSV UTF-8 or .xlsx.",
    ),
    "indicators.empty_file.reason": ("file tidak berisi satu pun baris data", "the file holds no data rows"),
    "indicators.empty_file.fix": (
        f"Isi satu baris per desa, periode dan indikator di bawah baris judul: {_TIDY_ID}.",
        f"Fill one row per village, period and indicator below the header row: {_TIDY_EN}.",
    ),
    "indicators.unknown_layout.reason": (
        "susunan kolom tidak dikenali (kolom yang ada: {columns})",
        "the layout of the columns is not recognised (columns found: {columns})",
    ),
    "indicators.unknown_layout.fix": (
        f"Gunakan templat ({_TIDY_ID}), laporan rutin gizi Sigizi-Kesga per desa, "
        "atau pilih jenis 'tabel lain' dan petakan kolomnya.",
        f"Use the template ({_TIDY_EN}), the Sigizi-Kesga routine nutrition report per village, "
        "or choose 'other table' and map its columns.",
    ),
    "indicators.missing_columns.reason": (
        "kolom wajib tidak ada: {missing}",
        "required columns are missing: {missing}",
    ),
    "indicators.missing_columns.fix": (
        "Tambahkan kolom itu di baris judul (baris 1). Kolom yang diharapkan: {expected}.",
        "Add those columns to the header row (row 1). Expected columns: {expected}.",
    ),
    "indicators.no_villages.reason": (
        "belum ada batas desa untuk {district}, jadi kode dan nama desa tidak dapat diperiksa",
        "there are no village boundaries for {district}, so village codes and names cannot be checked",
    ),
    "indicators.no_villages.fix": (
        "Impor dulu file batas desa kabupaten/kota ini, lalu impor file indikator ini lagi.",
        "Import the district's village boundary file first, then import this indicator file again.",
    ),
    "indicators.more.reason": (
        "{count} baris lain juga bermasalah di kolom ini (hanya {shown} yang pertama dicantumkan)",
        "{count} more rows have problems in this column (only the first {shown} are listed)",
    ),
    "indicators.more.fix": (
        "Perbaiki baris yang dicantumkan, lalu periksa baris lain dengan cara yang sama.",
        "Fix the rows listed, then check the other rows the same way.",
    ),
    # Column mapping (other tables).
    "indicators.mapping_incomplete.reason": (
        "pemetaan kolom belum lengkap: {missing}",
        "the column mapping is incomplete: {missing}",
    ),
    "indicators.mapping_incomplete.fix": (
        "Pilih kolom kode wilayah atau nama desa, kolom periode (atau bulan dan tahun), dan untuk tiap indikator "
        "kolom pembilang dan penyebutnya.",
        "Choose the region code or village name column, the period column (or month and year), and for each "
        "indicator its numerator and denominator columns.",
    ),
    "indicators.mapping_column_missing.reason": (
        "pemetaan menyebut kolom {name!r} yang tidak ada di file",
        "the mapping names a column {name!r} that is not in the file",
    ),
    "indicators.mapping_column_missing.fix": (
        "Pilih kolom dari judul file ini; unggah ulang bila file berubah.",
        "Choose a column from this file's header; upload again if the file changed.",
    ),
    # Regions.
    "indicators.bad_code.reason": (
        "bukan kode wilayah Kemendagri ({rows} baris)",
        "not a Kemendagri region code ({rows} rows)",
    ),
    "indicators.bad_code.fix": (
        "Tulis kode desa/kelurahan 10 digit, dengan atau tanpa titik, mis. 52.03.01.2001 atau 5203012001; "
        "simpan kolom kode sebagai teks agar nol di depan tidak hilang.",
        "Write the 10-digit village code, dotted or not, e.g. 52.03.01.2001 or 5203012001; keep the code "
        "column as text so leading zeros survive.",
    ),
    "indicators.not_village_code.reason": (
        "kode ini kode {level}, bukan kode desa/kelurahan ({rows} baris)",
        "this is a {level} code, not a village code ({rows} rows)",
    ),
    "indicators.not_village_code.fix": (
        "Data indikator dicatat per desa/kelurahan: tulis kode desa 10 digit (mis. 52.03.01.2001).",
        "Indicator data is recorded per village: write the 10-digit village code (e.g. 52.03.01.2001).",
    ),
    "indicators.unknown_code.reason": (
        "kode desa tidak ada di batas wilayah {district} ({rows} baris)",
        "the village code is not in the boundaries of {district} ({rows} rows)",
    ),
    "indicators.unknown_code.fix": (
        "Periksa kode (salah ketik, atau kode lama sebelum pemekaran); bila desanya baru, impor dulu batas "
        "wilayah terbaru.",
        "Check the code (a typo, or an old code from before a split); if the village is new, import the latest "
        "boundaries first.",
    ),
    "indicators.outside_district.reason": (
        "kode desa di luar kabupaten/kota {district} yang dipilih ({rows} baris)",
        "the village code is outside the chosen district {district} ({rows} rows)",
    ),
    "indicators.outside_district.fix": (
        "Pilih kabupaten/kota yang benar saat mengimpor, atau hapus baris wilayah lain dari file.",
        "Choose the right district when importing, or remove the other districts' rows from the file.",
    ),
    "indicators.missing_region.reason": ("kode atau nama desa kosong", "the village code or name is empty"),
    "indicators.missing_region.fix": (
        "Isi kode desa (atau nama desa) di baris ini, atau hapus baris itu.",
        "Fill in the village code (or name) in this row, or delete the row.",
    ),
    # Periods and indicators.
    "indicators.bad_period.reason": (
        "periode tidak dapat dibaca ({rows} baris)",
        "the period cannot be read ({rows} rows)",
    ),
    "indicators.bad_period.fix": (
        "Tulis periode sebagai 2025-02, 'Februari 2025' atau tahun 2025.",
        "Write the period as 2025-02, 'Februari 2025' or the year 2025.",
    ),
    "indicators.missing_period.reason": ("periode kosong", "the period is empty"),
    "indicators.missing_period.fix": (
        "Isi periode di baris ini (mis. 2025-02 atau 'Februari 2025').",
        "Fill in the period in this row (e.g. 2025-02 or 'Februari 2025').",
    ),
    "indicators.unknown_indicator.reason": (
        "indikator tidak dikenal ({rows} baris)",
        "unknown indicator ({rows} rows)",
    ),
    "indicators.unknown_indicator.fix": (
        "Gunakan salah satu kode indikator: {known}.",
        "Use one of the indicator keys: {known}.",
    ),
    "indicators.missing_indicator.reason": ("indikator kosong", "the indicator is empty"),
    "indicators.missing_indicator.fix": (
        "Isi kode indikator di baris ini, mis. stunting.",
        "Fill in the indicator key in this row, e.g. stunting.",
    ),
    # Counts.
    "indicators.missing_value.reason": ("angka kosong", "the count is empty"),
    "indicators.missing_value.fix": (
        "Isi angkanya (0 bila memang nol), atau hapus baris ini bila datanya belum ada.",
        "Fill in the count (0 when it is zero), or delete this row when there is no data yet.",
    ),
    "indicators.not_a_number.reason": ("bukan angka", "not a number"),
    "indicators.not_a_number.fix": (
        "Tulis jumlah sebagai angka saja (mis. 12 atau 12,5), tanpa satuan, persen atau teks.",
        "Write the count as a number only (e.g. 12 or 12.5), without units, percent signs or text.",
    ),
    "indicators.negative.reason": ("angka negatif", "a negative count"),
    "indicators.negative.fix": (
        "Jumlah anak atau keluarga tidak bisa negatif: perbaiki angkanya.",
        "A number of children or families cannot be negative: correct it.",
    ),
    "indicators.numerator_exceeds.reason": (
        "pembilang {numerator} lebih besar dari penyebut {denominator}",
        "the numerator {numerator} is larger than the denominator {denominator}",
    ),
    "indicators.numerator_exceeds.fix": (
        "Periksa kedua angka: pembilang (mis. balita stunting) adalah bagian dari penyebut (balita diukur).",
        "Check both counts: the numerator (e.g. stunted children) is part of the denominator (children measured).",
    ),
    "indicators.duplicate_key.reason": (
        "desa, periode dan indikator yang sama sudah ada di baris {first}",
        "the same village, period and indicator is already in row {first}",
    ),
    "indicators.duplicate_key.fix": (
        "Simpan satu baris saja per desa, periode dan indikator: hapus atau gabungkan baris kembar.",
        "Keep one row per village, period and indicator: delete or merge the duplicate rows.",
    ),
    "indicators.bad_target.reason": (
        "target bukan persen antara 0 dan 100; target diabaikan",
        "the target is not a percentage between 0 and 100; it is ignored",
    ),
    "indicators.bad_target.fix": (
        "Tulis target dalam persen tanpa tanda %, mis. 14.",
        "Write the target in percent without the % sign, e.g. 14.",
    ),
    # The Sigizi-Kesga report: a value is left out, the rest of the row is imported.
    "indicators.sigizi_exceeds.reason": (
        "{indicator}: pembilang {numerator} lebih besar dari penyebut {denominator}; nilai ini tidak diimpor",
        "{indicator}: the numerator {numerator} is larger than the denominator {denominator}; this value is "
        "not imported",
    ),
    "indicators.sigizi_exceeds.fix": (
        "Perbaiki angkanya di Sigizi-Kesga dan unduh laporannya lagi; indikator lain dari baris ini tetap diimpor.",
        "Correct the counts in Sigizi-Kesga and download the report again; the row's other indicators are imported.",
    ),
    "indicators.sigizi_bad_value.reason": (
        "{indicator}: angka tidak terbaca atau negatif; nilai ini tidak diimpor",
        "{indicator}: the count is unreadable or negative; this value is not imported",
    ),
    "indicators.sigizi_bad_value.fix": (
        "Perbaiki angkanya di laporan; indikator lain dari baris ini tetap diimpor.",
        "Correct the count in the report; the row's other indicators are imported.",
    ),
    "indicators.sigizi_column_empty.reason": (
        "{indicator}: kolom kosong di {rows} baris (baris {listed}); indikator ini tidak diimpor untuk baris itu",
        "{indicator}: the column is empty in {rows} rows (rows {listed}); this indicator is not imported for them",
    ),
    "indicators.sigizi_column_empty.fix": (
        "Tidak perlu tindakan bila laporan bulan itu memang tidak memuat angka ini; bila ada, lengkapi dan impor lagi.",
        "Nothing to do when that month's report does not carry this count; if it does, complete it and import again.",
    ),
    # A mapped table (issue 12, point 10): a bad cell leaves out that value only, as in a Sigizi report.
    "indicators.mapped_exceeds.reason": (
        "{indicator}: pembilang {numerator} lebih besar dari penyebut {denominator}; nilai ini tidak diimpor",
        "{indicator}: the numerator {numerator} is larger than the denominator {denominator}; this value is "
        "not imported",
    ),
    "indicators.mapped_exceeds.fix": (
        "Perbaiki angkanya di file dan periksa lagi; indikator lain dari baris ini tetap diimpor.",
        "Correct the counts in the file and check it again; the row's other indicators are imported.",
    ),
    "indicators.mapped_bad_value.reason": (
        "{indicator}: angka tidak terbaca, tak hingga atau negatif; nilai ini tidak diimpor",
        "{indicator}: the count is unreadable, infinite or negative; this value is not imported",
    ),
    "indicators.mapped_bad_value.fix": (
        "Tulis jumlah anak sebagai bilangan bulat 0 atau lebih, lalu periksa lagi; indikator lain dari baris ini "
        "tetap diimpor.",
        "Write the count of children as a whole number of 0 or more, then check again; the row's other indicators "
        "are imported.",
    ),
    "indicators.mapped_column_empty.reason": (
        "{indicator}: kolom kosong di {rows} baris (baris {listed}); indikator ini tidak diimpor untuk baris itu",
        "{indicator}: the column is empty in {rows} rows (rows {listed}); this indicator is not imported for them",
    ),
    "indicators.mapped_column_empty.fix": (
        "Isi angkanya (0 bila memang nol) bila desa itu melapor, lalu periksa lagi.",
        "Fill in the count (0 when it is zero) if those villages reported, then check again.",
    ),
    "indicators.sigizi_no_indicator.reason": (
        "laporan tidak memuat kolom untuk indikator mana pun yang dikenal",
        "the report carries no column for any known indicator",
    ),
    "indicators.sigizi_no_indicator.fix": (
        "Unduh laporan rutin gizi balita lengkap dari Sigizi-Kesga (mis. kolom Jml_Balita_Stunting dan "
        "Balita_Diukur_PB_TB).",
        "Download the complete routine child-nutrition report from Sigizi-Kesga (e.g. the Jml_Balita_Stunting and "
        "Balita_Diukur_PB_TB columns).",
    ),
    # Village names.
    "names.unmatched.reason": (
        "nama desa tidak cocok dengan desa mana pun (kecamatan/puskesmas: {context}; {rows} baris: {listed})",
        "the village name matches no village (kecamatan/puskesmas: {context}; {rows} rows: {listed})",
    ),
    "names.unmatched.fix": (
        "Periksa ejaan dan kecamatannya, pilih desanya di daftar pencocokan nama, atau tulis kode desa di file.",
        "Check the spelling and the kecamatan, choose the village in the name list, or write the village code "
        "in the file.",
    ),
    "names.ambiguous.reason": (
        "nama desa ini dipakai beberapa desa: {candidates} (kecamatan/puskesmas: {context}; {rows} baris: {listed})",
        "several villages have this name: {candidates} (kecamatan/puskesmas: {context}; {rows} rows: {listed})",
    ),
    "names.ambiguous.fix": (
        "Isi kolom kecamatan di file, pilih desanya di daftar pencocokan nama, atau tulis kode desa.",
        "Fill in the kecamatan column, choose the village in the name list, or write the village code.",
    ),
    "names.unconfirmed.reason": (
        "nama desa hanya mirip dengan {candidates} ({rows} baris: {listed})",
        "the village name only resembles {candidates} ({rows} rows: {listed})",
    ),
    "names.unconfirmed.fix": (
        "Pilih desa yang dimaksud di daftar pencocokan nama (atau jalankan perintah dengan --yes untuk menerima "
        "kecocokan yang jelas); pilihan itu diingat untuk file berikutnya.",
        "Choose the village meant in the name list (or run the command with --yes to accept clear matches); "
        "the choice is remembered for the next file.",
    ),
    "names.skipped.reason": (
        "nama desa tidak dikenali; {rows} baris dilewati (baris {listed})",
        "the village name is not recognised; {rows} rows skipped (rows {listed})",
    ),
    "names.skipped.fix": (
        "Bila baris ini perlu, pilih desanya di daftar pencocokan nama dan impor file ini lagi.",
        "If these rows matter, choose their village in the name list and import the file again.",
    ),
    "names.near_accepted.reason": (
        "nama desa dicocokkan dengan {village} ({code}, kemiripan {score}) dan diingat untuk file berikutnya",
        "the village name was matched to {village} ({code}, similarity {score}) and remembered for the next file",
    ),
    "names.near_accepted.fix": (
        "Tidak perlu tindakan bila benar; bila salah, hapus dataset ini dan impor lagi dengan pilihan desa yang benar.",
        "Nothing to do if right; if wrong, remove this dataset and import again choosing the right village.",
    ),
    "names.confirmed_unknown.reason": (
        "desa yang dipilih untuk nama ini ({code}) tidak ada di batas wilayah",
        "the village chosen for this name ({code}) is not in the boundaries",
    ),
    "names.confirmed_unknown.fix": (
        "Pilih lagi desanya dari daftar pencocokan nama.",
        "Choose the village again from the name list.",
    ),
    "names.context_unknown.reason": (
        "kecamatan ini tidak ada di batas wilayah; nama desanya dicari di seluruh kabupaten/kota",
        "this kecamatan is not in the boundaries; its village names were looked up in the whole district",
    ),
    "names.context_unknown.fix": (
        "Periksa ejaan nama kecamatan bila ada desa yang tidak cocok.",
        "Check the spelling of the kecamatan name if some villages do not match.",
    ),
    # Reading (issue 12): binary files, wide files, title lines, number formats, totals rows, years.
    "indicators.not_csv.reason": (
        "isi file ini bukan file {kind} (data biner)",
        "this is not a {kind} file (binary data)",
    ),
    "indicators.not_csv.fix": (
        "Simpan ulang tabel dari Excel sebagai CSV (UTF-8, UTF-16 atau Latin-1), atau unggah file .xlsx-nya.",
        "Save the table again from Excel as CSV (UTF-8, UTF-16 or Latin-1), or upload its .xlsx file.",
    ),
    "indicators.not_xlsx.reason": (
        "isi file ini bukan file {kind} (bukan buku kerja Excel .xlsx)",
        "this is not an {kind} file (not an Excel .xlsx workbook)",
    ),
    "indicators.not_xlsx.fix": (
        "Buka file di Excel dan simpan sebagai 'Excel Workbook (.xlsx)' atau CSV; file .xls lama tidak dibaca.",
        "Open the file in Excel and save it as 'Excel Workbook (.xlsx)' or CSV; old .xls files are not read.",
    ),
    "indicators.too_many_columns.reason": (
        "file berisi {count} kolom, lebih dari batas {limit}",
        "the file has {count} columns, more than the limit of {limit}",
    ),
    "indicators.too_many_columns.fix": (
        "Periksa bahwa file ini memang tabel indikator (satu baris per desa); hapus kolom yang tidak diperlukan.",
        "Check that this is an indicator table (one row per village); delete the columns that are not needed.",
    ),
    "indicators.header_row_found.reason": (
        "baris judul kolom ditemukan di baris {header}; baris di atasnya (judul laporan) dilewati",
        "the header row was found at row {header}; the lines above it (a report title) were skipped",
    ),
    "indicators.header_row_found.fix": (
        "Tidak perlu tindakan bila baris ini memang judul kolom.",
        "Nothing to do if this row is indeed the header.",
    ),
    "indicators.columns_ignored.reason": (
        "{count} kolom tidak dipakai: {columns}",
        "{count} columns are not used: {columns}",
    ),
    # The same when there are more than a message lists (30): each part says which.
    "indicators.columns_ignored_part.reason": (
        "{count} kolom tidak dipakai ({first}–{last}): {columns}",
        "{count} columns are not used ({first}–{last}): {columns}",
    ),
    "indicators.columns_ignored_part.fix": (
        "Tidak perlu tindakan bila kolom itu memang bukan indikator; bila salah satunya indikator, "
        "pilih jenis 'tabel lain' dan petakan kolomnya.",
        "Nothing to do if these columns are not indicators; if one of them is, choose 'other table' and map it.",
    ),
    "indicators.columns_ignored.fix": (
        "Tidak perlu tindakan bila kolom itu memang bukan indikator; bila salah satunya indikator, "
        "pilih jenis 'tabel lain' dan petakan kolomnya.",
        "Nothing to do if these columns are not indicators; if one of them is, choose 'other table' and map it.",
    ),
    "indicators.sigizi_no_year.reason": (
        "file berisi kolom bulan ({name}) tetapi tidak ada kolom tahun",
        "the file has a month column ({name}) but no year column",
    ),
    "indicators.sigizi_no_year.fix": (
        "Pilih tahun laporan (di halaman data, atau --year 2025 di baris perintah), atau tambahkan kolom Tahun.",
        "Choose the report's year (on the data page, or --year 2025 on the command line), or add a Tahun column.",
    ),
    "indicators.year_column_wins.reason": (
        "file berisi kolom tahun; tahun yang dipilih tidak dipakai",
        "the file has a year column; the chosen year is not used",
    ),
    "indicators.year_column_wins.fix": (
        "Tidak perlu tindakan bila kolom tahun file benar.",
        "Nothing to do if the file's year column is right.",
    ),
    "indicators.ambiguous_numbers.reason": (
        "format angka kolom ini tidak dapat dipastikan: nilai seperti ini bisa berarti ribuan (titik pemisah ribuan) "
        "atau desimal, dan file tidak berisi angka lain yang memastikannya",
        "the number format of this column cannot be told: a value like this may be thousands (a dot between thousands) "
        "or a decimal, and nothing else in the file settles it",
    ),
    "indicators.ambiguous_numbers.fix": (
        "Tulis angka tanpa pemisah ribuan (2000, bukan 2.000), atau simpan ulang dari Excel dengan kolom berformat "
        "angka.",
        "Write the counts without a thousands separator (2000, not 2.000), or save again from Excel with the "
        "column formatted as numbers.",
    ),
    "indicators.total_row_skipped.reason": (
        "baris jumlah/total dilewati (bukan desa); angkanya dicocokkan dengan jumlah baris desanya, selisih "
        "dilaporkan tersendiri",
        "a totals row was skipped (not a village); its counts are checked against the sum of its village rows, a "
        "difference is reported on its own",
    ),
    "indicators.total_row_skipped.fix": (
        "Tidak perlu tindakan: Lokus menjumlahkan sendiri dari baris desa.",
        "Nothing to do: Lokus adds up the village rows itself.",
    ),
    "indicators.total_mismatch.reason": (
        "total di file {total} tidak sama dengan jumlah {rows} baris desanya ({sum})",
        "the file's total {total} differs from the sum of its {rows} village rows ({sum})",
    ),
    "indicators.total_mismatch.fix": (
        "Periksa apakah ada desa yang hilang atau tercatat dua kali; yang diimpor adalah baris desa.",
        "Check whether a village is missing or listed twice; the village rows are what is imported.",
    ),
    "indicators.fixed_period_conflict.reason": (
        "periode tetap {fixed} dipilih, padahal file berisi kolom bulan/periode {name}",
        "a fixed period {fixed} was chosen although the file has a month/period column {name}",
    ),
    "indicators.fixed_period_conflict.fix": (
        "Petakan kolom periode (atau bulan dan tahun), atau kosongkan periode tetap bila kolom itu bukan periode.",
        "Map the period column (or month and year), or clear the fixed period if that column is not a period.",
    ),
    # Rate-only survey estimates in the tidy template (issue 13): nilai, batas_bawah, batas_atas, sumber for a
    # kabupaten/kota, instead of pembilang and penyebut.
    "indicators.estimate_counts_and_value.reason": (
        "baris ini berisi pembilang/penyebut dan juga nilai",
        "this row holds a numerator/denominator and also a value",
    ),
    "indicators.estimate_counts_and_value.fix": (
        "Isi pembilang dan penyebut, atau nilai — bukan keduanya: jumlah anak untuk data rutin desa, nilai (persen) "
        "hanya untuk angka survei kabupaten/kota tanpa jumlah anak.",
        "Fill in the numerator and denominator, or the value — not both: counts for routine village data, a value "
        "(percent) only for a district's survey figure that has no counts.",
    ),
    "indicators.estimate_bound_without_value.reason": (
        "batas interval diisi tanpa nilai",
        "an interval bound is filled in without a value",
    ),
    "indicators.estimate_bound_without_value.fix": (
        "Batas bawah dan atas hanya untuk angka survei: isi juga kolom nilai (persen), atau kosongkan batasnya.",
        "Lower and upper bounds belong to a survey figure only: fill in the value (percent) too, or clear the bounds.",
    ),
    "indicators.estimate_missing_value.reason": (
        "baris tanpa nilai (file ini tidak punya kolom pembilang dan penyebut)",
        "a row without a value (this file has no numerator and denominator columns)",
    ),
    "indicators.estimate_missing_value.fix": (
        "Isi nilainya dalam persen (mis. 24,1), atau hapus baris ini; untuk jumlah anak per desa tambahkan kolom "
        "pembilang dan penyebut.",
        "Fill in the value in percent (e.g. 24.1), or delete the row; for counts per village add numerator and "
        "denominator columns.",
    ),
    "indicators.estimate_bad_code.reason": (
        "bukan kode wilayah Kemendagri ({rows} baris)",
        "not a Kemendagri region code ({rows} rows)",
    ),
    "indicators.estimate_bad_code.fix": (
        "Angka survei dicatat per kabupaten/kota: tulis kode 4 digit, dengan atau tanpa titik, mis. 52.03 atau 5203.",
        "Survey figures are recorded per district: write the 4-digit code, dotted or not, e.g. 52.03 or 5203.",
    ),
    "indicators.estimate_not_district_code.reason": (
        "kode ini kode {level}; nilai tanpa pembilang dan penyebut hanya diterima untuk kabupaten/kota ({rows} baris)",
        "this is a {level} code; a value without numerator and denominator is accepted for a district only "
        "({rows} rows)",
    ),
    "indicators.estimate_not_district_code.fix": (
        "Untuk desa/kelurahan isi pembilang dan penyebut (jumlah anak), bukan nilai; untuk angka survei tulis kode "
        "kabupaten/kota, mis. 52.03.",
        "For a village fill in the numerator and denominator (counts), not a value; for a survey figure write the "
        "district's code, e.g. 52.03.",
    ),
    "indicators.estimate_outside_district.reason": (
        "kode kabupaten/kota lain dari {district} yang dipilih ({rows} baris)",
        "the code of another district than the chosen {district} ({rows} rows)",
    ),
    "indicators.estimate_outside_district.fix": (
        "Pilih kabupaten/kota yang benar saat mengimpor, atau hapus baris kabupaten/kota lain dari file.",
        "Choose the right district when importing, or remove the other districts' rows from the file.",
    ),
    "indicators.estimate_unknown_district.reason": (
        "kabupaten/kota ini belum punya batas desa di Lokus ({rows} baris)",
        "this district has no village boundaries in Lokus yet ({rows} rows)",
    ),
    "indicators.estimate_unknown_district.fix": (
        "Periksa kodenya (salah ketik?); bila benar, impor dulu batas desa kabupaten/kota itu.",
        "Check the code (a typo?); if it is right, import that district's village boundaries first.",
    ),
    "indicators.estimate_not_a_number.reason": ("bukan angka persen", "not a percentage"),
    "indicators.estimate_not_a_number.fix": (
        "Tulis persen sebagai angka saja, mis. 24,1 atau 24.1 (tanda % boleh), bukan teks atau tanda hubung.",
        "Write the percentage as a number only, e.g. 24.1 or 24,1 (a % sign is allowed), not text or a dash.",
    ),
    "indicators.estimate_out_of_range.reason": (
        "persen di luar 0–100",
        "a percentage outside 0–100",
    ),
    "indicators.estimate_out_of_range.fix": (
        "Tulis persen antara 0 dan 100 (24,1 untuk 24,1%); sel berformat persen Excel berisi 0,241: ubah jadi 24,1.",
        "Write a percentage between 0 and 100 (24.1 for 24.1%); an Excel percent-formatted cell holds 0.241: make it "
        "24.1.",
    ),
    "indicators.estimate_one_bound.reason": (
        "hanya satu batas interval yang diisi",
        "only one bound of the interval is filled in",
    ),
    "indicators.estimate_one_bound.fix": (
        "Isi batas bawah dan batas atas interval 95% dari laporan survei, atau kosongkan keduanya.",
        "Fill in both the lower and the upper bound of the survey's 95% interval, or leave both empty.",
    ),
    "indicators.estimate_bounds_order.reason": (
        "nilai tidak berada di antara batas bawah dan batas atas di baris yang sama",
        "the value is not between the lower and the upper bound in the same row",
    ),
    "indicators.estimate_bounds_order.fix": (
        "Periksa ketiga angka di laporan survei: batas bawah ≤ nilai ≤ batas atas (kolom tertukar?).",
        "Check the three figures in the survey report: lower bound ≤ value ≤ upper bound (swapped columns?).",
    ),
    "indicators.estimate_missing_source.reason": (
        "sumber angka survei kosong",
        "the survey figure's source is empty",
    ),
    "indicators.estimate_missing_source.fix": (
        "Tulis sumbernya di kolom sumber, mis. 'SSGI 2024' atau 'SKI 2023': angka tanpa sumber tidak ditampilkan.",
        "Write its source in the sumber column, e.g. 'SSGI 2024' or 'SKI 2023': a figure without a source is not "
        "shown.",
    ),
    "indicators.estimate_duplicate_key.reason": (
        "kabupaten/kota, periode dan indikator yang sama sudah ada di baris {first}",
        "the same district, period and indicator is already in row {first}",
    ),
    "indicators.estimate_duplicate_key.fix": (
        "Simpan satu angka survei per kabupaten/kota, periode dan indikator; angka survei lain dimasukkan dalam file "
        "tersendiri.",
        "Keep one survey figure per district, period and indicator; put another survey's figures in a file of its own.",
    ),
}
