"""What every export shares: image sizes, Excel number formats, translated text and file names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from nplv_app.content import i18n
from nplv_app.content.text import exports as _text

# --- shared -------------------------------------------------------------------------------------

MIN_PNG_WIDTH = 1600          # pixels: sharp on a projector and in a printed note
EXPORT_WIDTH = 800            # CSS px given to charts that size to their container
EXPORT_HEIGHT = 360           # CSS px for charts whose height follows the container
# Excel draws these with the reader's separators: '#,##0' shows as 1.234.567 in a Dutch Excel.
EURO_FORMAT = '"€" #,##0'
EURO_CENTS_FORMAT = '"€" #,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def tr(key: str, lang: str, **values) -> str:
    """Export text: from the merged table once ``text/exports.py`` is registered there."""
    if i18n.has(key):
        return i18n.t(key, lang, **values)
    nl, en = _text.TEXT[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


def now() -> dt.datetime:
    return dt.datetime.now().astimezone()


# --- file names ---------------------------------------------------------------------------------

def _slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and single hyphens only ('Zuidoost/Bijlmer' -> ...)."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def export_filename(kind: str, selection_label: str, ext: str, today: dt.date) -> str:
    """``nplv_<kind>_<selection>_<YYYY-MM-DD>.<ext>`` with safe characters only.

    Path separators, dots, markup and accents cannot survive: ``'../../etc'`` becomes ``etc``.
    An empty or fully hostile selection label is left out of the name.
    """
    extension = _slug(ext.lstrip("."), limit=10).replace("-", "")
    if not extension:
        raise ValueError(f"unusable file extension {ext!r}")
    parts = ["nplv", _slug(kind, limit=30), _slug(selection_label), today.isoformat()]
    return "_".join(p for p in parts if p) + "." + extension
