"""Carry the shared NPLV fact set into the project's own layout under ``data/sources/``.

A developer tool, run by hand when the fact set changes: the app and the build never read the
shared folder.  It changes the *layout*, never a figure: values are copied verbatim, every row
gets a ``source_id`` that resolves to ``sources.csv``, and hedges in the facts ("approx",
"UNCONFIRMED", "inferred", rounded values) become an explicit ``status`` column.

    python scripts/import_facts.py [--facts ../shared/facts] [--out data/sources]
                                   [--review data/review]

It also carries the local monitor figures (``local_indicators.csv``) and, from ``candidates.csv``,
only the rows ``data/review/candidates_verification.csv`` marks as verified: new and changed
allocations (the old source kept in ``previous_source_id`` and ``changes.csv``), local
indicators and evidence that a source names an area as one of the 16 of 2021.

``data_texts.csv`` is not written here: it is the project's own Dutch and English wording of the
facts' free text (publisher notes, dates as written, notes), not a fact. The build checks that
each English text it translates is still in the data, so after an import that changed a text
the build names the row of ``data_texts.csv`` to translate again.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = ROOT.parent / "shared" / "facts"
DEFAULT_OUT = ROOT / "data" / "sources"

UNCONFIRMED = re.compile(r"UNCONFIRMED|inferred", re.I)
APPROXIMATE = re.compile(
    r"approx|rounded|derived|'ruim|'bijna|'circa|'ongeveer|about|\bca\.|~|whole number|as stated",
    re.I,
)

# Gemeente codes checked against CBS StatLine 85067NED (SOURCES.md item 83); the rest were filled
# from general knowledge and are marked unconfirmed.
CONFIRMED_GEMEENTE_CODES = {
    "GM0363", "GM0518", "GM0599", "GM0344", "GM0772",
    "GM0202", "GM0014", "GM0080", "GM0392", "GM0935",
}

ROUNDS = [
    # round_id, label in the facts, label_nl, label_en, date, fund, budget_line_id
    ("vhf2021", "VHF 2021", "VHF 2021", "VHF 2021", "2021-07-15", "vhf", "vhf2021_granted"),
    ("vhf2023", "VHF 2023", "VHF 2023", "VHF 2023", "2023-12-12", "vhf", "vhf2023_round"),
    ("vhf2024r3", "VHF 2024 round 3", "VHF 2024 ronde 3", "VHF 2024 round 3", "2024-05-13", "vhf",
     "vhf2024_round3"),
    ("vhf2024r4", "VHF 2024 round 4", "VHF 2024 ronde 4", "VHF 2024 round 4", "2024-12-04", "vhf",
     "vhf2024_round4_granted"),
    ("woontop2025", "Woontop NPLV 2025", "Woontop NPLV 2025", "Housing summit NPLV 2025",
     "2025-06-24", "woontop", "woontop_nplv_2025"),
]

BUDGET_CATEGORY = {
    "ask": "ask2021",
    "vhf": "vhf",
    "nplv": "nplv",
    "pmg": "nplv",
    "spuk": "nplv",
    "woontop": "nplv",
    "vro": "nplv",
    "regiodeal": "context",
}

# Timeline events that concern specific focus areas (the rest are programme-wide).
TIMELINE_AREAS = {
    "Regio Deal Den Haag Zuidwest": "den-haag-zuidwest",
    "Vlaardingen Westwijk, Delft-West, Dordrecht West en Roosendaal":
        "vlaardingen-westwijk;delft-west;dordrecht-west;roosendaal-ring",
    "Pact Woensel Zuid": "eindhoven-woensel-zuid",
    "Lelystad Oost": "lelystad-oost",
    "Heerlen-Noord": "heerlen-noord",
    "Lancering NPLV in Schiedam": "schiedam-nieuwland-oost",
    "getekend in Overvecht": "utrecht-overvecht",
}


# --- local monitor figures and verified candidate rows (2026-12) ------------------------------

DEFAULT_REVIEW = ROOT / "data" / "review"

LOCAL_SECTION = "Local monitor figures"
# SOURCES.md items 84-86 list no URL; their pages are the URLs of local_indicators.csv.
LOCAL_SOURCE_NUMBER = {"npzw.nl": 84, "www.utrecht.nl": 85, "www.heerlen-noord.nl": 86}
LOCAL_SOURCE_META = {  # number -> publisher, published (as SOURCES.md words it)
    84: ("Nationaal Programma Zuidwest", "undated"),
    85: ("Gemeente Utrecht", "May 2021, May 2022 and May 2023 versions"),
    86: ("Heerlen-Noord (NPHLN)", "undated"),
}
CANDIDATE_SECTION = "Verified candidate rows (data/review/candidates_verification.csv)"

LOCAL_UNITS = [  # free-text unit prefix in the facts -> unit code
    ("percent", "percent"), ("share", "percent"), ("euro per year", "eur_per_year"),
    ("eur per year", "eur_per_year"), ("cito", "score_points"), ("per 1,000", "per_1000"),
    ("persons", "persons"),
]
# What each of the 28 local figures describes, by its unit text in the facts.
LOCAL_POPULATION = {
    "percent of inhabitants": "residents",
    "euro per year": "residents_households",
    "percent": "residents",
    "percent of dwellings owned by housing corporations": "dwellings",
    "percent of dwellings": "dwellings",
    "percent of primary-school-age pupils": "primary_school_pupils",
    "Cito score points": "primary_school_pupils",
    "per 1,000 inhabitants with at least 1 WMO provision": "residents",
    "percent of young adults": "young_adults",
    "percent of young people aged 17-22": "young_people_17_22",
    "percent of households": "households",
    "percent (bereik voorschool)": "toddlers",
    "percent of adults who moved to Heerlen": "adults_moved_in_2021",
}
HEERLEN_INFLOW_NOTE = (
    "Describes adults who moved into the whole municipality of Heerlen in 2021, not residents of"
    " Heerlen-Noord (SOURCES.md item 86).")
CHART_CAPTION = re.compile(r"source labels?:", re.I)
EXCERPT_CUT = re.compile(r"ends mid-sentence|excerpt cut|cut off|truncated", re.I)
EXCERPT_PREFIX = "stored excerpt ends mid-sentence; "
CANDIDATE_HEDGE = re.compile(
    r"'(e|é)én op de|circa|bijna|de helft|truncated|cut off|\bc\. ", re.I)
PRESS_HOSTS = {
    "www.at5.nl", "www.nu.nl", "www.zaandamsdagblad.nl", "www.nul20.nl", "www.nrc.nl",
    "www.debewonersraad.nl", "www.omropfryslan.nl", "huisaanhuisleeuwarden.nl", "www.cbs.nl",
}

# Verified candidate rows carried into local_indicators (rows 50-105 that are not duplicates of
# local_indicators.csv): row -> scope_id, indicator, subarea, population, unit code.
LOCAL_CANDIDATES = {
    55: ("den-haag-zuidwest", "households_problematic_debt_share", "", "households", "percent"),
    63: ("den-haag-zuidwest", "youths_high_risk_drug_crime_count", "", "young_people",
         "persons"),
    65: ("utrecht-overvecht", "toddlers_with_ve_indication_share", "", "toddlers", "percent"),
    68: ("utrecht-overvecht", "ve_indicated_toddlers_placed_share", "",
         "toddlers_with_ve_indication", "percent"),
    69: ("utrecht-overvecht", "households_4yr_income_up_to_125pct_social_min_share", "",
         "households", "percent"),
    75: ("utrecht-overvecht", "movers_staying_in_own_wijk_share", "", "movers", "percent"),
    76: ("utrecht-overvecht", "households_on_social_assistance_share", "", "households",
         "percent"),
    77: ("amsterdam-zuidoost", "minima_households_share", "", "households_stadsdeel",
         "percent"),
    78: ("amsterdam-nieuw-west", "minima_households_share", "", "households_stadsdeel",
         "percent"),
    79: ("GM0363", "minima_households_share", "", "households", "percent"),
    80: ("amsterdam-zuidoost", "children_in_minima_households_share", "", "children_stadsdeel",
         "percent"),
    81: ("arnhem-oost", "inhabitants", "", "residents", "persons"),
    82: ("arnhem-oost", "children_in_low_income_household_share", "", "children", "percent"),
    83: ("arnhem-oost", "adults_low_literacy_share", "", "adults", "percent"),
    84: ("zaandam-oost", "share_of_municipal_population", "", "residents_of_municipality",
         "percent"),
    85: ("zaandam-oost", "children_below_poverty_line_share", "poelenburg", "children",
         "percent"),
    86: ("zaandam-oost", "children_below_poverty_line_share", "peldersveld_hoornseveld",
         "children", "percent"),
    87: ("zaandam-oost", "share_of_municipal_benefits", "poelenburg_peldersveld",
         "benefits_of_municipality", "percent"),
    88: ("zaandam-oost", "social_housing_share_dwellings", "poelenburg_peldersveld",
         "dwellings", "percent"),
    89: ("zaandam-oost", "average_income_per_year", "poelenburg_peldersveld", "residents",
         "eur_per_year"),
    90: ("leeuwarden-oost", "children_below_poverty_line_share", "", "children", "percent"),
    91: ("leeuwarden-oost", "unemployment_share", "bilgaard", "residents", "percent"),
    92: ("leeuwarden-oost", "poverty_share_scp", "heechterp_schieringen", "residents",
         "percent"),
    93: ("leeuwarden-oost", "poverty_share_scp", "heechterp_schieringen", "residents",
         "percent"),
    94: ("leeuwarden-oost", "social_assistance_recipients_count", "heechterp_schieringen",
         "residents", "persons"),
    95: ("tilburg-noordwest", "residents_in_minimum_household_share", "stokhasselt",
         "residents", "percent"),
    96: ("tilburg-noordwest", "children_0_9_in_minimum_household_share", "stokhasselt",
         "children_0_9", "percent"),
    97: ("tilburg-noordwest", "households_with_minimum_income_share", "stokhasselt",
         "households", "percent"),
    98: ("roosendaal-ring", "social_housing_share_dwellings", "", "dwellings", "percent"),
    99: ("heerlen-noord", "inhabitants", "", "residents", "persons"),
    102: ("GM0917", "low_ses_wijken_count", "", "wijken", "count"),
    103: ("rotterdam-zuid", "average_cito_score", "", "primary_school_pupils", "score_points"),
    104: ("rotterdam-zuid", "average_cito_score", "focuswijken", "primary_school_pupils",
          "score_points"),
    105: ("rotterdam-zuid", "early_school_leavers_share", "", "pupils", "percent"),
}

# The other verified candidate rows: facts the fact set has no field for (co-financing, totals,
# rejected applications, other funds, dwelling counts from another page than the award) and
# rows that confirm a figure already there. They are carried as they are, in candidate_facts:
# shown beside an area's money and on the sources page, never added into a total.
# row: (scope_id, kind, unit, Dutch topic, English topic)
OTHER_CANDIDATES = {
    3: ("GM0202", "context", "eur", "VHF 2021 Arnhem-Oost: totale investering (met provincie, "
        "gemeente en bewoners)", "VHF 2021 Arnhem-Oost: total investment (with province, "
        "municipality and residents)"),
    6: ("GM0917", "context", "eur", "VHF 2021: Parkstad Limburg en Heerlen-Noord samen (twee "
        "aanvragen)", "VHF 2021: Parkstad Limburg and Heerlen-Noord together (two applications)"),
    8: ("NL", "context", "eur", "VHF 2021: alle toekenningen samen", "VHF 2021: all awards"
        " together"),
    10: ("groningen-noord", "context", "dwellings", "VHF 2021 Groningen-Noord: geplande woningen"
         " (minimaal)", "VHF 2021 Groningen-Noord: planned dwellings (at least)"),
    17: ("GM0855", "context", "count", "VHF 2021 Wandelbos Noord: particuliere eigenaren",
         "VHF 2021 Wandelbos Noord: private owners"),
    19: ("GM0606", "context", "count", "VHF 2021 Staatsliedenbuurt: gesteunde particuliere "
         "eigenaren", "VHF 2021 Staatsliedenbuurt: private owners supported"),
    20: ("GM0995", "confirms", "eur", "VHF 2021 Lelystad Oost: toekenning (bevestigt het bedrag"
         " in de toekenningen)", "VHF 2021 Lelystad Oost: award (confirms the amount in the"
         " allocations)"),
    22: ("GM0995", "rejected", "eur", "VHF 2023 Lelystad Oost: aanvraag tweede tranche "
         "afgewezen", "VHF 2023 Lelystad Oost: second-tranche application rejected"),
    23: ("GM0995", "context", "eur", "VHF 2024 ronde 3 Lelystad-Oost: gemeentelijke "
         "cofinanciering (gevraagd aan de raad)", "VHF 2024 round 3 Lelystad-Oost: municipal "
         "co-financing (asked of the council)"),
    25: ("GM0080", "confirms", "dwellings", "VHF 2021 Leeuwarden Oost: particuliere woningen "
         "(bevestigt de toekenning)", "VHF 2021 Leeuwarden Oost: private dwellings (confirms the"
         " allocation)"),
    26: ("GM0080", "context", "eur", "VHF 2021 Leeuwarden Oost: gemeentelijke cofinanciering",
         "VHF 2021 Leeuwarden Oost: municipal co-financing"),
    27: ("GM0479", "confirms", "eur", "VHF 2021 Zaandam Oost: toekenning (sluit aan bij het "
         "bedrag in de toekenningen)", "VHF 2021 Zaandam Oost: award (consistent with the "
         "amount in the allocations)"),
    28: ("GM0479", "context", "dwellings", "VHF 2021 Zaandam Oost: te verduurzamen woningen "
         "(andere pagina dan de toekenning)", "VHF 2021 Zaandam Oost: dwellings to be made "
         "sustainable (another page than the award)"),
    32: ("GM0855", "context", "eur", "VHF 2023 Tilburg-Noord: gemeentelijke cofinanciering",
         "VHF 2023 Tilburg-Noord: municipal co-financing"),
    36: ("GM0344", "other_fund", "eur", "SPUK Kansrijke Wijk 2023-2025: Overvecht",
         "SPUK Kansrijke Wijk 2023-2025: Overvecht"),
    37: ("GM0606", "context", "dwellings", "VHF 2023 Schiedam Oost: woningen met label E/F/G in "
         "de aanvraag", "VHF 2023 Schiedam Oost: dwellings with label E/F/G in the application"),
    40: ("GM0599", "rejected", "eur", "VHF 2024 ronde 4 Rotterdam-Zuid: aanvraag afgewezen",
         "VHF 2024 round 4 Rotterdam-Zuid: application rejected"),
    42: ("NL", "other_fund", "eur", "SPUK Kansrijke Wijk 2023-2025: de 20 NPLV-gebieden samen",
         "SPUK Kansrijke Wijk 2023-2025: the 20 NPLV areas together"),
    43: ("GM0344", "other_fund", "eur", "Woningbouwimpuls ronde 3: Overvecht",
         "Housing Construction Impulse round 3: Overvecht"),
    44: ("GM0344", "other_fund", "eur", "Woontop NPLV 2025: Overvecht",
         "Housing summit NPLV 2025: Overvecht"),
    45: ("groningen-noord", "other_fund", "dwellings", "Woontop NPLV 2025 Groningen-Noord: "
         "betaalbare woningen", "Housing summit NPLV 2025 Groningen-Noord: affordable dwellings"),
    46: ("GM0014", "other_fund", "eur", "Woontop NPLV 2025 Groningen-Noord: gereserveerd bedrag"
         " (bandbreedte)", "Housing summit NPLV 2025 Groningen-Noord: reserved amount (range)"),
    47: ("GM0917", "other_fund", "eur", "Woontop NPLV 2025 Heerlen-Noord: rijksbijdrage "
         "(bandbreedte)", "Housing summit NPLV 2025 Heerlen-Noord: national contribution"
         " (range)"),
    48: ("GM0917", "other_fund", "eur", "Woontop NPLV 2025 Heerlen-Noord: vast deel voor "
         "randvoorwaarden", "Housing summit NPLV 2025 Heerlen-Noord: fixed part for"
         " preconditions"),
    49: ("heerlen-noord", "other_fund", "dwellings", "Woontop NPLV 2025 Heerlen-Noord: start "
         "bouw (minimaal)", "Housing summit NPLV 2025 Heerlen-Noord: construction starts (at"
         " least)"),
    112: ("NL", "context", "count", "VHF 2021: stedelijke vernieuwingsgebieden met voorrang",
          "VHF 2021: urban renewal areas given priority"),
    113: ("NL", "context", "count", "VHF 2021: gehonoreerde aanvragen",
          "VHF 2021: applications honoured"),
    115: ("GM1674", "other_fund", "eur", "Roosendaal: extra rijksgeld samen (VHF, Preventie met "
          "gezag, Kansrijke Wijk)", "Roosendaal: extra national money together (VHF, Preventie "
          "met gezag, Kansrijke Wijk)"),
    116: ("GM1674", "other_fund", "eur", "Woontop 2024 Roosendaal Ring: rijksbijdrage (minimaal)",
          "Housing summit 2024 Roosendaal Ring: national contribution (at least)"),
    117: ("roosendaal-ring", "other_fund", "dwellings", "Woontop 2024 Roosendaal Ring: versnelde"
          " woningen", "Housing summit 2024 Roosendaal Ring: dwellings accelerated"),
    118: ("roosendaal-ring", "context", "dwellings", "Roosendaal Ring: ambitie te verduurzamen "
          "particuliere woningen", "Roosendaal Ring: ambition for private dwellings to make "
          "sustainable"),
}


OTHER_HEDGE = re.compile(r"zo'n|zeker|minimum|at least|meer dan|iets meer|ambition|as reported|"
                         r"probably|undated", re.I)


def stated_values(value: str) -> tuple[str, str]:
    """(low, high) of a candidate's value as stated: '22500000-27000000' is a range, '16' one
    number (high empty); the words after the number stay in the quote."""
    found = re.match(r"\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?", value)
    if not found:
        raise ValueError(f"candidate value without a number: {value!r}")
    return found.group(1), found.group(2) or ""


# The period of a local figure as the fact set words it (kept in ``period``), said in Dutch and
# English for the screen; plain years and months ("2021", "2021-10") are worded by
# ``period_text`` itself. An unknown wording stops the import rather than show English in Dutch.
LOCAL_PERIODS = {
    "2014-2015": ("schooljaar 2014-2015", "school year 2014-2015"),
    "2021-07 (page undated)": ("juli 2021 (pagina zonder datum)", "July 2021 (undated page)"),
    "undated (probably 2023-12)": ("zonder datum (waarschijnlijk december 2023)",
                                   "undated (probably December 2023)"),
    "2023 (as stated in May 2023 monitor)": ("2023 (zo vermeld in de monitor van mei 2023)",
                                             "2023 (as stated in the May 2023 monitor)"),
    "Wijkwijzer (date not stated; NU.nl article id suggests ~2015) - UNCONFIRMED period": (
        "Wijkwijzer, datum niet vermeld (vermoedelijk rond 2015, onbevestigd)",
        "Wijkwijzer, date not stated (probably around 2015, unconfirmed)"),
    "as stated (article undated, c. 2022)": ("artikel zonder datum (rond 2022)",
                                             "undated article (around 2022)"),
    "as stated (c. 2016-2017; undated)": ("zonder datum (rond 2016-2017)",
                                          "undated (around 2016-2017)"),
    "as stated (report undated, c. 2022-2023)": ("rapport zonder datum (rond 2022-2023)",
                                                 "undated report (around 2022-2023)"),
    "as stated (undated)": ("zonder datum", "undated"),
    "as stated 2022-03": ("zo vermeld in maart 2022", "as stated in March 2022"),
    "as stated 2022-07": ("zo vermeld in juli 2022", "as stated in July 2022"),
    "as stated 2024-06 (CBS corporate article)": ("zo vermeld in juni 2024 (artikel van het CBS)",
                                                  "as stated in June 2024 (CBS article)"),
    "as stated May 2023": ("zo vermeld in mei 2023", "as stated in May 2023"),
    "as stated by alderman (c. 2021)": ("genoemd door de wethouder (rond 2021)",
                                        "stated by the alderman (around 2021)"),
    "as stated by alderman (livecast, c. 2021)": (
        "genoemd door de wethouder in een livestream (rond 2021)",
        "stated by the alderman in a livestream (around 2021)"),
    "as stated on NPZW page (analysis 'Zicht op Ondermijning')": (
        "pagina van het Nationaal Programma Zuidwest (analyse 'Zicht op Ondermijning')",
        "National Programme Zuidwest page (analysis 'Zicht op Ondermijning')"),
    "as stated on undated NPZW page": ("pagina van het Nationaal Programma Zuidwest, zonder datum",
                                       "undated National Programme Zuidwest page"),
    "monitor May 2021 (second monitor report)": ("monitor van mei 2021 (tweede monitor)",
                                                 "monitor of May 2021 (second report)"),
    "monitor May 2022": ("monitor van mei 2022", "monitor of May 2022"),
    "monitor May 2022 (year of data not in excerpt)": (
        "monitor van mei 2022 (jaar van de cijfers niet in het fragment)",
        "monitor of May 2022 (year of the data not in the excerpt)"),
    "monitor Samen voor Overvecht (edition 2021)": ("monitor Samen voor Overvecht, editie 2021",
                                                    "monitor Samen voor Overvecht, 2021 edition"),
    "undated (wijk website)": ("wijkwebsite, zonder datum", "undated wijk website"),
    "undated NPLV area page": ("NPLV-gebiedspagina, zonder datum", "undated NPLV area page"),
    "undated page": ("pagina zonder datum", "undated page"),
    "undated page (chart source label: CBS 2021)": (
        "pagina zonder datum (bronvermelding bij de grafiek: CBS 2021)",
        "undated page (chart source label: CBS 2021)"),
    "undated page (chart source label: Gezondheidsmonitor 2016 en 2020)": (
        "pagina zonder datum (bronvermelding bij de grafiek: Gezondheidsmonitor 2016 en 2020)",
        "undated page (chart source label: Gezondheidsmonitor 2016 and 2020)"),
    "undated page (chart source labels: Den Haag in Cijfers 2020/2021)": (
        "pagina zonder datum (bronvermelding bij de grafiek: Den Haag in Cijfers 2020/2021)",
        "undated page (chart source labels: Den Haag in Cijfers 2020/2021)"),
    "undated page (chart source labels: WGH 2019, CBS 2021)": (
        "pagina zonder datum (bronvermelding bij de grafiek: WGH 2019, CBS 2021)",
        "undated page (chart source labels: WGH 2019, CBS 2021)"),
    "undated page (source label: DHIC 2022)": (
        "pagina zonder datum (bronvermelding: DHIC 2022)",
        "undated page (source label: DHIC 2022)"),
}
MONTHS = (("januari", "January"), ("februari", "February"), ("maart", "March"),
          ("april", "April"), ("mei", "May"), ("juni", "June"), ("juli", "July"),
          ("augustus", "August"), ("september", "September"), ("oktober", "October"),
          ("november", "November"), ("december", "December"))


def period_text(period: str) -> tuple[str, str]:
    """(Dutch, English) wording of a local figure's stated period."""
    if period in LOCAL_PERIODS:
        return LOCAL_PERIODS[period]
    if re.fullmatch(r"\d{4}(-\d{4})?", period):
        return period, period
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", period)
    if day:
        nl, en = MONTHS[int(day.group(2)) - 1]
        number = int(day.group(3))
        return f"{number} {nl} {day.group(1)}", f"{number} {en} {day.group(1)}"
    month = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if month:
        nl, en = MONTHS[int(month.group(2)) - 1]
        return f"{nl} {month.group(1)}", f"{en} {month.group(1)}"
    if period not in LOCAL_PERIODS:
        raise ValueError(f"local indicator period without a wording in LOCAL_PERIODS: {period!r}")
    return LOCAL_PERIODS[period]


