"""Downloads of the view on screen: a CSV per table, one workbook, chart images, a slide deck.

Pages need no export code. While a page runs, ``ui.chart`` registers each chart with its table
and alt text and ``ui.source_caption`` the source ids it shows (references only: nothing is
serialised or copied); ``app.py`` resets the registry before the page runs and draws
``section`` after it (in presentation mode ``ui.end_of_key_visual`` draws it before the page
stops).

Every file is built only when its button is clicked: ``st.download_button`` gets a callable
(``on_click="ignore"``: no rerun). Streamlit runs it on a worker thread of its own, outside its
locks, and the button shows a spinner until the file is ready. A builder therefore touches no
Streamlit state: it captures plain values here and reads the database through its own cursor
(``queries.Database`` is thread-safe). Chart images and the slide deck are rendered in a worker
process (``offload``): vl-convert holds the GIL for up to a second per chart. The last
section's files are kept in the session (``EXPORTS_KEY``) so tests can build them without a
browser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from nplv_app import data, exports
from nplv_app.content import fmt, i18n, maps
from nplv_app.content.i18n import t
from nplv_app.content.labels import cohort_label, status_label
from nplv_app.content.overview import split_ids
from nplv_app.content.selection import Selection, apply
from nplv_app.content.text import exports as export_text
from nplv_app.frame import state, widgets
from nplv_app.runtime import offload
from nplv_data import queries

REGISTRY_KEY = "_downloads_registry"
EXPORTS_KEY = "_downloads_files"
SECTION_KEY = "dl_section"
MAP_PAGES = ("overzicht",)  # pages whose view shows the map of the selection
# Short names of the charts: the heading the page shows above each one (text keys).
CHART_TITLES = {
    "gb_residents_chart": "gb_residents_header",
    "gb_indicator_chart": "gb_indicators_header",
    "bu_lines_chart": "bu_lines_header",
    "bu_vhf_chart": "bu_vhf_header",
    "bu_share_chart": "bu_share_header",
    "bu_res_chart": "bu_res_header",
    "sc_chart": "sc_chart_title",
    "sc_dilution_chart": "sc_dilution_plain",
    "tl_timeline": "tl_timeline_title",
    "tl_status_chart": "tl_status_title",
}
SELECTION_COLUMNS = (
    "area_id", "name", "municipality", "gemeente_code", "province", "cohort", "residents",
    "residents_ref_date", "residents_status", "residents_source_id", "areas_in_municipality",
    "vhf_municipality_eur", "vhf_projects", "vhf_amount_unknown",
)
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "png": "image/png",
    "svg": "image/svg+xml",
}


# --- the registry -------------------------------------------------------------------------------

@dataclass
class Figure:
    """One chart as the page drew it (before presentation-mode type sizes), with its table."""

    key: str
    alt_text: str
    chart: object  # an Altair chart or a Vega-Lite dict
    table: pd.DataFrame
    source_ids: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A table the page shows without a chart (an area's local-monitor block), for the workbook
    and the slides."""

    key: str
    title: str  # the slide's headline
    sheet: str  # the workbook sheet's name (short: Excel cuts names at 31 characters)
    table: pd.DataFrame
    source_ids: list[str] = field(default_factory=list)


@dataclass
class Registry:
    page: str
    figures: dict[str, Figure] = field(default_factory=dict)  # by key: re-registering replaces
    tables: dict[str, Table] = field(default_factory=dict)
    source_ids: list[str] = field(default_factory=list)
    last_key: str | None = None
    drawn: bool = False


def reset(page: str) -> None:
    """Start an empty registry for this script run of ``page`` (called by app.py)."""
    st.session_state[REGISTRY_KEY] = Registry(page)


def _registry() -> Registry | None:
    return st.session_state.get(REGISTRY_KEY)


def register_chart(key: str, alt_text: str, chart, table: pd.DataFrame) -> None:
    registry = _registry()
    if registry is not None:
        registry.figures[key] = Figure(key, alt_text, chart, table)
        registry.last_key = key


