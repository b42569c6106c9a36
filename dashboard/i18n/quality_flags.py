"""Strings of the plausibility flags (:mod:`dashboard.core.plausibility`): a short label per flag for maps,
tables and cards; the import report's reason and fix per flag sit beside them."""

TEXTS: dict[str, tuple[str, str]] = {
    "flag.zero_stunting.label": (
        "nol stunting dari ≥30 balita diukur, padahal kabupaten >5%",
        "zero stunting of ≥30 children measured while the district is >5%",
    ),
    "flag.implausible_change.label": (
        "perubahan terlalu besar untuk dijelaskan variasi acak (99,9%)",
        "change too large for chance variation (99.9%)",
    ),
    "flag.denominator_jump.label": (
        "penyebut berubah lebih dari 3× dari periode sebelumnya",
        "denominator changed more than 3× since the previous period",
    ),
    "flag.measured_over_target.label": (
        "balita diukur lebih banyak daripada sasaran balita",
        "more children measured than target children",
    ),
    "flag.zero_over_zero.label": ("0/0: tidak ada yang diukur", "0/0: nothing measured"),
}
