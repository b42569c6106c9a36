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
    # The import report (dashboard.data.assessment): one warning per flagged value the file brings, naming the
    # village, the period and the values. Parameters ending in _id/_en are written for that language.
    "flag.zero_stunting.reason": (
        "{village} ({code}), {period_id}: 0 balita stunting dari {denominator} balita diukur, padahal prevalensi "
        "kabupaten {district_rate_id}",
        "{village} ({code}), {period_en}: 0 stunted of {denominator} children measured while the district's "
        "prevalence is {district_rate_en}",
    ),
    "flag.zero_stunting.fix": (
        "Periksa pencatatan stunting desa ini (kolom kosong terisi 0?). Nilai ini ditandai dan tidak ikut peringkat "
        "lokus kecuali perencana memasukkannya kembali.",
        "Check how stunting was recorded in this village (an empty column filled with 0?). The value is flagged and "
        "left out of the lokus ranking unless a planner takes it back in.",
    ),
    "flag.implausible_change.reason": (
        "{village} ({code}), {indicator_id}: {previous_numerator}/{previous_denominator} pada {previous_period_id} "
        "menjadi {numerator}/{denominator} pada {period_id}, perubahan yang tidak dapat dijelaskan variasi acak "
        "(di luar selang 99,9%)",
        "{village} ({code}), {indicator_en}: {previous_numerator}/{previous_denominator} in {previous_period_en} "
        "became {numerator}/{denominator} in {period_en}, a change chance cannot explain (outside a 99.9% interval)",
    ),
    "flag.implausible_change.fix": (
        "Bandingkan kedua angka dengan laporan posyandu/puskesmas. Nilai yang lebih baru ditandai dan tidak ikut "
        "peringkat lokus kecuali perencana memasukkannya kembali.",
        "Compare both counts with the posyandu/puskesmas reports. The later value is flagged and left out of the "
        "lokus ranking unless a planner takes it back in.",
    ),
    "flag.denominator_jump.reason": (
        "{village} ({code}), {indicator_id}: penyebut {previous_denominator} pada {previous_period_id} menjadi "
        "{denominator} pada {period_id}, berubah lebih dari 3×",
        "{village} ({code}), {indicator_en}: the denominator went from {previous_denominator} in "
        "{previous_period_en} to {denominator} in {period_en}, a change of more than 3×",
    ),
    "flag.denominator_jump.fix": (
        "Periksa apakah semua posyandu desa ini tercatat di kedua periode dan kolomnya tidak tertukar.",
        "Check that every posyandu of the village is counted in both periods and that no columns are swapped.",
    ),
    "flag.measured_over_target.reason": (
        "{village} ({code}), {period_id}: {denominator} balita diukur, lebih banyak dari sasaran {target} balita",
        "{village} ({code}), {period_en}: {denominator} children measured, more than the {target} target children",
    ),
    "flag.measured_over_target.fix": (
        "Periksa sasaran balita desa ini (proyeksi lama?) dan jumlah balita diukur (anak terhitung dua kali?).",
        "Check the village's target children (an old projection?) and the children measured (counted twice?).",
    ),
    "flag.zero_over_zero.reason": (
        "{village} ({code}), {indicator_id}, {period_id}: 0 dari 0, tidak berisi data",
        "{village} ({code}), {indicator_en}, {period_en}: 0 of 0, which says nothing",
    ),
    "flag.zero_over_zero.fix": (
        "Nilai 0/0 tidak disimpan; bila ada yang diukur atau dilayani, isi penyebutnya.",
        "A value of 0/0 is not stored; if anyone was measured or served, fill in the denominator.",
    ),
    "flag.more.reason": (
        "{count} nilai lain juga ditandai: {label_id} (hanya {shown} yang pertama dicantumkan)",
        "{count} more values are flagged: {label_en} (only the first {shown} are listed)",
    ),
    "flag.more.fix": (
        "Periksa nilai yang dicantumkan dulu; yang lain biasanya punya penyebab yang sama.",
        "Check the values listed first; the others usually share their cause.",
    ),
}
