"""Load test for the dashboard: many browserless sessions against one real Streamlit server.

``python -m loadtest --sessions 25 --seconds 60`` starts ``streamlit run app.py`` on a free
loopback port with a temporary database, drives N concurrent sessions over Streamlit's own
websocket protocol (``/_stcore/stream``, ``BackMsg``/``ForwardMsg`` protobufs) for T seconds and
writes a markdown report (``--out``, default ``loadtest/RESULTS.md``).

Modules: ``client`` speaks the protocol (one websocket = one browser tab), ``server`` starts and
measures the server, ``users`` is what a simulated user does and checks, ``report`` sums up.
All traffic goes to 127.0.0.1 only; every loop is bounded in count and time.
"""
