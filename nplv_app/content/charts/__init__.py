"""Pure chart builders: data in, Altair spec out, testable through ``to_dict()``.

One module per subject (areas, budget, scenario, timeline); all use ``nplv_app.content.theme``.
"""
