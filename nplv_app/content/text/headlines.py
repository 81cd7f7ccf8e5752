"""Text of the one-sentence headlines (nplv_app.content.headlines): key -> (Dutch, English).
Keys start with ``hl_``."""

TEXT: dict[str, tuple[str, str]] = {
    "hl_explain": ("Toelichting", "About this page"),
    "hl_join": ("; ", "; "),
    "hl_ov": (
        "De {n} gekozen gebieden in {m} gemeenten tellen samen {residents} inwoners "
        "(1 jan. 2025).",
        "The {n} chosen areas in {m} municipalities have {residents} residents together "
        "(1 Jan 2025).",
    ),
    "hl_ov_no_residents": (
        "{n} gekozen gebieden in {m} gemeenten; niet van elk gebied staat het inwonertal in de "
        "bronnen, dus er is geen totaal.",
        "{n} chosen areas in {m} municipalities; not every area has a resident count in the "
        "sources, so there is no total.",
    ),
    "hl_ov_added": (
        "De {n_added} gebieden van 2022 voegen {residents} inwoners toe aan de {n_base} van "
        "2021.",
        "The {n_added} areas of 2022 add {residents} residents to the {n_base} of 2021.",
    ),
    "hl_gb": (
        "Van de {n} gebieden heeft {most} de meeste inwoners ({most_value}) en {least} de "
        "minste ({least_value}).",
        "Of the {n} areas, {most} has the most residents ({most_value}) and {least} the "
        "fewest ({least_value}).",
    ),
    "hl_gb_one": ("{name} heeft {value} inwoners (1 jan. 2025).",
                  "{name} has {value} residents (1 Jan 2025)."),
    "hl_gb_none": (
        "Voor geen van de {n} gekozen gebieden staat een inwonertal in de bronnen.",
        "None of the {n} chosen areas has a resident count in the sources.",
    ),
    "hl_bu_ask": (
        "In 2021 vroegen de burgemeesters {amount} {period}",
        "In 2021 the mayors asked for {amount} {period}",
    ),
    "hl_bu_one_off": (
        "sinds 2022 kwam er vooral eenmalig geld bij ({n} regels, de grootste {amount} voor "
        "{name}, {status})",
        "since 2022 mostly one-off money followed ({n} lines, the largest {amount} for {name}, "
        "{status})",
    ),
    "hl_bu_structural": (
        "structureel is er {amount} per jaar {period} voor {name}",
        "structurally there is {amount} a year {period} for {name}",
    ),
    "hl_bu_end": (". Bedragen van verschillende soort tellen niet op.",
                  ". Amounts of different kinds do not add up."),
    "hl_sc": (
        "De {n_added} gebieden van 2022 voegen {residents} inwoners toe: {amount} per jaar is "
        "per inwoner {per_a} over de {n_a} gebieden en {per_b} over de {n_b}, {pct} minder.",
        "The {n_added} areas of 2022 add {residents} residents: {amount} a year is {per_a} per "
        "resident over the {n_a} areas and {per_b} over the {n_b}, {pct} less.",
    ),
    "hl_sc_missing": (
        "Rekenvoorbeeld voor {amount} per jaar; de vergelijking van de 16 met de 20 ontbreekt, "
        "omdat een inwonertal niet in de bronnen staat.",
        "Worked example for {amount} a year; the comparison of the 16 with the 20 is missing "
        "because a resident count is not in the sources.",
    ),
    "hl_tl": (
        "{n} gebeurtenissen sinds {since}.",
        "{n} events since {since}.",
    ),
    "hl_tl_horizon": (
        "De begroting noemt NPLV-geld tot en met {last_year} ({last_amount}); voor {year} staat "
        "er niets.",
        "The budget names NPLV money up to and including {last_year} ({last_amount}); for "
        "{year} it shows nothing.",
    ),
}
