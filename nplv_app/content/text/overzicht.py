"""Text of the overzicht page: key -> (Dutch, English). Keys start with ``ov_``."""

TEXT: dict[str, tuple[str, str]] = {
    "ov_intro": (
        "In 2021 vroegen de burgemeesters steun voor {n16} gebieden in {m16} steden; sinds 2022 "
        "telt het programma {n20} focusgebieden in {m20} gemeenten. Kies in de zijbalk welke "
        "gebieden u ziet: de tegels en de kaart volgen die selectie.",
        "In 2021 the mayors asked for support for {n16} areas in {m16} cities; since 2022 the "
        "programme has {n20} focus areas in {m20} municipalities. Choose the areas in the "
        "sidebar: the tiles and the map follow that selection.",
    ),
    # tiles
    "ov_tile_areas": ("Gebieden", "Areas"),
    "ov_tile_municipalities": ("Gemeenten", "Municipalities"),
    "ov_tile_residents": ("Inwoners (1 jan 2025)", "Residents (1 Jan 2025)"),
    "ov_tile_share": ("Aandeel bevolking NL", "Share of NL population"),
    "ov_tile_vhf": ("Volkshuisvestingsfonds", "Housing Fund (VHF)"),
    "ov_delta_vs16": ("t.o.v. de 16 van 2021", "vs. the 16 of 2021"),
    "ov_delta_vs20": ("t.o.v. de 20 van 2022", "vs. the 20 of 2022"),
    "ov_delta_help": (
        "Verschil berekend uit de tegelwaarden van beide sets.",
        "Difference computed from the tile values of both sets.",
    ),
    "ov_residents_reference": (
        "CBS-referentie: {value} (bron {source}, {status})",
        "CBS reference: {value} (source {source}, {status})",
    ),
    "ov_residents_missing": (
        "Van {n} gebied(en) staat geen inwonertal in de bronnen, dus er is geen totaal.",
        "{n} area(s) have no resident count in the sources, so there is no total.",
    ),
    "ov_share_note": (
        "{status}; CBS, peildatum {date} (alle 20 gebieden samen)",
        "{status}; CBS, reference date {date} (all 20 areas together)",
    ),
    "ov_share_unavailable": (
        "De bronnen geven dit aandeel alleen voor alle 20 gebieden samen. Het landelijke "
        "inwonertal staat niet in de bronnen, dus voor deze selectie valt het niet te berekenen.",
        "The sources give this share only for all 20 areas together. The national population is "
        "not in the sources, so it cannot be computed for this selection.",
    ),
    "ov_vhf_full": (
        "Som van bekende toekenningen aan de {n} gemeenten, elke gemeente één keer (berekend): "
        "{amount}.",
        "Sum of known grants to the {n} municipalities, each municipality counted once "
        "(computed): {amount}.",
    ),
    "ov_vhf_full_one": (
        "Som van bekende toekenningen aan deze ene gemeente (berekend): {amount}.",
        "Sum of known grants to this one municipality (computed): {amount}.",
    ),
    "ov_vhf_parts": ("Daarvan {parts}.", "Of which {parts}."),
    "ov_vhf_part": ("{amount} {status}", "{amount} {status}"),
    "ov_vhf_all_confirmed": ("Alle bedragen in deze som zijn bevestigd.",
                             "Every amount in this sum is confirmed."),
    "ov_vhf_none_tile": (
        "Geen toekenning aan deze gemeenten gevonden in de bronnen.",
        "No grant to these municipalities found in the sources.",
    ),
    "ov_vhf_caveat": (
        "Het geld gaat naar gemeenten, niet naar gebieden{example}. De lijsten van de rondes "
        "2021 en 2023 zijn in de bronnen onvolledig en sommige bedragen zijn benaderd.",
        "The money goes to municipalities, not to areas{example}. The lists of the 2021 and 2023 "
        "rounds are incomplete in the sources and some amounts are approximate.",
    ),
    "ov_vhf_caveat_example": (
        ": het geld voor {municipality} dient {n} gebieden",
        ": the money for {municipality} serves {n} areas",
    ),
    "ov_vhf_none_found": ("geen toekenning gevonden in de bronnen",
                          "no grant found in the sources"),
    "ov_vhf_shared": ("(voor {n} gebieden)", "(for {n} areas)"),
    # map
    "ov_map_title": ("De gebieden op de kaart", "The areas on the map"),
    "ov_tooltip_residents": ("Inwoners (1 jan 2025)", "Residents (1 Jan 2025)"),
    "ov_tooltip_vhf": ("VHF aan de gemeente", "VHF to the municipality"),
    "ov_map_alt": (
        "Kaart van Nederland met {n} cirkels, één per gekozen focusgebied: {n16} van de "
        "oorspronkelijke 16 in donkerblauw en {n4} die in 2022 zijn toegevoegd in oker. Het "
        "oppervlak van een cirkel is evenredig met het aantal inwoners op 1 januari 2025.",
        "Map of the Netherlands with {n} circles, one per chosen focus area: {n16} of the "
        "original 16 in dark blue and {n4} added in 2022 in ochre. The area of a circle is "
        "proportional to the number of residents on 1 January 2025.",
    ),
    "ov_map_alt_list": ("Gebieden, van groot naar klein: {areas}.",
                        "Areas, largest first: {areas}."),
    "ov_map_alt_more": ("en nog {n} (de tabel onder de kaart noemt ze allemaal)",
                        "and {n} more (the table below the map lists them all)"),
    "ov_map_alt_largest": (
        "Het grootste gebied is {name} met {residents} inwoners.",
        "The largest area is {name} with {residents} residents.",
    ),
    "ov_map_hint": (
        "Klik op een cirkel of kies een gebied in de lijst voor de gegevens van dat gebied. "
        "Beweeg over een cirkel voor een samenvatting; niet elk gebied heeft een label op de "
        "kaart, de tabel onder de kaart noemt ze allemaal.",
        "Click a circle or choose an area in the list for that area's details. Hover over a "
        "circle for a summary; not every area has a label on the map, the table below the map "
        "lists them all.",
    ),
    "ov_map_aggregated": (
        "Deze selectie telt {n} gebieden, te veel om elk apart te tekenen: de kaart toont één "
        "cirkel per gemeente en cohort, met het opgetelde aantal inwoners van die gebieden. Kies "
        "een gebied in de lijst voor de gegevens van dat gebied.",
        "This selection has {n} areas, too many to draw one by one: the map shows one circle "
        "per municipality and cohort, with the summed residents of those areas. Choose an area "
        "in the list for that area's details.",
    ),
    "ov_map_group_name": ("{n} gebieden in {municipality}", "{n} areas in {municipality}"),
    "ov_map_group_residents": ("{residents} (som van de gebieden)",
                               "{residents} (sum of the areas)"),
    "ov_map_group_unknown": ("({n} zonder inwonertal)", "({n} without a resident count)"),
    "ov_map_attribution": (
        "Het oppervlak van een cirkel volgt het aantal inwoners. Kaart: Natural Earth (publiek "
        "domein).",
        "The area of a circle follows the number of residents. Map: Natural Earth (public "
        "domain).",
    ),
    "ov_legend_focus": ("gekozen gebied", "chosen area"),
    "ov_legend_alt": (
        "Legenda: donkerblauw is de oorspronkelijke 16 (2021), oker is toegevoegd in 2022; "
        "het oppervlak van een cirkel volgt het aantal inwoners.",
        "Legend: dark blue is the original 16 (2021), ochre is added in 2022; the area of a "
        "circle follows the number of residents.",
    ),
    # area card
    "ov_pick_area": ("Gebied op de kaart", "Area on the map"),
    "ov_pick_placeholder": ("Klik op de kaart of kies een gebied",
                            "Click the map or choose an area"),
    "ov_card_empty": (
        "Nog geen gebied gekozen. Klik op een cirkel op de kaart of kies hierboven een gebied.",
        "No area chosen yet. Click a circle on the map or choose an area above.",
    ),
    "ov_card_residents_value": ("{value} ({date}; {status})", "{value} ({date}; {status})"),
    "ov_card_name_2021": ("Naam in 2021", "Name in 2021"),
    "ov_card_name_2021_added": ("niet van toepassing: in 2022 toegevoegd",
                                "not applicable: added in 2022"),
    "ov_card_name_2021_missing": ("niet beschikbaar: geen naam uit 2021 in de bronnen",
                                  "not available: no 2021 name in the sources"),
    "ov_card_vhf_title": ("Volkshuisvestingsfonds aan de gemeente {municipality}",
                          "Housing Fund (VHF) to the municipality of {municipality}"),
    "ov_card_vhf_total": (
        "Totaal bekend: {amount} (berekend: som van de bekende toekenningen).",
        "Known total: {amount} (computed: sum of the known grants).",
    ),
    "ov_card_vhf_shared": (
        "Dit geld gaat naar de gemeente {municipality}, die {n} focusgebieden heeft; de bronnen "
        "verdelen het niet per gebied.",
        "This money goes to the municipality of {municipality}, which has {n} focus areas; the "
        "sources do not split it per area.",
    ),
    "ov_card_rounds_incomplete": (
        "De lijsten van de rondes 2021 en 2023 zijn in de bronnen onvolledig: 'geen toekenning "
        "gevonden' betekent niet dat er niets is toegekend.",
        "The lists of the 2021 and 2023 rounds are incomplete in the sources: 'no grant found' "
        "does not mean that nothing was granted.",
    ),
    "ov_card_more": ("Meer in Gebieden", "More in Areas"),
    "ov_projects_one": ("{n} project", "{n} project"),
    "ov_projects_many": ("{n} projecten", "{n} projects"),
    "ov_round_amount_unknown": (
        "niet beschikbaar: {n} toekenning(en) zonder bedrag in de bron",
        "not available: {n} grant(s) without an amount in the source",
    ),
    "ov_round_partly_unknown": ("{amount} + {n} zonder bedrag", "{amount} + {n} without amount"),
    "ov_round_inferred": ("ronde afgeleid uit de datum", "round inferred from the date"),
}
