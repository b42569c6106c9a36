"""Texts of the planner's kept work (issue 16): the unsaved-changes note and resetting the lokus page."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "planner_state.unsaved": (
        "Perubahan belum disimpan sebagai skenario. Pengaturan Anda tetap tersimpan di akun ini.",
        "Changes not saved as a scenario yet. Your settings are still kept in this account.",
    ),
    "planner_state.unsaved.opened": (
        "Perubahan belum disimpan ke skenario «{name}».",
        "Changes not saved to scenario «{name}».",
    ),
    "planner_state.reset": ("Kembalikan ke bawaan", "Reset to defaults"),
    "planner_state.reset.help": (
        "Bobot dan kriteria bawaan, 10 desa teratas, tanpa perubahan manual.",
        "Default weights and criteria, top 10 villages, no changes by hand.",
    ),
    "planner_state.reset.confirm": (
        "Kembalikan bobot, kriteria, dan ambang ke bawaan serta hapus semua desa yang ditambah atau dikeluarkan "
        "secara manual? Skenario yang tersimpan tidak berubah.",
        "Reset the weights, criteria and thresholds to their defaults and clear every village added or removed by "
        "hand? Saved scenarios do not change.",
    ),
    "planner_state.reset.done": ("Pengaturan dikembalikan ke bawaan.", "Settings reset to defaults."),
    "audit.action.lokus_reset": ("pengaturan lokus dikembalikan ke bawaan", "lokus settings reset to defaults"),
}
