"""Nothing in the wrong language: every page, rendered in Dutch and in English, shows no word of
the other language (issue 16: source descriptions, dates, labels and codes read in the view's
language). Names and quotations stay as published: see ``language_words``."""

from __future__ import annotations

import re

import pytest
from app_support import app_database, every_tab, run_page, screen_texts
from language_words import data_names, foreign, report

from nplv_app.content import pages


@pytest.fixture(scope="module")
def names() -> tuple[str, ...]:
    """Dutch names as published, allowed in English views (``language_words.data_names``)."""
    return data_names(app_database())


# An internal id or code reads like 'vro_owb2026_nplv_2029' or 'low_financial_welfare_share':
# words joined by underscores never belong in a text a reader sees (web addresses aside).
# Row ids of allocations, events and changes ('A008', 'E07', 'C01') are internal too; source
# ids ('S02') are shown on purpose: each links to its source.
RAW_CODE = re.compile(r"(?<![\w/.-])(?:[a-z0-9]+(?:_[a-z0-9]+)+|A\d{3}|E\d{2}|C\d{2})(?![\w/.-])")
_ADDRESS = re.compile(r"\]\([^)]*\)|https?://\S+")

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
    assert not hits, f"page {page}, language {lang}: words of the other language:\n{report(hits)}"
    codes = sorted({code for text in texts for code in RAW_CODE.findall(_ADDRESS.sub(" ", text))})
    assert not codes, f"page {page}, language {lang}: internal codes on screen: {codes}"


def test_the_word_lists_catch_the_other_language_and_spare_names():
    assert [w for w, _ in foreign(["BZK, undated", "Parkstad Limburg (region)", "Dec 2023"],
                                  "nl")] == ["undated", "region", "Dec"]
    assert foreign(["ongedateerd; 11 feb. 2026", "en.kerkrade.nl", "'Dicht de kloof' van"],
                   "nl") == []
    assert [w for w, _ in foreign(["ongedateerd", "juli 2021", "Laak en Moerwijk"], "en")] == [
        "ongedateerd", "juli", "en"]
    assert foreign(["Zorg- en Veiligheidshuizen", "werk-en-economie", "EN"], "en",
                   ("Zorg- en Veiligheidshuizen",)) == []
