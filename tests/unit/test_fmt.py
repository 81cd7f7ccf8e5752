"""Dutch and English formats of numbers, money, percentages and dates."""

import datetime as dt
import math

import pytest

from nplv_app.content import fmt


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(1234567, "nl", "1.234.567"), (1234567, "en", "1,234,567"), (0, "nl", "0"),
     (1192000, "nl", "1.192.000")],
)
def test_number(value, lang, expected):
    assert fmt.number(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(1_200_000, "nl", "€\u00a01,2\u00a0mln"), (1_200_000, "en", "€1.2M"),
     (400_000_000, "nl", "€\u00a0400\u00a0mln"), (1_050_000_000, "nl", "€\u00a01,1\u00a0mld"),
     (1_050_000_000, "en", "€1.1bn"), (372.79, "nl", "€\u00a0373"),
     (16_838_349.54, "nl", "€\u00a016,8\u00a0mln")],
)
def test_euro_compact(value, lang, expected):
    assert fmt.euro_compact(value, lang) == expected


def test_euro_full_keeps_cents_when_the_source_has_them():
    assert fmt.euro(16_838_349.54, "nl") == "€\u00a016.838.349,54"
    assert fmt.euro(16_838_349.54, "en") == "€16,838,349.54"
    assert fmt.euro(600_000_000, "nl") == "€\u00a0600.000.000"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(6.6, "nl", "6,6%"), (6.6, "en", "6.6%"), (9.0, "nl", "9%"), (18.2, "nl", "18,2%")],
)
def test_percent_adds_no_false_precision(value, lang, expected):
    assert fmt.percent(value, lang) == expected


def test_signed_differences():
    assert fmt.signed(119000, "nl") == "+119.000"
    assert fmt.signed(-4, "en") == "−4"


@pytest.mark.parametrize("missing", [None, math.nan, float("nan")])
def test_missing_is_not_available_never_zero(missing):
    assert fmt.number(missing, "nl") == "niet beschikbaar"
    assert fmt.euro_compact(missing, "en") == "not available"
    assert fmt.percent(missing, "nl") == "niet beschikbaar"


def test_dates():
    assert fmt.date("2022-07-04", "nl") == "4 juli 2022"
    assert fmt.date(dt.date(2022, 7, 4), "en") == "4 July 2022"
    assert fmt.date("2020-06", "nl", precision="month") == "juni 2020"


@pytest.mark.parametrize(("text", "nl", "en"), [
    ("11 Feb 2026", "11 feb. 2026", "11 Feb 2026"),
    ("July 2021", "juli 2021", "July 2021"),
    ("Dec 2023", "dec. 2023", "Dec 2023"),
    ("May 2021", "mei 2021", "May 2021"),
    ("1 Jul 2025", "1 jul. 2025", "1 Jul 2025"),
    ("undated", "ongedateerd", "undated"),
    ("2020", "2020", "2020"),
])
def test_text_dates_as_the_sources_write_them_print_in_the_language(text, nl, en):
    assert fmt.text_date(text, "nl") == nl
    assert fmt.text_date(text, "en") == en


@pytest.mark.parametrize("text", ["checked 18 Jul 2024", "undated, 2022 data", "Fixture 2020",
                                  "11 Febr 2026", ""])
def test_text_more_than_a_date_is_left_to_the_translations(text):
    assert fmt.text_date(text, "nl") is None


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("2026-11-23T08:58:40+0000", "nl", "23 november 2026, 08:58 UTC"),
    ("2026-11-23T08:58:40+0000", "en", "23 November 2026, 08:58 UTC"),
    ("2026-07-01T14:05:00+0200", "nl", "1 juli 2026, 14:05 +0200"),
    ("?", "nl", "?"),
])
def test_timestamp_in_words(text, lang, expected):
    assert fmt.timestamp(text, lang) == expected
