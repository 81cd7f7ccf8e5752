"""URL parameters of the pages' own inputs, so a workshop step may set them (and nothing else)."""

OVERZICHT = frozenset({"ov_gebied"})
GEBIEDEN = frozenset({"gb_gebied", "gb_indicator"})
BUDGETTEN = frozenset({"bu_deelregels", "bu_alleen_selectie"})
SCENARIO = frozenset({
    "sc_bedrag", "sc_jaren", "sc_basis", "sc_min_inwoners", "sc_min_welvaart", "sc_key",
    "sc_mix", "sc_mix_pct", "sc_minimum",
})
TIJDLIJN = frozenset({"tl_sel", "tl_status", "tl_section"})

ALL = OVERZICHT | GEBIEDEN | BUDGETTEN | SCENARIO | TIJDLIJN
