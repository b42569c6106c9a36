"""Strings of a yes/no village fact on the maps (``Counted.VILLAGE``, e.g. ``kpm_aktif``): its two classes, hover
answer and the count of villages without it.

A fact with its own keys (``village_fact.<key>.yes|no|count``) is named by them; any other fact falls back to the
generic keys built from its catalogue label.
"""

TEXTS: dict[str, tuple[str, str]] = {
    "village_fact.yes": ("{label}: ya", "{label}: yes"),
    "village_fact.no": ("{label}: tidak", "{label}: no"),
    "village_fact.count": ("{n} dari {total} desa: {label} tidak", "{n} of {total} villages: {label} no"),
    "village_fact.answer.yes": ("Ya", "Yes"),
    "village_fact.answer.no": ("Tidak", "No"),
    "village_fact.hover": ("{label}: {answer}", "{label}: {answer}"),
    "village_fact.kpm_aktif.yes": ("KPM aktif", "Active KPM"),
    "village_fact.kpm_aktif.no": ("Tanpa KPM aktif", "No active KPM"),
    "village_fact.kpm_aktif.count": (
        "{n} dari {total} desa tanpa KPM aktif",
        "{n} of {total} villages without an active KPM",
    ),
}
