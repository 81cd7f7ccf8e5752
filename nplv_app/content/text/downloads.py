"""Text of the downloads section under every page (this view as files): key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "dl_title": ("Downloads / exporteren", "Downloads / export"),
    "dl_intro": (
        "Deze weergave als bestand, voor de selectie: {selection}. Elk bestand noemt de datum, "
        "de selectie en de bronnen; het wordt pas gemaakt als je klikt (de knop draait zolang).",
        "This view as a file, for the selection: {selection}. Every file names the date, the "
        "selection and the sources; it is made only when you click (the button spins meanwhile).",
    ),
    "dl_whole_view": ("De hele weergave", "The whole view"),
    "dl_xlsx": ("Excel-werkmap (XLSX)", "Excel workbook (XLSX)"),
    "dl_xlsx_help": (
        "Alle tabellen van deze weergave als tabbladen, plus Bronnen en Over · {file_name}",
        "Every table of this view as a sheet, plus Sources and About · {file_name}",
    ),
    "dl_pptx": ("Presentatie (PPTX)", "Slide deck (PPTX)"),
    "dl_pptx_help": (
        "Titel, kerncijfers van de selectie, één dia per grafiek{map} en de bronnen; elke dia "
        "met bronvermelding · {file_name}",
        "Title, key figures of the selection, one slide per chart{map} and the sources; every "
        "slide with a source note · {file_name}",
    ),
    "dl_pptx_map": (", de kaart", ", the map"),
    "dl_per_figure": ("Per grafiek en tabel", "Per chart and table"),
    "dl_csv": ("CSV", "CSV"),
    "dl_png": ("PNG", "PNG"),
    "dl_svg": ("SVG", "SVG"),
    "dl_csv_help": ("De tabel bij deze grafiek · {file_name}", "The chart's table · {file_name}"),
    "dl_png_help": (
        "Afbeelding, minstens 1600 pixels breed · {file_name}",
        "Image, at least 1600 pixels wide · {file_name}",
    ),
    "dl_svg_help": ("Vectorafbeelding · {file_name}", "Vector image · {file_name}"),
    "dl_selection_table": ("Gebieden in de selectie", "Areas in the selection"),
    "dl_selection_help": (
        "Per gebied: gemeente, provincie, cohort, inwoners met peildatum, status en bron, en "
        "het bekende VHF-geld van de gemeente · {file_name}",
        "Per area: municipality, province, cohort, residents with reference date, status and "
        "source, and the municipality's known VHF money · {file_name}",
    ),
    "dl_map": ("Kaart van de selectie", "Map of the selection"),
    "dl_no_figures": (
        "Deze weergave toont geen grafiek; de werkmap en de presentatie bevatten de gebieden en "
        "kerncijfers van de selectie.",
        "This view shows no chart; the workbook and the deck hold the selection's areas and key "
        "figures.",
    ),
    # selection label (file contents and names)
    "dl_sel_municipalities": ("gemeente {names}", "municipality {names}"),
    "dl_sel_provinces": ("provincie {names}", "province {names}"),
    "dl_sel_residents": ("{low} tot {high} inwoners", "{low} to {high} residents"),
    "dl_sel_custom": ("{n} gekozen gebieden", "{n} chosen areas"),
    # slide deck and workbook content
    "dl_kpi_areas": ("Gebieden", "Areas"),
    "dl_kpi_municipalities": ("Gemeenten", "Municipalities"),
    "dl_kpi_residents": ("Inwoners (som van de gebieden)", "Residents (sum of the areas)"),
    "dl_kpi_vhf": (
        "Bekend VHF-geld aan deze gemeenten",
        "Known VHF money to these municipalities",
    ),
    "dl_chart_note": ("Bron: {ids}", "Source: {ids}"),
    "dl_status_none": (
        "geen cijfers (bron van gebeurtenissen of gebiedsgegevens)",
        "no figures (source of events or area records)",
    ),
}
