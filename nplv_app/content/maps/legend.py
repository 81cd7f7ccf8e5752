"""The map in words and the legend: alt text for screen readers and the SVG legend below the map."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape as xml_escape

import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.i18n import t
from nplv_app.content.labels import cohort_label

ALT_LIST_MAX = 30  # areas named one by one in the map's alt text (national scale: the rest counted)


def alt_text(frame: pd.DataFrame, lang: str) -> str:
    """What the map shows, for screen readers."""
    counts = frame["cohort"].value_counts()
    with_residents = frame.dropna(subset=["residents"])
    largest = (with_residents.sort_values("residents", ascending=False).iloc[0]
               if len(with_residents) else None)
    text = t("ov_map_alt", lang, n=len(frame),
             n16=int(counts.get("original16", 0)), n4=int(counts.get("added2022", 0)))
    if largest is not None:
        text += " " + t("ov_map_alt_largest", lang, name=largest["name"],
                        residents=fmt.number(largest["residents"], lang))
    # every area in view with residents and cohort (WCAG 1.1.1: the map's text alternative)
    ordered = frame.sort_values("residents", ascending=False, na_position="last")
    shown = [f"{r.name} ({fmt.number(r.residents, lang)}, {t(f'cohort_{r.cohort}', lang)})"
             for r in ordered.head(ALT_LIST_MAX).itertuples()]
    if len(frame) > ALT_LIST_MAX:
        shown.append(t("ov_map_alt_more", lang, n=fmt.number(len(frame) - ALT_LIST_MAX, lang)))
    return text + " " + t("ov_map_alt_list", lang, areas="; ".join(shown))


def legend_svg(lang: str, cohorts: Iterable[str] = theme.COHORT_ORDER,
               focus: bool = False) -> str:
    """A one-line legend (cohort colours as on the map, the focus ring) as an SVG string."""
    size, parts, x = 16, [], 4.0
    for cohort in cohorts:
        colour = theme.COHORT_COLOURS[cohort]
        label = xml_escape(cohort_label(cohort, lang))
        parts.append(f'<circle cx="{x + 9:.0f}" cy="14" r="8" fill="{colour}" '
                     f'fill-opacity="0.9" stroke="#1a1a1a" stroke-width="1"/>'
                     f'<text x="{x + 23:.0f}" y="19.5">{label}</text>')
        if cohort in theme.MARKED_COHORTS:  # the white dot the map's circles carry
            parts.append(f'<circle cx="{x + 9:.0f}" cy="14" r="3" fill="#fff" '
                         f'stroke="#1a1a1a" stroke-width="1"/>')
        x += 23 + len(label) * size * 0.52 + 22
    if focus:
        label = xml_escape(t("ov_legend_focus", lang))
        parts.append(f'<circle cx="{x + 9:.0f}" cy="14" r="7" fill="none" stroke="#000" '
                     f'stroke-width="3"/><text x="{x + 23:.0f}" y="19.5">{label}</text>')
        x += 23 + len(label) * size * 0.52 + 22
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{x:.0f}" height="28" '
            f'viewBox="0 0 {x:.0f} 28" font-family="{xml_escape(theme.FONT)}" '
            f'font-size="{size}" fill="#1a1a1a">{"".join(parts)}</svg>')
