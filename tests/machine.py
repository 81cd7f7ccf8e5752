"""What tests need from the machine (system and browser tests): Debian's haproxy."""

from __future__ import annotations

import os

import pytest

from nplv_serving.processes import haproxy_binary


def require_haproxy() -> None:
    """Skip without Debian's haproxy on a developer's machine; in CI, fail: CI installs it."""
    if haproxy_binary():
        return
    message = "haproxy is missing (run scripts/install_haproxy.sh)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must run the serving tests", pytrace=False)
    pytest.skip(message)
