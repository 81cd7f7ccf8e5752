"""Nothing in the wrong language: every page, rendered in Dutch and in English, shows no word of
the other language (issue 16: source descriptions, dates, labels and codes read in the view's
language). Names and quotations stay as published: see ``NAMES`` and ``_QUOTES``."""

from __future__ import annotations

import re

import pytest
from app_support import app_database, every_tab, run_page, screen_texts

from nplv_app.content import pages
from nplv_data import queries

# English words that never belong in a Dutch view. Not 'of' (Dutch for 'or') and not 'Jan'
# (a Dutch first name); short month names only capitalised and without the Dutch full stop.
ENGLISH = re.compile(
    r"(?<![\w-])(?:undated|copy|citing|same study|region|approx|approximately|approximate|ask|"
    r"unconfirmed|confirmed|and|the|not available|per year|press release|"
    r"january|february|march|may|june|july|august|october)(?![\w-])"
    r"|\b(?-i:Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b(?!\.)",
    re.IGNORECASE,
)
# Dutch words that never belong in an English view (not 'april', 'september', 'november',
# 'december': English spells them the same).
DUTCH = re.compile(
    r"(?<![\w-])(?:ongedateerd|niet beschikbaar|bevestigd|benaderd|onbevestigd|en|het|van|"
    r"januari|februari|maart|mei|juni|juli|augustus|oktober|mln|mld)(?![\w-])",
    re.IGNORECASE,
)
# Links and web addresses name places, not words: 'en.kerkrade.nl', '(https://...)'.
_ADDRESSES = re.compile(r"\]\([^)]*\)|<?https?://\S+|\b[\w.-]+\.(?:nl|com|org|eu|online)\b")
# A quotation keeps the words of its source: 'ruim 26 miljoen', "Dicht de kloof", “…”.
_QUOTES = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")
# Proper names that hold a Dutch word and read the same in English: the programme's and a
# standard's name, the language switch. Titles, publishers and area and wijk names come from the
# data (see ``names``): publications and places keep their names.
NAMES = ("Nationaal Herstel- en Perspectiefprogramma Leefbaarheid en Veiligheid",
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


@pytest.fixture(scope="module")
def names() -> tuple[str, ...]:
    """Dutch names as published, allowed in English views: source titles and publishers, area,
    municipality, wijk and project names."""
    db = queries.Database(app_database())
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


# Gebieden opens on an area whose detail tabs hold the most free text (wijken, population notes);
# its tabs are built only while open, so each is opened in turn.
AREA = {"gb_gebied": "heerlen-noord"}
AREA_TABS = "_gb_tab"  # views/gebieden.py


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", list(pages.PAGES))
def test_page_speaks_one_language(page, lang, names):
    at = run_page(page, {"lang": lang} | (AREA if page == "gebieden" else {}), unfolded=True)
    assert not at.exception
    texts = screen_texts(at)
    if page == "gebieden":
        texts += [text for run in every_tab(at, AREA_TABS) for text in screen_texts(run)]
    hits = foreign(texts, lang, names if lang == "en" else ())
    shown = "\n".join(f"  {word!r} in {text[:160]!r}" for word, text in dict(
        (text, (word, text)) for word, text in hits).values())
    assert not hits, f"page {page}, language {lang}: words of the other language:\n{shown}"


def test_the_word_lists_catch_the_other_language_and_spare_names():
    assert [w for w, _ in foreign(["BZK, undated", "Parkstad Limburg (region)", "Dec 2023"],
                                  "nl")] == ["undated", "region", "Dec"]
    assert foreign(["ongedateerd; 11 feb. 2026", "en.kerkrade.nl", "'Dicht de kloof' van"],
                   "nl") == []
    assert [w for w, _ in foreign(["ongedateerd", "juli 2021", "Laak en Moerwijk"], "en")] == [
        "ongedateerd", "juli", "en"]
    assert foreign(["Zorg- en Veiligheidshuizen", "werk-en-economie", "EN"], "en",
                   ("Zorg- en Veiligheidshuizen",)) == []
