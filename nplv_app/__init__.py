"""nplv_app: the dashboard's app layer.

Pure modules (no Streamlit): ``i18n``, ``fmt``, ``theme``, ``selection``, ``charts``, ``maps``.
Streamlit modules: ``data`` (the one place that caches), ``sidebar``, ``ui``.
Pages in ``views/`` only call these; they hold no SQL.
"""
