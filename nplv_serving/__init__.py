"""Serving for real on one machine: N Streamlit replicas on loopback ports behind HAProxy.

One Streamlit process runs all Python of all its sessions on one core, so a workshop needs more
processes. ``python -m nplv_serving start`` (``make serve``) checks the database once, starts
the replicas and HAProxy in front with sticky sessions and health checks, and stops the whole
set on one Ctrl-C or ``python -m nplv_serving stop`` (``make stop``). See docs/DEPLOYMENT.md.
"""
