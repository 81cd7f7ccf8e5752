"""Text of the budgetten page: key -> (Dutch, English). The Dutch of the data's own text
(periods, notes, scopes of budget_lines.csv) lives in data/sources/data_texts.csv."""

TEXT: dict[str, tuple[str, str]] = {
    # page
    "bu_title": ("Budgetten", "Budgets"),
    "bu_intro": (
        "Wat vroegen de burgemeesters in 2021, wat heeft het kabinet sindsdien toegezegd, en waar "
        "ging het geld uit het Volkshuisvestingsfonds naartoe? Alle bedragen komen uit de "
        "bronbestanden, met soort, periode, status en bron.",
        "What did the mayors ask for in 2021, what has the cabinet committed since, and where did "
        "the Housing Fund (Volkshuisvestingsfonds) money go? Every amount comes from the source "
        "files, with its kind, period, status and source.",
    ),
    "bu_no_data": (
        "Geen gegevens gevonden voor dit onderdeel.",
        "No data found for this part.",
    ),
    # block 1: budget lines
    "bu_lines_header": (
        "Vraag 2021 en toezeggingen sinds 2022",
        "The 2021 ask and commitments since 2022",
    ),
    "bu_lines_intro": (
        "Elke balk is één budgetregel uit de bronnen. Bedragen van verschillende soort (gevraagd, "
        "eenmalig, per jaar, structureel per jaar) en periode zijn niet bij elkaar op te tellen; "
        "deze grafiek telt daarom niets op. Regels die deel zijn van een andere regel of hetzelfde "
        "geld beschrijven, staan erbij vermeld.",
        "Each bar is one budget line from the sources. Amounts of a different kind (requested, "
        "one-off, per year, structural per year) and period cannot be added up; this chart "
        "therefore adds nothing up. Lines that are part of another line or describe the same "
        "money say so.",
    ),
    "bu_story_rows": (
        "De {shown} hoofdregels van de {total}; de tabel onder de grafiek toont alle regels met "
        "hun samenhang, bron en noot.",
        "The {shown} main lines of the {total}; the table under the chart lists every line with "
        "its relations, source and note.",
    ),
    "bu_alt_most_least": ("Het meest: {most} ({most_value}); het minst: {least} ({least_value}).",
                          "Most: {most} ({most_value}); least: {least} ({least_value})."),
    "bu_alt_share_rounds": ("Aandeel van de bekende toekenningen naar NPLV-gemeenten: {rounds}.",
                            "Share of the known allocations to NPLV municipalities: {rounds}."),
    "bu_alt_largest": ("De langste balk: {name} ({value}, {kind}).",
                       "The longest bar: {name} ({value}, {kind})."),
    "bu_lines_alt": (
        "Staafdiagram van {n} budgetregels in groepen (vraag 2021, start 2022, later, "
        "Volkshuisvestingsfonds, context), met bij elke balk het bedrag, de soort, de periode en "
        "de status.",
        "Bar chart of {n} budget lines in groups (2021 ask, 2022 launch, later, Housing Fund, "
        "context), each bar with its amount, kind, period and status.",
    ),
    "bu_lines_table": (
        "Alle budgetregels als tabel, met samenhang, bron en noot",
        "Every budget line as a table, with relations, source and note",
    ),
    "bu_kind_legend": ("Soort bedrag", "Kind of amount"),
    "bu_amount_axis": (
        "Bedrag (€, niet optelbaar over soorten)",
        "Amount (€, not additive across kinds)",
    ),
    "bu_context_caption": (
        "De Regio Deals staan er alleen als context bij: het is geen NPLV-geld.",
        "The Regio Deals are shown as context only: they are not NPLV money.",
    ),
    "bu_col_line": ("Regel", "Line"),
    "bu_col_group": ("Groep", "Group"),
    "bu_col_instrument": ("Instrument (bron)", "Instrument (source)"),
    "bu_col_ministry": ("Ministerie", "Ministry"),
    "bu_col_amount": ("Bedrag (€)", "Amount (€)"),
    "bu_col_kind": ("Soort", "Kind"),
    "bu_col_period": ("Periode", "Period"),
    "bu_col_scope": ("Voor wie", "Scope"),
    "bu_col_status": ("Status", "Status"),
    "bu_col_source": ("Bron", "Source"),
    "bu_col_note": ("Noot (bron)", "Note (source)"),
    "bu_col_relation": ("Samenhang met andere regels", "Relation to other lines"),
    # groups
    "bu_group_ask2021": ("Vraag burgemeesters (2021)", "Mayors' ask (2021)"),
    "bu_group_launch2022": ("Start NPLV (juli 2022)", "NPLV launch (July 2022)"),
    "bu_group_later": ("Latere besluiten", "Later decisions"),
    "bu_group_vhf": ("Volkshuisvestingsfonds", "Housing Fund (VHF)"),
    "bu_group_context": ("Context (geen NPLV-geld)", "Context (not NPLV money)"),
    # relations between lines
    "bu_rel_part_of": ("deel van {other}", "part of {other}"),
    "bu_rel_sum_of": ("som van {other}", "sum of {other}"),
    "bu_rel_includes": ("omvat {other}", "includes {other}"),
    "bu_rel_same_money": ("zelfde geld als {other}", "same money as {other}"),
    "bu_rel_earlier_version": ("eerder bedrag: {other}", "earlier amount: {other}"),
    "bu_rel_paid_from": ("betaald uit {other}", "paid from {other}"),
    "bu_rel_paid_via": (
        "uitbetaald via de VHF-rondes 2023 en 2024",
        "paid out via the 2023 and 2024 Housing Fund rounds",
    ),
    "bu_rel_same_programme": (
        "zelfde programma als {other}; niet optellen",
        "same programme as {other}; do not add",
    ),
    "bu_rel_bundled_in": ("gebundeld in {other}", "bundled into {other}"),
    "bu_rel_bundles": ("bundelt o.a. {other}", "bundles, among others, {other}"),
    "bu_rel_possible_overlap": (
        "mogelijk zelfde geld als {other} (onbevestigd)",
        "possibly the same money as {other} (unconfirmed)",
    ),
    "bu_rel_headline": (
        "kopbedrag: omvat de startregels plus niet-gekwantificeerd onderwijsgeld",
        "headline: includes the launch lines plus unquantified education money",
    ),
    "bu_rel_in_headline": ("valt onder {other}", "counted in {other}"),
    "bu_rel_not_itemised": (
        "omvat eerdere regels; niet uitgesplitst in de bron",
        "includes earlier lines; not itemised in the source",
    ),
    "bu_rel_cumulative": ("totaal van {other}", "total of {other}"),
    "bu_rel_no_mutation": ("geen bedrag begroot voor dit jaar", "nothing budgeted for this year"),
    "bu_rel_context": ("context, geen NPLV-geld", "context, not NPLV money"),
    "bu_and": (" en ", " and "),
    # short names of the budget lines (labels only; amounts always come from the data)
    "bu_line_ask2021_total": ("Vraag: totaal", "Ask: total"),
    "bu_line_ask2021_16areas": ("Vraag: deel voor de 16 gebieden", "Ask: share for the 16 areas"),
    "bu_line_ask2021_other": (
        "Vraag: deel voor andere kwetsbare gebieden",
        "Ask: share for other vulnerable areas",
    ),
    "bu_line_nplv2022_total": ("Startpakket NPLV (kopbedrag)", "NPLV launch package (headline)"),
    "bu_line_nplv2022_vhf": (
        "Volkshuisvestingsfonds (woonlijn NPLV)",
        "Housing Fund (NPLV housing line)",
    ),
    "bu_line_nplv2022_youthcrime_jenv": (
        "Preventie met gezag (JenV)",
        "Preventie met gezag (Justice)",
    ),
    "bu_line_nplv2022_youthcrime_rb": (
        "Extra preventie jeugdcriminaliteit (Rechtsbescherming)",
        "Extra youth crime prevention (Legal Protection)",
    ),
    "bu_line_nplv2022_youthcrime_total": (
        "Preventie jeugdcriminaliteit: totaal",
        "Youth crime prevention: total",
    ),
    "bu_line_nplv2022_debts": ("Armoede en schulden (SZW)", "Poverty and debts (Social Affairs)"),
    "bu_line_pmg2023": ("Preventie met gezag: budget 2023", "Preventie met gezag: 2023 budget"),
    "bu_line_nplv2023_extra": (
        "Extra investering juni 2023 (onderwijs, armoede)",
        "Extra investment June 2023 (education, poverty)",
    ),
    "bu_line_nplv2023_prior_total": (
        "NPLV-middelen vóór juni 2023 (totaal)",
        "NPLV funds before June 2023 (total)",
    ),
    "bu_line_spuk_kw_2023_2025": ("SPUK Kansrijke Wijk 2023–2025", "SPUK Kansrijke Wijk 2023–2025"),
    "bu_line_spuk_kw_2026_2028_total": (
        "SPUK Kansrijke Wijk 2026–2028: totaal",
        "SPUK Kansrijke Wijk 2026–2028: total",
    ),
    "bu_line_spuk_kw_2026_2028_ocw": (
        "SPUK 2026–2028: deel OCW",
        "SPUK 2026–2028: Education share",
    ),
    "bu_line_spuk_kw_2026_2028_szw": (
        "SPUK 2026–2028: deel SZW",
        "SPUK 2026–2028: Social Affairs share",
    ),
    "bu_line_spuk_kw_2026_2028_vro": ("SPUK 2026–2028: deel VRO", "SPUK 2026–2028: Housing share"),
    "bu_line_woontop_nplv_2025": ("Woontop NPLV (Woondeal)", "Housing summit NPLV (Woondeal)"),
    "bu_line_woontop_nplv_2025_public_space": (
        "Woontop NPLV: openbare ruimte en voorzieningen",
        "Housing summit NPLV: public space and facilities",
    ),
    "bu_line_vro_owb2026_nplv_2026": (
        "VRO-ontwerpbegroting: NPLV-mutatie",
        "VRO draft budget: NPLV mutation",
    ),
    "bu_line_vro_owb2026_nplv_2027": (
        "VRO-ontwerpbegroting: NPLV-mutatie",
        "VRO draft budget: NPLV mutation",
    ),
    "bu_line_vro_owb2026_nplv_2028": (
        "VRO-ontwerpbegroting: NPLV-mutatie",
        "VRO draft budget: NPLV mutation",
    ),
    "bu_line_vro_owb2026_nplv_2029": (
        "VRO-ontwerpbegroting: NPLV-mutatie",
        "VRO draft budget: NPLV mutation",
    ),
    "bu_line_vhf2021_budget": ("VHF 2021: budget", "Housing Fund 2021: budget"),
    "bu_line_vhf2021_granted": ("VHF 2021: toegekend", "Housing Fund 2021: granted"),
    "bu_line_vhf2023_round": (
        "VHF 2023: ronde na verhoging",
        "Housing Fund 2023: round after increase",
    ),
    "bu_line_vhf2023_round_initial": (
        "VHF 2023: oorspronkelijk budget",
        "Housing Fund 2023: initial budget",
    ),
    "bu_line_vhf2024_round3": ("VHF 2024 ronde 3", "Housing Fund 2024 round 3"),
    "bu_line_vhf2024_round4_initial": (
        "VHF 2024 ronde 4: oorspronkelijk budget",
        "Housing Fund 2024 round 4: initial budget",
    ),
    "bu_line_vhf2024_round4_granted": (
        "VHF 2024 ronde 4: toegekend",
        "Housing Fund 2024 round 4: granted",
    ),
    "bu_line_vhf_cumulative_r1_r3": (
        "VHF: uitgekeerd in rondes 1–3",
        "Housing Fund: paid out in rounds 1–3",
    ),
    "bu_line_regiodeal_rdam_zuid": ("Regio Deal Rotterdam-Zuid", "Regio Deal Rotterdam-Zuid"),
    "bu_line_regiodeal_dh_zuidwest": (
        "Regio Deal Den Haag Zuidwest",
        "Regio Deal Den Haag Zuidwest",
    ),
    "bu_line_regiodeal_gron_noord": ("Regio Deal Groningen-Noord", "Regio Deal Groningen-Noord"),
    # block 2: Housing Fund rounds per municipality
    "bu_vhf_header": (
        "Volkshuisvestingsfonds: toekenningen per gemeente en ronde",
        "Housing Fund: allocations per municipality and round",
    ),
    "bu_vhf_intro": (
        "Bekende toekenningen per ontvangende gemeente of regio, gestapeld per ronde en gesorteerd "
        "op het bekende totaal. Vetgedrukte namen: gemeenten van de huidige selectie.",
        "Known allocations per receiving municipality or region, stacked by round and sorted by "
        "the known total. Bold names: municipalities of the current selection.",
    ),
    "bu_vhf_only_selection": (
        "Alleen gemeenten uit de selectie",
        "Only municipalities in the selection",
    ),
    "bu_vhf_only_selection_help": (
        "Standaard staan alle ontvangers erin en zijn de gemeenten van de selectie vet.",
        "By default every recipient is shown, with the selection's municipalities in bold.",
    ),
    "bu_vhf_panel_focus": ("NPLV-gemeenten", "NPLV municipalities"),
    "bu_vhf_panel_other": ("Overige gemeenten en regio's", "Other municipalities and regions"),
    "bu_vhf_round_legend": ("Ronde", "Round"),
    "bu_vhf_axis": ("Bekende toekenningen (€)", "Known allocations (€)"),
    "bu_vhf_mark_approx": ("≈", "≈"),
    "bu_vhf_mark_inferred": ("ronde afgeleid", "round inferred"),
    "bu_vhf_mark_partial": ("+{n} zonder bedrag", "+{n} without amount"),
    "bu_vhf_legend_caption": (
        "Totaal rechts van de balk: berekend, som van de bekende bedragen. ≈ = bevat bedragen die "
        "in de pers zijn afgerond of onbevestigd zijn (gestippelde rand). 'ronde afgeleid' = de "
        "ronde is uit data afgeleid, niet door de bron genoemd. Gemeenten buiten de selectie zijn "
        "lichter.",
        "Total to the right of the bar: computed, sum of the known amounts. ≈ = includes amounts "
        "rounded by the press or unconfirmed (dotted outline). 'round inferred' = the round was "
        "inferred from dates, not named by the source. Municipalities outside the selection are "
        "lighter.",
    ),
    "bu_vhf_alt": (
        "Gestapeld staafdiagram: bekende toekenningen uit het Volkshuisvestingsfonds voor {n} "
        "gemeenten en regio's, per ronde, NPLV-gemeenten apart van de overige.",
        "Stacked bar chart: known Housing Fund allocations for {n} municipalities and regions, by "
        "round, NPLV municipalities separate from the others.",
    ),
    "bu_vhf_missing_header": ("Bedrag niet gevonden", "Amount not found"),
    "bu_vhf_missing_intro": (
        "Deze toekenningen staan in de bronnen zonder bedrag; ze zijn niet als 0 getekend.",
        "These allocations appear in the sources without an amount; they are not drawn as 0.",
    ),
    "bu_vhf_missing_value": ("bedrag niet gevonden", "amount not found"),
    "bu_vhf_no_selection_match": (
        "Geen bekende toekenningen aan de gemeenten van deze selectie.",
        "No known allocations to the municipalities of this selection.",
    ),
    "bu_vhf_table": ("Tabel: alle toekenningen per project", "Table: all allocations per project"),
    "bu_col_round": ("Ronde", "Round"),
    "bu_col_municipality": ("Gemeente/regio", "Municipality/region"),
    "bu_col_project": ("Project (bron)", "Project (source)"),
    "bu_col_focus": ("NPLV-gemeente", "NPLV municipality"),
    "bu_col_in_selection": ("In selectie", "In selection"),
    "bu_col_round_inferred": ("Ronde afgeleid", "Round inferred"),
    "bu_col_homes": ("Woningen", "Dwellings"),
    "bu_yes": ("ja", "yes"),
    "bu_no": ("nee", "no"),
    # block 3: share to focus municipalities
    "bu_share_header": (
        "Aandeel naar NPLV-gemeenten per ronde",
        "Share going to NPLV municipalities per round",
    ),
    "bu_share_caveat": (
        "Het aandeel is berekend over de bekende toekenningen, niet over de hele ronde. Voor de "
        "rondes van 2021 en 2023 is maar een deel van de toekenningen met bedrag bekend (de "
        "volledige lijsten waren niet terug te vinden); zie per ronde hieronder hoeveel.",
        "The share is computed over the known allocations, not over the whole round. For the 2021 "
        "and 2023 rounds only part of the allocations is known with an amount (the full lists "
        "could not be retrieved); see per round below how much.",
    ),
    "bu_share_round_line": (
        "**{round}**: {n_known} toekenningen met bedrag bekend{unknown}, samen {known} "
        "(berekend); rondebedrag {budget} ({status}). De bron beschrijft de ronde als: {scope}",
        "**{round}**: {n_known} allocations known with an amount{unknown}, together {known} "
        "(computed); round amount {budget} ({status}). The source describes the round as: {scope}",
    ),
    "bu_share_unknown_part": (" en {n} zonder bedrag", " and {n} without an amount"),
    "bu_share_measure_budget": ("Rondebedrag (bron)", "Round amount (source)"),
    "bu_share_measure_known": ("Bekende toekenningen (berekend)", "Known allocations (computed)"),
    "bu_share_measure_focus": (
        "waarvan naar NPLV-gemeenten (berekend)",
        "of which to NPLV municipalities (computed)",
    ),
    "bu_share_of_known": ("{pct} van bekend", "{pct} of known"),
    "bu_share_axis": ("Bedrag (€, eenmalig per ronde)", "Amount (€, one-off per round)"),
    "bu_share_alt": (
        "Gegroepeerd staafdiagram per ronde van het Volkshuisvestingsfonds: rondebedrag, bekende "
        "toekenningen en het deel daarvan naar NPLV-gemeenten, met het aandeel in procenten.",
        "Grouped bar chart per Housing Fund round: round amount, known allocations and the part of "
        "those going to NPLV municipalities, with the share in percent.",
    ),
    "bu_col_budget": ("Rondebedrag (€)", "Round amount (€)"),
    "bu_col_budget_status": ("Status rondebedrag", "Status of round amount"),
    "bu_col_known": ("Bekend toegekend (€, berekend)", "Known allocated (€, computed)"),
    "bu_col_focus_eur": (
        "Naar NPLV-gemeenten (€, berekend)",
        "To NPLV municipalities (€, computed)",
    ),
    "bu_col_share": ("Aandeel van bekend (berekend)", "Share of known (computed)"),
    "bu_col_n_known": ("Toekenningen met bedrag", "Allocations with amount"),
    "bu_col_n_unknown": ("Zonder bedrag", "Without amount"),
    "bu_col_coverage": (
        "Bekend als deel van rondebedrag (berekend)",
        "Known as share of round amount (computed)",
    ),
    # block 4: euros per resident
    "bu_res_header": (
        "Euro per inwoner van het focusgebied",
        "Euros per resident of the focus area",
    ),
    "bu_res_warning": (
        "Let op: het geld is alleen per gemeente bekend, niet per gebied. Een project kan buiten "
        "het focusgebied liggen (bijvoorbeeld 'Laak-Centraal' in Den Haag). Dit is de bekende "
        "VHF-toekenning aan de gemeente gedeeld door de inwoners van het focusgebied (of de "
        "focusgebieden) in die gemeente; in Amsterdam is het geld verdeeld over de inwoners van "
        "beide gebieden.",
        "Note: the money is only known per municipality, not per area. A project may lie outside "
        "the focus area (for example 'Laak-Centraal' in The Hague). This is the known Housing "
        "Fund allocation to the municipality divided by the residents of the focus area (or "
        "areas) in that municipality; in Amsterdam the money is divided over the residents of "
        "both areas.",
    ),
    "bu_res_axis": (
        "€ per inwoner van het focusgebied (berekend)",
        "€ per focus-area resident (computed)",
    ),
    "bu_res_shared": ("verdeeld over {n} gebieden", "divided over {n} areas"),
    "bu_res_alt": (
        "Staafdiagram: bekende VHF-toekenningen aan de gemeente per inwoner van het focusgebied, "
        "voor {n} gebieden van de selectie, gekleurd naar cohort.",
        "Bar chart: known Housing Fund allocations to the municipality per focus-area resident, "
        "for {n} areas of the selection, coloured by cohort.",
    ),
    "bu_res_none_header": ("Geen toekenning gevonden", "No allocation found"),
    "bu_res_none_value": ("geen toekenning gevonden", "no allocation found"),
    "bu_res_none_intro": (
        "Voor deze gebieden is in de bronnen geen VHF-toekenning aan de gemeente gevonden (dat is "
        "iets anders dan 0):",
        "For these areas no Housing Fund allocation to the municipality was found in the sources "
        "(which is not the same as 0):",
    ),
    "bu_res_caption": (
        "Alleen Volkshuisvestingsfonds-rondes 2021–2024 (geen SPUK of Woontop). Bedrag: berekend, "
        "som van de bekende toekenningen. ≈ = bevat afgeronde of onbevestigde bedragen.",
        "Housing Fund rounds 2021–2024 only (no SPUK or Woontop). Amount: computed, sum of the "
        "known allocations. ≈ = includes rounded or unconfirmed amounts.",
    ),
    "bu_col_area": ("Gebied", "Area"),
    "bu_col_cohort": ("Cohort", "Cohort"),
    "bu_col_vhf_muni": (
        "VHF aan gemeente (€, berekend)",
        "Housing Fund to municipality (€, computed)",
    ),
    "bu_col_projects": ("Projecten", "Projects"),
    "bu_col_focus_residents": (
        "Inwoners focusgebied(en) in gemeente",
        "Residents of focus area(s) in municipality",
    ),
    "bu_col_residents_status": ("Status inwoners", "Status of residents"),
    "bu_col_per_resident": ("€ per inwoner (berekend)", "€ per resident (computed)"),
    "bu_col_uncertain": (
        "Bevat afgeronde/onbevestigde bedragen",
        "Includes rounded/unconfirmed amounts",
    ),
}
