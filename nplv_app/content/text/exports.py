"""Text of the server-side exports (workbook, slide deck): key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {
    # workbook
    "ex_sheet_data": ("Gegevens", "Data"),
    "ex_sheet_sources": ("Bronnen", "Sources"),
    "ex_sheet_about": ("Over", "About"),
    "ex_about_item": ("Onderdeel", "Item"),
    "ex_about_value": ("Waarde", "Value"),
    "ex_about_selection": ("Selectie", "Selection"),
    "ex_about_built_at": ("Database opgebouwd", "Database built"),
    "ex_about_data_version": ("Dataversie (hash van data/sources)",
                              "Data version (hash of data/sources)"),
    "ex_about_app_version": ("Versie dashboard", "Dashboard version"),
    "ex_about_exported_at": ("Geëxporteerd", "Exported"),
    "ex_about_provenance_key": ("Herkomst", "Provenance"),
    "ex_about_provenance": (
        "Elk cijfer in dit bestand komt uit de bronbestanden van het NPLV-dashboard "
        "(data/sources) en draagt zijn bron (source_id) en status: bevestigd, benaderd/afgerond "
        "of onbevestigd. Het tabblad Bronnen noemt per bron titel, uitgever, datum, link en de "
        "status van de gebruikte cijfers. Een leeg vak betekent: niet beschikbaar in de bronnen "
        "(nooit 0).",
        "Every figure in this file comes from the NPLV dashboard's source files (data/sources) "
        "and carries its source (source_id) and status: confirmed, approximate/rounded or "
        "unconfirmed. The Sources sheet lists each source's title, publisher, date, link and the "
        "status of the figures used. An empty cell means: not available in the sources "
        "(never 0).",
    ),
    # slide deck
    "ex_footnote": (
        "Bron: NPLV-dashboard, data/sources, versie {version}; bronnen {ids}",
        "Source: NPLV dashboard, data/sources, version {version}; sources {ids}",
    ),
    "ex_footnote_no_ids": (
        "Bron: NPLV-dashboard, data/sources, versie {version}",
        "Source: NPLV dashboard, data/sources, version {version}",
    ),
    "ex_deck_label": ("NPLV-dashboard", "NPLV dashboard"),
    "ex_kpi_title": ("Kerncijfers", "Key figures"),
    "ex_map_title": ("Kaart", "Map"),
    "ex_sources_title": ("Bronnen", "Sources"),
    "ex_no_sources": ("Geen bronnen bij deze selectie.", "No sources for this selection."),
    "ex_col_source_id": ("Bron", "Source"),
    "ex_col_title": ("Titel", "Title"),
    "ex_col_publisher": ("Uitgever", "Publisher"),
    "ex_col_published": ("Datum", "Date"),
    "ex_col_url": ("Link", "Link"),
    # workbook: short sheet names per chart (Excel allows 31 characters), by chart key
    "ex_sheet_gb_residents_chart": ("Inwoners per gebied", "Residents per area"),
    "ex_sheet_gb_indicator_chart": ("Indicatoren per gebied", "Indicators per area"),
    "ex_sheet_bu_lines_chart": ("Vraag en toezeggingen", "Ask and commitments"),
    "ex_sheet_bu_vhf_chart": ("VHF-toekenningen", "VHF allocations"),
    "ex_sheet_bu_share_chart": ("Aandeel NPLV-gemeenten", "Share NPLV municipalities"),
    "ex_sheet_bu_res_chart": ("VHF-geld per inwoner", "VHF money per resident"),
    "ex_sheet_sc_chart": ("Bedrag per gebied", "Amount per area"),
    "ex_sheet_sc_dilution_chart": ("Verdunning", "Dilution"),
    "ex_sheet_tl_timeline": ("Tijdlijn", "Timeline"),
    "ex_sheet_tl_status_chart": ("Status per tabel", "Status per table"),
    "ex_col_note_of": ("{column}: toelichting", "{column}: note"),
    # workbook: the areas of the selection
    "ex_area_name": ("Gebied", "Area"),
    "ex_area_municipality": ("Gemeente", "Municipality"),
    "ex_area_municipality_code": ("CBS-gemeentecode", "CBS municipality code"),
    "ex_area_province": ("Provincie", "Province"),
    "ex_area_cohort": ("Cohort", "Cohort"),
    "ex_area_residents": ("Inwoners", "Residents"),
    "ex_area_residents_date": ("Peildatum inwoners", "Residents reference date"),
    "ex_area_residents_status": ("Status inwoners", "Residents status"),
    "ex_area_residents_source": ("Bron inwoners", "Residents source"),
    "ex_area_areas_in_municipality": ("Gebieden in de gemeente", "Areas in the municipality"),
    "ex_area_vhf": ("Bekend VHF-geld aan de gemeente (€)",
                    "Known VHF money to the municipality (€)"),
    "ex_area_vhf_projects": ("VHF-projecten", "VHF projects"),
    "ex_area_vhf_unknown": ("VHF-projecten zonder bedrag", "VHF projects without amount"),
    # workbook: the sources sheet
    "ex_col_statuses": ("Status van de gebruikte cijfers", "Status of the figures used"),
    # slide deck: source lines
    "ex_chart_cut": ("De eerste {shown} van {rows} rijen; alle rijen staan in de werkmap (XLSX).",
                     "The first {shown} of {rows} rows; every row is in the workbook (XLSX)."),
    "ex_source_line": ("Bron: {sources}", "Source: {sources}"),
    "ex_source_more": ("en {n} meer (dia Bronnen)", "and {n} more (Sources slide)"),
    "ex_version_line": ("NPLV-dashboard, data/sources, versie {version}",
                        "NPLV dashboard, data/sources, version {version}"),
    "ex_sources_more": ("… en {n} bronnen meer: zie het tabblad Bronnen van de werkmap.",
                        "… and {n} more sources: see the Sources sheet of the workbook."),
}
