"""Plotly figures built from the tables; pure, no I/O.

Figures carry data and labels only; colours and fonts are applied in the
browser by ``charts.js`` so that they follow Material's light/dark toggle.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from sovereign_ai_site.i18n import lang, t

# Okabe–Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
# Small markers in yellow or black vanish on the light or the dark background; shape and lane
# tell the timeline's kinds apart where its colours repeat.
_MARKER_COLOURS = PALETTE[:6]
# Bar fills: a pattern as well as a colour, so stacked or grouped bars differ without colour.
_PATTERNS = ("", "/", ".", "x")
# Month ticks of a date axis as Korean writes them ("2025년 8월"); Plotly's own in English.
_MONTH_TICKS = {"ko": "%Y년 %-m월"}
_OTHER = "other-events"  # the timeline's row of the events of no stage
_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon", "hexagon", "star", "hourglass", "cross")


def model_size_figure(models: pd.DataFrame) -> go.Figure:
    """Total parameters against release date, one trace per team.

    ``models`` has columns team, name, released_on, released (the date as text, at
    its published precision), params_total_b, and total and active (the counts as text).
    """
    figure = go.Figure()
    for index, (team, rows) in enumerate(models.groupby("team", sort=True)):
        figure.add_trace(
            go.Scatter(
                x=[d.isoformat() for d in rows["released_on"]],
                y=[float(v) for v in rows["params_total_b"]],
                mode="markers+text",
                name=_text(team),
                text=[_text(n) for n in rows["name"]],
                textposition="top center",
                customdata=[[_text(r), _text(t), _text(a)] for r, t, a in zip(rows["released"], rows["total"], rows["active"])],
                hovertemplate=t("chart.model_hover") + "<extra>%{fullData.name}</extra>",
                marker={"size": 12, "color": PALETTE[index % len(PALETTE)], "symbol": _SYMBOLS[index % len(_SYMBOLS)]},
                cliponaxis=False,
            )
        )
    figure.update_layout(
        xaxis={"title": {"text": t("chart.axes.release_date")}, "tickformat": _MONTH_TICKS.get(lang(), "")},
        yaxis_title=t("chart.axes.total_parameters"),
        legend_title_text=t("chart.axes.team"),
        margin={"l": 60, "r": 20, "t": 20, "b": 60},
        template="none",
    )
    return figure


def timeline_figure(stages: pd.DataFrame, events: pd.DataFrame, other: str) -> go.Figure:
    """A time axis across the page: one row per stage with its span, events as marks on their stage's
    row (those of no stage on a last row named ``other``), one trace (shape and colour) per kind of
    event; planned stages and events drawn open.

    ``stages`` has columns stage_id, name (as the page shows it), start, end (dates) and is_planned, in
    time order; ``events`` has event_on, stage_id, kind, title, date (both as the page shows them) and
    is_planned, sorted by date.
    """
    figure = go.Figure()
    rows = [*stages["stage_id"], *([_OTHER] if events["stage_id"].isna().any() else [])]
    names = dict(zip(stages["stage_id"], (_wrapped(n, 22) for n in stages["name"]))) | {_OTHER: _wrapped(other, 22)}
    for planned, group in stages.groupby("is_planned", sort=True):
        dated = group.dropna(subset=["start", "end"])
        figure.add_trace(
            go.Bar(
                orientation="h",
                y=list(dated["stage_id"]),
                base=[d.isoformat() for d in dated["start"]],
                x=[((e - s).days + 1) * 86400000 for s, e in zip(dated["start"], dated["end"])],
                name=_text(t("charts_static.planned_stage") if planned else t("charts_static.stage_span")),
                customdata=[names[k] for k in dated["stage_id"]],
                hovertemplate="%{customdata}<extra></extra>",
                marker={"color": "#999999", "opacity": 0.35 if planned else 0.55, "pattern": {"shape": "/" if planned else ""}},
            )
        )
    planned_note = t("chart.planned_note")
    for index, kind in enumerate(dict.fromkeys(events["kind"])):
        marks = events[events["kind"] == kind]
        symbol, colour = _SYMBOLS[index % len(_SYMBOLS)], _MARKER_COLOURS[index % len(_MARKER_COLOURS)]
        figure.add_trace(
            go.Scatter(
                x=[d.isoformat() for d in marks["event_on"]],
                y=[_OTHER if pd.isna(s) else s for s in marks["stage_id"]],
                mode="markers",
                name=_text(kind),
                customdata=[
                    [_text(title), _text(date) + (planned_note if planned else "")]
                    for title, date, planned in zip(marks["title"], marks["date"], marks["is_planned"])
                ],
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra>%{fullData.name}</extra>",
                marker={
                    "size": 10,
                    "color": colour,
                    "symbol": [f"{symbol}-open" if p else symbol for p in marks["is_planned"]],
                    "line": {"width": 2, "color": colour},
                },
                cliponaxis=False,
            )
        )
    figure.update_layout(
        barmode="overlay",
        xaxis={"type": "date", "title": {"text": t("charts_static.date_axis")}, "tickformat": _MONTH_TICKS.get(lang(), "%b %Y")},
        yaxis=_rows_axis(rows, [names[k] for k in rows]),
        legend={"title": {"text": t("chart.axes.event_kind"), "side": "top"}, "orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        hovermode="closest",
        margin={"l": 10, "r": 20, "t": 20, "b": 50},
        template="none",
    )
    return figure


def support_by_kind_figure(kinds: pd.DataFrame) -> go.Figure:
    """One bar per kind of support in won; the whole programme's budget in its own colour.

    ``kinds`` has columns kind, amount_krw, amount (as text) and scope, the texts as the page shows them.
    """
    scale, unit = _won_unit(kinds["amount_krw"].max())
    labels, amounts = [_wrapped(k, 16) for k in kinds["kind"]], [a / scale for a in kinds["amount_krw"]]
    return _horizontal_bars(list(kinds["kind"]), labels, list(kinds["scope"]), amounts, list(kinds["amount"]), unit, t("chart.axes.scope"))


def gpus_by_team_figure(gpus: pd.DataFrame, legend_title: str) -> go.Figure:
    """One bar per team and period, stacked by GPU model (``legend_title``: the field's title).

    ``gpus`` has columns team, period, gpu_model and gpus, one row per team, period and model.
    """
    bars, labels = _paired(gpus["team"], gpus["period"])
    counts = [int(n) for n in gpus["gpus"]]
    return _horizontal_bars(bars, labels, list(gpus["gpu_model"]), counts, None, t("chart.axes.gpus"), legend_title)


def phase_scores_figure(scores: pd.DataFrame) -> go.Figure:
    """One bar per team and phase: the total score, coloured by phase.

    ``scores`` has columns team, phase, score and points (the score as text, out of the maximum).
    """
    bars, labels = _paired(scores["team"], scores["phase"])
    values, texts = [float(v) for v in scores["score"]], list(scores["points"])
    return _horizontal_bars(bars, labels, list(scores["phase"]), values, texts, t("chart.axes.total_score"), t("chart.axes.phase"))


def budget_figure(budget: pd.DataFrame, legend_title: str) -> go.Figure:
    """One bar per fiscal year and kind of figure; the kind is in the label, the colour and the pattern
    (``legend_title``: the field's title).

    ``budget`` has columns fiscal_year, figure_kind (as the page shows it), amount_krw and amount (as text).
    """
    scale, unit = _won_unit(budget["amount_krw"].max())
    bars, labels = _paired(budget["fiscal_year"], budget["figure_kind"])
    amounts = [a / scale for a in budget["amount_krw"]]
    return _horizontal_bars(bars, labels, list(budget["figure_kind"]), amounts, list(budget["amount"]), unit, legend_title)


def procurement_figure(rows: pd.DataFrame) -> go.Figure:
    """One bar per recipient, coloured by programme.

    ``rows`` has columns programme, recipient (both as the page shows them) and gpus; a recipient may appear in several programmes.
    """
    bars, labels = [f"row-{i}" for i in range(len(rows))], [_wrapped(r) for r in rows["recipient"]]
    counts = [int(n) for n in rows["gpus"]]
    texts = [f"{n:,}" for n in counts]
    return _horizontal_bars(bars, labels, list(rows["programme"]), counts, texts, t("chart.axes.gpus"), t("chart.axes.programme"))


def _paired(first: pd.Series, second: pd.Series) -> tuple[list[str], list[str]]:
    """Bar keys and tick labels (escaped) of bars named by two columns, the second under the first."""
    pairs = list(zip(first, second))
    return [f"{a} {b}" for a, b in pairs], [f"{_text(a)}<br>{_text(b)}" for a, b in pairs]


def _horizontal_bars(
    bars: list[str], labels: list[str], groups: list[str], values: list[float], texts: list[str] | None, x_title: str, legend_title: str
) -> go.Figure:
    """Horizontal bars, first row at the top, one trace (colour and pattern) per group.

    Rows with the same ``bars`` key stack into one bar; ``labels`` (already escaped) are
    its tick text; ``texts`` are printed after each bar. Horizontal bars keep their labels
    readable on a phone.
    """
    order = list(dict.fromkeys(bars))
    tick = dict(zip(bars, labels))
    figure = go.Figure()
    for index, group in enumerate(dict.fromkeys(groups)):
        rows = [i for i, g in enumerate(groups) if g == group]
        figure.add_trace(
            go.Bar(
                orientation="h",
                y=[bars[i] for i in rows],
                x=[values[i] for i in rows],
                name=_wrapped(group, 32),
                customdata=[labels[i] for i in rows],
                text=[_text(texts[i]) for i in rows] if texts else None,
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{customdata}: " + ("%{text}" if texts else "%{x:,}") + "<extra>%{fullData.name}</extra>",
                marker={"color": PALETTE[index % len(PALETTE)], "pattern": {"shape": _PATTERNS[index % len(_PATTERNS)]}},
            )
        )
    figure.update_layout(
        barmode="stack",
        xaxis_title=x_title,
        yaxis=_rows_axis(order, [tick[b] for b in order]),
        legend={
            "title": {"text": legend_title, "side": "top"},
            "orientation": "h",
            "traceorder": "normal",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
        },
        margin={"l": 10, "r": 110 if texts else 20, "t": 20, "b": 50},
        template="none",
    )
    return figure


def _won_unit(largest: float) -> tuple[float, str]:
    """The axis unit for won amounts: trillions when the largest is at least one trillion, else billions (억 in Korean)."""
    if largest >= 1e12:
        return 1e12, t("chart.axes.trillion_won")
    return (1e8 if lang() == "ko" else 1e9), t("chart.axes.billion_won")  # Korean counts in units of 10⁸


def _wrapped(value: object, width: int = 24) -> str:
    """A long label over several lines, for narrow screens."""
    return "<br>".join(_text(line) for line in textwrap.wrap(str(value), width))


def _text(value: object) -> str:
    """Plotly reads a few HTML tags in labels; data must stay plain text."""
    return html.escape(str(value), quote=False)


def _rows_axis(rows: list, labels: list[str]) -> dict:
    """A y axis of one row per category, first at the top, each shown by its label."""
    return {"categoryorder": "array", "categoryarray": rows[::-1], "tickmode": "array", "tickvals": rows, "ticktext": labels, "automargin": True}
