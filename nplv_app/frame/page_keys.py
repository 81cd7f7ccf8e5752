"""The URL parameters of the pages' own inputs, defined here once: each page reads its keys from
its class below, and the frame knows them all, so a workshop step or a view link may set them
(and nothing else). A page file cannot be imported without running it, hence this module.
"""

from __future__ import annotations


class Overzicht:
    AREA = "ov_gebied"  # the area shown in the card (its name, as in the sidebar)


class Gebieden:
    AREA = "gb_gebied"  # the area's name (what the bound selectbox writes); id accepted
    INDICATOR = "gb_indicator"  # "<indicator>:<period>" code


class Budgetten:
    ONLY_SELECTION = "bu_alleen_selectie"  # booleans: language-neutral, so bound directly


class Scenario:
    AMOUNT = "sc_bedrag"
    YEARS = "sc_jaren"
    BASIS = "sc_basis"
    MIN_RESIDENTS = "sc_min_inwoners"
    MIN_WELFARE = "sc_min_welvaart"
    KEY = "sc_key"
    BLEND = "sc_mix"
    BLEND_PCT = "sc_mix_pct"
    MINIMUM = "sc_minimum"


class Tijdlijn:
    ONLY_SELECTION = "tl_sel"
    STATUS = "tl_status"
    SECTION = "tl_section"


def keys_of(page: type) -> frozenset[str]:
    """The URL keys a page class lists."""
    return frozenset(value for name, value in vars(page).items() if name.isupper())


OVERZICHT = keys_of(Overzicht)
GEBIEDEN = keys_of(Gebieden)
BUDGETTEN = keys_of(Budgetten)
SCENARIO = keys_of(Scenario)
TIJDLIJN = keys_of(Tijdlijn)

ALL = OVERZICHT | GEBIEDEN | BUDGETTEN | SCENARIO | TIJDLIJN
