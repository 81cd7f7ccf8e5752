"""The one small object the frame (app.py) hands every page's ``main(view)``.

Built once per script run after the data check and the sidebar, so that a page reads its
inputs from its argument, not from module globals or the session.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class View:
    lang: str  # "nl" or "en"
    areas: pd.DataFrame  # queries.areas filtered by the sidebar selection (this run's copy)
    data_version: str  # the database version pinned for this run
    presenting: bool  # presentation mode: one key visual per page

    @property
    def selection_id(self) -> str:
        """A short name for this set of areas in this data version, for widget keys that must
        start afresh when the set changes (the map's click state)."""
        ids = "\n".join(map(str, self.areas["area_id"].tolist()))
        return f"{self.data_version}:{hashlib.sha1(ids.encode()).hexdigest()[:16]}"
