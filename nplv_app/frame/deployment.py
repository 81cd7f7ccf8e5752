"""What a deployment sets about itself, from the environment (empty by default): the project
ships no contact of its own."""

from __future__ import annotations

import os

ACCESSIBILITY_CONTACT_ENV = "NPLV_ACCESSIBILITY_CONTACT"


def accessibility_contact() -> str:
    """Where users report accessibility problems (an e-mail address or a web page), as the
    deployment sets it in NPLV_ACCESSIBILITY_CONTACT; '' when it sets none."""
    return os.environ.get(ACCESSIBILITY_CONTACT_ENV, "").strip()[:300]
