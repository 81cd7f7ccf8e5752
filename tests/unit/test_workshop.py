"""Workshop scripts: the default one parses, and mistakes name file and line."""

import pytest

from nplv_app.content import workshop

GOOD = """\
titel = Test
# comment
[stap]
pagina = overzicht
kop_nl = Een
kop_en = One
set = original16

[stap]
pagina = scenario
kop_nl = Twee
kop_en = Two
"""


def test_parse_steps_and_params():
    script = workshop.parse(GOOD, "good.txt")
    assert script.title == "Test"
    assert [s.page for s in script.steps] == ["overzicht", "scenario"]
    assert script.steps[0].params == {"set": "original16"}
    assert script.steps[1].headline("en") == "Two"
    assert script.steps[0].line == 3


def test_title_speaks_the_screen_language():
    steps = GOOD[GOOD.index("[stap]"):]
    script = workshop.parse("titel = Van 16 naar 20\ntitel_en = From 16 to 20\n" + steps)
    assert (script.title_for("nl"), script.title_for("en")) == ("Van 16 naar 20", "From 16 to 20")
    only_dutch = workshop.parse(GOOD)
    assert only_dutch.title_for("en") == "Test"  # no English title given: the one there is


def test_default_script_is_valid():
    script = workshop.load(workshop.DEFAULT_SCRIPT)
    assert script.title_en, "the default script is shown in English too"
    assert len(script.steps) >= 5
    assert {s.page for s in script.steps} >= {"overzicht", "budgetten", "scenario"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[stap]\npagina = nergens\nkop_nl = a\nkop_en = b\n", "bad.txt:2: unknown page"),
        ("[stap]\npagina = overzicht\nkop_en = b\n", "bad.txt:1: step misses 'kop_nl'"),
        ("titel = x\nzomaar\n", "bad.txt:2: expected 'key = value'"),
        ("set = original16\n", "bad.txt:1: only 'titel' and 'titel_en' may stand"),
        ("[slide]\n", "bad.txt:1: unknown section"),
        ("", "bad.txt:1: the script has no [stap] blocks"),
        ("[stap]\npagina = overzicht\npagina = gebieden\nkop_nl = a\nkop_en = b\n",
         "bad.txt:3: 'pagina' given twice"),
    ],
)
def test_mistakes_name_file_and_line(text, expected):
    with pytest.raises(workshop.WorkshopScriptError) as info:
        workshop.parse(text, "bad.txt")
    assert expected in str(info.value)


def test_unknown_parameter_is_reported_when_params_are_known():
    with pytest.raises(workshop.WorkshopScriptError, match="bad.txt:5: unknown parameter"):
        workshop.parse("[stap]\npagina = overzicht\nkop_nl = a\nkop_en = b\nfoo = 1\n",
                       "bad.txt", allowed_params=frozenset({"set"}))


def test_unreadable_files(tmp_path):
    with pytest.raises(workshop.WorkshopScriptError, match="file not found"):
        workshop.load(tmp_path / "missing.txt")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(workshop.WorkshopScriptError, match="bin.txt:1: not UTF-8"):
        workshop.load(binary)


def test_bad_script_file_names_file_and_line(tmp_path):
    """A facilitator's own file: every mistake as 'file:line: what', all of them at once."""
    script = tmp_path / "mijn_workshop.txt"
    script.write_text("titel = Eigen\n\n[stap]\npagina = overzicht\nkop_nl = Een\nkop_en = One\n"
                      "set original16\n\n[stap]\npagina = kaart\nkop_nl = Twee\nkop_en = Two\n",
                      encoding="utf-8")
    with pytest.raises(workshop.WorkshopScriptError) as info:
        workshop.load(script)
    lines = str(info.value).splitlines()
    assert lines[0].startswith("mijn_workshop.txt:7: expected 'key = value'")
    assert lines[1].startswith("mijn_workshop.txt:10: unknown page 'kaart'")
