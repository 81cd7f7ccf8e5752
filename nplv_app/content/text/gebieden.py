"""Text of the gebieden page: key -> (Dutch, English). Every key starts with ``gb_``."""

TEXT: dict[str, tuple[str, str]] = {
    # page
    "gb_title": ("Gebieden", "Areas"),
    "gb_intro": (
        "Hoeveel mensen wonen er in de gekozen focusgebieden, wat zeggen de beschikbare cijfers "
        "over hen, en wat weten de bronnen per gebied? Ontbrekende cijfers staan als 'niet "
        "beschikbaar', met de reden.",
        "How many people live in the chosen focus areas, what do the available figures say about "
        "them, and what do the sources know per area? Missing figures are shown as 'not "
        "available', with the reason.",
    ),
    "gb_url_ignored": (
        "Genegeerd uit de link (onbekend of buiten de selectie): {items}",
        "Ignored from the link (unknown or outside the selection): {items}",
    ),
    # 1. residents
    "gb_residents_header": ("Inwoners per gebied", "Residents per area"),
    "gb_residents_alt": (
        "Liggend staafdiagram van het aantal inwoners per focusgebied, grootste bovenaan, "
        "gekleurd naar cohort; {n} gebieden, van {largest} ({largest_value}) tot {smallest} "
        "({smallest_value}).",
        "Horizontal bar chart of residents per focus area, largest on top, coloured by cohort; "
        "{n} areas, from {largest} ({largest_value}) to {smallest} ({smallest_value}).",
    ),
    "gb_residents_caption": (
        "Inwoners op {date} volgens CBS; status {status}: afgerond op duizendtallen. Totaal van "
        "de selectie: {total} ({computed}).",
        "Residents on {date} according to CBS; status {status}: rounded to thousands. Total of "
        "the selection: {total} ({computed}).",
    ),
    "gb_residents_hint": (
        "Klik op een staaf (Shift+klik voor meer) of vink rijen aan in de tabel: de keuze wordt "
        "in beide gemarkeerd, en één gekozen gebied opent hieronder in detail. Dubbelklik in de "
        "grafiek om te wissen.",
        "Click a bar (Shift+click for more) or tick rows in the table: the choice is highlighted "
        "in both, and a single chosen area opens in the detail view below. Double-click the "
        "chart to clear.",
    ),
    "gb_highlighted": ("Gemarkeerd: {names}", "Highlighted: {names}"),
    "gb_col_ref_date": ("Peildatum", "Reference date"),
    "gb_col_residents_on": ("Inwoners ({date})", "Residents ({date})"),
    "gb_col_residents_status": ("Status inwoners", "Residents status"),
    # 2. indicators
    "gb_indicators_header": ("Indicatoren per gebied", "Indicators per area"),
    "gb_indicator_pick": ("Indicator", "Indicator"),
    "gb_indicator_option": ("{label} ({period}; {n} gebieden)", "{label} ({period}; {n} areas)"),
    "gb_indicator_alt": (
        "Liggend staafdiagram van '{indicator}' ({period}) per gekozen gebied, hoogste bovenaan; "
        "{n_with} van de {n} gebieden hebben een cijfer, de andere staan als 'niet beschikbaar'. "
        "Verticale stippellijnen: {refs}.",
        "Horizontal bar chart of '{indicator}' ({period}) per chosen area, highest on top; "
        "{n_with} of {n} areas have a figure, the others are shown as 'not available'. Vertical "
        "dashed lines: {refs}.",
    ),
    "gb_indicator_coverage_all": (
        "Alle {n} gekozen gebieden hebben voor deze indicator een cijfer in de bronnen.",
        "All {n} chosen areas have a figure for this indicator in the sources.",
    ),
    "gb_indicator_coverage": (
        "{n_with} van de {n} gekozen gebieden hebben voor deze indicator een cijfer in de bronnen; "
        "de grafiek toont die {n_with}, de tabel eronder alle {n} met de reden waar een cijfer "
        "ontbreekt.",
        "{n_with} of the {n} chosen areas have a figure for this indicator in the sources; the "
        "chart shows those {n_with}, the table below all {n} with the reason where a figure is "
        "missing.",
    ),
    "gb_indicator_none": (
        "Geen van de gekozen gebieden heeft voor deze indicator een cijfer in de bronnen.",
        "None of the chosen areas has a figure for this indicator in the sources.",
    ),
    "gb_indicator_caption": (
        "Periode: {period}. Eenheid: {unit}. Kleur = status in de bron; ≈ = benaderd of "
        "afgerond. Stippellijnen zijn vergelijkingswaarden uit dezelfde bronnen.",
        "Period: {period}. Unit: {unit}. Colour = status in the source; ≈ = approximate or "
        "rounded. Dashed lines are comparison values from the same sources.",
    ),
    "gb_no_refs": ("geen vergelijkingswaarden", "no comparison values"),
    "gb_na_short": ("niet beschikbaar", "not available"),
    "gb_na_reasons": ("Waarom niet beschikbaar: {reasons}", "Why not available: {reasons}"),
    "gb_n_areas": ("{n} gebieden", "{n} areas"),
    "gb_kind_area": ("gebied", "area"),
    "gb_kind_reference": ("vergelijking", "comparison"),
    "gb_col_kind": ("Soort", "Kind"),
    "gb_col_value": ("Waarde", "Value"),
    "gb_col_unit": ("Eenheid (zoals in de bron)", "Unit (as in the source)"),
    "gb_col_note": ("Toelichting", "Note"),
    "gb_col_indicator": ("Indicator", "Indicator"),
    "gb_col_scope": ("Geldt voor", "Applies to"),
    # reasons (words, not figures) why an area has no figure
    "gb_reason_default": (
        "niet in de bronnen voor dit gebied",
        "not in the sources for this area",
    ),
    "gb_reason_low_financial_welfare": (
        "niet in de bronnen: het CBS-bericht noemt alleen de hoogste gebieden; de CBS-tabel per "
        "gebied is niet overgenomen",
        "not in the sources: the CBS news item names only the highest areas; the CBS table per "
        "area was not captured",
    ),
    "gb_reason_flow_share": (
        "niet in de bronnen: CBS noemt alleen de hoogste en laagste gebieden; de CBS-tabel per "
        "gebied is afgekapt",
        "not in the sources: CBS names only the highest and lowest areas; the CBS table per area "
        "was cut off",
    ),
    "gb_reason_flow_table": (
        "niet in de bronnen: alleen de eerste drie rijen van de CBS-tabel per gebied zijn "
        "overgenomen (afgekapt)",
        "not in the sources: only the first three rows of the CBS table per area were captured "
        "(cut off)",
    ),
    "gb_reason_zuidwest_study": (
        "alleen onderzocht voor Den Haag Zuidwest (CBS-studie 2020)",
        "only studied for Den Haag Zuidwest (CBS study 2020)",
    ),
    "gb_reason_heerlen_sources": (
        "alleen gevonden in bronnen over Heerlen-Noord",
        "only found in sources about Heerlen-Noord",
    ),
    "gb_reason_rank": (
        "CBS noemt dit gebied als nr. {rank} van de 20 ({which}), maar het cijfer zelf staat "
        "niet in de bronnen",
        "CBS names this area as no. {rank} of the 20 ({which}), but the figure itself is not in "
        "the sources",
    ),
    "gb_rank_lowest": ("laagste", "lowest"),
    "gb_rank_highest": ("hoogste", "highest"),
    "gb_rank_other": ("rangorde", "rank"),
    # reference scopes
    "gb_ref_ALL20": ("Alle 20 focusgebieden", "All 20 focus areas"),
    "gb_ref_ALL16": ("De 16 gebieden van 2021", "The 16 areas of 2021"),
    "gb_ref_NL": ("Nederland", "Netherlands"),
    "gb_ref_rest_all19": (
        "Rest van de 19 gemeenten (buiten de focusgebieden)",
        "Rest of the 19 municipalities (outside the focus areas)",
    ),
    "gb_ref_rest": ("Rest van {place}", "Rest of {place}"),
    "gb_ref_municipality": ("Gemeente {name} (heel)", "Municipality {name} (whole)"),
    # programme-wide figures
    "gb_programme_header": ("Programmabrede cijfers", "Programme-wide figures"),
    "gb_programme_table": ("Tabel: alle {n} programmabrede cijfers",
                           "Table: all {n} programme-wide figures"),
    "gb_programme_caption": (
        "Cijfers voor de 20 gebieden samen, de rest van de 19 gemeenten en Nederland, zoals de "
        "bronnen ze geven. De periode staat erbij zoals de bronnen haar noemen (ook als het jaar "
        "onbevestigd is); let op de status: onbevestigde cijfers zijn niet hard.",
        "Figures for the 20 areas together, the rest of the 19 municipalities and the "
        "Netherlands, as the sources give them. The period is shown as the sources name it "
        "(also when the year is unconfirmed); mind the status: unconfirmed figures are not firm.",
    ),
    # 3. detail
    "gb_detail_header": ("Gebied in detail", "Area in detail"),
    "gb_detail_pick": ("Gebied", "Area"),
    "gb_detail_hint": (
        "Standaard het eerste gebied van de selectie; één gekozen staaf of tabelrij hierboven "
        "opent dat gebied.",
        "By default the first area of the selection; a single chosen bar or table row above "
        "opens that area.",
    ),
    "gb_tab_facts": ("Feiten", "Facts"),
    "gb_tab_wijken": ("Wijken", "Wijken (districts)"),
    "gb_tab_population": ("Inwoners door de tijd", "Residents over time"),
    "gb_tab_indicators": ("Indicatoren", "Indicators"),
    "gb_tab_local": ("Lokale monitor", "Local monitor"),
    "gb_tab_money": ("Geld naar de gemeente", "Money to the municipality"),
    "gb_tab_events": ("Tijdlijn", "Timeline"),
    "gb_tab_sources": ("Bronnen", "Sources"),
    "gb_metric_residents": ("Inwoners ({date})", "Residents ({date})"),
    # the local-monitor tab
    "gb_local_intro": (
        "Cijfers uit de monitor van het gebied en uit de pers, naast hetzelfde cijfer voor de "
        "eigen gemeente uit dezelfde bron en periode. Elke monitor definieert zijn cijfers op "
        "zijn eigen manier: vergelijk ze niet met andere gebieden of met de CBS-indicatoren.",
        "Figures from the area's own monitor and from the press, beside the same figure for "
        "its own municipality from the same source and period. Each monitor defines its "
        "figures in its own way: do not compare them with other areas or with the CBS "
        "indicators.",
    ),
    "gb_local_none": (
        "Geen cijfers uit een lokale monitor of de pers voor dit gebied in de bronnen.",
        "No figures from a local monitor or the press for this area in the sources.",
    ),
    "gb_local_col_figure": ("Cijfer", "Figure"),
    "gb_local_col_status_source": ("Status en bron", "Status and source"),
    "gb_local_col_municipality": ("Gemeente {municipality}", "Municipality of {municipality}"),
    "gb_local_about_wijk": ("wijk {wijk}, deelgebied", "wijk {wijk}, sub-area"),
    "gb_local_about_focuswijken": ("de focuswijken, deelgebied", "the focus wijken, sub-area"),
    "gb_local_about_municipality": ("hele gemeente {municipality}",
                                    "the whole municipality of {municipality}"),
    "gb_local_group_adults_moved_in_2021": (
        "van de volwassenen die in 2021 naar {municipality} verhuisden",
        "of the adults who moved to {municipality} in 2021"),
    "gb_local_no_pair": ("– (niet in dezelfde bron)", "– (not in the same source)"),
    "gb_local_no_area_value": ("– (geen cijfer voor het gebied)", "– (no figure for the area)"),
    "gb_local_status_pair": ("gebied {area}; gemeente {municipality}",
                             "area {area}; municipality {municipality}"),
    "gb_local_kind_local_monitor": ("lokale monitor", "local monitor"),
    "gb_local_kind_press": ("pers", "press"),
    "gb_local_caption": (
        "Een wijk (deelgebied) is een deel van het focusgebied, geen cijfer van het hele gebied. "
        "Een cijfer over een groep in de hele gemeente (zoals wie er in 2021 kwam wonen) "
        "beschrijft die groep, niet de inwoners van het gebied. Status 'benaderd': de periode "
        "is alleen een bronvermelding bij een grafiek, of het citaat is afgebroken.",
        "A wijk (sub-area) is part of the focus area, not a figure for the whole area. A figure "
        "about a group in the whole municipality (such as people who moved there in 2021) "
        "describes that group, not the area's residents. Status 'approximate': the period is "
        "only a source label under a chart, or the quote is cut off.",
    ),
    "gb_local_quotes": ("Citaten uit de bronnen",
                        "Quotes from the sources (in Dutch, as the sources state them)"),
    "gb_local_export_title": ("Lokale monitor: {area}", "Local monitor: {area}"),
    "gb_detail_line": (
        "**Gemeente:** {municipality} · **Provincie:** {province} · **Cohort:** {cohort}",
        "**Municipality:** {municipality} · **Province:** {province} · **Cohort:** {cohort}",
    ),
    "gb_col_fact": ("Gegeven", "Fact"),
    "gb_fact_municipality": ("Gemeente", "Municipality"),
    "gb_fact_code": ("Gemeentecode (CBS)", "Municipality code (CBS)"),
    "gb_fact_province": ("Provincie", "Province"),
    "gb_fact_cohort": ("Cohort", "Cohort"),
    "gb_fact_residents": ("Inwoners ({date})", "Residents ({date})"),
    "gb_fact_name_2021": ("Naam in 2020-2021", "Name in 2020-2021"),
    "gb_fact_named16": ("Genoemd als een van de 16 van 2021", "Named as one of the 16 of 2021"),
    "gb_named16_found": ("{how} ({source}, {date})", "{how} ({source}, {date})"),
    "gb_named16_none": (
        "geen bron gevonden die het gebied zo noemt; het cohort is afgeleid",
        "no source found that names the area so; the cohort is inferred",
    ),
    "gb_fact_alt_names": ("Andere namen", "Other names"),
    "gb_fact_record": ("Gebiedsgegevens", "Area record"),
    "gb_facts_caption": (
        "Een gemeentecode met status 'onbevestigd' is niet tegen een opgehaalde CBS-bron "
        "gecontroleerd. Inwoners: afgerond op duizendtallen.",
        "A municipality code with status 'unconfirmed' was not checked against a retrieved CBS "
        "source. Residents: rounded to thousands.",
    ),
    "gb_none": ("geen", "none"),
    "gb_col_wijk": ("Wijk (zoals genoemd)", "Wijk (as listed)"),
    "gb_col_position": ("Nr.", "No."),
    "gb_wijken_caption": (
        "Wijken zoals programmapagina's ze noemen; de CBS-afbakening van het focusgebied kan "
        "afwijken.",
        "Wijken as programme pages list them; the CBS delineation of the focus area may differ.",
    ),
    "gb_wijken_none": (
        "Geen wijkenlijst voor dit gebied in de bronnen.",
        "No list of wijken for this area in the sources.",
    ),
    "gb_col_measure": ("Wat is geteld", "What is counted"),
    "gb_col_precision": ("Afronding en voorbehoud (bron)", "Rounding and caveats (source)"),
    "gb_date_unknown": ("datum onbekend", "date unknown"),
    "gb_population_caption": (
        "Verschillende bronnen, afbakeningen en meetmomenten: deze getallen vormen geen tijdreeks "
        "en zijn niet zonder meer vergelijkbaar met het CBS-cijfer van 2025.",
        "Different sources, delineations and dates: these numbers are not a time series and are "
        "not directly comparable with the 2025 CBS figure.",
    ),
    "gb_population_none": (
        "Geen inwonertallen voor dit gebied in de bronnen.",
        "No resident counts for this area in the sources.",
    ),
    "gb_col_subarea": ("Wijk", "Wijk"),
    "gb_subarea_whole": ("heel gebied", "whole area"),
    "gb_area_indicators_none": (
        "Geen indicatoren voor dit gebied in de bronnen.",
        "No indicators for this area in the sources.",
    ),
    "gb_area_indicators_caption": (
        "Cijfers op wijkniveau gelden voor één wijk binnen het focusgebied.",
        "Wijk-level figures apply to one wijk within the focus area.",
    ),
    "gb_comparisons_header": (
        "Vergelijkingswaarden bij deze indicatoren",
        "Comparison values for these indicators",
    ),
    "gb_col_round": ("Ronde", "Round"),
    "gb_col_fund": ("Fonds", "Fund"),
    "gb_col_date": ("Datum", "Date"),
    "gb_col_project": ("Project (zoals gepubliceerd)", "Project (as published)"),
    "gb_col_homes": ("Woningen", "Dwellings"),
    "gb_col_round_inferred": ("Ronde afgeleid?", "Round inferred?"),
    "gb_round_inferred_yes": (
        "ja: ronde afgeleid uit datums",
        "yes: round inferred from dates",
    ),
    "gb_round_inferred_no": ("nee", "no"),
    "gb_amount_not_found": ("niet gevonden in de bronnen", "not found in the sources"),
    "gb_fund_vhf": ("Volkshuisvestingsfonds", "Housing Fund (VHF)"),
    "gb_fund_woontop": ("Woontop", "Housing summit"),
    "gb_money_caption": (
        "Toekenningen aan de gemeente {municipality}: niet per se (alleen) voor dit gebied.",
        "Allocations to the municipality of {municipality}: not necessarily (only) for this area.",
    ),
    "gb_money_shared": (
        "{municipality} heeft {n} focusgebieden; deze bedragen gelden voor de hele gemeente.",
        "{municipality} has {n} focus areas; these amounts apply to the whole municipality.",
    ),
    "gb_money_total": (
        "Bekend totaal: {total} (berekend: som van de gevonden bedragen; {n_unknown} bedrag(en) "
        "niet gevonden in de bronnen).",
        "Known total: {total} (computed: sum of the amounts found; {n_unknown} amount(s) not "
        "found in the sources).",
    ),
    "gb_money_none": (
        "Geen toekenningen aan deze gemeente in de bronnen.",
        "No allocations to this municipality in the sources.",
    ),
    "gb_col_event": ("Gebeurtenis", "Event"),
    "gb_events_none": (
        "Geen gebeurtenissen in de tijdlijn die dit gebied noemen.",
        "No timeline events that name this area.",
    ),
    "gb_col_source_id": ("Bron", "Source"),
    "gb_col_title": ("Titel", "Title"),
    "gb_col_publisher": ("Uitgever", "Publisher"),
    "gb_col_published": ("Verschenen", "Published"),
    "gb_col_used_in": ("Gebruikt voor", "Used for"),
    "gb_col_statuses": ("Status van de gegevens", "Status of the data"),
    "gb_col_link": ("Link", "Link"),
    "gb_link_text": ("bron openen", "open source"),
    "gb_used_area": ("gebiedsgegevens", "area record"),
    "gb_used_wijken": ("wijken", "wijken"),
    "gb_used_population": ("inwoners", "residents"),
    "gb_used_indicators": ("indicatoren", "indicators"),
    "gb_used_allocations": ("geld", "money"),
    "gb_used_timeline": ("tijdlijn", "timeline"),
    "gb_used_local_indicators": ("lokale monitor", "local monitor"),
    "gb_used_original16_evidence": ("een van de 16 van 2021", "one of the 16 of 2021"),
    "gb_used_candidate_facts": ("meer feiten", "more facts"),
    "gb_money_facts_header": ("Meer uit de bronnen (niet in het totaal)",
                              "More from the sources (not in the total)"),
    # value formats per unit code
    "gb_fmt_percentage_points": ("{value} procentpunt", "{value} percentage points"),
    "gb_fmt_persons": ("{value} personen", "{value} persons"),
    "gb_fmt_ratio": ("{value} keer", "{value} times"),
    "gb_fmt_rank": ("nr. {value}", "no. {value}"),
    "gb_fmt_years": ("{value} jaar", "{value} years"),
    "gb_fmt_per_1000": ("{value} per 1.000", "{value} per 1,000"),
    "gb_fmt_dwellings": ("{value} woningen", "{value} dwellings"),
    "gb_fmt_dwellings_and_facilities": ("{value} woningen en voorzieningen",
                                        "{value} dwellings and facilities"),
    "gb_fmt_households": ("{value} huishoudens", "{value} households"),
    "gb_unit_percent": ("procent", "percent"),
    "gb_unit_percentage_points": ("procentpunt", "percentage points"),
    "gb_unit_persons": ("personen", "persons"),
    "gb_unit_ratio": ("factor", "ratio"),
    "gb_unit_rank": ("rangorde", "rank"),
    "gb_unit_years": ("jaren", "years"),
    "gb_unit_per_1000": ("per 1.000 inwoners", "per 1,000 inhabitants"),
    "gb_unit_dwellings": ("woningen", "dwellings"),
    "gb_unit_households": ("huishoudens", "households"),
    # indicator names
    "gb_ind_share_of_nl_population": (
        "Aandeel van de Nederlandse bevolking", "Share of the Dutch population"),
    "gb_ind_low_financial_welfare_share_12plus": (
        "Lage financiële welvaart (% inwoners 12+)", "Low financial welfare (% residents 12+)"),
    "gb_ind_low_financial_welfare_rank_among_20": (
        "Rangorde lage financiële welvaart onder de 20", "Rank for low financial welfare among 20"),
    "gb_ind_low_financial_welfare_ratio_vs_nl": (
        "Lage financiële welvaart t.o.v. Nederland", "Low financial welfare relative to NL"),
    "gb_ind_inflow_share_12plus": (
        "Instroom (% inwoners 12+)", "Inflow (% residents 12+)"),
    "gb_ind_outflow_share_12plus": (
        "Uitstroom (% inwoners 12+)", "Outflow (% residents 12+)"),
    "gb_ind_inflow_share_all_ages": (
        "Instroom (% alle inwoners)", "Inflow (% all residents)"),
    "gb_ind_outflow_share_all_ages": (
        "Uitstroom (% alle inwoners)", "Outflow (% all residents)"),
    "gb_ind_inflow_12plus_count": ("Instroom 12+ (aantal)", "Inflow 12+ (number)"),
    "gb_ind_outflow_12plus_count": ("Uitstroom 12+ (aantal)", "Outflow 12+ (number)"),
    "gb_ind_deaths_12plus_count": ("Overleden 12+ (aantal)", "Deaths 12+ (number)"),
    "gb_ind_inflow_12plus_from_elsewhere_in_nl": (
        "Instroom 12+ uit elders in Nederland (aantal)",
        "Inflow 12+ from elsewhere in NL (number)"),
    "gb_ind_inflow_12plus_from_abroad": (
        "Instroom 12+ uit het buitenland (aantal)", "Inflow 12+ from abroad (number)"),
    "gb_ind_dwellings_in_weak_or_worse_liveability_share": (
        "Woningen in buurten met zwakke of slechtere leefbaarheid (%)",
        "Dwellings in weak or worse liveability (%)"),
    "gb_ind_employed_share": ("Werkenden (%)", "Employed (%)"),
    "gb_ind_employed_share_gap_vs_nl": (
        "Verschil aandeel werkenden met Nederland", "Employment gap with NL"),
    "gb_ind_households_in_poverty_share": (
        "Huishoudens in armoede (%)", "Households in poverty (%)"),
    "gb_ind_life_expectancy_gap_vs_nl": (
        "Verschil levensverwachting met Nederland", "Life expectancy gap with NL"),
    "gb_ind_years_in_less_good_health_gap_vs_nl": (
        "Meer jaren in minder goede gezondheid dan Nederland",
        "More years in less good health than NL"),
    "gb_ind_poverty_ratio_vs_nl": (
        "Mensen onder de armoedegrens t.o.v. Nederland",
        "People below the poverty line relative to NL"),
    "gb_ind_serious_crime_victim_risk_ratio_vs_nl_low": (
        "Kans op inbraak/straatroof t.o.v. Nederland (ondergrens)",
        "Risk of burglary/street robbery relative to NL (lower bound)"),
    "gb_ind_serious_crime_victim_risk_ratio_vs_nl_high": (
        "Kans op inbraak/straatroof t.o.v. Nederland (bovengrens)",
        "Risk of burglary/street robbery relative to NL (upper bound)"),
    "gb_ind_vhf_dwellings_improved": (
        "Woningen verbeterd met het Volkshuisvestingsfonds", "Dwellings improved with the VHF"),
    "gb_ind_vhf_households_energy_support": (
        "Huishoudens geholpen met energiebesparing", "Households helped to save energy"),
    "gb_ind_woningbouwimpuls_dwellings_started": (
        "Woningbouwimpuls: gestarte woningen", "Housing impulse: dwellings started"),
    "gb_ind_woningbouwimpuls_dwellings_planned": (
        "Woningbouwimpuls: geplande woningen", "Housing impulse: dwellings planned"),
    "gb_ind_dwellings_and_facilities_planned_2025_2029": (
        "Woningen en voorzieningen gepland (Woontop)",
        "Dwellings and facilities planned (housing summit)"),
    "gb_ind_households_near_social_minimum_share": (
        "Huishoudens op of rond het sociaal minimum (%)",
        "Households at or near the social minimum (%)"),
    "gb_ind_social_assistance_share_15_64": (
        "Bijstand (% van 15-64-jarigen)", "Social assistance (% of 15-64 year olds)"),
    "gb_ind_violent_crimes_per_1000": (
        "Geweldsmisdrijven per 1.000 inwoners (pleegplaats)",
        "Violent crimes per 1,000 inhabitants (crime location)"),
    "gb_ind_youth_hic_suspect_share_12_17": (
        "Jongeren 12-17 ooit verdacht van high impact crime (%)",
        "Youth 12-17 ever suspected of a high impact crime (%)"),
    "gb_ind_youth_hic_suspect_share_17_22": (
        "Jongeren 17-22 ooit verdacht van high impact crime (%)",
        "Youth 17-22 ever suspected of a high impact crime (%)"),
    "gb_ind_youth_hic_suspect_share_22_27": (
        "Jongeren 22-27 ooit verdacht van high impact crime (%)",
        "Youth 22-27 ever suspected of a high impact crime (%)"),
    "gb_ind_in_migrants_from_outside_heerlen_10yr": (
        "Nieuwe inwoners van buiten Heerlen in tien jaar",
        "New residents from outside Heerlen in ten years"),
    "gb_ind_newborn_later_health_problem_risk": (
        "Pasgeborenen met risico op latere gezondheidsproblemen (%)",
        "Newborns at risk of later health problems (%)"),
    # population measures
    "gb_measure_inhabitants": ("Inwoners", "Residents"),
    "gb_measure_inhabitants_12plus": ("Inwoners van 12 jaar en ouder", "Residents aged 12+"),
    "gb_measure_inhabitants_12plus_resident_all_of_2024": (
        "Inwoners 12+ die heel 2024 in het gebied woonden",
        "Residents 12+ who lived in the area all of 2024"),
    "gb_measure_inhabitants_municipal_9_wijken_definition": (
        "Inwoners volgens gemeentelijke afbakening (9 wijken)",
        "Residents by municipal delineation (9 wijken)"),
    "gb_measure_inhabitants_subarea_tilburg_noord": (
        "Inwoners deelgebied Tilburg Noord", "Residents of sub-area Tilburg Noord"),
    "gb_measure_inhabitants_subarea_tilburg_west": (
        "Inwoners deelgebied Tilburg West", "Residents of sub-area Tilburg West"),
    "gb_measure_inhabitants_subarea_hoge_vucht": (
        "Inwoners deelgebied Hoge Vucht", "Residents of sub-area Hoge Vucht"),
    "gb_measure_inhabitants_sum_of_area_values": (
        "Som van afgeronde gebiedswaarden", "Sum of rounded area values"),
}
