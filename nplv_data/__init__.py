"""nplv_data: the sourced NPLV facts as a validated, read-only DuckDB database.

It knows the data and nothing of Streamlit: ``build`` writes the database from ``data/sources``,
``queries`` is the only way the app reads it, ``scenario`` holds the what-if maths.
"""

__version__ = "0.1.0"