# Dutch and English labels of every local indicator: label_nl, label_en, unit_nl, unit_en.
LOCAL_LABELS = {
    "social_assistance_share_inhabitants": (
        "Inwoners met een bijstandsuitkering", "Residents on social assistance",
        "% van de inwoners", "% of residents"),
    "average_annual_income_per_inhabitant_household": (
        "Gemiddeld jaarinkomen per inwoner/huishouden",
        "Average annual income per resident/household", "euro per jaar", "euro per year"),
    "share_in_top20pct_income_nl": (
        "Behoort tot de 20% hoogste inkomens", "In the top 20% of incomes",
        "% van de inwoners", "% of residents"),
    "social_housing_share_dwellings": (
        "Sociale huurwoningen (corporatiebezit)", "Social rented dwellings (housing corporations)",
        "% van de woningen", "% of dwellings"),
    "private_rental_share_dwellings": (
        "Particuliere huurwoningen", "Private rented dwellings", "% van de woningen",
        "% of dwellings"),
    "owner_occupied_share_dwellings": (
        "Koopwoningen", "Owner-occupied dwellings", "% van de woningen", "% of dwellings"),
    "dwellings_built_1945_1980_share": (
        "Woningen gebouwd 1945-1980", "Dwellings built 1945-1980", "% van de woningen",
        "% of dwellings"),
    "primary_pupils_increased_risk_educational_disadvantage": (
        "Leerlingen met verhoogd risico op onderwijsachterstand",
        "Pupils at increased risk of educational disadvantage",
        "% van de leerlingen in de basisschoolleeftijd", "% of primary-school-age pupils"),
    "average_cito_score": (
        "Gemiddelde Cito-score", "Average Cito score", "Cito-punten", "Cito points"),
    "wmo_provision_per_1000": (
        "Inwoners met een Wmo-voorziening", "Residents with a Wmo (social support) provision",
        "per 1.000 inwoners", "per 1,000 residents"),
    "young_adults_with_startkwalificatie_share": (
        "Jongvolwassenen met een startkwalificatie", "Young adults with a basic qualification",
        "% van de jongvolwassenen", "% of young adults"),
    "young_people_17_22_with_startkwalificatie_share": (
        "Jongeren (17-22) met een startkwalificatie",
        "Young people (17-22) with a basic qualification", "% van de jongeren 17-22",
        "% of young people 17-22"),
    "households_long_term_at_or_below_poverty_line_share": (
        "Huishoudens langdurig op of onder de armoedegrens",
        "Households long-term at or below the poverty line", "% van de huishoudens",
        "% of households"),
    "voorschool_reach_share": (
        "Bereik voorschool", "Pre-school reach", "%", "%"),
    # the group (adults who moved to Heerlen in 2021) is said beside the label on screen
    "low_income_share_among_adult_in_movers": (
        "Laag inkomen", "Low income",
        "% van de volwassen instromers (2021)", "% of adults moving in (2021)"),
    "social_assistance_share_among_adult_in_movers": (
        "Bijstandsuitkering", "Social assistance",
        "% van de volwassen instromers (2021)", "% of adults moving in (2021)"),
    "households_problematic_debt_share": (
        "Huishoudens met problematische schulden", "Households with problematic debts",
        "% van de huishoudens", "% of households"),
    "youths_high_risk_drug_crime_count": (
        "Jongeren met hoog risico op drugscriminaliteit",
        "Young people at high risk of drug crime", "jongeren", "young people"),
    "toddlers_with_ve_indication_share": (
        "Peuters met een VE-indicatie", "Toddlers with an early-education (VE) indication",
        "% van de peuters", "% of toddlers"),
    "ve_indicated_toddlers_placed_share": (
        "Peuters met VE-indicatie geplaatst op een voorschool",
        "Toddlers with a VE indication placed at a pre-school",
        "% van de peuters met VE-indicatie", "% of toddlers with a VE indication"),
    "households_4yr_income_up_to_125pct_social_min_share": (
        "Huishoudens minstens 4 jaar met een inkomen tot 125% (definitie afgebroken)",
        "Households at least 4 years on an income up to 125% (definition cut off)",
        "% van de huishoudens", "% of households"),
    "movers_staying_in_own_wijk_share": (
        "Verhuizers die in de eigen wijk blijven", "Movers who stay in their own wijk",
        "% van de verhuizers", "% of movers"),
    "households_on_social_assistance_share": (
        "Huishoudens met bijstand", "Households on social assistance", "% van de huishoudens",
        "% of households"),
    "minima_households_share": (
        "Minimahuishoudens", "Low-income (minima) households", "% van de huishoudens",
        "% of households"),
    "children_in_minima_households_share": (
        "Kinderen in een minimahuishouden", "Children in a low-income (minima) household",
        "% van de kinderen", "% of children"),
    "inhabitants": ("Inwoners", "Residents", "personen", "persons"),
    "children_in_low_income_household_share": (
        "Kinderen in een huishouden met een laag inkomen",
        "Children in a low-income household", "% van de kinderen", "% of children"),
    "adults_low_literacy_share": (
        "Laaggeletterde volwassenen", "Adults with low literacy", "% van de volwassenen",
        "% of adults"),
    "share_of_municipal_population": (
        "Aandeel in de inwoners van de gemeente", "Share of the municipality's residents",
        "% van de inwoners van de gemeente", "% of the municipality's residents"),
    "children_below_poverty_line_share": (
        "Kinderen onder de armoedegrens", "Children below the poverty line",
        "% van de kinderen", "% of children"),
    "share_of_municipal_benefits": (
        "Aandeel in de uitkeringen van de gemeente", "Share of the municipality's benefits",
        "% van alle uitkeringen in de gemeente", "% of all benefits in the municipality"),
    "average_income_per_year": (
        "Gemiddeld inkomen", "Average income", "euro per jaar", "euro per year"),
    "unemployment_share": (
        "Werkloze bewoners", "Unemployed residents", "% van de bewoners", "% of residents"),
    "poverty_share_scp": (
        "Armen (SCP-criterium niet-veel-maar-toereikend)",
        "People in poverty (SCP 'not much but adequate' criterion)", "% van de inwoners",
        "% of residents"),
    "social_assistance_recipients_count": (
        "Bewoners met bijstand", "Residents on social assistance", "personen", "persons"),
    "residents_in_minimum_household_share": (
        "Inwoners in een minimahuishouden", "Residents in a minimum-income household",
        "% van de inwoners", "% of residents"),
    "children_0_9_in_minimum_household_share": (
        "Kinderen 0-9 in een minimahuishouden", "Children 0-9 in a minimum-income household",
        "% van de kinderen 0-9", "% of children 0-9"),
    "households_with_minimum_income_share": (
        "Huishoudens met een minimuminkomen", "Households on a minimum income",
        "% van de huishoudens", "% of households"),
    "low_ses_wijken_count": (
        "Wijken met lage sociaaleconomische status", "Wijken with low socio-economic status",
        "van de 23 wijken", "of the 23 wijken"),
    "early_school_leavers_share": (
        "Voortijdig schoolverlaters", "Early school leavers", "% van de leerlingen",
        "% of pupils"),
}

