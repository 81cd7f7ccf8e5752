"""Workshop scripts: a named sequence of views (page, selection, inputs, headline).

A facilitator writes a small text file, one ``[stap]`` block per screen::

    titel = Van 16 naar 20
    titel_en = From 16 to 20
    [stap]
    pagina = overzicht
    kop_nl = In 2021 vroegen vijftien burgemeesters om hulp voor 16 gebieden
    kop_en = In 2021 fifteen mayors asked for help for 16 areas
    set = original16

Lines are ``key = value``; ``#`` starts a comment. Every other key in a step is a URL parameter
of the view (the same names a shared link uses). The format is line-based on purpose: every
mistake is reported as ``file:line: what is wrong``. Pure: no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nplv_app.content.pages import PAGES

STEP_FIELDS = ("pagina", "kop_nl", "kop_en")
MAX_FILE_BYTES = 64 * 1024
MAX_STEPS = 50
DEFAULT_SCRIPT = Path(__file__).resolve().parents[2] / "workshops" / "standaard.txt"


class WorkshopScriptError(ValueError):
    """A script file has mistakes; the message lists each as file:line: problem."""


@dataclass(frozen=True)
class Step:
    page: str
    headline_nl: str
    headline_en: str
    params: dict[str, str] = field(default_factory=dict)
    line: int = 0

    def headline(self, lang: str) -> str:
        return self.headline_en if lang == "en" else self.headline_nl


@dataclass(frozen=True)
class Script:
    title: str
    steps: tuple[Step, ...]
    name: str = ""
    title_en: str = ""  # optional; without it the English screen shows the Dutch title

    def title_for(self, lang: str) -> str:
        return (self.title_en or self.title) if lang == "en" else self.title


def parse(text: str, name: str = "<script>", allowed_params: frozenset[str] | None = None
          ) -> Script:
    """Parse a script; raise WorkshopScriptError naming every bad line."""
    problems: list[str] = []
    title = title_en = ""
    steps: list[Step] = []
    current: dict[str, str] | None = None
    current_line = 0
    seen: dict[str, int] = {}

    def close() -> None:
        if current is None:
            return
        for needed in STEP_FIELDS:
            if not current.get(needed):
                problems.append(f"{name}:{current_line}: step misses '{needed}'")
        page = current.get("pagina", "")
        if page and page not in PAGES:
            problems.append(f"{name}:{seen.get('pagina', current_line)}: unknown page "
                            f"{page!r}; expected one of {', '.join(PAGES)}")
        params = {k: v for k, v in current.items() if k not in STEP_FIELDS}
        steps.append(Step(page, current.get("kop_nl", ""), current.get("kop_en", ""), params,
                          current_line))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.lower() in ("[stap]", "[step]"):
            close()
            current, current_line, seen = {}, number, {}
            continue
        if line.startswith("["):
            problems.append(f"{name}:{number}: unknown section {line[:40]!r}; use [stap]")
            continue
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            problems.append(f"{name}:{number}: expected 'key = value', got {line[:40]!r}")
            continue
        if current is None:
            if key == "titel":
                title = value
            elif key == "titel_en":
                title_en = value
            else:
                problems.append(f"{name}:{number}: only 'titel' and 'titel_en' may stand "
                                f"before the first [stap], got {key[:40]!r}")
            continue
        if key in current:
            problems.append(f"{name}:{number}: '{key[:40]}' given twice in this step")
        if (key not in STEP_FIELDS and allowed_params is not None
                and key not in allowed_params):
            problems.append(f"{name}:{number}: unknown parameter {key[:40]!r}")
        current[key] = value
        seen[key] = number
    close()
    if not steps and not problems:
        problems.append(f"{name}:1: the script has no [stap] blocks")
    if len(steps) > MAX_STEPS:
        problems.append(f"{name}:1: {len(steps)} steps; at most {MAX_STEPS}")
    if problems:
        raise WorkshopScriptError("\n".join(problems))
    return Script(title or name, tuple(steps), name, title_en)


def load(path: Path, allowed_params: frozenset[str] | None = None) -> Script:
    """Read and parse a script file; unreadable files are errors too, naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkshopScriptError(f"{path.name}:1: file is {size} bytes; at most "
                                      f"{MAX_FILE_BYTES}")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise WorkshopScriptError(f"{path}: file not found") from exc
    except UnicodeDecodeError as exc:
        raise WorkshopScriptError(f"{path.name}:1: not UTF-8 text") from exc
    return parse(text, path.name, allowed_params)
