"""Text of the scenario page: key -> (Dutch, English). All keys start with ``sc_``."""

TEXT: dict[str, tuple[str, str]] = {
    # header
    "sc_title": ("Scenario: wat als?", "Scenario: what if?"),
    "sc_intro": (
        "Verdeel een bedrag per jaar over de focusgebieden met een verdeelsleutel naar keuze. "
        "Dit is een rekenvoorbeeld, geen besluit en geen bestaande verdeling. De link in de "
        "adresbalk bewaart alle keuzes.",
        "Spread an amount per year over the focus areas with a distribution key of your choice. "
        "This is a worked example, not a decision and not an existing allocation. The link in "
        "the address bar keeps every choice.",
    ),
    # inputs: amount and years
    "sc_inputs_title": ("Uw scenario", "Your scenario"),
    "sc_inputs_money": ("Bedrag", "Amount"),
    "sc_inputs_areas": ("Gebieden", "Areas"),
    "sc_inputs_key": ("Verdeling", "Distribution"),
    "sc_amount": ("Bedrag per jaar (euro)", "Amount per year (euro)"),
    "sc_amount_help": (
        "Hele euro's; de knoppen verhogen of verlagen met € 1 mln.",
        "Whole euros; the buttons step by €1M.",
    ),
    "sc_amount_echo": ("= {amount} per jaar", "= {amount} per year"),
    "sc_default_from_ask": (
        "Standaard {amount} per jaar: het deel voor de 16 gebieden in de vraag van de "
        "burgemeesters uit 2021 (in totaal {total} per jaar); status: {status}.",
        "Default {amount} a year: the share for the 16 areas in the mayors' 2021 ask "
        "({total} a year in all); status: {status}.",
    ),
    "sc_default_missing": (
        "De vraag uit 2021 voor de 16 gebieden staat niet in de database (niet beschikbaar); "
        "het standaardbedrag {amount} komt daarom niet uit de bronnen.",
        "The 2021 ask for the 16 areas is not in the database (not available); the default "
        "{amount} therefore does not come from the sources.",
    ),
    "sc_years": ("Aantal jaren", "Number of years"),
    # inputs: areas
    "sc_basis": ("Welke gebieden?", "Which areas?"),
    "sc_basis_selection": ("De selectie in de zijbalk", "The sidebar selection"),
    "sc_basis_criteria": ("Op criteria (uit alle gebieden)", "By criteria (from all areas)"),
    "sc_basis_selection_note": (
        "Nu: {n} gebieden uit de selectie in de zijbalk.",
        "Now: {n} areas from the sidebar selection.",
    ),
    "sc_basis_criteria_note": (
        "De criteria gelden voor alle {n} gebieden; de selectie in de zijbalk telt hier niet mee.",
        "The criteria apply to all {n} areas; the sidebar selection does not count here.",
    ),
    "sc_min_residents": ("Minimaal aantal inwoners (0 = geen drempel)",
                         "Minimum number of residents (0 = no threshold)"),
    "sc_min_welfare": (
        "Minimaal aandeel lage financiële welvaart, % (0 = geen drempel)",
        "Minimum share with low financial welfare, % (0 = no threshold)",
    ),
    "sc_welfare_coverage": (
        "Het aandeel inwoners (12+) met lage financiële welvaart (2024) staat voor {n} van de "
        "{total} gebieden in de bronnen. Bij een drempel op dit aandeel of bij de "
        "welvaartssleutel vallen de andere {missing} gebieden af.",
        "The share of residents (12+) with low financial welfare (2024) is in the sources for "
        "{n} of the {total} areas. With a threshold on this share or with the welfare key, the "
        "other {missing} areas drop out.",
    ),
    "sc_welfare_table": (
        "Cijfers lage financiële welvaart per gebied",
        "Low-financial-welfare figures per area",
    ),
    "sc_criteria_empty": (
        "Geen enkel gebied voldoet aan deze criteria. Verlaag een drempel.",
        "No area meets these criteria. Lower a threshold.",
    ),
    "sc_left_out_title": ("Niet gekozen door de criteria ({n})", "Left out by the criteria ({n})"),
    # inputs: key
    "sc_key": ("Verdeelsleutel", "Distribution key"),
    "sc_key_equal": ("Gelijk per gebied", "Equal per area"),
    "sc_key_per_resident": ("Per inwoner", "Per resident"),
    "sc_key_welfare_weighted": (
        "Per inwoner × aandeel lage financiële welvaart",
        "Per resident × share with low financial welfare",
    ),
    "sc_blend": ("Mengen met een tweede sleutel", "Blend with a second key"),
    "sc_blend_none": ("Niet mengen", "No blend"),
    "sc_blend_share": ("Gewicht van de tweede sleutel (%)", "Weight of the second key (%)"),
    "sc_blend_same": (
        "De tweede sleutel is dezelfde als de eerste: er wordt niet gemengd.",
        "The second key is the same as the first: nothing is blended.",
    ),
    "sc_blend_explained": (
        "{first_pct}% {first} + {second_pct}% {second}",
        "{first_pct}% {first} + {second_pct}% {second}",
    ),
    "sc_minimum": ("Minimum per gebied per jaar (euro, 0 = geen)",
                   "Minimum per area per year (euro, 0 = none)"),
    "sc_minimum_echo": ("= {amount} per gebied per jaar", "= {amount} per area per year"),
    # result
    "sc_result": ("Uitkomst", "Result"),
    "sc_metric_per_year": ("Bedrag per jaar", "Amount per year"),
    "sc_metric_total": ("Totaal over {years}", "Total over {years}"),
    "sc_years_one": ("1 jaar", "1 year"),
    "sc_years_many": ("{n} jaar", "{n} years"),
    "sc_metric_areas": ("Gebieden die iets krijgen", "Areas receiving money"),
    "sc_metric_residents": ("Inwoners (berekend)", "Residents (computed)"),
    "sc_metric_per_resident": ("Per inwoner per jaar", "Per resident per year"),
    "sc_per_resident_help": (
        "Bedrag per jaar gedeeld door de berekende som van de inwoners.",
        "Amount per year divided by the computed sum of residents.",
    ),
    "sc_chart_title": ("Bedrag per jaar per gebied", "Amount per year per area"),
    "sc_chart_caption": (
        "Label bij elke staaf: bedrag per jaar · bedrag per inwoner per jaar (p.p., afgerond op "
        "hele euro's). Volledige bedragen in de tabel en bij de muisaanwijzer.",
        "Label on each bar: amount per year · amount per resident per year (p.p., rounded to "
        "whole euros). Full amounts in the table and on hover.",
    ),
    "sc_chart_x": ("Bedrag per jaar", "Amount per year"),
    "sc_chart_alt": (
        "Staafdiagram: bedrag per jaar voor {n} gebieden, gekleurd naar cohort. Het hoogste "
        "bedrag gaat naar {top} ({amount}), het laagste naar {bottom} ({low}).",
        "Bar chart: amount per year for {n} areas, coloured by cohort. The highest amount goes "
        "to {top} ({amount}), the lowest to {bottom} ({low}).",
    ),
    "sc_label_per_resident": ("{amount} · {per_resident} p.p.", "{amount} · {per_resident} p.p."),
    "sc_table_title": ("Tabel per gebied", "Table per area"),
    "sc_col_area": ("Gebied", "Area"),
    "sc_col_cohort": ("Cohort", "Cohort"),
    "sc_col_residents": ("Inwoners", "Residents"),
    "sc_col_share": ("Aandeel volgens sleutel", "Share by key"),
    "sc_col_per_year": ("Per jaar", "Per year"),
    "sc_col_total": ("Totaal ({years})", "Total ({years})"),
    "sc_col_per_resident": ("Per inwoner per jaar", "Per resident per year"),
    "sc_col_welfare": ("Lage financiële welvaart (12+, 2024)",
                       "Low financial welfare (12+, 2024)"),
    "sc_col_status": ("Status", "Status"),
    "sc_col_source": ("Bron", "Source"),
    "sc_col_reason": ("Reden", "Reason"),
    "sc_residents_note": (
        "Inwoners per gebied op {date}, {status} (afgerond op duizendtallen in de bron); "
        "sommen zijn berekend uit die afgeronde waarden. Bedragen per inwoner zijn dus "
        "benaderingen.",
        "Residents per area on {date}, {status} (rounded to thousands in the source); sums "
        "are computed from those rounded values. Amounts per resident are therefore "
        "approximations.",
    ),
    "sc_notes": ("Toelichting bij de berekening", "Notes on the calculation"),
    "sc_note_rounding": (
        "Bedragen per jaar zijn afgerond op hele euro's met de methode van de grootste "
        "overschotten, zodat ze precies optellen tot het bedrag; bedragen over meer jaren zijn "
        "het bedrag per jaar × het aantal jaren.",
        "Per-year amounts are rounded to whole euros by the largest-remainder method, so they "
        "add up exactly to the budget; amounts over several years are the per-year amount × "
        "years.",
    ),
    "sc_note_minimum": (
        "Elk ontvangend gebied krijgt minstens {amount} per jaar; de rest volgt de sleutel.",
        "Every receiving area gets at least {amount} a year; the rest follows the key.",
    ),
    "sc_note_excluded": (
        "{n} gebied(en) krijgen niets: {reason}.",
        "{n} area(s) receive nothing: {reason}.",
    ),
    "sc_reason_no_welfare": (
        "geen cijfer voor lage financiële welvaart in de bronnen",
        "no low-financial-welfare figure in the sources",
    ),
    "sc_reason_below_residents": ("minder dan {min} inwoners", "fewer than {min} residents"),
    "sc_reason_below_welfare": (
        "aandeel lage financiële welvaart ({value}) onder {min}",
        "share with low financial welfare ({value}) below {min}",
    ),
    "sc_excluded_title": ("Gebieden die niets krijgen ({n})", "Areas receiving nothing ({n})"),
    "sc_error_lead": (
        "Dit scenario kan niet worden berekend. Pas de invoer aan.",
        "This scenario cannot be computed. Please change the inputs.",
    ),
    "sc_error_detail": ("Technische melding", "Technical message"),
    "sc_error_minimum": (
        "Het minimum van {minimum} × {n} gebieden = {need} is meer dan het bedrag per jaar "
        "({amount}).",
        "The minimum of {minimum} × {n} areas = {need} is more than the amount per year "
        "({amount}).",
    ),
    "sc_note_blend_partial": (
        "{n} van de {total} gebieden hebben geen cijfer voor lage financiële welvaart: zij "
        "krijgen alleen het deel volgens de sleutel '{other}' ({pct}% van het bedrag wordt "
        "alleen over de {known} gebieden met een cijfer verdeeld).",
        "{n} of the {total} areas have no low-financial-welfare figure: they only get the part "
        "by the key '{other}' ({pct}% of the amount is spread over the {known} areas with a "
        "figure only).",
    ),
    # dilution
    "sc_dilution_title": (
        "Verdunning: hetzelfde bedrag over {n_a} of {n_b} gebieden",
        "Dilution: the same amount over {n_a} or {n_b} areas",
    ),
    "sc_dilution_plain": ("Verdunning", "Dilution"),
    "sc_dilution_intro": (
        "Dit blok vergelijkt altijd de oorspronkelijke {n_a} met alle {n_b} gebieden, los van de "
        "gekozen selectie, met het bedrag per jaar van het scenario hieronder.",
        "This block always compares the original {n_a} with all {n_b} areas, whatever the "
        "selection, using the amount per year of the scenario below.",
    ),
    "sc_dilution_text": (
        "{amount} per jaar is **{per_a}** per inwoner over de {n_a} gebieden ({res_a} inwoners) "
        "en **{per_b}** per inwoner over alle {n_b} ({res_b} inwoners). Verschil: {change_eur} "
        "per inwoner, **{change_pct}**.",
        "{amount} a year is **{per_a}** per resident over the {n_a} areas ({res_a} residents) "
        "and **{per_b}** per resident over all {n_b} ({res_b} residents). Change: {change_eur} "
        "per resident, **{change_pct}**.",
    ),
    "sc_dilution_residents": (
        "Inwoners: {computed} ({status}).",
        "Residents: {computed} ({status}).",
    ),
    "sc_dilution_missing": (
        "Verdunning niet beschikbaar: het inwonertal van de oorspronkelijke 16 of van alle 20 "
        "ontbreekt in de database.",
        "Dilution not available: the number of residents of the original 16 or of all 20 is "
        "missing from the database.",
    ),
    "sc_dilution_x": ("Per inwoner per jaar", "Per resident per year"),
    "sc_dilution_alt": (
        "Twee staven: {amount} per jaar is {per_a} per inwoner over {label_a} en {per_b} over "
        "{label_b} ({change_pct}).",
        "Two bars: {amount} a year is {per_a} per resident over {label_a} and {per_b} over "
        "{label_b} ({change_pct}).",
    ),
    "sc_col_set": ("Gebiedenset", "Area set"),
    "sc_col_change_eur": ("Verschil per inwoner", "Change per resident"),
    "sc_col_change_pct": ("Verschil (%)", "Change (%)"),
    "sc_inputs_folded": ("Invoer van het scenario", "Scenario inputs"),
}
