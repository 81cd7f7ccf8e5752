"""Benchmark harness for issue "Speed and scale": ``python -m bench`` writes bench/RESULTS.md.

Modules: ``synthetic`` (the synthetic national data set), ``datatime`` (build and query
timings), ``reruns`` (server-side reruns with AppTest), ``browser`` (cold page loads in
headless Chromium), ``server`` (Streamlit servers), ``profiling``, ``report``; reference pages
in ``bench/pages/``.
"""