# Verified VHF awards the fact set lacks: candidate row -> round_id, municipality,
# gemeente_code, project, is_focus_municipality, candidate row with the homes (same page) or 0,
# round inferred. Amounts, homes and hedges come from the candidate rows.
ALLOCATION_CANDIDATES = {
    1: ("vhf2021", "Arnhem", "GM0202", "Arnhem-Oost", "true", 2, False),
    4: ("vhf2021", "Heerlen", "GM0917", "Heerlen-Noord", "true", 5, False),
    7: ("vhf2021", "Parkstad Limburg (region)", "",
        "regional application Parkstad (excl. Heerlen-Noord)", "false", 0, False),
    9: ("vhf2021", "Groningen", "GM0014", "Groningen-Noord (Paddepoel, Selwerd, Vinkhuizen)",
        "true", 0, False),
    11: ("vhf2021", "Eemsdelta", "GM1979", "Eemsdelta", "false", 0, False),
    12: ("vhf2021", "Midden-Groningen", "GM1952", "Midden-Groningen", "false", 0, False),
    13: ("vhf2021", "Het Hogeland", "GM1966", "Het Hogeland", "false", 0, False),
    15: ("vhf2021", "Utrecht", "GM0344",
         "Overvecht (asked {asked}; not honoured, ranked 21st)", "true", 0, False),
    16: ("vhf2021", "Tilburg", "GM0855", "Wandelbos Noord (Kruidenbuurt, Kleurenbuurt)", "true",
         0, False),
    18: ("vhf2021", "Schiedam", "GM0606", "Staatsliedenbuurt (Nieuwland)", "true", 0, False),
    31: ("vhf2023", "Tilburg", "GM0855", "Tilburg-Noord (Stokhasselt, Heikant)", "true", 33,
         False),
    34: ("vhf2023", "Utrecht", "GM0344", "Overvecht", "true", 35, False),
    114: ("vhf2023", "Roosendaal", "GM1674",
          "Roosendaal (round UNCONFIRMED: page undated, names minister De Jonge)", "true", 0,
          True),
}
ASKED_ROW = {15: 14}  # the request that was not honoured, for the project text

