"""Strings of the lokus desa planning page, its scenarios and the decree annex."""

TEXTS: dict[str, tuple[str, str]] = {
    "lokus.title": ("Penentuan lokus desa", "Choosing the priority villages (lokus desa)"),
    "lokus.intro": (
        "Desa diurutkan menurut kriteria yang dapat diperiksa; pilih, beri alasan, simpan sebagai skenario, "
        "lalu ekspor sebagai lampiran keputusan bupati.",
        "Villages are ranked by criteria anyone can check; choose, give reasons, save as a scenario, then export "
        "as the annex of the regent's decree.",
    ),
    "lokus.no_data": (
        "Belum ada data prevalensi stunting untuk kabupaten/kota ini; impor data di halaman Data.",
        "There is no stunting prevalence for this district yet; import data on the Data page.",
    ),
    "lokus.district": ("Kabupaten/kota", "District"),
    "lokus.period": ("Data periode", "Data period"),
    "lokus.completeness": (
        "Data: {reporting} dari {villages} desa melapor ({share})",
        "Data: {reporting} of {villages} villages reporting ({share})",
    ),
    "lokus.completeness.incomplete": (
        "— belum lengkap (ambang {minimum}); peringkat hanya memuat desa yang melapor.",
        "— incomplete (threshold {minimum}); the ranking holds only the villages that reported.",
    ),
    "lokus.include_flagged": (
        "Ikutkan nilai yang ditandai tidak wajar",
        "Include values flagged as implausible",
    ),
    "lokus.method.help.title": ("Cara peringkat dihitung", "How the ranking is computed"),
    "lokus.method.help.shrinkage": (
        "Prevalensi untuk peringkat adalah taksiran empiris-Bayes: angka desa ditarik ke arah angka kecamatannya, "
        "makin kuat bila makin sedikit balita yang diukur (kabupaten bila kecamatan punya kurang dari 5 desa). "
        "Desa dengan 1 stunting dari 2 balita (50%) tidak lagi menempati peringkat teratas karena kebetulan; "
        "prevalensi mentah tetap tersedia sebagai kriteria tersendiri (mati secara bawaan).",
        "The prevalence used for ranking is an empirical-Bayes estimate: a village's rate is pulled toward its "
        "kecamatan's, the more so the fewer children were measured (the district's when a kecamatan has fewer "
        "than 5 villages). A village with 1 stunted child of 2 (50%) no longer tops the list by chance; the raw "
        "prevalence stays available as a criterion of its own (off by default).",
    ),
    "lokus.method.help.minimum": (
        "Angka tentang balita dengan penyebut di bawah {minimum} anak tidak dihitung (dianggap kosong): cakupan "
        "0 dari 2 anak tidak berarti apa-apa. Angka rumah tangga/keluarga dan indikator ya/tidak desa tidak "
        "terkena batas ini.",
        "Rates about children with a denominator below {minimum} are left out (counted as missing): a coverage "
        "of 0 of 2 children says nothing. Household/family rates and yes/no village indicators are exempt.",
    ),
    "lokus.method.help.flags": (
        "Nilai yang ditandai tidak wajar (misalnya nol stunting dari ≥30 anak, perubahan yang tidak mungkin "
        "karena kebetulan) tidak dihitung kecuali Anda mengikutkannya; alasannya tertulis di kolom catatan. "
        "Desa tanpa skor tidak pernah terpilih.",
        "Values flagged as implausible (e.g. zero stunting of ≥30 children, a change chance cannot explain) are "
        "left out unless you include them; the reason is in the notes column. A village without a score is "
        "never selected.",
    ),
    "lokus.left_out.few": (
        "{indicator}: hanya {n} anak (< {minimum}), tidak dihitung",
        "{indicator}: only {n} children (< {minimum}), left out",
    ),
    "lokus.left_out.flag": ("{indicator} ditandai: {flag}", "{indicator} flagged: {flag}"),
    "lokus.left_out.flag_kept": (
        "{indicator} ditandai, tetap dihitung: {flag}",
        "{indicator} flagged, counted anyway: {flag}",
    ),
    "lokus.map.legend.light": ("Kuadran (garis tebal = terpilih)", "Quadrant (thick outline = chosen)"),
    "lokus.grid.estimate": ("Taksiran (%)", "Estimate (%)"),
    "lokus.method": ("Metode", "Method"),
    "lokus.method.weighted": ("Skor berbobot", "Weighted score"),
    "lokus.method.traffic_light": ("Matriks lampu lalu lintas", "Traffic-light matrix"),
    "lokus.selection": ("Jumlah desa lokus", "Size of the list"),
    "lokus.selection.top_n": ("N teratas", "Top N"),
    "lokus.selection.min_score": ("Skor minimal", "Minimum score"),
    "lokus.selection.all_red": ("Semua desa merah (kosongkan N)", "All red villages (leave N empty)"),
    "lokus.light.prevalence": ("Prevalensi tinggi mulai (%)", "High prevalence from (%)"),
    "lokus.light.stunted": (
        "Banyak balita stunting mulai (kosong = median)",
        "Many stunted children from (empty = median)",
    ),
    "lokus.criteria": ("Kriteria", "Criteria"),
    "lokus.criteria.help": (
        "Skor = rata-rata berbobot kriteria yang dinormalisasi ke 0–1 (1 = paling perlu). Nilai kosong tidak "
        "dihitung; seri diurutkan menurut jumlah balita stunting, lalu prevalensi, lalu kode.",
        "Score = weighted mean of the criteria normalised to 0–1 (1 = most in need). Missing values are left out; "
        "ties go by number stunted, then prevalence, then code.",
    ),
    "lokus.col.use": ("Pakai", "Use"),
    "lokus.col.criterion": ("Kriteria", "Criterion"),
    "lokus.col.weight": ("Bobot", "Weight"),
    "lokus.col.direction": ("Arah", "Direction"),
    "lokus.col.normalisation": ("Normalisasi", "Normalisation"),
    "lokus.direction.higher": ("tinggi = prioritas", "higher = priority"),
    "lokus.direction.lower": ("rendah = prioritas", "lower = priority"),
    "lokus.normalisation.minmax": ("min–maks", "min–max"),
    "lokus.normalisation.rank": ("peringkat", "rank"),
    "lokus.criterion.prevalensi": (
        "Prevalensi stunting (%, taksiran ditarik ke kecamatan)",
        "Stunting prevalence (%, estimate pulled toward the kecamatan)",
    ),
    "lokus.criterion.prevalensi_mentah": ("Prevalensi stunting mentah (%)", "Raw stunting prevalence (%)"),
    "lokus.criterion.jumlah_stunting": ("Jumlah balita stunting", "Number of stunted children"),
    "lokus.criterion.pengukuran": ("Cakupan pengukuran (%)", "Measurement coverage (%)"),
    "lokus.criterion.gap": ("Kesenjangan {label} (poin % di bawah target)", "Gap in {label} (points below target)"),
    "lokus.criterion.rate": ("{label} (%)", "{label} (%)"),
    "lokus.summary": (
        "{selected} dari {villages} desa terpilih. Peta: merah tua = terpilih, ungu = ditambahkan manual, merah muda = "
        "skor.",
        "{selected} of {villages} villages chosen. Map: dark red = chosen, purple = added by hand, light red = score.",
    ),
    "lokus.summary.light": (
        "{selected} dari {villages} desa terpilih. Peta: warna = kuadran, garis tebal = terpilih.",
        "{selected} of {villages} villages chosen. Map: colour = quadrant, thick outline = chosen.",
    ),
    "lokus.grid.rank": ("Peringkat", "Rank"),
    "lokus.grid.kecamatan": ("Kecamatan", "Kecamatan"),
    "lokus.grid.desa": ("Desa/kelurahan", "Village"),
    "lokus.grid.flag": (
        "Nilai ditandai tidak wajar (lihat kolom catatan)",
        "Value flagged as implausible (see the notes column)",
    ),
    "lokus.grid.code": ("Kode", "Code"),
    "lokus.grid.prevalence": ("Prevalensi (%)", "Prevalence (%)"),
    "lokus.grid.stunted": ("Balita stunting", "Stunted children"),
    "lokus.grid.score": ("Skor", "Score"),
    "lokus.grid.light": ("Kuadran", "Quadrant"),
    "lokus.grid.status": ("Lokus", "Chosen"),
    "lokus.grid.reason": ("Alasan", "Reason"),
    "lokus.grid.missing": ("Tidak dihitung / data kosong", "Left out / missing data"),
    "lokus.status.selected": ("ya", "yes"),
    "lokus.status.added": ("ya (ditambahkan)", "yes (added)"),
    "lokus.status.removed": ("dikeluarkan", "removed"),
    "lokus.reason.score": ("Peringkat {rank}, skor {score}", "Rank {rank}, score {score}"),
    "lokus.reason.light": (
        "Kuadran {light}: prevalensi {prevalence}, {stunted} balita stunting",
        "{light} quadrant: prevalence {prevalence}, {stunted} stunted children",
    ),
    "lokus.reason.added": ("Ditambahkan: {reason}", "Added: {reason}"),
    "lokus.reason.removed": ("Dikeluarkan: {reason}", "Removed: {reason}"),
    "lokus.light.merah": ("merah", "red"),
    "lokus.light.oranye": ("oranye", "orange"),
    "lokus.light.kuning": ("kuning", "yellow"),
    "lokus.light.hijau": ("hijau", "green"),
    "lokus.light.abu-abu": ("tanpa data", "no data"),
    "lokus.light.ditandai": ("ditandai (tidak dihitung)", "flagged (not counted)"),
    "lokus.light.meaning.merah": (
        "prevalensi ≥ {prevalence} dan ≥ {stunted} balita stunting",
        "prevalence ≥ {prevalence} and ≥ {stunted} stunted children",
    ),
    "lokus.light.meaning.oranye": (
        "prevalensi ≥ {prevalence}, < {stunted} balita stunting",
        "prevalence ≥ {prevalence}, < {stunted} stunted children",
    ),
    "lokus.light.meaning.kuning": (
        "prevalensi < {prevalence}, ≥ {stunted} balita stunting",
        "prevalence < {prevalence}, ≥ {stunted} stunted children",
    ),
    "lokus.light.meaning.hijau": (
        "prevalensi < {prevalence} dan < {stunted} balita stunting",
        "prevalence < {prevalence} and < {stunted} stunted children",
    ),
    "lokus.light.meaning.ditandai": (
        "nilai stunting ditandai tidak wajar, tidak masuk kuadran",
        "stunting value flagged as implausible, left out of the quadrants",
    ),
    "lokus.light.meaning.abu-abu": (
        "tidak ada prevalensi atau jumlah stunting pada periode ini",
        "no prevalence or number stunted in this period",
    ),
    "lokus.map.unranked": ("tanpa peringkat", "not ranked"),
    "lokus.export.note": ("Keterangan", "Note"),
    "lokus.export.file.demo": ("{base}_data_contoh_fiktif", "{base}_sample_data_fictional"),
    "lokus.adjust": ("Ubah daftar dengan tangan", "Change the list by hand"),
    "lokus.adjust.help": (
        "Pilih satu desa di tabel, tulis alasannya (wajib), lalu masukkan atau keluarkan.",
        "Select a village in the table, write the reason (required), then add or remove it.",
    ),
    "lokus.adjust.reason": ("Alasan", "Reason"),
    "lokus.adjust.add": ("Masukkan ke daftar", "Add to the list"),
    "lokus.adjust.remove": ("Keluarkan dari daftar", "Remove from the list"),
    "lokus.adjust.clear": ("Batalkan semua perubahan", "Undo all changes"),
    "lokus.adjust.need_village": ("Pilih dulu satu desa di tabel.", "Select a village in the table first."),
    "lokus.adjust.need_reason": ("Alasan wajib diisi.", "A reason is required."),
    "lokus.adjust.done": ("{village}: {action}.", "{village}: {action}."),
    "lokus.adjust.list": ("Perubahan: {n}", "Changes: {n}"),
    "lokus.sensitivity": ("Kepekaan terhadap bobot (±20%)", "Sensitivity to the weights (±20%)"),
    "lokus.sensitivity.help": (
        "Desa yang masuk atau keluar dari {n} teratas bila satu bobot diubah 20% (yang lain tetap).",
        "Villages entering or leaving the top {n} when one weight moves by 20% (the others unchanged).",
    ),
    "lokus.sensitivity.stable": (
        "Daftar tetap sama untuk setiap perubahan satu bobot ±20%.",
        "The list stays the same for every single weight moved by ±20%.",
    ),
    "lokus.sensitivity.row": (
        "{criterion} {change}%: masuk {entering}; keluar {leaving}",
        "{criterion} {change}%: in {entering}; out {leaving}",
    ),
    "lokus.sensitivity.none": ("(tidak dihitung untuk metode matriks)", "(not computed for the matrix method)"),
    "lokus.scenario": ("Skenario", "Scenario"),
    "lokus.scenario.name": ("Nama skenario", "Scenario name"),
    "lokus.scenario.save_new": ("Simpan sebagai skenario baru", "Save as a new scenario"),
    "lokus.scenario.update": ("Simpan perubahan", "Save changes"),
    "lokus.scenario.saved_list": ("Skenario tersimpan", "Saved scenarios"),
    "lokus.scenario.open": ("Buka", "Open"),
    "lokus.scenario.duplicate": ("Duplikat", "Duplicate"),
    "lokus.scenario.finalise": ("Tetapkan final", "Mark final"),
    "lokus.scenario.finalise.confirm": (
        "Tetapkan '{name}' ({year}) sebagai daftar lokus final? Daftar final hanya dapat dibaca; hanya admin yang "
        "dapat membukanya kembali, dengan alasan.",
        "Mark '{name}' ({year}) as the final lokus list? A final list is read-only; only an administrator can "
        "reopen it, with a reason.",
    ),
    "lokus.scenario.delete": ("Hapus draf", "Delete draft"),
    "lokus.scenario.delete.confirm": (
        "Hapus draf '{name}'? Ini tidak dapat dibatalkan.",
        "Delete the draft '{name}'? This cannot be undone.",
    ),
    "lokus.scenario.deleted": ("Draf '{name}' dihapus.", "Draft '{name}' deleted."),
    "lokus.scenario.reopen": ("Buka kembali daftar final", "Reopen the final list"),
    "lokus.scenario.reopen_reason": ("Alasan membuka kembali (wajib)", "Reason for reopening (required)"),
    "lokus.scenario.reopen.need_reason": ("Tulis alasan membuka kembali.", "Write the reason for reopening."),
    "lokus.scenario.reopen.not_final": ("'{name}' bukan daftar final.", "'{name}' is not a final list."),
    "lokus.scenario.reopened": ("'{name}' dibuka kembali sebagai draf.", "'{name}' reopened as a draft."),
    "lokus.scenario.not_own": (
        "Hanya penyusunnya ({author}) atau admin yang dapat mengubah atau menghapus draf ini.",
        "Only its author ({author}) or an administrator can change or delete this draft.",
    ),
    "lokus.scenario.author_is": (
        "Skenario yang Anda simpan dicatat atas nama akun Anda ({name}).",
        "Scenarios you save are recorded under your account ({name}).",
    ),
    "lokus.scenario.option": ("{year} · {name} ({n} desa){final}", "{year} · {name} ({n} villages){final}"),
    "lokus.scenario.final_mark": (" · FINAL", " · FINAL"),
    "lokus.scenario.saved": ("Skenario '{name}' disimpan.", "Scenario '{name}' saved."),
    "lokus.scenario.opened": ("Skenario '{name}' dibuka.", "Scenario '{name}' opened."),
    "lokus.scenario.opened_final": (
        "Skenario '{name}' adalah daftar final {year}: hanya-baca. Duplikat untuk mengubahnya.",
        "Scenario '{name}' is the final list of {year}: read-only. Duplicate it to change it.",
    ),
    "lokus.scenario.duplicated": ("Salinan '{name}' dibuat.", "Copy '{name}' created."),
    "lokus.scenario.copy_name": ("{name} (salinan)", "{name} (copy)"),
    "lokus.scenario.finalised": (
        "'{name}' ditetapkan sebagai daftar final {year}.",
        "'{name}' is now the final list of {year}.",
    ),
    "lokus.scenario.need_name": ("Isi nama skenario.", "Enter the scenario name."),
    "lokus.scenario.need_open": ("Buka dulu sebuah skenario.", "Open a scenario first."),
    "lokus.scenario.need_choice": ("Pilih skenario di daftar.", "Choose a scenario in the list."),
    "scenario.name_required": ("Nama skenario wajib diisi.", "A scenario needs a name."),
    "scenario.invalid": (
        "Pengaturan peringkat tidak dapat dibaca ({error}); muat ulang halaman.",
        "The ranking settings cannot be read ({error}); reload the page.",
    ),
    "scenario.not_found": ("Skenario {id} tidak ada.", "There is no scenario {id}."),
    "scenario.final_read_only": (
        "Skenario '{name}' sudah final dan tidak dapat diubah; duplikat untuk membuat versi baru.",
        "Scenario '{name}' is final and cannot be changed; duplicate it to make a new version.",
    ),
    "scenario.final_exists": (
        "Tahun {year} sudah punya daftar final ('{name}').",
        "{year} already has a final list ('{name}').",
    ),
    "lokus.compare": ("Bandingkan", "Compare"),
    "lokus.compare.before": ("Daftar lama", "Earlier list"),
    "lokus.compare.after": ("Daftar baru", "Later list"),
    "lokus.compare.current": ("(pilihan di layar sekarang)", "(the selection on screen now)"),
    "lokus.compare.last_year": ("Final tahun lalu vs layar", "Last year's final vs screen"),
    "lokus.compare.no_last_year": ("Belum ada daftar final tahun {year}.", "There is no final list for {year}."),
    "lokus.compare.added": ("Masuk ({n})", "Added ({n})"),
    "lokus.compare.removed": ("Keluar ({n})", "Removed ({n})"),
    "lokus.compare.kept": ("Tetap ({n})", "Kept ({n})"),
    "lokus.compare.legend": (
        "Hijau = masuk, merah = keluar, biru = tetap, pucat = di luar keduanya.",
        "Green = added, red = removed, blue = kept, pale = in neither.",
    ),
    "lokus.export": ("Ekspor lampiran", "Export the annex"),
    "lokus.export.csv": ("CSV", "CSV"),
    "lokus.export.xlsx": ("XLSX", "XLSX"),
    "lokus.export.png": ("Peta PNG", "Map PNG"),
    "lokus.export.file": ("lampiran_lokus_{district}_{year}", "lokus_annex_{district}_{year}"),
    "annex.title": (
        "Lampiran: Daftar desa/kelurahan lokus stunting tahun {year}, {district}",
        "Annex: priority villages (lokus) for stunting in {year}, {district}",
    ),
    "annex.subtitle": (
        "Skenario: {scenario}; data periode {period}; dicetak {today}",
        "Scenario: {scenario}; data period {period}; printed {today}",
    ),
    "annex.sheet": ("Lampiran", "Annex"),
    "annex.col.no": ("No", "No"),
    "annex.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "annex.col.desa": ("Desa/Kelurahan", "Village"),
    "annex.col.kode": ("Kode wilayah", "Region code"),
    "annex.col.prevalensi": ("Prevalensi stunting (%)", "Stunting prevalence (%)"),
    "annex.col.jumlah_stunting": ("Jumlah balita stunting", "Stunted children"),
    "annex.col.skor": ("Skor", "Score"),
    "annex.col.alasan": ("Alasan", "Reason"),
    "annex.legend.selected": ("Desa lokus ({n})", "Priority villages ({n})"),
    "annex.legend.other": ("Desa lain", "Other villages"),
    "annex.unsaved": ("(belum disimpan)", "(not saved)"),
    "lokus.map.legend.weighted": ("Skor prioritas (desa di luar daftar)", "Priority score (villages outside the list)"),
    "lokus.map.legend.score": ("skor {low}–{high}", "score {low}–{high}"),
    "lokus.map.legend.chosen": ("terpilih sebagai lokus", "chosen as lokus"),
    "lokus.map.legend.added": ("ditambahkan manual", "added by hand"),
    "lokus.map.legend.no_score": ("tanpa skor (tanpa data)", "no score (no data)"),
    "lokus.map.outline.selected": ("garis biru tebal: dalam daftar lokus", "thick blue outline: in the lokus list"),
    "lokus.map.outline.added": ("arsir ungu: ditambahkan manual", "purple hatching: added by hand"),
    "lokus.map.outline.flagged": (
        "garis oranye putus-putus: nilai ditandai, tidak dihitung",
        "dashed orange outline: value flagged, not counted",
    ),
    "lokus.map.title": ("Desa lokus stunting, data {period}", "Lokus villages for stunting, data of {period}"),
    "lokus.map.hover.values": (
        "Prevalensi stunting {prevalence} · {stunted} balita stunting",
        "Stunting prevalence {prevalence} · {stunted} stunted children",
    ),
    "lokus.map.hover.none": ("Belum ada data stunting periode ini", "No stunting data for this period"),
    "lokus.compare.neither": ("Di luar keduanya ({n})", "In neither ({n})"),
    "lokus.compare.map_title": ("Dua daftar lokus dibandingkan", "Two lokus lists compared"),
    # Issue 16: typed numbers checked where typed, controls by what they apply to, the grid and map explained.
    "lokus.input.empty": ("Isi angka dari {low} sampai {high}.", "Enter a number from {low} to {high}."),
    "lokus.input.not_number": (
        "Bukan angka: isi angka dari {low} sampai {high} (koma atau titik desimal, mis. 1,5).",
        "Not a number: enter a number from {low} to {high} (decimal comma or point, e.g. 1.5).",
    ),
    "lokus.input.range": ("Isi angka dari {low} sampai {high}.", "Enter a number from {low} to {high}."),
    "lokus.input.integer": (
        "Isi bilangan bulat dari {low} sampai {high}.",
        "Enter a whole number from {low} to {high}.",
    ),
    "lokus.input.not_ranked": (
        "Peringkat belum dihitung ulang: perbaiki isian yang ditandai merah.",
        "The ranking was not recomputed: correct the field marked in red.",
    ),
    "lokus.weight.help": ("Bobot 0–10; 0 = tidak dihitung.", "Weight 0–10; 0 = not counted."),
    "lokus.top_n.label": ("Banyak desa (N teratas)", "Number of villages (top N)"),
    "lokus.min_score.label": ("Skor minimal (0–100)", "Minimum score (0–100)"),
    "lokus.light.title": ("Ambang matriks lampu lalu lintas", "Traffic-light matrix thresholds"),
    "lokus.criteria.light_note": (
        "Matriks lampu lalu lintas hanya memakai prevalensi dan jumlah balita stunting; bobot kriteria tidak dipakai.",
        "The traffic-light matrix uses prevalence and the number of stunted children only; criteria weights are "
        "not used.",
    ),
    "lokus.adjust.grid_help": (
        "Klik satu baris di tabel (atau satu desa di peta), tulis alasannya, lalu masukkan atau keluarkan.",
        "Click a row in the table (or a village on the map), write the reason, then add or remove it.",
    ),
    "lokus.adjust.chosen": ("Desa dipilih: {village}", "Village selected: {village}"),
    "lokus.adjust.none_chosen": ("Belum ada desa dipilih.", "No village selected."),
    "lokus.grid.legend.title": ("Warna baris:", "Row colours:"),
    "lokus.grid.legend.selected": ("terpilih menurut peringkat", "chosen by the ranking"),
    "lokus.grid.legend.added": ("ditambahkan manual (ungu, dengan alasan)", "added by hand (purple, with a reason)"),
    "lokus.grid.legend.removed": ("dikeluarkan manual (dicoret)", "removed by hand (struck through)"),
    "lokus.grid.legend.flag": ("⚠ nilai ditandai: lihat kolom catatan", "⚠ flagged value: see the notes column"),
    "lokus.grid.rank.short": ("#", "#"),
    "lokus.grid.prevalence.short": ("Prev. (%)", "Prev. (%)"),
    "lokus.grid.stunted.short": ("Stunting", "Stunted"),
    "lokus.grid.notes": ("Catatan", "Notes"),
    "lokus.map.legend.chosen.meaning": (
        "merah tua: masuk daftar menurut peringkat",
        "dark red: in the list by the ranking",
    ),
    "lokus.map.legend.added.meaning": (
        "ungu: ditambahkan manual oleh perencana, dengan alasan",
        "purple: added by hand by the planner, with a reason",
    ),
    "lokus.map.legend.score.meaning": (
        "makin gelap makin tinggi skor prioritas",
        "the darker, the higher the priority score",
    ),
}
