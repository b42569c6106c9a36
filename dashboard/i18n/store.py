"""Strings of boundary import, the database store and the import/export commands."""

_FORMATS_ID = "GeoJSON (.geojson), Shapefile dalam .zip, GeoPackage (.gpkg) atau GeoParquet (.parquet)"
_FORMATS_EN = "GeoJSON (.geojson), a zipped Shapefile (.zip), GeoPackage (.gpkg) or GeoParquet (.parquet)"

TEXTS: dict[str, tuple[str, str]] = {
    # Boundary files: whole-file problems.
    "boundary.wrong_type.reason": (
        "jenis file {suffix} bukan file batas wilayah",
        "a {suffix} file is not a boundary file",
    ),
    "boundary.wrong_type.fix": (f"Unggah {_FORMATS_ID}.", f"Upload {_FORMATS_EN}."),
    "boundary.shp_alone.reason": (
        "file .shp saja tidak cukup: Shapefile terdiri atas beberapa file",
        "a .shp file alone is not enough: a Shapefile is several files",
    ),
    "boundary.shp_alone.fix": (
        "Kemas .shp, .shx, .dbf dan .prj dengan nama yang sama dalam satu file .zip, lalu unggah zip itu.",
        "Pack the .shp, .shx, .dbf and .prj of the same name into one .zip file and upload that.",
    ),
    "boundary.unreadable.reason": (
        "file tidak dapat dibaca sebagai {format}: {error}",
        "the file cannot be read as {format}: {error}",
    ),
    "boundary.unreadable.fix": (
        "Pastikan file utuh (unduh atau ekspor ulang) dan jenisnya sesuai dengan akhiran namanya.",
        "Make sure the file is complete (download or export it again) and its type matches its name's ending.",
    ),
    "boundary.not_geoparquet.reason": (
        "file Parquet ini tidak memuat metadata GeoParquet ({error})",
        "this Parquet file has no GeoParquet metadata ({error})",
    ),
    "boundary.not_geoparquet.fix": (
        "Ekspor ulang sebagai GeoParquet (mis. GeoDataFrame.to_parquet di geopandas, atau ogr2ogr -f Parquet).",
        "Export it again as GeoParquet (e.g. GeoDataFrame.to_parquet in geopandas, or ogr2ogr -f Parquet).",
    ),
    "boundary.no_geometry.reason": ("file tidak memuat kolom geometri", "the file has no geometry column"),
    "boundary.no_geometry.fix": (
        "Unggah file peta yang berisi poligon desa, bukan tabel atribut saja.",
        "Upload a map file holding the village polygons, not just the attribute table.",
    ),
    "boundary.no_features.reason": ("file tidak berisi satu pun fitur", "the file holds no features"),
    "boundary.no_features.fix": (
        "Periksa bahwa lapisan yang diekspor berisi poligon desa/kelurahan.",
        "Check that the exported layer holds the village polygons.",
    ),
    "boundary.many_layers.reason": (
        "file berisi beberapa lapisan ({layers}); yang dibaca: {layer}",
        "the file holds several layers ({layers}); the one read: {layer}",
    ),
    "boundary.many_layers.fix": (
        "Bila lapisan itu bukan batas desa, simpan lapisan yang benar dalam file tersendiri.",
        "If that layer is not the village boundaries, save the right layer in a file of its own.",
    ),
    # Zip archives.
    "boundary.zip_broken.reason": (
        "file zip rusak atau tidak lengkap ({error})",
        "the zip file is broken or incomplete ({error})",
    ),
    "boundary.zip_broken.fix": (
        "Buat ulang file .zip (mis. klik kanan > Kompres) dan unggah lagi.",
        "Create the .zip again (e.g. right-click > Compress) and upload it again.",
    ),
    "boundary.zip_too_many.reason": (
        "zip berisi {count} file (paling banyak {limit})",
        "the zip holds {count} files (at most {limit})",
    ),
    "boundary.zip_too_many.fix": (
        "Masukkan ke zip hanya file Shapefile batas desa (.shp, .shx, .dbf, .prj, .cpg).",
        "Put only the village boundary Shapefile (.shp, .shx, .dbf, .prj, .cpg) in the zip.",
    ),
    "boundary.zip_too_big.reason": (
        "isi zip {size} MB setelah diekstrak (paling besar {limit} MB)",
        "the zip expands to {size} MB (at most {limit} MB)",
    ),
    "boundary.zip_too_big.fix": (
        "Bagi file per kabupaten/kota, atau impor lewat baris perintah sebagai GeoParquet.",
        "Split the file by district, or import it as GeoParquet from the command line.",
    ),
    "boundary.zip_ratio.reason": (
        "file {member} di dalam zip mengembang {ratio} kali saat diekstrak; ini ciri zip bomb",
        "{member} inside the zip expands {ratio} times when extracted, the mark of a zip bomb",
    ),
    "boundary.zip_ratio.fix": (
        "Unggah zip yang berisi Shapefile batas desa yang dikompres biasa.",
        "Upload a zip holding an ordinarily compressed village boundary Shapefile.",
    ),
    "boundary.zip_no_layer.reason": (
        "zip tidak berisi Shapefile (.shp), GeoPackage, GeoJSON atau GeoParquet; isinya: {members}",
        "the zip holds no Shapefile (.shp), GeoPackage, GeoJSON or GeoParquet; it holds: {members}",
    ),
    "boundary.zip_no_layer.fix": (
        "Kemas file .shp, .shx, .dbf dan .prj batas desa ke dalam zip.",
        "Pack the village boundary .shp, .shx, .dbf and .prj into the zip.",
    ),
    "boundary.zip_many_layers.reason": (
        "zip berisi beberapa lapisan: {layers}",
        "the zip holds several layers: {layers}",
    ),
    "boundary.zip_many_layers.fix": (
        "Sisakan satu lapisan batas desa per zip dan impor yang lain terpisah.",
        "Keep one village boundary layer per zip and import the others separately.",
    ),
    "boundary.shp_incomplete.reason": (
        "Shapefile {name} tidak lengkap: tidak ada {missing}",
        "the Shapefile {name} is incomplete: {missing} is missing",
    ),
    "boundary.shp_incomplete.fix": (
        "Sertakan .shp, .shx dan .dbf (dan .prj) dengan nama yang sama dalam zip.",
        "Include the .shp, .shx and .dbf (and .prj) of the same name in the zip.",
    ),
    # Coordinate reference systems.
    "boundary.no_crs.reason": (
        "sistem koordinat (CRS) tidak diketahui dan koordinat bukan derajat bujur/lintang (mis. x={x}, y={y})",
        "the coordinate reference system (CRS) is unknown and the coordinates are not longitude/latitude degrees "
        "(e.g. x={x}, y={y})",
    ),
    "boundary.no_crs.fix": (
        "Simpan ulang file dengan CRS-nya (untuk Shapefile sertakan file .prj), mis. lewat QGIS: "
        "Ekspor > Simpan Fitur Sebagai.",
        "Save the file again with its CRS (for a Shapefile include the .prj file), e.g. in QGIS: "
        "Export > Save Features As.",
    ),
    "boundary.crs_assumed.reason": (
        "sistem koordinat (CRS) tidak disebut; koordinat berada dalam rentang bujur/lintang sehingga dianggap "
        "WGS 84 (EPSG:4326)",
        "the coordinate reference system (CRS) is not stated; the coordinates lie within longitude/latitude bounds, "
        "so WGS 84 (EPSG:4326) is assumed",
    ),
    "boundary.crs_assumed.fix": (
        "Bila peta tampak bergeser, simpan ulang file dengan CRS yang benar (file .prj untuk Shapefile).",
        "If the map looks shifted, save the file again with its right CRS (the .prj file for a Shapefile).",
    ),
    "boundary.reproject_failed.reason": (
        "koordinat tidak dapat diubah ke EPSG:4326 ({error})",
        "the coordinates cannot be transformed to EPSG:4326 ({error})",
    ),
    "boundary.reproject_failed.fix": (
        "Simpan ulang file dalam EPSG:4326 (WGS 84) atau CRS standar lain.",
        "Save the file again in EPSG:4326 (WGS 84) or another standard CRS.",
    ),
    # Codes and names.
    "boundary.no_code_column.reason": (
        "tidak ada kolom kode wilayah yang dikenali; kolom yang ada: {columns}",
        "no region code column was recognised; the columns are: {columns}",
    ),
    "boundary.no_code_column.fix": (
        "Pilih kolom kode Kemendagri (di halaman Data, atau --code-column NAMA di baris perintah).",
        "Choose the Kemendagri code column (on the Data page, or --code-column NAME on the command line).",
    ),
    "boundary.code_column_missing.reason": (
        "kolom {column} tidak ada; kolom yang ada: {columns}",
        "there is no column {column}; the columns are: {columns}",
    ),
    "boundary.code_column_missing.fix": (
        "Pilih salah satu kolom yang ada sebagai kolom kode.",
        "Choose one of the existing columns as the code column.",
    ),
    "boundary.bad_code.reason": ("bukan kode wilayah Kemendagri", "not a Kemendagri region code"),
    "boundary.bad_code.fix": (
        "Tulis kode 2, 4, 6 atau 10 digit, bertitik atau tidak (52.03.01.2001 atau 5203012001), atau pilih "
        "kolom kode lain.",
        "Write a 2, 4, 6 or 10 digit code, dotted or not (52.03.01.2001 or 5203012001), or choose another code column.",
    ),
    "boundary.duplicate_code.reason": (
        "kode yang sama sudah ada di baris {first}",
        "the same code is already in row {first}",
    ),
    "boundary.duplicate_code.fix": (
        "Setiap wilayah hanya boleh muncul sekali: gabungkan poligonnya atau hapus baris ganda.",
        "Each region may appear only once: merge its polygons or delete the duplicate row.",
    ),
    "boundary.no_names.reason": (
        "tidak ada kolom nama desa; kolom yang ada: {columns}",
        "there is no village name column; the columns are: {columns}",
    ),
    "boundary.no_names.fix": (
        "Kode dipakai sebagai nama. Tambahkan kolom 'nama' agar peta dan pencocokan nama desa dapat dipakai.",
        "The codes are used as names. Add a 'nama' column so that the map and village name matching work.",
    ),
    # Geometry.
    "boundary.empty_geometry.reason": ("geometri kosong", "the geometry is empty"),
    "boundary.empty_geometry.fix": (
        "Gambar ulang poligon wilayah ini atau hapus barisnya.",
        "Draw this region's polygon again or delete its row.",
    ),
    "boundary.not_polygon.reason": (
        "geometri {geom_type}, bukan poligon",
        "the geometry is a {geom_type}, not a polygon",
    ),
    "boundary.not_polygon.fix": (
        "Batas desa harus berupa poligon; ekspor lapisan poligon, bukan titik atau garis.",
        "Village boundaries must be polygons; export the polygon layer, not points or lines.",
    ),
    "boundary.repaired.reason": (
        "geometri tidak valid ({reason}) dan sudah diperbaiki otomatis",
        "the geometry was invalid ({reason}) and has been repaired automatically",
    ),
    "boundary.repaired.fix": (
        "Periksa batas wilayah ini di peta; perbaiki di sumbernya bila bentuknya salah.",
        "Check this boundary on the map; correct it at its source if its shape is wrong.",
    ),
    "boundary.repaired_total.reason": (
        "{count} geometri tidak valid sudah diperbaiki otomatis",
        "{count} invalid geometries were repaired automatically",
    ),
    "boundary.repaired_total.fix": (
        "Baris-barisnya tercantum di atas; periksa bentuknya di peta.",
        "Their rows are listed above; check their shapes on the map.",
    ),
    "boundary.repaired_empty.reason": (
        "geometri tidak valid ({reason}) dan tidak tersisa luasan setelah diperbaiki",
        "the geometry is invalid ({reason}) and no area is left after repair",
    ),
    "boundary.repaired_empty.fix": (
        "Gambar ulang poligon wilayah ini di sumbernya.",
        "Draw this region's polygon again at its source.",
    ),
    "boundary.more.reason": (
        "dan {count} baris lain dengan masalah yang sama",
        "and {count} more rows with the same problem",
    ),
    "boundary.more.fix": (
        "Perbaiki baris di atas dulu; baris lain biasanya punya penyebab yang sama.",
        "Fix the rows above first; the others usually share their cause.",
    ),
    # The store.
    "store.duplicate_file.reason": (
        "file ini sudah diimpor sebagai dataset {id} ({file}, {when})",
        "this file was already imported as dataset {id} ({file}, {when})",
    ),
    "store.duplicate_file.fix": (
        "Tidak ada yang diubah. Untuk mengimpornya ulang, hapus dulu dataset {id}.",
        "Nothing was changed. To import it again, remove dataset {id} first.",
    ),
    "store.duplicate_key.reason": (
        "wilayah, periode dan indikator yang sama sudah ada di baris {first}",
        "the same region, period and indicator are already in row {first}",
    ),
    "store.duplicate_key.fix": (
        "Setiap wilayah, periode dan indikator hanya boleh muncul sekali per file; hapus baris ganda.",
        "Each region, period and indicator may appear only once per file; delete the duplicate row.",
    ),
    "store.missing_count.reason": ("pembilang atau penyebut kosong", "the numerator or denominator is empty"),
    "store.missing_count.fix": (
        "Isi pembilang dan penyebut dengan angka (0 bila tidak ada).",
        "Fill in the numerator and denominator with numbers (0 when there are none).",
    ),
    "store.replaced.reason": (
        "{count} nilai menggantikan nilai dataset {id} ({file}) untuk wilayah, periode dan indikator yang sama",
        "{count} values replace those of dataset {id} ({file}) for the same region, period and indicator",
    ),
    "store.replaced.fix": (
        "Nilai lama tetap tersimpan; hapus dataset ini untuk kembali memakai nilai lama.",
        "The old values are kept; remove this dataset to use the old values again.",
    ),
    "store.codes_disappeared.reason": (
        "{count} kode desa tidak ada lagi di versi batas yang baru: {codes}",
        "{count} village codes are no longer in the new boundary version: {codes}",
    ),
    "store.codes_disappeared.fix": (
        "Data indikator untuk kode itu tetap tersimpan tetapi tidak tampil di peta; periksa pemekaran atau "
        "perubahan kode.",
        "Indicator data for those codes is kept but not shown on the map; check for split villages or changed codes.",
    ),
    "store.codes_appeared.reason": (
        "{count} kode desa baru dibanding versi batas sebelumnya: {codes}",
        "{count} village codes are new compared with the previous boundary version: {codes}",
    ),
    "store.codes_appeared.fix": (
        "Periksa bahwa kode baru itu benar (pemekaran desa atau perubahan kode).",
        "Check that the new codes are right (split villages or changed codes).",
    ),
    # The check against what is stored (dashboard.data.assessment); _id/_en parameters are per language.
    "store.incomplete_period.reason": (
        "File ini hanya mencakup {in_file} dari {villages} desa untuk {period_id} ({indicator_id}); bersama data yang "
        "sudah tersimpan {reporting} desa melapor, di bawah batas kelengkapan {minimum}%",
        "This file covers only {in_file} of {villages} villages for {period_en} ({indicator_en}); with the data "
        "already stored {reporting} villages report, below the completeness threshold of {minimum}%",
    ),
    "store.incomplete_period.fix": (
        "Periode ini tetap dapat diimpor, tetapi ditandai 'belum lengkap' dan tidak dibuka sebagai periode bawaan. "
        "Desa tanpa data: {missing_id}.",
        "The period can still be imported, but it is marked 'incomplete' and not opened by default. Villages "
        "without data: {missing_en}.",
    ),
    "store.more_villages": ("dan {n} lainnya", "and {n} more"),
    # Command line.
    "store.cli.not_found": ("{path}: file tidak ditemukan", "{path}: file not found"),
    "store.cli.refused": (
        "{file}: ditolak, {errors} kesalahan dan {warnings} peringatan; basis data tidak berubah.",
        "{file}: refused, {errors} errors and {warnings} warnings; the database is unchanged.",
    ),
    "store.cli.duplicate": (
        "{file}: sudah diimpor sebagai dataset {id}; tidak ada yang berubah.",
        "{file}: already imported as dataset {id}; nothing changed.",
    ),
    "store.cli.boundaries_ok": (
        "{file}: dataset {id}, {villages} desa/kelurahan di {districts} kabupaten/kota ({repaired} geometri "
        "diperbaiki, {appeared} kode baru, {disappeared} kode hilang).",
        "{file}: dataset {id}, {villages} villages in {districts} districts ({repaired} geometries repaired, "
        "{appeared} codes appeared, {disappeared} disappeared).",
    ),
    "store.cli.indicators_ok": (
        "{file}: dataset {id}, {rows} nilai dari {read} baris ({skipped} baris dilewati, {aliases} alias nama "
        "disimpan, {replaced} nilai lama diganti).",
        "{file}: dataset {id}, {rows} values from {read} rows ({skipped} rows skipped, {aliases} name aliases "
        "saved, {replaced} older values replaced).",
    ),
    "store.cli.exported": ("{rows} nilai ditulis ke {path}", "{rows} values written to {path}"),
    "store.cli.suggestion": (
        "{name!r} (baris {rows}): mungkin {candidates}",
        "{name!r} (rows {rows}): perhaps {candidates}",
    ),
    "store.cli.suggestions": (
        "Nama desa yang perlu dikonfirmasi (jalankan ulang dengan --yes untuk menerima kecocokan yang jelas):",
        "Village names to confirm (run again with --yes to accept unambiguous near matches):",
    ),
    "store.cli.bad_confirm": (
        "--confirm {value!r}: tulis NAMA=KODE dengan kode desa lengkap (mis. 'Ds. Sukamaju=52.03.01.2001')",
        "--confirm {value!r}: write NAME=CODE with a full village code (e.g. 'Ds. Sukamaju=52.03.01.2001')",
    ),
    "store.cli.bad_mapping": (
        "--mapping {path}: tidak dapat dibaca sebagai JSON {{kolom: nama kolom}} ({error})",
        "--mapping {path}: cannot be read as JSON {{field: column name}} ({error})",
    ),
    "store.cli.bad_district": (
        "--wilayah {value!r}: bukan kode kabupaten/kota (mis. 64.74 atau 6474)",
        "--wilayah {value!r}: not a kabupaten/kota code (e.g. 64.74 or 6474)",
    ),
    "store.cli.no_villages": (
        "Belum ada batas desa untuk {district}; impor batas dulu (import-boundaries).",
        "There are no village boundaries for {district} yet; import boundaries first (import-boundaries).",
    ),
    # Impossible geometry (issue 12, point 7).
    "boundary.crs_unknown.reason": (
        "file menyebut sistem koordinat (CRS) {crs!r} yang tidak ada, sehingga letak koordinatnya tidak diketahui",
        "the file names a coordinate reference system (CRS) {crs!r} that does not exist, so where its coordinates "
        "lie is unknown",
    ),
    "boundary.crs_unknown.fix": (
        "Simpan ulang file dengan CRS yang benar (mis. EPSG:4326, atau zona UTM-nya seperti EPSG:32750), "
        "mis. lewat QGIS: Ekspor > Simpan Fitur Sebagai.",
        "Save the file again with its right CRS (e.g. EPSG:4326, or its UTM zone such as EPSG:32750), "
        "e.g. in QGIS: Export > Save Features As.",
    ),
    "boundary.bad_coordinates.reason": (
        "geometri memuat koordinat yang bukan angka (NaN atau tak hingga)",
        "the geometry holds coordinates that are not numbers (NaN or infinite)",
    ),
    "boundary.bad_coordinates.fix": (
        "Perbaiki atau gambar ulang fitur ini (QGIS: Vektor > Alat Geometri > Periksa Validitas), lalu ekspor ulang.",
        "Repair or redraw this feature (QGIS: Vector > Geometry Tools > Check Validity), then export again.",
    ),
    "boundary.bad_coordinates_file.reason": (
        "sebuah geometri tidak dapat dibentuk dari koordinatnya ({error})",
        "a geometry cannot be built from its coordinates ({error})",
    ),
    "boundary.bad_coordinates_file.fix": (
        "Periksa validitas geometri di QGIS (Vektor > Alat Geometri > Periksa Validitas), perbaiki fitur yang "
        "koordinatnya kosong atau NaN, lalu ekspor ulang.",
        "Check the geometries in QGIS (Vector > Geometry Tools > Check Validity), repair the features whose "
        "coordinates are blank or NaN, then export again.",
    ),
    "boundary.out_of_range.reason": (
        "koordinat di luar rentang bujur -180..180 / lintang -90..90 (mis. x={x}, y={y}): "
        "bukan derajat, walau file menyebut CRS-nya derajat",
        "coordinates outside longitude -180..180 / latitude -90..90 (e.g. x={x}, y={y}): "
        "not degrees, although the file's CRS says degrees",
    ),
    "boundary.out_of_range.fix": (
        "Bila koordinatnya meter (mis. UTM), simpan ulang file dengan CRS yang benar; bila bujur dan lintang "
        "tertukar atau fitur ini salah gambar, perbaiki fitur ini.",
        "If the coordinates are metres (e.g. UTM), save the file again with its right CRS; if longitude and "
        "latitude are swapped or this feature is drawn wrong, repair this feature.",
    ),
    "boundary.outside_indonesia.reason": (
        "{count} desa berada seluruhnya di luar wilayah Indonesia (bujur 94..142 BT, lintang 11,5 LS..6,5 LU), "
        "baris {rows}",
        "{count} villages lie wholly outside Indonesia (longitude 94..142 E, latitude 11.5 S..6.5 N), rows {rows}",
    ),
    "boundary.outside_indonesia.fix": (
        "Periksa CRS file dan apakah bujur dan lintang tertukar; bila peta tampak benar, abaikan peringatan ini.",
        "Check the file's CRS and whether longitude and latitude are swapped; if the map looks right, ignore "
        "this warning.",
    ),
    # BPS codes and the crosswalk file (issue 12, point 5).
    "boundary.replaces_villages.reason": (
        "file ini mengganti seluruh batas {district}: dari {stored} desa yang tersimpan hanya {kept} ada di file, "
        "{count} desa akan hilang dari peta dan dari angka kabupaten/kota (nilainya tetap tersimpan): {villages_id}",
        "this file replaces all of {district}'s boundaries: of the {stored} villages stored only {kept} are in the "
        "file, {count} villages would leave the map and the district's figures (their values stay stored): "
        "{villages_en}",
    ),
    "boundary.replaces_villages.fix": (
        "Impor file batas yang lengkap untuk kabupaten/kota ini. Lanjutkan hanya bila desa-desa itu memang tidak "
        "ada lagi (pemekaran, penggabungan); mengimpor lagi file batas yang lengkap kapan pun mengembalikan petanya.",
        "Import a complete boundary file for this district. Go on only if those villages really no longer exist "
        "(splits, mergers); importing the complete boundary file again at any time brings their map back.",
    ),
    "boundary.bps_codes.reason": (
        "kolom {column} tampaknya berisi kode BPS (PPKKCCCDDD), bukan kode Kemendagri (PP.KK.CC.DDDD): {count} dari "
        "{total} kode punya nomor desa yang tidak dimiliki kode Kemendagri mana pun (mis. {examples}); dibaca sebagai "
        "kode Kemendagri, kecamatan akan tergabung dan nomor desanya salah, jadi file ditolak",
        "the column {column} looks like BPS codes (PPKKCCCDDD), not Kemendagri codes (PP.KK.CC.DDDD): {count} of "
        "{total} codes have a village number no Kemendagri code has (e.g. {examples}); read as Kemendagri codes, "
        "kecamatan would merge and village numbers would be wrong, so the file is refused",
    ),
    "boundary.bps_codes.fix": (
        "Dua jalan: (a) cocokkan menurut nama dengan daftar resmi Kemendagri: centang 'Cocokkan nama' di halaman Data "
        "atau --match-names di baris perintah (python -m dashboard import-boundaries FILE --match-names); atau "
        "(b) terjemahkan kode lewat file padanan CSV dengan kolom kode_bps,kode_kemendagri: di kotak 'File padanan "
        "kode BPS → Kemendagri' pada halaman Data atau --crosswalk padanan.csv (lihat README, bagian \"BPS codes "
        'and the crosswalk file").',
        "Two ways on: (a) match the villages by name against the official Kemendagri list: tick 'Match names' on "
        "the Data page or use --match-names on the command line (python -m dashboard import-boundaries FILE "
        "--match-names); or (b) translate the codes through a crosswalk CSV with the columns "
        "kode_bps,kode_kemendagri: in the 'Crosswalk of BPS → Kemendagri codes' box on the Data page or with "
        '--crosswalk crosswalk.csv (see the README, "BPS codes and the crosswalk file").',
    ),
    "boundary.not_kemendagri_code.reason": (
        "nomor desa {part} tidak ada dalam penomoran Kemendagri (kelurahan 1..., desa 2..., desa adat 3...); "
        "mungkin kode BPS atau salah ketik",
        "village number {part} does not exist in Kemendagri's numbering (kelurahan 1..., desa 2..., desa adat 3...); "
        "perhaps a BPS code or a typo",
    ),
    "boundary.not_kemendagri_code.fix": (
        "Ganti dengan kode Kemendagri desa ini (daftar resmi Kemendagri).",
        "Replace it with this village's Kemendagri code (the official Kemendagri list).",
    ),
    "boundary.crosswalk_unreadable.reason": (
        "file padanan tidak dapat dibaca sebagai CSV: {error}",
        "the crosswalk file cannot be read as CSV: {error}",
    ),
    "boundary.crosswalk_unreadable.fix": (
        "Simpan file padanan sebagai CSV (UTF-8, dipisah koma atau titik koma) dengan kolom kode_bps,kode_kemendagri.",
        "Save the crosswalk as CSV (UTF-8, comma- or semicolon-separated) with the columns kode_bps,kode_kemendagri.",
    ),
    "boundary.crosswalk_columns.reason": (
        "file padanan tidak punya kolom kode_bps dan kode_kemendagri; kolom yang ada: {columns}",
        "the crosswalk file lacks the columns kode_bps and kode_kemendagri; the columns are: {columns}",
    ),
    "boundary.crosswalk_columns.fix": (
        "Beri judul kolom kode_bps (kode BPS 10 digit) dan kode_kemendagri (kode Kemendagri desa) pada baris pertama.",
        "Head the columns kode_bps (10-digit BPS code) and kode_kemendagri (the village's Kemendagri code) in the "
        "first row.",
    ),
    "boundary.crosswalk_bad_bps.reason": (
        "bukan kode desa BPS 10 digit",
        "not a 10-digit BPS village code",
    ),
    "boundary.crosswalk_bad_bps.fix": (
        "Tulis kode BPS sebagai teks 10 digit, mis. 3506010001.",
        "Write the BPS code as 10 digits of text, e.g. 3506010001.",
    ),
    "boundary.crosswalk_bad_kemendagri.reason": (
        "bukan kode desa/kelurahan Kemendagri",
        "not a Kemendagri desa/kelurahan code",
    ),
    "boundary.crosswalk_bad_kemendagri.fix": (
        "Tulis kode Kemendagri desa, mis. 35.06.01.2001 atau 3506012001.",
        "Write the village's Kemendagri code, e.g. 35.06.01.2001 or 3506012001.",
    ),
    "boundary.crosswalk_conflict.reason": (
        "kode BPS ini sudah dipadankan ke kode Kemendagri lain pada baris {first}",
        "this BPS code is already matched to another Kemendagri code in row {first}",
    ),
    "boundary.crosswalk_conflict.fix": (
        "Sisakan satu padanan untuk setiap kode BPS.",
        "Keep one match for each BPS code.",
    ),
    "boundary.crosswalk_empty.reason": ("file padanan tidak berisi satu pun baris", "the crosswalk file holds no rows"),
    "boundary.crosswalk_empty.fix": (
        "Isi satu baris kode_bps,kode_kemendagri untuk setiap desa.",
        "Fill in one kode_bps,kode_kemendagri row for each village.",
    ),
    "boundary.crosswalk_missing.reason": (
        "kode BPS ini tidak ada dalam file padanan",
        "this BPS code is not in the crosswalk file",
    ),
    "boundary.crosswalk_missing.fix": (
        "Tambahkan baris kode_bps,kode_kemendagri untuk desa ini ke file padanan.",
        "Add a kode_bps,kode_kemendagri row for this village to the crosswalk file.",
    ),
    "boundary.crosswalk_used.reason": (
        "{count} kode BPS diterjemahkan ke kode Kemendagri lewat file padanan",
        "{count} BPS codes were translated to Kemendagri codes through the crosswalk file",
    ),
    "boundary.crosswalk_used.fix": (
        "Periksa peta: nama desa harus cocok dengan kodenya.",
        "Check the map: each village's name must match its code.",
    ),
    # Matching a BPS-coded file's villages by name against the official Kemendagri list.
    "boundary.names_matched.reason": (
        "{count} desa dicocokkan menurut nama dengan daftar Kemendagri 2025",
        "{count} villages were matched by name against the Kemendagri 2025 list",
    ),
    "boundary.names_matched.fix": (
        "Kode dan nama desa diambil dari daftar Kemendagri; periksa peta: setiap desa harus berada di tempatnya.",
        "Codes and village names come from the Kemendagri list; check the map: each village must be in its place.",
    ),
    "boundary.names_no_column.reason": (
        "tidak ada kolom nama desa untuk dicocokkan dengan daftar Kemendagri; kolom yang ada: {columns}",
        "there is no column of village names to match against the Kemendagri list; the columns are: {columns}",
    ),
    "boundary.names_no_column.fix": (
        "Beri nama desa pada kolom bernama nama, nama_desa, desa atau WADMKD, atau gunakan file padanan "
        "kode_bps,kode_kemendagri (--crosswalk).",
        "Put the village names in a column called nama, nama_desa, desa or WADMKD, or use a kode_bps,kode_kemendagri "
        "crosswalk file (--crosswalk).",
    ),
    "boundary.names_no_kabupaten.reason": (
        "daftar Kemendagri tidak punya kabupaten/kota {kabupaten}, yang diberikan empat digit pertama kode BPS; "
        "nomor kabupaten BPS dan Kemendagri berbeda di sini, jadi nama desa tidak dapat dicocokkan",
        "the Kemendagri list has no kabupaten/kota {kabupaten}, which the first four digits of the BPS codes give; "
        "BPS and Kemendagri number this kabupaten differently, so the village names cannot be matched",
    ),
    "boundary.names_no_kabupaten.fix": (
        "Terjemahkan kode BPS lewat file padanan kode_bps,kode_kemendagri (--crosswalk), atau tambahkan kolom kode "
        "Kemendagri ke file.",
        "Translate the BPS codes through a kode_bps,kode_kemendagri crosswalk file (--crosswalk), or add a "
        "Kemendagri code column to the file.",
    ),
    "boundary.names_empty.reason": (
        "desa ini tidak bernama, jadi tidak dapat dicocokkan dengan daftar Kemendagri",
        "this village has no name, so it cannot be matched against the Kemendagri list",
    ),
    "boundary.names_empty.fix": (
        "Isi nama desa, atau tambahkan kolom kode Kemendagri ke file (pilih dengan --code-column), atau terjemahkan "
        "kode BPS lewat file padanan kode_bps,kode_kemendagri (--crosswalk).",
        "Fill in the village name, or add a Kemendagri code column to the file (choose it with --code-column), or "
        "translate the BPS codes through a kode_bps,kode_kemendagri crosswalk file (--crosswalk).",
    ),
    "boundary.names_unmatched.reason": (
        "tidak ada desa bernama ini di kabupaten/kota {kabupaten} dalam daftar Kemendagri 2025 (yang mirip: "
        "{candidates}); hanya nama yang sama persis yang diterima",
        "no village of this name in kabupaten/kota {kabupaten} in the Kemendagri 2025 list (similar: {candidates}); "
        "only an exact name is taken",
    ),
    "boundary.names_unmatched.fix": (
        "Tulis nama seperti dalam daftar Kemendagri, atau tambahkan kolom kode Kemendagri ke file (pilih dengan "
        "--code-column), atau terjemahkan kode BPS lewat file padanan kode_bps,kode_kemendagri (--crosswalk).",
        "Write the name as the Kemendagri list does, or add a Kemendagri code column to the file (choose it with "
        "--code-column), or translate the BPS codes through a kode_bps,kode_kemendagri crosswalk file (--crosswalk).",
    ),
    "boundary.names_ambiguous.reason": (
        "nama ini dimiliki beberapa desa di kabupaten/kota {kabupaten}: {candidates}",
        "several villages of kabupaten/kota {kabupaten} have this name: {candidates}",
    ),
    "boundary.names_ambiguous.fix": (
        "Tambahkan kolom nama kecamatan (nama_kec, kecamatan atau WADMKC) agar desanya jelas, atau tambahkan kolom "
        "kode Kemendagri ke file (pilih dengan --code-column), atau terjemahkan kode BPS lewat file padanan "
        "kode_bps,kode_kemendagri (--crosswalk).",
        "Add a column of kecamatan names (nama_kec, kecamatan or WADMKC) so the village is clear, or add a Kemendagri "
        "code column to the file (choose it with --code-column), or translate the BPS codes through a "
        "kode_bps,kode_kemendagri crosswalk file (--crosswalk).",
    ),
    "boundary.names_same_village.reason": (
        "nama ini cocok dengan desa {village} ({code}), yang sudah dicocokkan dengan baris {first}",
        "this name matches the village {village} ({code}), already matched by row {first}",
    ),
    "boundary.names_same_village.fix": (
        "Setiap desa hanya muncul sekali: periksa kedua baris; bila keduanya memang desa berbeda, tambahkan kolom "
        "kode Kemendagri ke file (pilih dengan --code-column), atau terjemahkan kode BPS lewat file padanan "
        "kode_bps,kode_kemendagri (--crosswalk).",
        "Each village appears once: check both rows; if they really are different villages, add a Kemendagri code "
        "column to the file (choose it with --code-column), or translate the BPS codes through a "
        "kode_bps,kode_kemendagri crosswalk file (--crosswalk).",
    ),
    "boundary.names_kecamatan_unknown.reason": (
        "kecamatan ini tidak ada di kabupaten/kota {kabupaten} dalam daftar Kemendagri; desa-desanya dicari di "
        "seluruh kabupaten",
        "this kecamatan is not in kabupaten/kota {kabupaten} in the Kemendagri list; its villages were looked for in "
        "the whole kabupaten",
    ),
    "boundary.names_kecamatan_unknown.fix": (
        "Tulis nama kecamatan seperti dalam daftar Kemendagri.",
        "Write the kecamatan name as the Kemendagri list does.",
    ),
}