def register_table(key: str, title: str, sheet: str, table: pd.DataFrame,
                   source_ids: Iterable[str]) -> None:
    """A table for the workbook (a sheet) and the slides; its sources join the view's."""
    registry = _registry()
    if registry is not None:
        registry.tables[key] = Table(key, title, sheet, table, list(source_ids))
        registry.source_ids.extend(registry.tables[key].source_ids)


def register_sources(source_ids: Iterable[str]) -> None:
    """Sources shown on the page; those after a chart (before the next) are that chart's."""
    registry = _registry()
    if registry is None:
        return
    ids = list(source_ids)
    registry.source_ids.extend(ids)
    if registry.last_key in registry.figures:
        registry.figures[registry.last_key].source_ids.extend(ids)


# --- labels and names ---------------------------------------------------------------------------

def _unique(values: Iterable) -> list[str]:
    return [v for v in dict.fromkeys(values) if isinstance(v, str) and v]


def selection_label(selection: Selection, lang: str) -> str:
    """'De 16 van 2021; gemeente Amsterdam; 10.000 tot 50.000 inwoners' (plain text)."""
    parts = [t(f"set_{selection.area_set}", lang)]
    if selection.area_set == "custom":
        parts[0] += f" ({t('dl_sel_custom', lang, n=len(selection.custom_area_ids))})"
    if selection.municipalities:
        parts.append(t("dl_sel_municipalities", lang,
                       names=", ".join(selection.municipalities)))
    if selection.provinces:
        parts.append(t("dl_sel_provinces", lang, names=", ".join(selection.provinces)))
    if selection.residents_min is not None or selection.residents_max is not None:
        parts.append(t("dl_sel_residents", lang,
                       low=fmt.number(selection.residents_min or 0, lang),
                       high=fmt.number(selection.residents_max, lang)
                       if selection.residents_max is not None else "…"))
    return "; ".join(parts)


def selection_slug(selection: Selection) -> str:
    """The selection in a file name: set code, then municipalities or provinces if filtered."""
    parts = [selection.area_set]
    if selection.area_set == "custom":
        parts.append(str(len(selection.custom_area_ids)))
    parts += list(selection.municipalities[:2]) or list(selection.provinces[:2])
    return "-".join(parts)


def chart_title(figure: Figure, lang: str) -> str:
    """The page's heading for the chart, else the first sentence of its alt text."""
    base = re.sub(r"_\d+$", "", figure.key)
    if base in CHART_TITLES:
        return t(CHART_TITLES[base], lang)
    first = re.split(r"(?<=[.:])\s", figure.alt_text.strip(), maxsplit=1)[0]
    return first.rstrip(".:")[:80] or base


def sheet_title(figure: Figure, lang: str) -> str:
    """The chart's short sheet name (``ex_sheet_<chart key>``: Excel allows 31 characters),
    else its title without ':' (Excel forbids it there)."""
    key = "ex_sheet_" + re.sub(r"_\d+$", "", figure.key)
    if i18n.has(key) or key in export_text.TEXT:
        return exports.tr(key, lang)
    return chart_title(figure, lang).replace(": ", " – ").replace(":", " ")


def _kind(page: str, figure_key: str) -> str:
    """'budgetten-lines' for bu_lines_chart: the page and the chart key without prefix."""
    words = [w for w in re.sub(r"_\d+$", "", figure_key).split("_")[1:] if w != "chart"]
    return f"{page}-{'-'.join(words) or 'chart'}"


# --- what the files hold (pure: plain values in, bytes out; run on Streamlit's worker thread) ---

@dataclass(frozen=True)
class View:
    """Everything a builder needs, captured during the script run."""

    page: str
    lang: str
    selection: Selection
    label: str
    today: dt.date
    figures: tuple[Figure, ...]
    source_ids: tuple[str, ...]
    db: queries.Database
    tables: tuple[Table, ...] = ()