# Verified rows that change an existing allocation: allocation_id, candidate row (its page
# becomes the row's source), field, new value ("{value}": the candidate's value), reasons.
ALLOCATION_CHANGES = [
    ("A008", 24, "amount_eur", "{value}",
     "Exact bedrag 20.568.166 (Friesch Dagblad), was afgerond 20,5 miljoen (KAW).",
     "Exact amount 20,568,166 (Friesch Dagblad), was rounded 20.5M (KAW)."),
    ("A008", 24, "is_round_inferred", "false",
     "Ronde VHF 2021 staat nu in de bron (toekenning juli 2021), niet meer afgeleid.",
     "Round VHF 2021 now stated by the source (July 2021 award), no longer inferred."),
    ("A008", 24, "status", "{status}",
     "Exact bedrag en ronde uit een bron van juli 2021.",
     "Exact amount and round from a July 2021 source."),
    ("A012", 29, "amount_eur", "{value}",
     "RTV Parkstad (12 dec 2023) noemt 27,8 miljoen; was 'circa 28 miljoen' (nieuws.nl).",
     "RTV Parkstad (12 Dec 2023) states 27.8M; was 'approx 28M' (nieuws.nl)."),
    ("A012", 29, "status", "{status}",
     "Bedrag zonder voorbehoud genoemd (27,8 miljoen).",
     "Amount stated without a hedge (27.8M)."),
    ("A012", 29, "project", "Heerlen Noord",
     "'(approx 28M)' uit de projectnaam gehaald: het bedrag is nu 27,8 miljoen.",
     "Dropped '(approx 28M)' from the project name: the amount is now 27.8M."),
    ("A012", 30, "homes", "{value}",
     "Woningen uit dezelfde bron ('ruim 800' particuliere woningen).",
     "Dwellings from the same source ('ruim 800' private dwellings)."),
    ("A004", 21, "homes", "{value}",
     "Eigen bron van Lelystad Oost: 754 particuliere woningen, 'ruim 39 miljoen' (bedrag"
     " ongewijzigd).",
     "Lelystad Oost's own page: 754 private dwellings, 'ruim 39 miljoen' (amount unchanged)."),
]

