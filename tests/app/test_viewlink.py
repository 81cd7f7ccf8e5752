"""'Link naar deze weergave': the exact URL of the view, with only the parameters the app knows."""

from __future__ import annotations

from app_support import run_page

from nplv_app.frame import viewlink


def test_view_url_writes_the_default_page_as_slash():
    assert viewlink.view_url("http://dashboard:8501", {"set": ["original16"]}) == (
        "http://dashboard:8501/?set=original16")


def test_view_url_keeps_known_parameters_in_a_fixed_order():
    url = viewlink.view_url("http://dashboard:8501/gebieden?old=1#top", {
        "gemeente": ["Den Haag", "Rotterdam"], "junk": ["<script>"], "set": ["original16"],
        "gb_indicator": ["low_financial_welfare_share_12plus:2024"]})
    assert url == ("http://dashboard:8501/gebieden?set=original16&gemeente=Den+Haag"
                   "&gemeente=Rotterdam&gb_indicator=low_financial_welfare_share_12plus%3A2024")


def test_the_sidebar_shows_the_link_of_the_view():
    at = run_page("gebieden", {"set": "original16", "lang": "en", "junk": "1"}, unfolded=True)
    assert not at.exception
    assert [code.value for code in at.code] == ["/gebieden?lang=en&set=original16"]
    assert run_page("overzicht", unfolded=True).code[0].value == "/"


def test_the_link_follows_a_change():
    at = run_page("scenario", unfolded=True)
    at.number_input(key="sc_bedrag").set_value(450_000_000).run()
    assert not at.exception
    assert at.code[0].value == "/scenario?sc_bedrag=450000000"