def _areas(view: View) -> pd.DataFrame:
    """Rows of queries.areas that the selection keeps, all columns."""
    return apply(view.selection, queries.areas(view.db)).reset_index(drop=True)


def selected_areas(view: View) -> pd.DataFrame:
    """The selection's areas as exported: ids, names, residents with status and source, money."""
    areas = _areas(view)
    return areas[[c for c in SELECTION_COLUMNS if c in areas.columns]]


# The areas sheet of the workbook: field -> header text key (the CSV keeps the field names).
AREA_HEADERS = {
    "name": "ex_area_name", "municipality": "ex_area_municipality",
    "gemeente_code": "ex_area_municipality_code", "province": "ex_area_province",
    "cohort": "ex_area_cohort", "residents": "ex_area_residents",
    "residents_ref_date": "ex_area_residents_date",
    "residents_status": "ex_area_residents_status",
    "residents_source_id": "ex_area_residents_source",
    "areas_in_municipality": "ex_area_areas_in_municipality", "vhf_municipality_eur": "ex_area_vhf",
    "vhf_projects": "ex_area_vhf_projects", "vhf_amount_unknown": "ex_area_vhf_unknown",
}


def readable_areas(areas: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The selection's areas for people: headers in ``lang``, cohort and status as words, no
    internal ids; and the Excel formats of its number columns."""
    frame = areas[[c for c in AREA_HEADERS if c in areas.columns]].copy()
    if "cohort" in frame:
        frame["cohort"] = [cohort_label(c, lang) for c in frame["cohort"]]
    if "residents_status" in frame:
        frame["residents_status"] = [status_label(s, lang) for s in frame["residents_status"]]
    frame = frame.rename(columns={c: exports.tr(k, lang) for c, k in AREA_HEADERS.items()})
    formats = {exports.tr("ex_area_residents", lang): "#,##0",
               exports.tr("ex_area_vhf", lang): exports.EURO_CENTS_FORMAT}
    return frame, formats


def _kpis(view: View, areas: pd.DataFrame) -> tuple[list[tuple[str, str]], list[str]]:
    """Key figures of the selection, formatted, and the sources behind them."""
    ids = areas["area_id"].tolist()
    totals = queries.selection_totals(view.db, ids).iloc[0].to_dict()
    rounds = queries.vhf_rounds_for_areas(view.db, ids)
    lang = view.lang
    kpis = [
        (t("dl_kpi_areas", lang), fmt.number(totals["n_areas"], lang)),
        (t("dl_kpi_municipalities", lang), fmt.number(totals["n_municipalities"], lang)),
        (t("dl_kpi_residents", lang), fmt.number(totals["residents_sum"], lang)),
        (t("dl_kpi_vhf", lang), fmt.euro_compact(totals["vhf_eur"], lang)),
    ]
    sources = split_ids(areas["residents_source_id"])
    sources += split_ids(rounds["source_ids"]) if "source_ids" in rounds else []
    return kpis, sources


def _status_text(row, lang: str) -> str:
    counts = [(status, row[f"n_{status}"]) for status in ("confirmed", "approximate",
                                                          "unconfirmed")]
    shown = [f"{t(f'status_{s}', lang)} {fmt.number(n, lang)}" for s, n in counts if n]
    return ", ".join(shown) or t("dl_status_none", lang)


def sources_table(view: View, source_ids: Sequence[str]) -> pd.DataFrame:
    """queries.sources for the ids, with ``statuses``: how many figures of each status."""
    frame = queries.sources(view.db, _unique(source_ids))
    usage = queries.source_usage(view.db).set_index("source_id")
    frame["statuses"] = [_status_text(usage.loc[s], view.lang) if s in usage.index
                         else t("dl_status_none", view.lang) for s in frame["source_id"]]
    return frame


def _sheets(view: View, areas: pd.DataFrame) -> dict[str, pd.DataFrame]:
    sheets: dict[str, pd.DataFrame] = {}
    for figure in view.figures:
        name, number = sheet_title(figure, view.lang), 2
        while name in sheets:
            name, number = f"{sheet_title(figure, view.lang)} ({number})", number + 1
        sheets[name] = figure.table
    for table in view.tables:
        sheets[table.sheet] = table.table
    sheets[t("dl_selection_table", view.lang)] = areas
    return sheets


def build_xlsx(view: View) -> bytes:
    areas = selected_areas(view)
    sources = sources_table(view, [*view.source_ids, *split_ids(areas["residents_source_id"])])
    about = exports.about_info(view.label, queries.build_info(view.db), view.lang)
    readable, formats = readable_areas(areas, view.lang)
    return exports.workbook_xlsx(_sheets(view, readable), sources, about, lang=view.lang,
                                 number_formats=formats)


def _locale(lang: str) -> str | None:
    return "nl-NL" if lang == "nl" else None


def _spec(chart) -> dict:
    """A Vega-Lite dict (it pickles to the render process); Altair charts are converted."""
    return chart if isinstance(chart, dict) else chart.to_dict()


def build_png(chart) -> bytes:
    return offload.run(exports.chart_png, _spec(chart))


def build_svg(chart) -> bytes:
    return offload.run(exports.chart_svg, _spec(chart)).encode("utf-8")


def _map_spec(view: View, areas: pd.DataFrame) -> dict:
    return exports.area_map_chart(areas, maps.context_collections(), view.lang)


def build_map_png(view: View, areas: pd.DataFrame) -> bytes:
    return offload.run(exports.chart_png, _map_spec(view, areas), locale=_locale(view.lang))


def build_map_svg(view: View, areas: pd.DataFrame) -> bytes:
    return offload.run(exports.chart_svg, _map_spec(view, areas),
                       locale=_locale(view.lang)).encode("utf-8")


def build_pptx(view: View) -> bytes:
    lang = view.lang
    areas = _areas(view)
    kpis, kpi_sources = _kpis(view, areas)
    ids = _unique([*view.source_ids, *kpi_sources])
    charts = [(chart_title(f, lang), _spec(f.chart), _unique(f.source_ids))
              for f in view.figures]
    map_png = (build_map_png(view, areas)
               if view.page in MAP_PAGES and len(areas) else None)
    version = str(queries.build_info(view.db).get("data_version", "?"))
    tables = [(table.title, table.table, _unique(table.source_ids)) for table in view.tables]
    return offload.run(
        exports.evidence_pack_pptx, t(f"page_{view.page}", lang), view.label, kpis, charts,
        sources_table(view, ids), exports.pack_footnote(version, ids, lang), map_png,
        lang=lang, today=view.today, map_title=t("dl_map", lang), tables=tables,
        kpi_source_ids=_unique(kpi_sources),
        map_source_ids=_unique(split_ids(areas["residents_source_id"])))


# --- the section --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Export:
    """One download button: what it is called, its file, and how to build the bytes."""

    key: str
    kind: str  # csv, xlsx, pptx, png, svg
    label: str
    help: str
    file_name: str
    build: Callable[[], bytes]

    @property
    def mime(self) -> str:
        return MIME[self.kind]


def plan(view: View) -> tuple[list[Export], list[tuple[str, list[Export | None]]]]:
    """The buttons: (whole view, [(row label, CSV, PNG, SVG buttons; None for none)])."""
    lang, slug = view.lang, selection_slug(view.selection)

    def name(kind: str, ext: str) -> str:
        return exports.export_filename(kind, slug, ext, view.today)

    xlsx, pptx = name(view.page, "xlsx"), name(view.page, "pptx")
    with_map = t("dl_pptx_map", lang) if view.page in MAP_PAGES else ""
    whole = [
        Export("dl_xlsx", "xlsx", t("dl_xlsx", lang), t("dl_xlsx_help", lang, file_name=xlsx),
               xlsx, lambda: build_xlsx(view)),
        Export("dl_pptx", "pptx", t("dl_pptx", lang),
               t("dl_pptx_help", lang, map=with_map, file_name=pptx), pptx,
               lambda: build_pptx(view)),
    ]
    rows = []
    for figure in view.figures:
        kind = _kind(view.page, figure.key)
        csv, png, svg = name(kind, "csv"), name(kind, "png"), name(kind, "svg")
        rows.append((chart_title(figure, lang), [
            Export(f"dl_csv_{figure.key}", "csv", t("dl_csv", lang),
                   t("dl_csv_help", lang, file_name=csv), csv,
                   lambda f=figure: exports.table_csv(f.table)),
            Export(f"dl_png_{figure.key}", "png", t("dl_png", lang),
                   t("dl_png_help", lang, file_name=png), png,
                   lambda f=figure: build_png(f.chart)),
            Export(f"dl_svg_{figure.key}", "svg", t("dl_svg", lang),
                   t("dl_svg_help", lang, file_name=svg), svg,
                   lambda f=figure: build_svg(f.chart)),
        ]))
    if view.page in MAP_PAGES:
        png, svg = name(f"{view.page}-kaart", "png"), name(f"{view.page}-kaart", "svg")
        rows.append((t("dl_map", lang), [
            None,
            Export("dl_png_map", "png", t("dl_png", lang), t("dl_png_help", lang, file_name=png),
                   png, lambda: build_map_png(view, _areas(view))),
            Export("dl_svg_map", "svg", t("dl_svg", lang), t("dl_svg_help", lang, file_name=svg),
                   svg, lambda: build_map_svg(view, _areas(view))),
        ]))
    csv = name(f"{view.page}-selectie", "csv")
    rows.append((t("dl_selection_table", lang), [
        Export("dl_csv_selection", "csv", t("dl_csv", lang),
               t("dl_selection_help", lang, file_name=csv), csv,
               lambda: exports.table_csv(selected_areas(view))),
    ]))
    return whole, rows


def _button(column, export: Export, primary: bool = False) -> None:
    column.download_button(
        export.label, data=export.build, file_name=export.file_name,
        mime=export.mime, key=export.key, help=widgets.escape(export.help), on_click="ignore",
        icon=":material/download:", type="primary" if primary else "secondary", width="stretch")


def section(page_name: str | None, lang: str) -> None:
    """The 'Downloads / exporteren' expander of this view (once per run; collapsed)."""
    registry = _registry()
    if registry is None or registry.drawn:
        return
    registry.drawn = True
    selection = state.selection()
    view = View(page_name or registry.page, lang, selection, selection_label(selection, lang),
                dt.date.today(), tuple(registry.figures.values()),
                tuple(_unique(registry.source_ids)), data.database(),
                tuple(registry.tables.values()))
    whole, rows = plan(view)
    st.session_state[EXPORTS_KEY] = [*whole, *(e for _, row in rows for e in row if e)]
    box = widgets.folded(t("dl_title", lang), SECTION_KEY, icon=":material/download:")
    if box is None:  # folded: the plan above is all the run needs (tests read it too)
        return
    with box:
        st.caption(widgets.escape(t("dl_intro", lang, selection=view.label)))
        st.markdown(f"**{widgets.escape(t('dl_whole_view', lang))}**")
        for column, export in zip(st.columns(2), whole):
            _button(column, export, primary=True)
        st.markdown(f"**{widgets.escape(t('dl_per_figure', lang))}**")
        if not view.figures and view.page not in MAP_PAGES:
            st.caption(t("dl_no_figures", lang))
        for label, exports_of_row in rows:
            columns = st.columns([4, 1, 1, 1], vertical_alignment="center")
            columns[0].markdown(widgets.escape(label))
            for column, export in zip(columns[1:], exports_of_row):
                if export is not None:  # None: an empty column, so PNG stays under PNG
                    _button(column, export)