# Areas a source names as one of the 16 areas of 2020-2021: row -> area_id, strength.
ORIGINAL16_CANDIDATES = {
    106: ("utrecht-overvecht", "truncated"),
    107: ("schiedam-nieuwland-oost", "explicit"),
    108: ("lelystad-oost", "explicit"),
    109: ("heerlen-noord", "explicit"),
    110: ("groningen-noord", "named"),
    111: ("leeuwarden-oost", "indirect"),
}

def status_of(*texts: str) -> str:
    """The weakest status any hedge in the texts implies."""
    joined = " ".join(t for t in texts if t)
    if UNCONFIRMED.search(joined):
        return "unconfirmed"
    if APPROXIMATE.search(joined):
        return "approximate"
    return "confirmed"


def unit_code(unit: str) -> str:
    """A short, enumerable unit for the free-text unit in the facts."""
    text = unit.lower()
    for prefix, code in [
        ("percentage points", "percentage_points"), ("percent", "percent"),
        ("persons", "persons"), ("ratio", "ratio"), ("rank", "rank"), ("years", "years"),
        ("per 1000", "per_1000"), ("dwellings", "dwellings"), ("households", "households"),
    ]:
        if text.startswith(prefix):
            return code
    raise ValueError(f"unknown unit {unit!r}")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in fields})


