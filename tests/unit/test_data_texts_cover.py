"""Every free text of the source files that a Dutch view can show has its Dutch wording in
data_texts.csv: a text with an English word (``language_words.ENGLISH``) and no translation
would reach a Dutch page, a workbook or a slide as it stands (issue 16)."""

from __future__ import annotations

from pathlib import Path

from language_words import foreign, report

from nplv_app.content.labels import PERIOD_WORDS
from nplv_data.schema import TABLES_BY_NAME, TRANSLATABLE_TABLES
from nplv_data.validate import load_sources

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"
# Fields that are not prose: addresses, ids, names as published (a place or a title's own
# words), dates as written (fmt.text_date words them) and the English reason of a change (the
# file holds its Dutch reason beside it).
NOT_PROSE = {("sources", "url"), ("sources", "published"), ("areas", "alt_names"),
             ("changes", "reason_en")}
# Indicator periods are words in both languages (labels.PERIOD_WORDS), not only in Dutch.
WORDED_BY_APP = {("indicators", "period", text) for text in PERIOD_WORDS}


def test_every_english_free_text_has_its_dutch_wording():
    frames = load_sources(SOURCES)
    translated = set(frames["data_texts"]["en"])
    codes = {value for table in TABLES_BY_NAME.values() for f in table.fields
             if f.type == "enum" for value in f.enum}
    missing = []
    for name in TRANSLATABLE_TABLES:
        table = TABLES_BY_NAME[name]
        for field in table.fields:
            if field.type != "text" or (name, field.name) in NOT_PROSE:
                continue
            for text in frames[name][field.name].dropna().unique():
                if (text in translated or text in codes or text in TABLES_BY_NAME
                        or (name, field.name, text) in WORDED_BY_APP):
                    continue  # translated, or a code the app words itself
                missing += [(word, f"{name}.{field.name}: {text}")
                            for word, _ in foreign([text], "nl")]
    assert not missing, f"free text without Dutch wording in data_texts.csv:\n{report(missing)}"
