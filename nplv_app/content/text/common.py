"""Text shared by every page: frame, sidebar, labels of data values. key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {
    # frame
    "app_title": ("NPLV-dashboard", "NPLV dashboard"),
    "app_subtitle": (
        "Nationaal Programma Leefbaarheid en Veiligheid: de 16 gebieden van 2021 en de 20 van nu",
        "National Programme for Liveability and Safety: the 16 areas of 2021 and the 20 of today",
    ),
    "page_overzicht": ("Overzicht", "Overview"),
    "page_gebieden": ("Gebieden", "Areas"),
    "page_budgetten": ("Budgetten", "Budgets"),
    "page_scenario": ("Scenario", "Scenario"),
    "page_tijdlijn": ("Tijdlijn en bronnen", "Timeline and sources"),
    "building_database": (
        "De database wordt opgebouwd uit de bronbestanden…",
        "Building the database from the source files…",
    ),
    "database_rebuilt": (
        "De database is opnieuw opgebouwd uit de bronbestanden.",
        "The database was rebuilt from the source files.",
    ),
    "sources_invalid": (
        "De bronbestanden bevatten fouten; het dashboard kan de gegevens niet laden.",
        "The source files contain errors; the dashboard cannot load the data.",
    ),
    "sources_invalid_serving_old": (
        "De bronbestanden bevatten fouten; het dashboard toont de laatst goede database.",
        "The source files contain errors; the dashboard shows the last good database.",
    ),
    "sources_missing": (
        "De map met bronbestanden ontbreekt en er is geen database: er valt niets te tonen.",
        "The source folder is missing and there is no database: there is nothing to show.",
    ),
    "language": ("Taal", "Language"),
    "lang_nl": ("NL", "NL"),
    "lang_en": ("EN", "EN"),
    # sidebar selection
    "selection": ("Selectie", "Selection"),
    "area_set": ("Gebiedenset", "Area set"),
    "set_all20": ("Alle 20 (2022)", "All 20 (2022)"),
    "set_original16": ("De 16 van 2021", "The 16 of 2021"),
    "set_added2022": ("De 4 toegevoegd in 2022", "The 4 added in 2022"),
    "set_custom": ("Eigen selectie", "Custom selection"),
    "municipality": ("Gemeente", "Municipality"),
    "municipalities": ("Gemeenten", "Municipalities"),
    "province": ("Provincie", "Province"),
    "provinces": ("Provincies", "Provinces"),
    "residents_range": ("Inwoners (1 jan 2025)", "Residents (1 Jan 2025)"),
    "residents_range_echo": ("Gebieden met {low} tot en met {high} inwoners",
                             "Areas with {low} to {high} residents"),
    "custom_areas": ("Gebieden in eigen selectie", "Areas in custom selection"),
    "filter_all": ("alle", "all"),
    "selection_summary": (
        "{n_areas} gebieden · {n_municipalities} gemeenten · {residents} inwoners",
        "{n_areas} areas · {n_municipalities} municipalities · {residents} residents",
    ),
    "selection_empty": (
        "Geen gebieden in deze selectie. Kies een andere set of verruim de filters.",
        "No areas in this selection. Choose another set or widen the filters.",
    ),
    "reset_selection": ("Selectie wissen", "Reset selection"),
    "url_ignored": (
        "Genegeerd uit de link (onbekend of ongeldig): {items}",
        "Ignored from the link (unknown or invalid): {items}",
    ),
    # values in the data
    "cohort_original16": ("Oorspronkelijke 16 (2021)", "Original 16 (2021)"),
    "cohort_added2022": ("Toegevoegd in 2022", "Added in 2022"),
    # in a table beside the area's name, where the long names would push columns out of view
    "cohort_short_original16": ("16 van 2021", "16 of 2021"),
    "cohort_short_added2022": ("erbij in 2022", "added in 2022"),
    "cohort_mark_added2022": ("· 2022", "· 2022"),
    "cohort": ("Cohort", "Cohort"),
    "status_confirmed": ("bevestigd", "confirmed"),
    "status_approximate": ("benaderd/afgerond", "approximate/rounded"),
    "status_unconfirmed": ("onbevestigd", "unconfirmed"),
    "status": ("Status", "Status"),
    "kind_ask": ("gevraagd", "requested"),
    "kind_one_off": ("eenmalig", "one-off"),
    "kind_per_year": ("per jaar", "per year"),
    "kind_structural_per_year": ("structureel per jaar", "structural per year"),
    "not_available": ("niet beschikbaar", "not available"),
    "area": ("Gebied", "Area"),
    "areas": ("Gebieden", "Areas"),
    "residents": ("Inwoners", "Residents"),
    "source": ("Bron", "Source"),
    "sources": ("Bronnen", "Sources"),
    "period": ("Periode", "Period"),
    "value": ("Waarde", "Value"),
    "amount": ("Bedrag", "Amount"),
    "data_table": ("Tabel bij deze grafiek", "Table for this chart"),
    "table_capped": (
        "De eerste {shown} van {total} rijen; alle rijen staan in het CSV-bestand.",
        "The first {shown} of {total} rows; the CSV file has every row.",
    ),
    "table_capped_download": ("Alle rijen (CSV)", "All rows (CSV)"),
    "chart_capped": (
        "De grafiek toont de eerste {shown} van {total} rijen in deze volgorde; de tabel eronder "
        "heeft ze allemaal.",
        "The chart shows the first {shown} of {total} rows in this order; the table below has "
        "all of them.",
    ),
    "chart_capped_areas": (
        "Grafiek en tabel tonen de {shown} gebieden met de meeste inwoners van de {total} "
        "gekozen gebieden; alle gebieden staan in de CSV-bestanden op Tijdlijn en bronnen.",
        "Chart and table show the {shown} areas with the most residents of the {total} chosen "
        "areas; every area is in the CSV files on Timeline and sources.",
    ),
    "data_table_map": ("Tabel bij deze kaart", "Table for this map"),
    "download_csv": ("Download CSV", "Download CSV"),
    "sources_used": ("Bronnen bij deze pagina", "Sources for this page"),
    "source_footnote": ("Bron: {sources}", "Source: {sources}"),
    "source_footnote_more": ("en {n} andere (alle bronnen in de gewone weergave)",
                             "and {n} others (every source in the normal view)"),
    "computed_sum": (
        "berekend: som van afgeronde gebiedswaarden",
        "computed: sum of rounded area values",
    ),
    "footer": (
        "Open data-dashboard. Alle cijfers komen uit de bronbestanden in data/sources, met bron en "
        "status; zie Tijdlijn en bronnen.",
        "Open data dashboard. Every figure comes from the source files in data/sources, with its "
        "source and status; see Timeline and sources.",
    ),
    "data_version": (
        "Dataversie {version}, opgebouwd {built_at}",
        "Data version {version}, built {built_at}",
    ),
    # presentation mode
    "present_mode": ("Presentatiemodus", "Presentation mode"),
    "view_link": ("Link naar deze weergave", "Link to this view"),
    "view_link_help": (
        "Kopieer de link (knop rechtsboven in het vak): wie hem opent, ziet dezelfde pagina, "
        "selectie en invoer.",
        "Copy the link (button at the top right of the box): whoever opens it sees the same "
        "page, selection and inputs.",
    ),
    "present_previous": ("◀ Vorige", "◀ Previous"),
    "present_next": ("Volgende ▶", "Next ▶"),
    "present_exit": ("Presentatie sluiten", "Leave presentation"),
    "present_start": ("▶ Workshopscript starten: {title}", "▶ Start the workshop script: {title}"),
    "present_step": ("Stap {n} van {total} · {title}", "Step {n} of {total} · {title}"),
    "present_script_error": (
        "Het workshopscript bevat fouten:",
        "The workshop script has mistakes:",
    ),
    # how a source names an area as one of the 16 of 2021 (original16_evidence.strength)
    "named16_explicit": ("met zoveel woorden", "in so many words"),
    "named16_named": ("genoemd bij het geld voor de 16 wijken",
                      "named with the money for the 16 wijken"),
    "named16_indirect": ("indirect: de gemeente krijgt geld voor de 16 wijken",
                         "indirectly: the municipality gets money for the 16 wijken"),
    "named16_truncated": ("waarschijnlijk: het citaat breekt af", "probably: the quote is cut off"),
}
