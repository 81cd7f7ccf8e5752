"""Text of the tijdlijn page (timeline, sources, methodology, downloads): key -> (Dutch, English).

Figures never appear in this text: placeholders are filled from the database by the page.
"""

TEXT: dict[str, tuple[str, str]] = {
    "tl_intro": (
        "Wat er sinds 2019 gebeurde rond het programma, uit welke bronnen elk cijfer komt, hoe "
        "stevig die cijfers zijn en wat níet in de data staat. Onderaan staan alle tabellen als "
        "CSV.",
        "What happened around the programme since 2019, which source each figure comes from, how "
        "firm the figures are and what is not in the data. All tables can be downloaded as CSV at "
        "the bottom.",
    ),
    "tl_selection_note": (
        "De tijdlijn en de bronnen gelden voor het hele programma; de selectie bepaalt alleen "
        "welke gebiedsgebeurtenissen je met de schakelaar kunt tonen.",
        "The timeline and the sources cover the whole programme; the selection only decides which "
        "area events the switch can show.",
    ),
    # --- timeline ------------------------------------------------------------------------------
    "tl_timeline_title": ("Tijdlijn 2019–2026", "Timeline 2019–2026"),
    "tl_timeline_caption": (
        "Elke stip is een gebeurtenis uit de bronnen; ga erop staan voor datum, tekst en bron. "
        "Gebeurtenissen die dicht bij elkaar liggen staan onder elkaar in hun baan.",
        "Each dot is an event from the sources; hover for date, text and source. Events close in "
        "time are stacked within their lane.",
    ),
    "tl_only_selection": (
        "Alleen gebiedsgebeurtenissen van de selectie",
        "Only area events of the selection",
    ),
    "tl_only_selection_help": (
        "Programmabrede gebeurtenissen blijven staan; gebeurtenissen over één of meer gebieden "
        "alleen als een van die gebieden in de selectie zit.",
        "Programme-wide events stay; events about one or more areas only when one of those areas "
        "is in the selection.",
    ),
    "tl_events_shown": (
        "{shown} van {total} gebeurtenissen getoond.",
        "{shown} of {total} events shown.",
    ),
    "tl_chart_alt": (
        "Tijdlijn van {n} gebeurtenissen rond het NPLV van {first} tot {last}, in banen per soort "
        "gebeurtenis. {horizon}",
        "Timeline of {n} events around the NPLV from {first} to {last}, in lanes per kind of "
        "event. {horizon}",
    ),
    "tl_cat_ask": ("Vraag burgemeesters", "Mayors' ask"),
    "tl_cat_launch": ("Start NPLV", "NPLV launch"),
    "tl_cat_letter": ("Kamerbrieven en voortgang", "Letters to parliament"),
    "tl_cat_budget": ("Budgetbesluiten", "Budget decisions"),
    "tl_cat_vhf": ("Volkshuisvestingsfonds", "Housing Fund (VHF)"),
    "tl_cat_area": ("Gebeurtenissen in gebieden", "Area events"),
    "tl_cat_cbs": ("CBS-onderzoek", "CBS study"),
    "tl_cat_horizon": ("Financieringshorizon", "Funding horizon"),
    "tl_cat_other": ("Overig", "Other"),
    "tl_key_ask": ("Manifest 'Dicht de kloof'", "'Close the gap' manifesto"),
    "tl_key_launch": ("Start NPLV", "NPLV launch"),
    "tl_key_cbs": ("CBS-onderzoek", "CBS study"),
    "tl_key_regiodeal": ("Regio Deal Den Haag", "Hague Region Deal"),
    "tl_key_vhf2021": ("VHF 2021", "Fund 2021"),
    "tl_key_vhf2023": ("VHF 2023", "Fund 2023"),
    "tl_key_jenv": ("Preventie met gezag", "Prevention with authority"),
    "tl_key_woontop": ("Woontop", "Housing summit"),
    "tl_key_letter2023": ("Voortgangsbrief 2023", "Progress letter 2023"),
    "tl_col_date": ("Datum", "Date"),
    "tl_col_kind": ("Soort", "Kind"),
    "tl_col_event": ("Gebeurtenis", "Event"),
    "tl_col_areas": ("Gebieden", "Areas"),
    "tl_col_source": ("Bron", "Source"),
    "tl_col_status": ("Status", "Status"),
    "tl_col_amount": ("Bedrag", "Amount"),
    "tl_col_line": ("Begrotingsregel", "Budget line"),
    "tl_programme_wide": ("hele programma", "whole programme"),
    "tl_budget_year": (
        "NPLV-regel VRO-ontwerpbegroting 2026, jaar {year}: {amount}",
        "NPLV line in the 2026 draft housing budget (VRO), year {year}: {amount}",
    ),
    "tl_horizon_label": (
        "Vanaf {year}: {amount} in VRO-begroting",
        "From {year}: {amount} in VRO budget",
    ),
    "tl_horizon_caption": (
        "Financieringshorizon: de NPLV-regel in de ontwerpbegroting 2026 van VRO loopt tot en met "
        "{last_year} (laatste jaar {last_amount}, {last_status}) en is {amount} vanaf {year} "
        "({status}, bron {source_id}). Open vierkant = niet bevestigd. "
        "Dat zegt alleen iets over deze ene begrotingsregel, niet over al het geld voor de "
        "gebieden.",
        "Funding horizon: the NPLV line in the 2026 draft budget of the housing ministry (VRO) "
        "runs up to and including {last_year} (last year {last_amount}, {last_status}) and is "
        "{amount} from {year} ({status}, source {source_id}). Open square = "
        "not confirmed. This concerns only this one budget line, not all money for the areas.",
    ),
    "tl_horizon_missing": (
        "Financieringshorizon: niet beschikbaar — de begrotingsregels van de VRO-ontwerpbegroting "
        "2026 staan niet in de data.",
        "Funding horizon: not available — the budget lines of the 2026 draft housing budget are "
        "not in the data.",
    ),
    "tl_horizon_alt": (
        "Een stippellijn markeert {year}, het eerste jaar waarin de NPLV-regel in de "
        "VRO-begroting {amount} is.",
        "A dashed line marks {year}, the first year in which the NPLV line in the VRO budget is "
        "{amount}.",
    ),
    # --- sources -------------------------------------------------------------------------------
    "tl_sources_title": ("Bronnen", "Sources"),
    "tl_sources_caption": (
        "Elke rij in de data verwijst met een bron-id naar deze lijst. 'Cijfers' telt de rijen met "
        "een cijfer (bevolking, indicatoren, begrotingsregels, toekenningen); gebiedsrecords, "
        "wijklijsten en gebeurtenissen verwijzen ook naar bronnen maar tellen niet als cijfer.",
        "Every row in the data points to this list with a source id. 'Figures' counts the rows "
        "with a figure (population, indicators, budget lines, allocations); area records, wijk "
        "lists and events cite sources too but do not count as figures.",
    ),
    "tl_filter_status": ("Bronnen met cijfers die …", "Sources with figures that are …"),
    "tl_status_all": ("alle bronnen", "all sources"),
    "tl_status_none": ("geen cijfers", "no figures"),
    "tl_status_has_confirmed": ("bevestigd", "confirmed"),
    "tl_status_has_approximate": ("benaderd/afgerond", "approximate/rounded"),
    "tl_status_has_unconfirmed": ("onbevestigd", "unconfirmed"),
    "tl_filter_section": ("Onderdeel", "Section"),
    "tl_filter_section_all": ("alle onderdelen", "all sections"),
    "tl_sources_count": (
        "{shown} van {total} bronnen getoond.",
        "{shown} of {total} sources shown.",
    ),
    "tl_sources_none": (
        "Geen bronnen bij deze filters.",
        "No sources match these filters.",
    ),
    "tl_src_id": ("Bron-id", "Source id"),
    "tl_src_title": ("Titel", "Title"),
    "tl_src_publisher": ("Uitgever", "Publisher"),
    "tl_src_published": ("Datum", "Date"),
    "tl_src_url": ("Link", "Link"),
    "tl_src_link_text": ("openen", "open"),
    "tl_src_section": ("Onderdeel", "Section"),
    "tl_src_used_for": ("Wat eruit is overgenomen", "What was taken from it"),
    "tl_src_figures": ("Cijfers", "Figures"),
    "tl_src_events": ("Gebeurtenissen", "Events"),
    "tl_src_tables": ("Gebruikt in tabellen", "Used in tables"),
    "tl_status_title": ("Status van de cijfers per tabel", "Status of the figures per table"),
    "tl_status_caption": (
        "Aantal cijfers (rijen) per tabel en status, geteld uit de database.",
        "Number of figures (rows) per table and status, counted from the database.",
    ),
    "tl_status_alt_counts": (
        "Bevestigd: {confirmed}; benaderd/afgerond: {approximate}; onbevestigd: {unconfirmed}.",
        "Confirmed: {confirmed}; approximate/rounded: {approximate}; unconfirmed: {unconfirmed}.",
    ),
    "tl_status_alt": (
        "Gestapelde staven: per tabel het aantal cijfers dat bevestigd, benaderd/afgerond of "
        "onbevestigd is; {total} cijfers in totaal.",
        "Stacked bars: per table the number of figures that are confirmed, approximate/rounded or "
        "unconfirmed; {total} figures in all.",
    ),
    "tl_col_table": ("Tabel", "Table"),
    "tl_col_count": ("Aantal cijfers", "Number of figures"),
    "tl_col_total": ("Totaal (berekend)", "Total (computed)"),
    # --- tables (CSV names) --------------------------------------------------------------------
    # what verification changed; sources naming one of the 16
    "tl_changes_title": ("Wat nieuwe bronnen veranderden", "What new sources changed"),
    "tl_changes_caption": (
        "Waar een gecontroleerde bron een cijfer preciezer maakt of een afgeleide ronde bevestigt, "
        "staat hier het oude en het nieuwe, met beide bronnen. De oude bron blijft in de "
        "gegevens bewaard.",
        "Where a checked source makes a figure more precise or confirms an inferred round, the "
        "old and the new value are listed here with both sources. The old source stays in the "
        "data.",
    ),
    "tl_changes_none": ("Geen wijzigingen.", "No changes."),
    "tl_change_col_row": ("Gegeven", "Record"),
    "tl_change_col_field": ("Veld", "Field"),
    "tl_change_col_old": ("Was", "Was"),
    "tl_change_col_new": ("Is nu", "Is now"),
    "tl_change_col_old_source": ("Oude bron", "Old source"),
    "tl_change_col_new_source": ("Nieuwe bron", "New source"),
    "tl_change_col_reason": ("Waarom", "Why"),
    "tl_change_row_allocations": ("Toekenning", "Allocation"),
    "tl_change_row_areas": ("Gebied", "Area"),
    "tl_change_row_budget_lines": ("Begrotingsregel", "Budget line"),
    "tl_change_row_timeline": ("Gebeurtenis", "Event"),
    "tl_change_row_local_indicators": ("Lokaal cijfer", "Local figure"),
    "tl_change_row_other": ("Gegeven", "Record"),
    "tl_change_field_amount_eur": ("bedrag", "amount"),
    "tl_change_field_is_round_inferred": ("ronde afgeleid", "round inferred"),
    "tl_change_field_status": ("status", "status"),
    "tl_change_field_project": ("project", "project"),
    "tl_change_field_homes": ("woningen", "homes"),
    "tl_change_field_source_id": ("bron", "source"),
    "tl_change_true": ("ja", "yes"),
    "tl_change_false": ("nee", "no"),
    "tl_change_empty": ("(leeg)", "(empty)"),
    "tl_evidence_title": ("Bronnen die een gebied een van de 16 van 2021 noemen",
                          "Sources naming an area as one of the 16 of 2021"),
    "tl_evidence_caption": (
        "De officiële lijst van de 16 gebieden van 2021 is niet gevonden; welke gebieden erbij "
        "hoorden is afgeleid. Deze bronnen noemen een gebied met zoveel woorden. Het cohort in "
        "het dashboard blijft zoals het was.",
        "The official list of the 16 areas of 2021 was not found; which areas belonged to it is "
        "inferred. These sources name an area in so many words. The cohort in the dashboard "
        "stays as it was.",
    ),
    "tl_ev_col_area": ("Gebied", "Area"),
    "tl_ev_col_cohort": ("Cohort in het dashboard", "Cohort in the dashboard"),
    "tl_ev_col_how": ("Hoe de bron het zegt", "How the source says it"),
    "tl_ev_col_date": ("Datum", "Date"),
    "tl_ev_col_quote": ("Citaat", "Quote"),
    "tl_ev_none": ("geen bron gevonden", "no source found"),
    "tl_table_data_texts": ("Vertalingen van de vrije tekst in de bronbestanden",
                            "Translations of the free text in the source files"),
    "tl_table_area_summary": ("Gebieden met inwoners en geld", "Areas with residents and money"),
    "tl_table_cohort_summary": ("Samenvatting per cohort", "Summary per cohort"),
    "tl_table_areas": ("Gebieden", "Areas"),
    "tl_table_area_wijken": ("Wijken per gebied", "Wijken per area"),
    "tl_table_population": ("Bevolking", "Population"),
    "tl_table_indicators": ("Indicatoren", "Indicators"),
    "tl_table_budget_lines": ("Begrotingsregels", "Budget lines"),
    "tl_table_rounds": ("Toekenningsrondes", "Allocation rounds"),
    "tl_table_allocations": ("Toekenningen", "Allocations"),
    "tl_table_timeline": ("Tijdlijn", "Timeline"),
    "tl_table_sources": ("Bronnen", "Sources"),
    "tl_table_local_indicators": ("Lokale monitorcijfers", "Local monitor figures"),
    "tl_table_local_indicator_labels": ("Namen van lokale monitorcijfers",
                                        "Names of local monitor figures"),
    "tl_table_original16_evidence": ("Bronnen voor de 16 van 2021", "Sources for the 16 of 2021"),
    "tl_table_changes": ("Wijzigingen in de cijfers", "Changes to the figures"),
    "tl_table_candidate_facts": ("Meer feiten uit gecontroleerde bronnen",
                                 "More facts from checked sources"),
    "tl_facts_title": ("Meer feiten uit gecontroleerde bronnen", "More facts from checked sources"),
    "tl_facts_caption": (
        "Gecontroleerde cijfers waarvoor de tabellen geen plek hebben: cofinanciering, totalen, "
        "afgewezen aanvragen, geld uit andere regelingen, aantallen woningen, en bronnen die een "
        "cijfer bevestigen dat er al stond. Ze staan los: ze tellen nergens mee in een totaal.",
        "Checked figures the tables have no place for: co-financing, totals, rejected "
        "applications, money from other schemes, numbers of dwellings, and sources confirming a "
        "figure already there. They stand alone: no total counts them.",
    ),
    "tl_fact_col_scope": ("Over", "About"),
    "tl_fact_col_topic": ("Gegeven", "Fact"),
    "tl_fact_col_kind": ("Soort", "Kind"),
    "tl_fact_col_status_source": ("Status en bron", "Status and source"),
    "tl_fact_scope_nl": ("Nederland", "the Netherlands"),
    "tl_fact_kind_context": ("achtergrond", "context"),
    "tl_fact_kind_confirms": ("bevestigt een cijfer", "confirms a figure"),
    "tl_fact_kind_rejected": ("afgewezen aanvraag", "rejected application"),
    "tl_fact_kind_other_fund": ("andere regeling", "other scheme"),
    # --- downloads -----------------------------------------------------------------------------
    "tl_downloads_title": ("Alle tabellen als CSV", "All tables as CSV"),
    "tl_downloads_caption": (
        "Elke tabel precies zoals in de database (dataversie {version}), met de kolommen status en "
        "source_id. Lege cellen zijn cijfers die niet in de bronnen staan.",
        "Each table exactly as in the database (data version {version}), with the status and "
        "source_id columns. Empty cells are figures the sources do not have.",
    ),
    "tl_download_label": ("{label} (CSV)", "{label} (CSV)"),
    "tl_download_help": (
        "{rows} rijen · {file_name}",
        "{rows} rows · {file_name}",
    ),
    # --- methodology ---------------------------------------------------------------------------
    "tl_method_title": ("Methode en kanttekeningen", "Methodology and caveats"),
    # accessibility statement
    "tl_a11y_title": ("Toegankelijkheid", "Accessibility"),
    "tl_a11y_standard": (
        "**Norm.** Dit dashboard streeft naar WCAG 2.1 niveau AA (EN 301 549), de norm die het "
        "Besluit digitale toegankelijkheid overheid voorschrijft.",
        "**Standard.** This dashboard aims at WCAG 2.1 level AA (EN 301 549), the standard the "
        "Dutch Besluit digitale toegankelijkheid overheid requires.",
    ),
    "tl_a11y_tested": (
        "**Hoe het getest wordt.** Bij elke wijziging draait `make test`; daarin controleert "
        "`tests/browser/test_accessibility.py` met axe-core elke pagina in het Nederlands en "
        "het Engels, gewoon en in presentatiemodus, op de regels van WCAG 2.0 en 2.1 A en AA "
        "(ook los te draaien: `.venv/bin/python -m pytest tests/browser/test_accessibility.py`); "
        "`test_keyboard.py` doorloopt een hele werkwijze met alleen het toetsenbord (selectie, "
        "pagina, gebied, scenario, Excel-download, workshopscript) en `test_zoom.py` elke pagina "
        "op 200% vergroting (320 CSS-pixels breed). "
        "Elke grafiek heeft een tekstalternatief en de tabel met de cijfers eronder; de kleuren "
        "zijn kleurenblind-veilig en kleur is nooit de enige drager: de staven van de gebieden "
        "van 2022 dragen '· 2022' naast hun waarde, hun cirkels op de kaart een witte stip. "
        "De taal van de pagina (`<html lang>`) volgt de gekozen taal.",
        "**How it is tested.** Every change runs `make test`; in it "
        "`tests/browser/test_accessibility.py` checks every page with axe-core in Dutch and "
        "English, normal and in presentation mode, against the WCAG 2.0 and 2.1 A and AA rules "
        "(also on its own: `.venv/bin/python -m pytest tests/browser/test_accessibility.py`); "
        "`test_keyboard.py` walks a whole workflow by keyboard alone (selection, page, area, "
        "scenario, Excel download, workshop script) and `test_zoom.py` every page at 200% zoom "
        "(320 CSS pixels wide). "
        "Every chart has a text alternative and the table of its figures below it; the colours "
        "are colour-blind safe and colour is never the only carrier: the bars of the 2022 areas "
        "carry '· 2022' beside their value, their circles on the map a white dot. "
        "The page's language (`<html lang>`) follows the chosen language.",
    ),
    "tl_a11y_exceptions": (
        "**Bekende uitzonderingen.** Streamlit tekent bijschriften half doorzichtig (te weinig "
        "contrast) en toont bij sommige knoppen en links geen focus: het dashboard zet "
        "bijschriften op volle dekking in een donkerder grijs en geeft elke toetsenbordfocus "
        "een rand. Grafieken en de kaart zijn afbeeldingen: een schermlezer leest hun "
        "tekstalternatief en de tabel eronder, niet de grafiek zelf; bij 200% vergroting "
        "schuift een brede grafiek binnen zijn eigen vak, en de tabbladen van een gebied "
        "schuiven zijwaarts.",
        "**Known exceptions.** Streamlit draws captions semi-transparent (too little contrast) "
        "and shows no focus on some buttons and links: the dashboard sets captions to full "
        "opacity in a darker grey and gives every keyboard focus an outline. Charts and the map "
        "are images: a screen reader reads their text alternative and the table below, not the "
        "chart itself; at 200% zoom a wide chart scrolls inside its own box, and an area's tabs "
        "scroll sideways.",
    ),
    "tl_a11y_contact": (
        "**Contact.** Problemen met de toegankelijkheid melden: {contact}",
        "**Contact.** Report accessibility problems to: {contact}",
    ),
    "tl_a11y_no_contact": (
        "**Contact.** Deze installatie heeft nog geen contactadres voor toegankelijkheid "
        "ingesteld (NPLV_ACCESSIBILITY_CONTACT).",
        "**Contact.** This installation has not set a contact for accessibility yet "
        "(NPLV_ACCESSIBILITY_CONTACT).",
    ),
    "tl_method_origin_title": ("Waar de cijfers vandaan komen", "Where the figures come from"),
    "tl_method_origin": (
        "Alle cijfers staan in de bronbestanden in `data/sources` (CSV). Ze zijn overgenomen uit "
        "een samengestelde feitenset waarin elk cijfer zijn eigen bron heeft. Elke rij heeft "
        "daarom een bron-id, dat naar de bronnenlijst op deze pagina verwijst, en een status. Bij "
        "elke grafiek en tabel staan de bronnen van wat er te zien is.\n\n"
        "Het dashboard rekent zelf alleen sommen en verhoudingen uit; die staan er als 'berekend' "
        "bij. Staat een cijfer niet in de bronnen, dan toont het dashboard 'niet beschikbaar' met "
        "de reden, nooit een 0 of een schatting.",
        "All figures are in the source files in `data/sources` (CSV). They were carried over from "
        "a compiled fact set in which every figure has its own source. Every row therefore has a "
        "source id, pointing to the sources list on this page, and a status. Every chart and table "
        "shows the sources of what it shows.\n\n"
        "The dashboard itself only computes sums and ratios; those are marked 'computed'. When a "
        "figure is not in the sources, the dashboard shows 'not available' with the reason, never "
        "a 0 or an estimate.",
    ),
    "tl_method_status_title": ("Wat de status betekent", "What the status means"),
    "tl_method_status": (
        "- **bevestigd**: het cijfer staat zo in de bron.\n"
        "- **benaderd/afgerond**: de bron geeft het cijfer afgerond of bij benadering ('ruim', "
        "'circa', in duizendtallen), of het is een som van zulke cijfers.\n"
        "- **onbevestigd**: het cijfer, de datum of de toewijzing is afgeleid of in geen tweede "
        "bron teruggevonden. Gebruik het met voorbehoud.",
        "- **confirmed**: the figure appears like this in the source.\n"
        "- **approximate/rounded**: the source gives the figure rounded or approximately ('over', "
        "'about', in thousands), or it is a sum of such figures.\n"
        "- **unconfirmed**: the figure, date or assignment was inferred or not found in a second "
        "source. Use it with care.",
    ),
    "tl_method_rounding_title": (
        "Afgeronde cijfers en kaartposities",
        "Rounded figures and map positions",
    ),
    "tl_method_rounding": (
        "- CBS geeft het aantal inwoners per gebied (1 januari 2025) in duizendtallen; elk "
        "gebiedscijfer kan dus tot 500 hoger of lager liggen. Sommen van die afgeronde waarden "
        "zijn berekend en staan zo gelabeld; de afrondingen kunnen zich opstapelen. Waar CBS zelf "
        "een totaal noemt, staat dat naast de berekende som.\n"
        "- Bedragen van het Volkshuisvestingsfonds komen deels uit persberichten die afronden "
        "('circa', 'ruim'); die hebben de status benaderd/afgerond.\n"
        "- De markeringen op de kaart staan op een geschat middelpunt van elk gebied. Ze zijn "
        "alleen bedoeld om gebieden op de kaart van Nederland terug te vinden en geven geen "
        "grens aan.",
        "- CBS gives the residents per area (1 January 2025) in thousands, so each area figure may "
        "be up to 500 higher or lower. Sums of those rounded values are computed and labelled as "
        "such; the rounding can add up. Where CBS itself gives a total, it is shown beside the "
        "computed sum.\n"
        "- Housing Fund amounts partly come from press releases that round ('about', 'over'); "
        "they have the status approximate/rounded.\n"
        "- Map markers sit on an estimated centre of each area. They only serve to find the areas "
        "on the map of the Netherlands and do not show a boundary.",
    ),
    "tl_method_areas_title": ("Gebieden in 2021 en nu", "Areas in 2021 and today"),
    "tl_method_areas": (
        "De burgemeesters vroegen in 2021 geld voor 16 gebieden; de grenzen van die 16 gebieden "
        "zijn niet gevonden. Sinds juli 2022 telt het programma 20 gebieden, en de CBS-studie van "
        "2026 gebruikt die indeling. Cijfers uit 2021 (zoals het aantal inwoners dat de "
        "burgemeesters noemden) en cijfers over 2025 zijn daarom niet strikt vergelijkbaar. Ook "
        "lokale programma's (Regio Deals, gemeentelijke wijkindelingen) gebruiken soms een andere "
        "afbakening dan CBS.",
        "In 2021 the mayors asked for money for 16 areas; the boundaries of those 16 areas were "
        "not found. Since July 2022 the programme has 20 areas, and the 2026 CBS study uses that "
        "delineation. Figures from 2021 (such as the number of residents the mayors mentioned) "
        "and figures for 2025 are therefore not strictly comparable. Local programmes (Region "
        "Deals, municipal wijk divisions) also sometimes use another delineation than CBS.",
    ),
    "tl_method_unconfirmed_title": ("Onbevestigde punten", "Unconfirmed items"),
    "tl_method_unconfirmed": (
        "- De naam in 2021 is voor {n_names_2021} van de 16 oorspronkelijke gebieden onbevestigd.\n"
        "- Dat Tilburg Noord en Tilburg West samen 'Tilburg NoordWest' vormen, is afgeleid.\n"
        "- Bij {n_inferred} toekenning(en) uit het Volkshuisvestingsfonds is de ronde afgeleid "
        "uit datum en context.\n"
        "- {n_codes} van de {n_areas} gemeentecodes zijn niet tegen een CBS-bron gecontroleerd.\n"
        "- Waarvoor de NPLV-regel in de VRO-ontwerpbegroting 2026 precies dient, staat niet in "
        "het teruggevonden deel van de bron.",
        "- The 2021 name is unconfirmed for {n_names_2021} of the original 16 areas.\n"
        "- That Tilburg Noord and Tilburg West together form 'Tilburg NoordWest' is an "
        "inference.\n"
        "- For {n_inferred} Housing Fund allocation(s) the round was inferred from date and "
        "context.\n"
        "- {n_codes} of the {n_areas} municipality codes were not checked against a CBS source.\n"
        "- What exactly the NPLV line in the 2026 draft housing budget pays for is not in the "
        "retrieved part of the source.",
    ),
    "tl_method_flows_title": ("Verhuizingen: twee bases", "Moves: two bases"),
    "tl_method_flows": (
        "CBS geeft de instroom en uitstroom van de gebieden op twee manieren: voor inwoners van "
        "12 jaar en ouder (in het hoofdstuk over bevolkingsomvang) en voor alle leeftijden (in "
        "het nieuwsbericht). De percentages hebben een andere basis; het dashboard zet ze niet "
        "door elkaar en vergelijkt alleen cijfers met dezelfde basis.",
        "CBS gives the inflow and outflow of the areas in two ways: for residents aged 12 and "
        "over (in the chapter on population size) and for all ages (in the news item). The "
        "percentages have a different base; the dashboard does not mix them and only compares "
        "figures with the same base.",
    ),
    "tl_method_vhf2023_title": (
        "Volkshuisvestingsfonds 2023: één ronde",
        "Housing Fund 2023: one round",
    ),
    "tl_method_vhf2023": (
        "De ronde 2023 begon met een budget van {initial} ({initial_source}) en werd later "
        "verhoogd tot {final} ({final_source}). Dat is hetzelfde geld in dezelfde ronde, geen "
        "twee tranches: tel de bedragen niet bij elkaar op.",
        "The 2023 round started with a budget of {initial} ({initial_source}) and was later "
        "raised to {final} ({final_source}). That is the same money in the same round, not two "
        "tranches: do not add the amounts up.",
    ),
    "tl_method_funding": (
        "Financiering na {last_year}: de NPLV-regel in de VRO-ontwerpbegroting is {amount} vanaf "
        "{year}.",
        "Funding after {last_year}: the NPLV line in the draft housing budget is {amount} from "
        "{year}.",
    ),
    "tl_method_funding_na": (
        "Financiering na de lopende periode: de begrotingsregels daarvoor staan niet in de data.",
        "Funding after the current period: the budget lines for it are not in the data.",
    ),
    "tl_method_missing_title": ("Wat niet in de data staat", "What is not in the data"),
    "tl_method_missing": (
        "- CBS-tabellen per gebied naast het aantal inwoners: van de tabel met in- en uitstroom "
        "per gebied zijn alleen de eerste rijen teruggevonden.\n"
        "- Het aandeel inwoners met lage financiële welvaart voor {n_welfare_missing} van de "
        "{n_areas} gebieden.\n"
        "- De volledige lijsten van toekenningen uit het Volkshuisvestingsfonds 2021 en 2023.\n"
        "- Geld per gebied uit de SPUK Kansrijke Wijk en uit Preventie met gezag.\n"
        "- {funding}\n"
        "- Officiële CBS-wijk- en buurtcodes van de gebieden.\n"
        "- Leefbaarometer-scores per gebied.",
        "- CBS tables per area beyond the number of residents: of the inflow/outflow table per "
        "area only the first rows were retrieved.\n"
        "- The share of residents with low financial welfare for {n_welfare_missing} of the "
        "{n_areas} areas.\n"
        "- The full lists of Housing Fund allocations for 2021 and 2023.\n"
        "- Money per area from the SPUK Kansrijke Wijk grant and from Preventie met gezag.\n"
        "- {funding}\n"
        "- Official CBS wijk and buurt codes of the areas.\n"
        "- Leefbaarometer scores per area.",
    ),
}