def parse_sources(text: str) -> list[dict[str, str]]:
    """One row per URL in SOURCES.md, numbered as there (S01, S26b for a second URL)."""
    rows = []
    section = ""
    items: list[tuple[str, str, str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("### "):
            section = line[4:].strip()
            continue
        if line.startswith("## "):
            section = ""
            current = None
            continue
        match = re.match(r"^(\d+)\. (.*)", line)
        if match and section:
            current = [match.group(2)]
            items.append((match.group(1), section, ""))
            items[-1] = (match.group(1), section, current)  # type: ignore[assignment]
        elif current is not None and line.startswith("   "):
            current.append(line.strip())
    for number, section, lines in items:
        body = " ".join(lines)  # type: ignore[arg-type]
        pairs = re.findall(r"\*\*(.+?)\*\*[^<]*?<(https?://[^>]+)>", body)
        publisher_match = re.search(r"Publisher: (.+?)\. Date: (.+?)\.(?: |$)", body)
        taken = re.search(r"(Taken|Supporting|Used)[^:]*: (.*)", body)
        for index, (title, url) in enumerate(pairs):
            after = body.split(f"<{url}>", 1)[1]
            paren = re.match(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", after)
            publisher, published = "", ""
            if publisher_match:
                publisher, published = publisher_match.group(1), publisher_match.group(2)
            elif paren:
                parts = [p.strip() for p in paren.group(1).split(",")]
                dated = [p for p in parts if re.search(r"\d{4}|undated|checked", p)]
                publisher = ", ".join(p for p in parts if p not in dated)
                published = ", ".join(dated)
            if title.startswith("Same study") and rows:
                publisher, published = rows[-1]["publisher"], rows[-1]["published"]
            if not publisher:
                publisher = title.split(", ")[0] if ", " in title else title.split(" (")[0]
            rows.append(
                {
                    "source_id": f"S{int(number):02d}" + ("" if index == 0 else "bcdef"[index - 1]),
                    "title": title.strip(),
                    "publisher": publisher,
                    "published": published,
                    "url": url,
                    "section": section,
                    "used_for": taken.group(2) if taken else body,
                }
            )
    return rows


def split_wijken(text: str) -> list[tuple[str, str]]:
    """Split a wijken list on ';' outside brackets, keeping [notes] apart from names."""
    note = ""
    bracket = re.search(r"\[(.*)\]", text)
    if bracket:
        note = bracket.group(1)
        text = text[: bracket.start()] + text[bracket.end():]
    parts, depth, buf = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == ";" and depth == 0:
            parts.append(buf)
            buf = ""
        else:
            buf += char
    parts.append(buf)
    return [(p.strip(), note) for p in parts if p.strip()]


def parse_local_sources(text: str) -> dict[int, tuple[str, str]]:
    """Items of the SOURCES.md section on local monitor figures: number -> (title, body)."""
    part = text.split(f"## {LOCAL_SECTION}", 1)
    if len(part) < 2:
        return {}
    items: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line in part[1].splitlines():
        if line.startswith("#"):
            break
        match = re.match(r"^(\d+)\. (.*)", line)
        if match:
            current = items.setdefault(int(match.group(1)), [match.group(2)])
        elif current is not None and line.startswith("   "):
            current.append(line.strip())
    parsed = {}
    for number, lines in items.items():
        body = " ".join(lines)
        title = re.match(r"\*\*(.+?)\*\*", body)
        parsed[number] = (title.group(1) if title else body, re.sub(r"\*\*", "", body))
    return parsed


def local_unit(unit: str) -> str:
    text = unit.lower()
    for prefix, code in LOCAL_UNITS:
        if text.startswith(prefix):
            return code
    raise ValueError(f"unknown local unit {unit!r}")


def local_status(period: str, note: str) -> str:
    """approximate where the period is only a chart's source label or the excerpt is cut."""
    if CHART_CAPTION.search(period) or EXCERPT_CUT.search(note):
        return "approximate"
    return "confirmed"


def candidate_status(*texts: str) -> str:
    joined = " ".join(t for t in texts if t)
    if UNCONFIRMED.search(joined):
        return "unconfirmed"
    if CANDIDATE_HEDGE.search(joined):
        return "approximate"
    return "confirmed"


def millions(value: str) -> str:
    return f"{float(value) / 1e6:g}M"


def read_candidates(facts: Path, review: Path) -> dict[int, dict[str, str]]:
    """candidates.csv rows by 1-based number, with the verification's verdict and checks."""
    rows = read(facts / "candidates.csv")
    checks = read(review / "candidates_verification.csv")
    joined = {}
    for number, (row, check) in enumerate(zip(rows, checks, strict=True), start=1):
        if int(check["row"]) != number or check["indicator"] != row["indicator"]:
            raise ValueError(f"verification row {check['row']} does not match candidate {number}")
        joined[number] = {**row, "verified": check["verified"], "checks": check["checks"]}
    return joined


def verified(candidates: dict[int, dict[str, str]], number: int) -> dict[str, str] | None:
    """The candidate row if its quote was verified; unverified rows go nowhere."""
    row = candidates[number]
    return row if row["verified"] == "yes" else None


def page_title(url: str) -> str:
    """A title from the address (the candidate rows give no page title)."""
    parts = urlsplit(url)
    slug = parts.path.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.html?$", "", slug)
    words = re.sub(r"[-_]+", " ", slug)
    words = re.sub(r"\b(\d{5,}|a\d{7})\b", "", words)  # article ids
    words = re.sub(r"\s+", " ", words).strip()
    return f"{parts.netloc.removeprefix('www.')}: {words}" if words else parts.netloc


def add_local_sources(sources: list[dict], by_url: dict[str, str], local_rows: list[dict],
                      items: dict[int, tuple[str, str]]) -> None:
    """Sources 84-86: one row per page of local_indicators.csv, numbered as in SOURCES.md."""
    per_number: dict[int, list[str]] = {}
    for row in local_rows:
        url = row["source_url"]
        if url in by_url:
            continue
        number = LOCAL_SOURCE_NUMBER[urlsplit(url).netloc]
        if url not in per_number.setdefault(number, []):
            per_number[number].append(url)
    for number in sorted(per_number):
        title, body = items[number]
        publisher, published = LOCAL_SOURCE_META[number]
        for index, url in enumerate(per_number[number]):
            page = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
            source_id = f"S{number:02d}" + ("" if index == 0 else "bcdef"[index - 1])
            if len(per_number[number]) > 1:
                title_of_page = f"{title} ({page})"
            else:
                title_of_page = title
            sources.append({
                "source_id": source_id, "title": title_of_page, "publisher": publisher,
                "published": published, "url": url, "section": LOCAL_SECTION,
                "used_for": body,
            })
            by_url[url] = source_id


def add_candidate_source(sources: list[dict], by_url: dict[str, str], row: dict[str, str],
                         used_for: str) -> str:
    """The source id of a verified candidate's page, adding a sources row for a new URL."""
    url = row["source_url"]
    if url not in by_url:
        number = max(int(re.match(r"S(\d+)", s["source_id"]).group(1)) for s in sources) + 1
        sources.append({
            "source_id": f"S{number:02d}", "title": page_title(url),
            "publisher": urlsplit(url).netloc.removeprefix("www."),
            "published": "", "url": url, "section": CANDIDATE_SECTION, "used_for": used_for,
        })
        by_url[url] = f"S{number:02d}"
    else:
        source = next(s for s in sources if s["url"] == url)
        if source["section"] == CANDIDATE_SECTION and used_for not in source["used_for"]:
            source["used_for"] += f"; {used_for}"
    return by_url[url]


def local_indicator_rows(facts: Path, by_url: dict[str, str]) -> list[dict]:
    rows = []
    for r in read(facts / "local_indicators.csv"):
        indicator, _, subarea = r["indicator"].partition("__")
        text = r["note"].removeprefix("quote: ")
        notes = []
        if text.startswith(EXCERPT_PREFIX):
            text = text[len(EXCERPT_PREFIX):]
            notes.append(EXCERPT_PREFIX.removesuffix("; "))
        if CHART_CAPTION.search(r["period"]):
            notes.append("undated page: the period is the chart's source label")
        if r["area_id"] == "GM0917":
            notes.append(HEERLEN_INFLOW_NOTE)
        rows.append({
            "scope_id": r["area_id"], "indicator": indicator, "subarea": subarea,
            "period": r["period"], "value": r["value"], "unit": local_unit(r["unit"]),
            "unit_label": r["unit"], "status": local_status(r["period"], r["note"]),
            "source_id": by_url[r["source_url"]], "source_kind": "local_monitor",
            "population": LOCAL_POPULATION[r["unit"]], "quote": text, "note": ". ".join(notes),
            "candidate_row": "",
        })
    return rows


def apply_candidates(candidates: dict[int, dict[str, str]], sources: list[dict],
                     by_url: dict[str, str], allocations: list[dict], local: list[dict]
                     ) -> tuple[list[dict], list[dict], list[dict], set[int]]:
    """Carry the verified candidate rows; returns changes, original-16 evidence, the other
    facts and the rows carried. Existing allocation rows keep their old source in
    ``previous_source_id``."""
    carried: set[int] = set()
    for row in allocations:
        row.setdefault("previous_source_id", "")

    changes = []
    by_id = {row["allocation_id"]: row for row in allocations}
    for allocation_id, number, field, template, reason_nl, reason_en in ALLOCATION_CHANGES:
        cand = verified(candidates, number)
        if cand is None:
            continue
        target = by_id[allocation_id]
        new_source = add_candidate_source(sources, by_url, cand, "allocations (changed rows)")
        old_source = target["previous_source_id"] or target["source_id"]
        new_value = template.format(
            value=cand["value"], status=status_of(cand["unit"], cand["indicator"]))
        changes.append({
            "change_id": f"C{len(changes) + 1:02d}", "table": "allocations",
            "row_id": allocation_id, "field": field, "old_value": target[field],
            "new_value": new_value, "old_source_id": old_source, "new_source_id": new_source,
            "reason_nl": reason_nl, "reason_en": reason_en,
        })
        target[field] = new_value
        target["previous_source_id"], target["source_id"] = old_source, new_source
        carried.add(number)
    rounds = {rid: date for rid, _, _, _, date, _, _ in ROUNDS}
    for number, (round_id, municipality, code, project, focus, homes_row, inferred) in (
            ALLOCATION_CANDIDATES.items()):
        cand = verified(candidates, number)
        if cand is None:
            continue
        homes = verified(candidates, homes_row) if homes_row else None
        if homes is not None and homes["source_url"] != cand["source_url"]:
            raise ValueError(f"candidate {homes_row}: homes from another page than {number}")
        asked = verified(candidates, ASKED_ROW[number]) if number in ASKED_ROW else None
        allocations.append({
            "allocation_id": f"A{len(allocations) + 1:03d}", "round_id": round_id,
            "is_round_inferred": str(inferred).lower(), "date": rounds[round_id],
            "municipality": municipality, "gemeente_code": code,
            "project": project.format(asked=millions(asked["value"]) if asked else "?"),
            "amount_eur": cand["value"], "homes": homes["value"] if homes else "",
            "is_focus_municipality": focus,
            "status": "unconfirmed" if inferred else status_of(cand["unit"], cand["indicator"]),
            "source_id": add_candidate_source(sources, by_url, cand, "allocations"),
            "previous_source_id": "",
        })
        carried.update(n for n in (number, homes_row, ASKED_ROW.get(number)) if n)

    evidence = []
    for number, (area_id, strength) in ORIGINAL16_CANDIDATES.items():
        cand = verified(candidates, number)
        if cand is None:
            continue
        evidence.append({
            "evidence_id": f"O{len(evidence) + 1:02d}", "area_id": area_id,
            "source_id": add_candidate_source(sources, by_url, cand, "original16_evidence"),
            "period": cand["period"], "quote": cand["quote"], "strength": strength,
            "note": cand["checks"], "candidate_row": number,
        })
        carried.add(number)

    for number, (scope_id, indicator, subarea, population, unit) in LOCAL_CANDIDATES.items():
        cand = verified(candidates, number)
        if cand is None:
            continue
        host = urlsplit(cand["source_url"]).netloc
        local.append({
            "scope_id": scope_id, "indicator": indicator, "subarea": subarea,
            "period": cand["period"], "value": cand["value"], "unit": unit,
            "unit_label": cand["unit"],
            "status": candidate_status(cand["period"], cand["unit"], cand["indicator"]),
            "source_id": add_candidate_source(sources, by_url, cand, "local_indicators"),
            "source_kind": "press" if host in PRESS_HOSTS else "local_monitor",
            "population": population, "quote": cand["quote"],
            "note": f"verification: {cand['checks']}", "candidate_row": number,
        })
        carried.add(number)

    others = []
    for number, (scope_id, kind, unit, topic_nl, topic_en) in OTHER_CANDIDATES.items():
        cand = verified(candidates, number)
        if cand is None:
            continue
        low, high = stated_values(cand["value"])
        others.append({
            "fact_id": f"F{len(others) + 1:02d}", "scope_id": scope_id, "kind": kind,
            "topic_nl": topic_nl, "topic_en": topic_en, "period": cand["period"],
            "value": low, "value_high": high, "unit": unit,
            "value_as_stated": f"{cand['value']} {cand['unit']}".strip(),
            # a range, 'ruim', 'bijna', 'zo'n', 'minimum': not an exact figure
            "status": ("approximate" if high or OTHER_HEDGE.search(cand["unit"])
                       and status_of(cand["unit"], cand["period"]) == "confirmed"
                       else status_of(cand["unit"], cand["period"])),
            "source_id": add_candidate_source(sources, by_url, cand, "candidate_facts"),
            "quote": cand["quote"], "note": f"verification: {cand['checks']}",
            "candidate_row": number,
        })
        carried.add(number)
    return changes, evidence, others, carried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=DEFAULT_FACTS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--review", type=Path, default=DEFAULT_REVIEW)
    args = parser.parse_args()
    facts, out = args.facts, args.out
    out.mkdir(parents=True, exist_ok=True)

    sources_text = (facts / "SOURCES.md").read_text(encoding="utf-8")
    sources = parse_sources(sources_text)
    by_url = {row["url"]: row["source_id"] for row in sources}
    local_facts = read(facts / "local_indicators.csv")
    add_local_sources(sources, by_url, local_facts, parse_local_sources(sources_text))

    areas, wijken = [], []
    for row in read(facts / "areas.csv"):
        code = row["gemeente_code"]
        name_2021 = row["original_name_2021"]
        areas.append({
            "area_id": row["area_id"],
            "name": row["name"],
            "alt_names": row["alt_names"],
            "municipality": row["municipality"],
            "gemeente_code": code,
            "gemeente_code_status": "confirmed" if code in CONFIRMED_GEMEENTE_CODES
            else "unconfirmed",
            "province": row["province"],
            "cohort": "original16" if row["in_original_16"] == "true" else "added2022",
            "is_current": row["in_current_20"],
            "name_2021": name_2021,
            "name_2021_status": status_of(name_2021) if name_2021 else "",
            "centroid_lat": row["centroid_lat"],
            "centroid_lon": row["centroid_lon"],
            "centroid_status": "approximate",
            "source_id": by_url[row["source_url"]],
            "status": "confirmed",
        })
        for position, (wijk, note) in enumerate(split_wijken(row["wijken"]), start=1):
            wijken.append({
                "area_id": row["area_id"], "position": position, "wijk_name": wijk,
                "note": note, "status": status_of(wijk, note) if note or "UNCONF" in wijk
                else "confirmed",
                "source_id": by_url[row["source_url"]],
            })
    write(out / "areas.csv", list(areas[0]), areas)
    write(out / "area_wijken.csv",
          ["area_id", "position", "wijk_name", "note", "status", "source_id"], wijken)

    population = [
        {
            "scope_id": r["area_id"], "ref_date": r["ref_date"], "measure": r["measure"],
            "value": r["value"], "unit": "persons", "precision": r["precision"],
            "status": status_of(r["precision"], "undated" if not r["ref_date"] else ""),
            "source_id": by_url[r["source_url"]],
        }
        for r in read(facts / "population.csv")
    ]
    write(out / "population.csv", list(population[0]), population)

    indicators = []
    for r in read(facts / "indicators.csv"):
        indicator, _, subarea = r["indicator"].partition("__")
        indicators.append({
            "scope_id": r["area_id"], "indicator": indicator, "subarea": subarea,
            "period": r["period"], "value": r["value"], "unit": unit_code(r["unit"]),
            "unit_label": r["unit"],
            "status": status_of(r["note"], r["period"], r["unit"]),
            "source_id": by_url[r["source_url"]], "note": r["note"],
        })
    write(out / "indicators.csv", list(indicators[0]), indicators)

    budgets = []
    for r in read(facts / "budgets.csv"):
        prefix = r["line_id"].split("_")[0].rstrip("0123456789")
        budgets.append({
            "line_id": r["line_id"], "instrument": r["instrument"], "ministry": r["ministry"],
            "amount_eur": r["amount_eur"], "kind": r["kind"].replace("-", "_"),
            "period": r["period"], "scope": r["scope"],
            "category": BUDGET_CATEGORY.get(prefix, "nplv"),
            "status": status_of(r["note"], r["period"]),
            "source_id": by_url[r["source_url"]], "note": r["note"],
        })
    write(out / "budget_lines.csv", list(budgets[0]), budgets)

    round_by_label = {label: rid for rid, label, *_ in ROUNDS}
    write(out / "rounds.csv",
          ["round_id", "label_nl", "label_en", "date", "fund", "budget_line_id"],
          [dict(zip(["round_id", "_", "label_nl", "label_en", "date", "fund", "budget_line_id"],
                    r)) for r in ROUNDS])
    allocations = []
    for number, r in enumerate(read(facts / "allocations.csv"), start=1):
        label = r["round"]
        inferred = "(inferred)" in label
        amount = r["amount_eur"]
        allocations.append({
            "allocation_id": f"A{number:03d}",
            "round_id": round_by_label[label.replace(" (inferred)", "")],
            "is_round_inferred": str(inferred).lower(),
            "date": r["date"], "municipality": r["municipality"],
            "gemeente_code": r["gemeente_code"], "project": r["project"],
            "amount_eur": amount, "homes": r["homes"],
            "is_focus_municipality": r["is_focus_municipality"],
            "status": "unconfirmed" if not amount or inferred or "UNCONFIRMED" in r["project"]
            else status_of(r["project"]),
            "source_id": by_url[r["source_url"]],
        })

    local = local_indicator_rows(facts, by_url)
    candidates = read_candidates(facts, args.review)
    changes, evidence, others, carried = apply_candidates(candidates, sources, by_url,
                                                          allocations, local)
    write(out / "allocations.csv", list(allocations[0]), allocations)
    for number, row in enumerate(local, start=1):
        row["local_id"] = f"L{number:02d}"
        row["period_nl"], row["period_en"] = period_text(row["period"])
    write(out / "local_indicators.csv",
          ["local_id", "scope_id", "indicator", "subarea", "period", "period_nl", "period_en",
           "value", "unit",
           "unit_label", "status", "source_id", "source_kind", "population", "quote", "note",
           "candidate_row"], local)
    used = list(dict.fromkeys(row["indicator"] for row in local))
    missing = [name for name in used if name not in LOCAL_LABELS]
    if missing:
        raise ValueError(f"local indicators without a label in LOCAL_LABELS: {missing}")
    write(out / "local_indicator_labels.csv",
          ["indicator", "label_nl", "label_en", "unit_nl", "unit_en"],
          [dict(zip(["indicator", "label_nl", "label_en", "unit_nl", "unit_en"],
                    (name, *LOCAL_LABELS[name]))) for name in used])
    for row in others:
        row["period_nl"], row["period_en"] = period_text(row["period"])
    write(out / "candidate_facts.csv",
          ["fact_id", "scope_id", "kind", "topic_nl", "topic_en", "period", "period_nl",
           "period_en", "value", "value_high", "unit", "value_as_stated", "status", "source_id",
           "quote", "note", "candidate_row"], others)
    write(out / "changes.csv",
          ["change_id", "table", "row_id", "field", "old_value", "new_value", "old_source_id",
           "new_source_id", "reason_nl", "reason_en"], changes)
    write(out / "original16_evidence.csv",
          ["evidence_id", "area_id", "source_id", "period", "quote", "strength", "note",
           "candidate_row"], evidence)

    timeline = []
    for number, r in enumerate(read(facts / "timeline.csv"), start=1):
        area_ids = next((ids for key, ids in TIMELINE_AREAS.items() if key in r["event"]), "")
        timeline.append({
            "event_id": f"E{number:02d}", "date": r["date"],
            "date_precision": "day" if len(r["date"]) == 10 else "month",
            "event_nl": r["event"], "event_en": r["event_en"], "area_ids": area_ids,
            "source_id": by_url[r["source_url"]],
        })
    write(out / "timeline.csv", list(timeline[0]), timeline)
    write(out / "sources.csv",
          ["source_id", "title", "publisher", "published", "url", "section", "used_for"], sources)
    yes = {n for n, row in candidates.items() if row["verified"] == "yes"}
    print(f"wrote {out}: {len(local)} local indicators ({len(local_facts)} from"
          f" local_indicators.csv), {len(changes)} changes, {len(evidence)} original-16"
          f" evidence rows")
    print(f"candidates: {len(yes)} verified, {len(carried)} carried;"
          f" verified but not carried: {sorted(yes - carried)};"
          f" not verified (skipped): {sorted(set(candidates) - yes)}")


if __name__ == "__main__":
    main()
