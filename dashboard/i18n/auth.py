"""Strings of sign-in, accounts, permissions and the audit log."""

TEXTS: dict[str, tuple[str, str]] = {
    "auth.login": ("Masuk", "Sign in"),
    "auth.login.intro": (
        "Masuk dengan akun yang diberikan administrator Lokus di daerah Anda.",
        "Sign in with the account your district's Lokus administrator gave you.",
    ),
    "auth.login.failed": (
        "Nama pengguna atau kata sandi salah, atau akun tidak aktif.",
        "Wrong user name or password, or the account is not active.",
    ),
    "auth.login.too_many": (
        "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam satu menit.",
        "Too many failed sign-ins from this address. Try again in a minute.",
    ),
    "auth.username": ("Nama pengguna", "User name"),
    "auth.password": ("Kata sandi", "Password"),
    "auth.password.current": ("Kata sandi sekarang", "Current password"),
    "auth.password.new": ("Kata sandi baru", "New password"),
    "auth.password.repeat": ("Ulangi kata sandi baru", "Repeat the new password"),
    "auth.password.change": ("Ganti kata sandi", "Change password"),
    "auth.password.mismatch": ("Kedua kata sandi baru tidak sama.", "The two new passwords differ."),
    "auth.password.wrong": ("Kata sandi sekarang salah.", "The current password is wrong."),
    "auth.password.changed": (
        "Kata sandi diganti. Sesi lain akun ini telah diakhiri.",
        "Password changed. Every other session of this account has ended.",
    ),
    "auth.back": ("Kembali", "Back"),
    "auth.logout": ("Keluar", "Sign out"),
    "auth.signed_in": ("{name} · {role}", "{name} · {role}"),
    "auth.required.title": ("Silakan masuk", "Please sign in"),
    "auth.required.public": ("Buka angka yang diterbitkan", "Open the published figures"),
    "auth.required.body": (
        "Halaman ini memuat angka yang belum diterbitkan, hanya untuk petugas yang masuk. Angka yang sudah "
        "diterbitkan terbuka untuk semua orang di halaman publik.",
        "This page holds unpublished figures, for signed-in staff only. Published figures are open to everyone on "
        "the public pages.",
    ),
    "auth.forbidden.title": ("Tidak ada akses", "No access"),
    "auth.forbidden.body": (
        "Peran Anda ({role}) tidak dapat membuka halaman ini.",
        "Your role ({role}) cannot open this page.",
    ),
    "auth.no_areas": (
        "Akun Anda belum terhubung dengan kabupaten/kota yang memiliki data.",
        "Your account is not bound to a district that has data.",
    ),
    "role.publik": ("publik", "public"),
    "role.pimpinan": ("pimpinan", "leadership"),
    "role.perencana": ("perencana", "planner"),
    "role.admin": ("admin", "administrator"),
    "account.username_invalid": (
        "Nama pengguna '{name}' tidak sah: 2–64 huruf kecil, angka, titik, garis bawah atau tanda hubung.",
        "User name '{name}' is invalid: 2–64 lower-case letters, digits, dots, underscores or hyphens.",
    ),
    "account.username_taken": ("Nama pengguna '{name}' sudah dipakai.", "User name '{name}' is taken."),
    "account.password_short": (
        "Kata sandi minimal {n} karakter.",
        "A password needs at least {n} characters.",
    ),
    "account.password_weak": (
        "Kata sandi terlalu mudah ditebak: pakai minimal 5 karakter berbeda, bukan nama pengguna.",
        "The password is too easy to guess: use at least 5 different characters, not the user name.",
    ),
    "account.password_same": ("Kata sandi baru sama dengan yang lama.", "The new password is the old one."),
    "auth.forbidden.action": (
        "Peran Anda ({role}) tidak dapat melakukan ini.",
        "Your role ({role}) cannot do this.",
    ),
    "account.role_invalid": ("Peran '{role}' tidak dapat diberikan.", "Role '{role}' cannot be given."),
    "account.area_invalid": (
        "Kode wilayah '{code}' tidak sah: tulis kode provinsi (2 angka, mis. 64) atau kabupaten/kota (4 angka, "
        "mis. 64.74).",
        "Area code '{code}' is invalid: write a province (2 digits, e.g. 64) or district code (4 digits, e.g. 64.74).",
    ),
    "account.areas_required": (
        "Peran {role} perlu minimal satu wilayah (--wilayah KODE).",
        "Role {role} needs at least one area (--wilayah CODE).",
    ),
    "account.not_found": ("Tidak ada pengguna '{name}'.", "There is no user '{name}'."),
    "nav.audit": ("Log audit", "Audit log"),
    "audit.title": ("Log audit", "Audit log"),
    "audit.intro": (
        "Siapa melakukan apa, kapan, dan dari alamat mana: masuk (juga yang gagal), impor, penghapusan, skenario, "
        "pengguna. Waktu dalam zona {zone} ({district}).",
        "Who did what, when and from which address: sign-ins (failed ones too), imports, removals, scenarios, "
        "users. Times in {zone} ({district}).",
    ),
    "audit.export": ("Unduh CSV", "Download CSV"),
    "audit.action.login": ("masuk", "sign-in"),
    "audit.action.logout": ("keluar", "sign-out"),
    "audit.action.password_change": ("ganti kata sandi", "password change"),
    "audit.action.password_set": ("kata sandi diatur (baris perintah)", "password set (command line)"),
    "audit.action.user_create": ("akun dibuat", "account created"),
    "audit.action.import": ("impor", "import"),
    "audit.action.upload_cancel": ("unggahan dibatalkan", "upload cancelled"),
    "audit.action.dataset_remove": ("impor dihapus", "import removed"),
    "audit.action.scenario_save": ("skenario disimpan", "scenario saved"),
    "audit.action.scenario_update": ("skenario diubah", "scenario updated"),
    "audit.action.scenario_duplicate": ("skenario diduplikat", "scenario duplicated"),
    "audit.action.scenario_delete": ("draf dihapus", "draft deleted"),
    "audit.action.scenario_finalise": ("ditetapkan final", "marked final"),
    "audit.action.scenario_reopen": ("final dibuka kembali", "final reopened"),
    "audit.outcome.ok": ("berhasil", "done"),
    "audit.outcome.refused": ("ditolak", "refused"),
    "audit.outcome.rate_limited": ("dibatasi (terlalu sering)", "rate-limited"),
    "auth.language": ("English", "Bahasa Indonesia"),
    "audit.col.at": ("Waktu", "Time"),
    "audit.col.username": ("Pengguna", "User"),
    "audit.col.action": ("Tindakan", "Action"),
    "audit.col.target": ("Sasaran", "Target"),
    "audit.col.detail": ("Rincian", "Detail"),
    "audit.col.address": ("Alamat", "Address"),
    "audit.col.outcome": ("Hasil", "Outcome"),
    "data.preview.hidden": (
        "Kolom data pribadi tidak ditampilkan: {columns}. Data pribadi tidak pernah disimpan.",
        "Personal columns are not shown: {columns}. Personal data is never stored.",
    ),
    "upload.expired": (
        "Berkas unggahan tidak ditemukan atau sudah kedaluwarsa; unggah lagi.",
        "The uploaded file is gone or has expired; upload it again.",
    ),
    "upload.cancel": ("Batalkan unggahan", "Cancel the upload"),
    "upload.cancelled": ("Unggahan dibatalkan dan berkasnya dihapus.", "Upload cancelled and its file deleted."),
    "upload.uploading": ("Mengunggah… {pct}%", "Uploading… {pct}%"),
    "upload.failed": ("Unggahan gagal: {error}", "Upload failed: {error}"),
    "import.area_refused": (
        "Berkas ini berisi data untuk {codes}, di luar wilayah akun Anda. Tidak ada yang diimpor.",
        "This file holds data for {codes}, outside your account's areas. Nothing was imported.",
    ),
    "store.cli.no_dataset": ("Tidak ada dataset {id}.", "There is no dataset {id}."),
    "import.demo_refused": (
        "Data contoh (fiktif) tidak dapat dihapus.",
        "The example (fictional) data cannot be removed.",
    ),
}
