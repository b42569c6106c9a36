"""Strings of the operator's commands (backup, restore) and of their audit entries."""

TEXTS: dict[str, tuple[str, str]] = {
    "ops.backup.done": (
        "Cadangan tersimpan: {file} (skema versi {version}, {size} MB).",
        "Backup written: {file} (schema version {version}, {size} MB).",
    ),
    "ops.backup.no_database": (
        "Basis data {file} tidak ada. Periksa DASHBOARD_DATA_DIR atau DASHBOARD_DATABASE_URL.",
        "The database {file} does not exist. Check DASHBOARD_DATA_DIR or DASHBOARD_DATABASE_URL.",
    ),
    "ops.backup.no_folder": (
        "Folder untuk {file} tidak ada. Buat foldernya dulu atau pilih tempat lain.",
        "The folder for {file} does not exist. Create it first or choose another place.",
    ),
    "ops.backup.memory": (
        "Basis data di memori tidak dapat dicadangkan. Atur DASHBOARD_DATA_DIR atau DASHBOARD_DATABASE_URL.",
        "An in-memory database cannot be backed up. Set DASHBOARD_DATA_DIR or DASHBOARD_DATABASE_URL.",
    ),
    "ops.unsupported": (
        "Basis data {dialect} tidak didukung: Lokus mencadangkan SQLite dan PostgreSQL.",
        "A {dialect} database is not supported: Lokus backs up SQLite and PostgreSQL.",
    ),
    "ops.tool_missing": (
        "Program {tool} tidak ditemukan. Pasang klien PostgreSQL (apt-get install postgresql-client) lalu ulangi.",
        "The program {tool} was not found. Install the PostgreSQL client "
        "(apt-get install postgresql-client) and retry.",
    ),
    "ops.tool_failed": (
        "{tool} gagal untuk {file}: {error}. Periksa bahwa PostgreSQL berjalan dan DASHBOARD_DATABASE_URL benar.",
        "{tool} failed for {file}: {error}. Check that PostgreSQL is running and DASHBOARD_DATABASE_URL is right.",
    ),
    "ops.restore.missing": (
        "File {file} tidak ada. Periksa nama dan foldernya.",
        "The file {file} does not exist. Check its name and folder.",
    ),
    "ops.restore.not_backup": (
        "{file} bukan cadangan Lokus. Pilih file yang dibuat oleh `python -m dashboard backup`. Data tidak diubah.",
        "{file} is not a Lokus backup. Choose a file made by `python -m dashboard backup`. No data was changed.",
    ),
    "ops.restore.damaged": (
        "{file} rusak (pemeriksaan SQLite gagal). Pilih cadangan lain. Data tidak diubah.",
        "{file} is damaged (SQLite's check failed). Choose another backup. No data was changed.",
    ),
    "ops.restore.newer": (
        "{file} berskema versi {version}, lebih baru dari Lokus ini ({current}). Perbarui Lokus dulu, lalu "
        "pulihkan. Data tidak diubah.",
        "{file} has schema version {version}, newer than this Lokus ({current}). Update Lokus first, then "
        "restore. No data was changed.",
    ),
    "ops.restore.wrong_kind": (
        "{file} adalah cadangan {kind}, tetapi basis data ini {dialect}. Pulihkan ke basis data {kind}. "
        "Data tidak diubah.",
        "{file} is a {kind} backup, but this database is {dialect}. Restore it into a {kind} database. "
        "No data was changed.",
    ),
    "ops.restore.confirm": (
        "Pemulihan mengganti SEMUA data basis data ini dengan isi {file}. Ketik 'ya' untuk melanjutkan: ",
        "Restoring replaces ALL data of this database with the content of {file}. Type 'yes' to go on: ",
    ),
    "ops.restore.needs_yes": (
        "Pemulihan mengganti semua data. Tambahkan --yes untuk melanjutkan tanpa pertanyaan.",
        "Restoring replaces all data. Add --yes to go on without being asked.",
    ),
    "ops.restore.cancelled": ("Dibatalkan. Data tidak diubah.", "Cancelled. No data was changed."),
    "ops.restore.done": (
        "Dipulihkan dari {file} (skema versi {version}). Mulai ulang server aplikasi dan pekerja latar agar tidak "
        "ada yang menampilkan data lama (bash scripts/deploy-local.sh --stop, lalu tanpa --stop).",
        "Restored from {file} (schema version {version}). Restart the app servers and the background worker so none "
        "shows the old data (bash scripts/deploy-local.sh --stop, then without --stop).",
    ),
    "audit.action.database_backup": ("basis data dicadangkan", "database backed up"),
    "audit.action.database_restore": ("basis data dipulihkan", "database restored"),
}
