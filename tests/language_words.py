"""Words that betray the other language, for the language tests of the app (AppTest) and of the
browser: one list for both, so what counts as foreign is decided in one place."""

from __future__ import annotations

import re
from pathlib import Path

# English words that never belong in a Dutch view. Not 'of' (Dutch for 'or') and not 'Jan'
# (a Dutch first name); short month names only capitalised and without the Dutch full stop.
ENGLISH = re.compile(
    r"(?<![\w-])(?:undated|copy|citing|same study|region|approx|approximately|approximate|ask|"
    r"unconfirmed|confirmed|and|the|not available|per year|press release|since|with|from|about|"
    r"before|after|areas|cities|municipalities|municipality|dwellings|households|projects|"
    r"applications|round|total|share|years|year|source|figure|national|neighbourhoods|whole|"
    r"highest|below|rounded|comparison|labelled|stated|quoted|paid|doubled|initially|"
    r"extended|restructuring|mainly|private|aimed|vulnerable|study|sub-plans|helped|planned|"
    r"onward|grants|launch|package|housing|youth|crime|prevention|investment|education|poverty|"
    r"draft|policy|related|requests|totalled|announcement|same|table|state|city|money|"
    r"location|offender|residence|definition|burglary|robbery|times|higher|lower|persons|"
    r"living|during|derived|twice|often|worries|support|reported|specified|percent|"
    r"points|level|first|second|third|fourth|granted|budget raised|using|asked|subject|"
    r"which|were|has|have|been|this|that|there|their|only|also|other|most|more|less|"
    r"than|into|under|between|each|every|per cent|press|news|page|chapter|"
    r"ministry|cabinet|parliament|municipal|council|mayor|mayors|residents|people|"
    r""
    r"january|february|march|may|june|july|august|october)(?![\w-])"
    r"|\b(?-i:Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b(?!\.)",
    re.IGNORECASE,
)
# Dutch words that never belong in an English view (not 'april', 'september', 'november',
# 'december': English spells them the same).
DUTCH = re.compile(
    r"(?<![\w-])(?:ongedateerd|niet beschikbaar|bevestigd|benaderd|onbevestigd|en|het|van|"
    r"januari|februari|maart|mei|juni|juli|augustus|oktober|mln|mld|gebieden|gemeenten|"
    r"woningen|bedrag|ronde|bron|totaal|eenmalig|structureel|ongeveer|sinds|vanaf|met|voor|"
    r"naar|niet|wel|zijn|bij|uit|ook|nog)(?![\w-])",
    re.IGNORECASE,
)
# Links and web addresses name places, not words: 'en.kerkrade.nl', '(https://...)'.
_ADDRESSES = re.compile(r"\]\([^)]*\)|<?https?://\S+|\b[\w.-]+\.(?:nl|com|org|eu|online)\b")
# A quotation keeps the words of its source: 'ruim 26 miljoen', "Dicht de kloof", “…”.
_QUOTES = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")
# Proper names that hold a Dutch word and read the same in English: the programme's and a
# standard's name, the language switch. Titles, publishers and area and wijk names come from the
# data (see ``data_names``): publications and places keep their names.
NAMES = ("Nationaal Herstel- en Perspectiefprogramma Leefbaarheid en Veiligheid",
         "Preventie met gezag", "high impact crime",
         "Leefbaarheid en Veiligheid", "EN 301 549", "EN")


def foreign(texts: list[str], lang: str, allowed: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(word, text) for each word of the other language in ``texts``; names, addresses and
    quotations are taken out first (``allowed``: the Dutch names of the data, for English)."""
    pattern = ENGLISH if lang == "nl" else DUTCH
    names = sorted({*NAMES, *allowed}, key=len, reverse=True)
    hits = []
    for text in texts:
        plain = text.replace("\\", "")  # Markdown escapes
        for name in names:
            plain = plain.replace(name, " ")
        plain = _QUOTES.sub(" ", _ADDRESSES.sub(" ", plain))
        hits += [(match.group(0), text) for match in pattern.finditer(plain)]
    return hits


def report(hits: list[tuple[str, str]]) -> str:
    """One line per text with a foreign word, for a failure message."""
    return "\n".join(f"  {word!r} in {text[:160]!r}" for word, text in dict(
        (text, (word, text)) for word, text in hits).values())


def data_names(database: Path) -> tuple[str, ...]:
    """Dutch names as published, allowed in English views: source titles and publishers, area,
    municipality, wijk and project names."""
    from nplv_data import queries

    db = queries.Database(database)
    try:
        sources = queries.sources(db)
        areas = queries.table(db, "areas")
        wijken = queries.table(db, "area_wijken")
        allocations = queries.table(db, "allocations")
    finally:
        db.close()
    alt = [n.strip() for names in areas["alt_names"].dropna() for n in names.split(";")]
    found = [*sources["title"], *sources["publisher"], *areas["name"], *alt,
             *areas["municipality"], *wijken["wijk_name"], *allocations["municipality"],
             *allocations["project"]]
    return tuple(n for n in dict.fromkeys(found) if isinstance(n, str) and n)
