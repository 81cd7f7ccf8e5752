"""Presentation mode and the workshop script, in the app (AppTest)."""

from app_support import run_page, visible_text

from nplv_app.content import workshop
from nplv_app.content.i18n import t
from nplv_app.frame import presentation


def test_presentation_mode_from_url_shows_step_headline_and_controls():
    at = run_page("overzicht", {"presentatie": "1", "stap": "3"})
    assert not at.exception
    text = visible_text(at)
    assert "Stap 3 van" in text
    labels = [b.label for b in at.button]
    assert any("Volgende" in label for label in labels)
    assert any("Vorige" in label for label in labels)


def test_a_step_names_its_sources_in_one_short_line():
    """Step 3 (the 16's tiles) rests on many sources: the first few and a count, not a list."""
    at = run_page("overzicht", {"presentatie": "1", "stap": "3"})
    lines = [c.value for c in at.caption if c.value.startswith("Bron:")]
    assert lines and all(line.count("](") <= 3 for line in lines)
    assert any(" andere (alle bronnen in de gewone weergave)" in line for line in lines)


def test_next_step_moves_on():
    at = run_page("overzicht", {"presentatie": "1", "stap": "3"})
    next_button = next(b for b in at.button if "Volgende" in b.label)
    next_button.click().run()
    assert not at.exception
    assert "Stap 4 van" in visible_text(at)
    # (that the step's parameters reach the widgets is a browser test: AppTest does not carry
    # st.switch_page's query parameters into the next run)


def test_step_target_is_the_steps_view_as_a_link():
    script = workshop.load(workshop.DEFAULT_SCRIPT)
    index = next(i for i, s in enumerate(script.steps) if s.params.get("set") == "original16")
    page, params = presentation.step_target(script.steps[index], index, "en")
    assert page == f"views/{script.steps[index].page}.py"
    assert params == {"set": "original16", "presentatie": "1", "stap": str(index + 1),
                      "lang": "en"}


def test_presentation_in_english():
    at = run_page("budgetten", {"presentatie": "1", "stap": "2", "lang": "en"})
    assert not at.exception
    assert "Step 2 of" in visible_text(at)


def test_without_a_step_the_page_stays_and_the_script_can_start():
    at = run_page("gebieden", {"presentatie": "1"})
    assert not at.exception
    assert "Stap 1 van" not in visible_text(at)
    start = next(b for b in at.button if b.key == "present_start")
    assert start.label == t("present_start", "nl", title=workshop.load(
        workshop.DEFAULT_SCRIPT).title)


def test_leaving_presentation():
    at = run_page("tijdlijn", {"presentatie": "1"})
    exit_button = next(b for b in at.button if "sluiten" in b.label)
    exit_button.click().run()
    assert not at.exception
    assert "Stap" not in visible_text(at)


def test_bad_workshop_script_is_reported_in_the_app(tmp_path, monkeypatch):
    bad = tmp_path / "kapot.txt"
    bad.write_text("[stap]\npagina = overzicht\nkop_nl = a\n", encoding="utf-8")
    monkeypatch.setattr(workshop, "DEFAULT_SCRIPT", bad)
    at = run_page("overzicht", {"presentatie": "1"})
    assert not at.exception
    assert any("kapot.txt:1: step misses 'kop_en'" in c.value for c in at.code)
