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
}
