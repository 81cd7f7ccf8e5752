"""One translation table for all visible text: Dutch first, English available.

Text lives in ``nplv_app/content/text/<part>.py`` modules, each a dict ``key -> (nl, en)``,
merged here so that several pages can be written side by side; a key may be defined only once.
"""

from __future__ import annotations

from nplv_app.content.text import (
    budgetten,
    common,
    downloads,
    exports,
    gebieden,
    headlines,
    overzicht,
    scenario,
    tijdlijn,
)

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_PARTS = (common, headlines, overzicht, gebieden, budgetten, scenario, tijdlijn, exports,
          downloads)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in _PARTS:
        for key, pair in part.TEXT.items():
            if key in merged:
                raise KeyError(f"text key {key!r} defined twice ({part.__name__})")
            merged[key] = pair
    return merged


TEXT = _merge()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    nl, en = TEXT[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in TEXT
