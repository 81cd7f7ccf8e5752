"""Browser tests: the real Streamlit server in Debian's headless Chromium (marker ``browser``).

A package (with ``__init__``) so its module names never clash with tests elsewhere in ``tests/``.
"""
