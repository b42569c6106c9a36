"""Strings of figures above villages: kecamatan, kabupaten/kota and province figures, BPS codes, puskesmas lists."""

TEXTS: dict[str, tuple[str, str]] = {
    # Regions above villages in the tidy template.
    "levels.unknown_region.reason": (
        "{level} {code} tidak ada di batas wilayah yang sudah diimpor ({rows} baris)",
        "{level} {code} is not in the boundaries imported so far ({rows} rows)",
    ),
    "levels.unknown_region.fix": (
        "Periksa kodenya (salah ketik, atau kode lama sebelum pemekaran); bila benar, impor dulu batas wilayahnya "
        "(batas kabupaten/kota, kecamatan, atau desa di dalamnya).",
        "Check the code (a typo, or an old code from before a split); if it is right, import its boundaries first "
        "(kabupaten/kota or kecamatan outlines, or the villages inside it).",
    ),
    "levels.outside_district.reason": (
        "kode {level} ini di luar kabupaten/kota {district} yang dipilih ({rows} baris)",
        "this {level} code is outside the chosen district {district} ({rows} rows)",
    ),
    "levels.outside_district.fix": (
        "Untuk angka per kabupaten/kota atau provinsi, impor tanpa memilih satu kabupaten/kota; atau hapus baris "
        "wilayah lain dari file.",
        "For figures per district or province, import without choosing one district; or remove the other regions' "
        "rows from the file.",
    ),
    "levels.name_unmatched.reason": (
        "nama kabupaten/kota atau provinsi ini tidak dikenali ({rows} baris; yang mirip: {candidates})",
        "this district or province name is not recognised ({rows} rows; similar: {candidates})",
    ),
    "levels.name_unmatched.fix": (
        "Tulis nama seperti di batas wilayah (mis. 'Kab. Lombok Timur', 'Kota Bima', 'Provinsi Bengkulu'), atau isi "
        "kode_wilayah; bila batasnya belum diimpor, impor dulu batas kabupaten/kota.",
        "Write the name as the boundaries have it (e.g. 'Kab. Lombok Timur', 'Kota Bima', 'Provinsi Bengkulu'), or "
        "fill in kode_wilayah; if its boundaries are not imported yet, import the district outlines first.",
    ),
    "levels.name_ambiguous.reason": (
        "nama ini cocok dengan lebih dari satu wilayah: {candidates} ({rows} baris)",
        "this name fits more than one region: {candidates} ({rows} rows)",
    ),
    "levels.name_ambiguous.fix": (
        "Tulis jenisnya di depan nama: 'Kota Bima' atau 'Kabupaten Bima', 'Provinsi Bengkulu' atau 'Kota Bengkulu'; "
        "atau isi kode_wilayah.",
        "Write its kind before the name: 'Kota Bima' or 'Kabupaten Bima', 'Provinsi Bengkulu' or 'Kota Bengkulu'; "
        "or fill in kode_wilayah.",
    ),
    # BPS codes.
    "levels.bps_bad_code.reason": (
        "bukan kode BPS kabupaten/kota (4 digit) atau provinsi (2 digit) ({rows} baris)",
        "not a BPS district (4-digit) or province (2-digit) code ({rows} rows)",
    ),
    "levels.bps_bad_code.fix": (
        "Tulis kode BPS 4 digit (mis. 5203) atau 2 digit (mis. 52); kode desa BPS diterjemahkan saat mengimpor batas "
        "wilayah, bukan di sini.",
        "Write the 4-digit (e.g. 5203) or 2-digit (e.g. 52) BPS code; BPS village codes are translated when "
        "boundaries are imported, not here.",
    ),
    "levels.bps_unknown_province.reason": (
        "BPS tidak punya provinsi dengan kode ini ({rows} baris)",
        "BPS has no province with this code ({rows} rows)",
    ),
    "levels.bps_unknown_province.fix": (
        "Periksa kodenya; bila file memakai kode Kemendagri, ganti judul kolom kode_bps menjadi kode_wilayah.",
        "Check the code; if the file uses Kemendagri codes, rename the kode_bps column to kode_wilayah.",
    ),
    "levels.bps_papua_kabupaten.reason": (
        "kode BPS kabupaten/kota di provinsi-provinsi Papua berbeda dengan kode Kemendagri dan tidak ada di crosswalk "
        "({rows} baris)",
        "BPS district codes in the Papua provinces differ from Kemendagri's and this one is not in the crosswalk "
        "({rows} rows)",
    ),
    "levels.bps_papua_kabupaten.fix": (
        "Unggah crosswalk (kolom kode_bps, kode_kemendagri) yang memuat kode ini, atau tulis kode Kemendagri di "
        "kolom kode_wilayah (mis. Kab. Merauke 93.01).",
        "Upload a crosswalk (columns kode_bps, kode_kemendagri) that holds this code, or write the Kemendagri code "
        "in a kode_wilayah column (e.g. Kab. Merauke 93.01).",
    ),
    "levels.crosswalk_bad_bps.reason": (
        "kode BPS tidak terbaca (harus 2, 4 atau 10 digit)",
        "the BPS code cannot be read (it must have 2, 4 or 10 digits)",
    ),
    "levels.crosswalk_bad_bps.fix": (
        "Tulis kode BPS provinsi (2 digit) atau kabupaten/kota (4 digit) di kolom kode_bps.",
        "Write the BPS province (2-digit) or district (4-digit) code in the kode_bps column.",
    ),
    "levels.crosswalk_bad_kemendagri.reason": (
        "kode Kemendagri tidak setingkat dengan kode BPS {bps}",
        "the Kemendagri code is not of the same level as the BPS code {bps}",
    ),
    "levels.crosswalk_bad_kemendagri.fix": (
        "Tulis kode Kemendagri provinsi (mis. 93) untuk kode BPS 2 digit, kabupaten/kota (mis. 93.01) untuk 4 digit.",
        "Write a Kemendagri province code (e.g. 93) for a 2-digit BPS code, a district code (e.g. 93.01) for 4 digits.",
    ),
    # Puskesmas figures.
    "levels.unknown_puskesmas.reason": (
        "puskesmas ini tidak ada di daftar puskesmas {district} ({rows} baris)",
        "this puskesmas is not in the puskesmas list of {district} ({rows} rows)",
    ),
    "levels.unknown_puskesmas.fix": (
        "Periksa kode puskesmas; bila benar, impor dulu daftar puskesmas dan desanya (templat daftar puskesmas: "
        "kode_puskesmas, nama_puskesmas, kode_desa).",
        "Check the puskesmas code; if it is right, import the puskesmas list and its villages first (puskesmas list "
        "template: kode_puskesmas, nama_puskesmas, kode_desa).",
    ),
    "levels.puskesmas_ambiguous.reason": (
        "kode puskesmas ini ada di beberapa kabupaten/kota: {district} ({rows} baris)",
        "this puskesmas code is in several districts: {district} ({rows} rows)",
    ),
    "levels.puskesmas_ambiguous.fix": (
        "Tulis kode kabupaten/kota puskesmas itu di kolom kode_wilayah (mis. 52.03), atau pilih kabupaten/kotanya "
        "saat mengimpor.",
        "Write the puskesmas's district code in the kode_wilayah column (e.g. 52.03), or choose its district when "
        "importing.",
    ),
    "levels.puskesmas_district_code.reason": (
        "untuk baris puskesmas, kode_wilayah harus kode kabupaten/kota ({rows} baris)",
        "on a puskesmas row, kode_wilayah must be a district code ({rows} rows)",
    ),
    "levels.puskesmas_district_code.fix": (
        "Tulis kode kabupaten/kota tempat puskesmas itu (mis. 52.03), atau kosongkan kode_wilayah.",
        "Write the code of the puskesmas's district (e.g. 52.03), or leave kode_wilayah empty.",
    ),
    "levels.puskesmas_estimate.reason": (
        "angka survei (nilai tanpa pembilang dan penyebut) tidak diterima per puskesmas",
        "a survey figure (a value without numerator and denominator) is not accepted per puskesmas",
    ),
    "levels.puskesmas_estimate.fix": (
        "Untuk puskesmas isi pembilang dan penyebut (jumlah anak).",
        "For a puskesmas fill in the numerator and denominator (counts).",
    ),
    # The puskesmas -> village list.
    "puskesmas.missing_columns.reason": (
        "kolom {missing} tidak ada (kolom yang ada: {columns})",
        "the column(s) {missing} are missing (columns found: {columns})",
    ),
    "puskesmas.missing_columns.fix": (
        "Pakai templat daftar puskesmas: kode_puskesmas, nama_puskesmas, kode_desa (satu baris per desa).",
        "Use the puskesmas list template: kode_puskesmas, nama_puskesmas, kode_desa (one row per village).",
    ),
    "puskesmas.missing_value.reason": ("sel kosong", "an empty cell"),
    "puskesmas.missing_value.fix": (
        "Isi kode puskesmas, nama puskesmas dan kode desa di setiap baris, atau hapus baris itu.",
        "Fill in the puskesmas code, the puskesmas name and the village code on every row, or delete the row.",
    ),
    "puskesmas.bad_code.reason": (
        "kode puskesmas tidak boleh memuat tanda # atau lebih dari 32 karakter",
        "a puskesmas code may not hold a # sign or more than 32 characters",
    ),
    "puskesmas.bad_code.fix": (
        "Tulis kode puskesmas Kemenkes (mis. P5203010101) atau kode lokal singkat tanpa tanda #.",
        "Write the Kemenkes puskesmas code (e.g. P5203010101) or a short local code without a # sign.",
    ),
    "puskesmas.unknown_village.reason": (
        "kode desa tidak ada di batas desa yang sudah diimpor",
        "the village code is not in the village boundaries imported so far",
    ),
    "puskesmas.unknown_village.fix": (
        "Tulis kode desa 10 digit (mis. 52.03.01.2001); bila desanya belum ada, impor dulu batas desa kabupaten/kota "
        "itu.",
        "Write the 10-digit village code (e.g. 52.03.01.2001); if the village is missing, import the district's "
        "village boundaries first.",
    ),
    "puskesmas.outside_district.reason": (
        "desa ini di luar kabupaten/kota {district} yang dipilih",
        "this village is outside the chosen district {district}",
    ),
    "puskesmas.outside_district.fix": (
        "Pilih kabupaten/kota yang benar saat mengimpor, atau hapus baris desa kabupaten/kota lain.",
        "Choose the right district when importing, or remove the other districts' village rows.",
    ),
    "puskesmas.two_names.reason": (
        "puskesmas {code} sudah bernama '{first}' di baris {row}",
        "puskesmas {code} is already named '{first}' in row {row}",
    ),
    "puskesmas.two_names.fix": (
        "Satu kode puskesmas, satu nama: samakan namanya di semua baris.",
        "One puskesmas code, one name: write the same name on every row.",
    ),
    "puskesmas.two_districts.reason": (
        "desa puskesmas {code} ada di lebih dari satu kabupaten/kota ({districts})",
        "the villages of puskesmas {code} lie in more than one district ({districts})",
    ),
    "puskesmas.two_districts.fix": (
        "Periksa kode desanya: wilayah kerja puskesmas ada di satu kabupaten/kota.",
        "Check the village codes: a puskesmas serves villages of one district.",
    ),
    "puskesmas.duplicate_village.reason": (
        "desa ini sudah tercantum untuk puskesmas yang sama di baris {first}",
        "this village is already listed for the same puskesmas in row {first}",
    ),
    "puskesmas.duplicate_village.fix": ("Hapus baris yang berulang.", "Delete the repeated row."),
    "puskesmas.shared_village.reason": (
        "desa ini juga dilayani puskesmas {other} (baris {first})",
        "this village is also served by puskesmas {other} (row {first})",
    ),
    "puskesmas.shared_village.fix": (
        "Bila benar (desa dilayani dua puskesmas), biarkan; angka puskesmas tidak pernah dibagi ke desa.",
        "If that is right (a village served by two puskesmas), leave it; puskesmas figures are never spread onto "
        "villages.",
    ),
    "puskesmas.empty.reason": ("daftar puskesmas tidak berisi satu baris pun", "the puskesmas list holds no rows"),
    "puskesmas.empty.fix": (
        "Isi satu baris per desa: kode_puskesmas, nama_puskesmas, kode_desa.",
        "Fill one row per village: kode_puskesmas, nama_puskesmas, kode_desa.",
    ),
    "puskesmas.replaced.reason": (
        "{count} puskesmas yang tersimpan untuk {districts} diganti oleh daftar ini",
        "{count} puskesmas stored for {districts} are replaced by this list",
    ),
    "puskesmas.replaced.fix": (
        "Angka per puskesmas yang sudah diimpor tetap tersimpan (menurut kode puskesmas).",
        "Figures imported per puskesmas stay stored (by puskesmas code).",
    ),
    # Labels of figures by level.
    "levels.origin.imported": ("diimpor untuk wilayah ini", "imported for this region"),
    "levels.origin.sum": ("jumlah dari desa", "sum of its villages"),
    "levels.origin.estimate": ("angka survei (dengan interval)", "survey figure (with interval)"),
    "levels.completeness": ("{reporting} dari {expected} desa melapor", "{reporting} of {expected} villages reported"),
}
