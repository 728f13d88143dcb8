"""Plotly figures built from the tables; pure, no I/O.

Figures carry data and labels only; colours and fonts are applied in the
browser by ``charts.js`` so that they follow Material's light/dark toggle.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

# Okabe–Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
# Small markers in yellow or black vanish on the light or the dark background; shape and lane
# tell the timeline's kinds apart where its colours repeat.
_MARKER_COLOURS = PALETTE[:6]
# Bar fills: a pattern as well as a colour, so stacked or grouped bars differ without colour.
_PATTERNS = ("", "/", ".", "x")
_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon", "hexagon", "star", "hourglass", "cross")


def model_size_figure(models: pd.DataFrame) -> go.Figure:
    """Total parameters against release date, one trace per team.

    ``models`` has columns team, name, released_on, released (the date as text, at
    its published precision), params_total_b, params_active_b.
    """
    figure = go.Figure()
    for index, (team, rows) in enumerate(models.groupby("team", sort=True)):
        active = rows["params_active_b"].map(lambda v: "not published" if pd.isna(v) else f"{v:g} billion")
        figure.add_trace(
            go.Scatter(
                x=[d.isoformat() for d in rows["released_on"]],
                y=[float(v) for v in rows["params_total_b"]],
                mode="markers+text",
                name=_text(team),
                text=[_text(n) for n in rows["name"]],
                textposition="top center",
                customdata=[[_text(r), a] for r, a in zip(rows["released"], active)],
                hovertemplate="%{text}<br>%{customdata[0]}<br>%{y:,.0f} billion parameters in total<br>active: %{customdata[1]}<extra>%{fullData.name}</extra>",
                marker={"size": 12, "color": PALETTE[index % len(PALETTE)], "symbol": index},
                cliponaxis=False,
            )
        )
    figure.update_layout(
        xaxis_title="Release date",
        yaxis_title="Total parameters (billions)",
        legend_title_text="Team",
        margin={"l": 60, "r": 20, "t": 20, "b": 60},
        template="none",
    )
    return figure


def timeline_figure(events: pd.DataFrame) -> go.Figure:
    """Events down a date axis, one lane and one trace per kind; planned events drawn open.

    Time runs downwards so the chart stays readable on a narrow phone screen.
    ``events`` has columns event_on, date (the date as text, at its precision),
    event_type, title_en and is_planned, sorted by date.
    """
    figure = go.Figure()
    kinds = list(dict.fromkeys(events["event_type"]))
    for index, kind in enumerate(kinds):
        rows = events[events["event_type"] == kind]
        symbol, colour = _SYMBOLS[index % len(_SYMBOLS)], _MARKER_COLOURS[index % len(_MARKER_COLOURS)]
        figure.add_trace(
            go.Scatter(
                x=[index + offset for offset in _dodge(list(rows["event_on"]))],
                y=[d.isoformat() for d in rows["event_on"]],
                mode="markers",
                name=_text(kind),
                customdata=[
                    [_text(title), _text(date) + (" (planned)" if planned else "")]
                    for title, date, planned in zip(rows["title_en"], rows["date"], rows["is_planned"])
                ],
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra>%{fullData.name}</extra>",
                marker={
                    "size": 10,
                    "color": colour,
                    "symbol": [f"{symbol}-open" if p else symbol for p in rows["is_planned"]],
                    "line": {"width": 2, "color": colour},
                    "opacity": 0.85,
                },
                cliponaxis=False,
            )
        )
    figure.update_layout(
        xaxis={
            "title": {"text": "Kind of event (open marker: planned)"},
            "tickvals": list(range(len(kinds))),
            "ticktext": [_text(k) for k in kinds],
            "tickangle": -90,
            "range": [-0.6, len(kinds) - 0.4],
            "zeroline": False,
        },
        yaxis={"type": "date", "autorange": "reversed", "tickformat": "%b %Y", "dtick": "M1"},
        showlegend=False,
        hovermode="closest",
        margin={"l": 70, "r": 20, "t": 20, "b": 120},
        template="none",
    )
    return figure


def support_by_kind_figure(kinds: pd.DataFrame) -> go.Figure:
    """One bar per kind of support in won; the whole programme's budget in its own colour.

    ``kinds`` has columns Kind, Amount (won), Amount (the amount as text) and Scope.
    """
    scale, unit = _won_unit(kinds["Amount (won)"].max())
    return _horizontal_bars(
        bars=list(kinds["Kind"]),
        labels=[_wrapped(k, 16) for k in kinds["Kind"]],
        groups=list(kinds["Scope"]),
        values=[a / scale for a in kinds["Amount (won)"]],
        texts=list(kinds["Amount"]),
        x_title=unit,
        legend_title="Scope",
    )


def gpus_by_team_figure(gpus: pd.DataFrame) -> go.Figure:
    """One bar per team and period, stacked by GPU model.

    ``gpus`` has columns Team, Period, GPU model and GPUs, one row per team, period and model.
    """
    return _horizontal_bars(
        bars=[f"{t} {p}" for t, p in zip(gpus["Team"], gpus["Period"])],
        labels=[f"{_text(t)}<br>{_text(p)}" for t, p in zip(gpus["Team"], gpus["Period"])],
        groups=list(gpus["GPU model"]),
        values=[int(n) for n in gpus["GPUs"]],
        texts=None,
        x_title="GPUs",
        legend_title="GPU model",
    )


def budget_figure(budget: pd.DataFrame) -> go.Figure:
    """One bar per fiscal year and kind of figure; the kind is in the label, the colour and the pattern.

    ``budget`` has columns Fiscal year, Kind of figure, Amount (won) and Amount (as text).
    """
    scale, unit = _won_unit(budget["Amount (won)"].max())
    return _horizontal_bars(
        bars=[f"{y} {k}" for y, k in zip(budget["Fiscal year"], budget["Kind of figure"])],
        labels=[f"{y}<br>{_text(k)}" for y, k in zip(budget["Fiscal year"], budget["Kind of figure"])],
        groups=list(budget["Kind of figure"]),
        values=[a / scale for a in budget["Amount (won)"]],
        texts=list(budget["Amount"]),
        x_title=unit,
        legend_title="Kind of figure",
    )


def procurement_figure(rows: pd.DataFrame) -> go.Figure:
    """One bar per recipient, coloured by programme.

    ``rows`` has columns Programme, Recipient and GPUs; a recipient may appear in several programmes.
    """
    return _horizontal_bars(
        bars=[f"row-{i}" for i in range(len(rows))],
        labels=[_wrapped(r) for r in rows["Recipient"]],
        groups=list(rows["Programme"]),
        values=[int(n) for n in rows["GPUs"]],
        texts=[f"{int(n):,}" for n in rows["GPUs"]],
        x_title="GPUs",
        legend_title="Programme",
    )


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
        yaxis={
            "categoryorder": "array",
            "categoryarray": order[::-1],
            "tickmode": "array",
            "tickvals": order,
            "ticktext": [tick[b] for b in order],
            "automargin": True,
        },
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
    """The axis unit for won amounts: trillions when the largest is at least one trillion."""
    return (1e12, "Trillion won") if largest >= 1e12 else (1e9, "Billion won")


def _wrapped(value: object, width: int = 24) -> str:
    """A long label over several lines, for narrow screens."""
    return "<br>".join(_text(line) for line in textwrap.wrap(str(value), width))


def _dodge(dates: list[dt.date], width: float = 0.3, days: int = 7) -> list[float]:
    """Offsets within a lane, so that events a few days apart do not hide one another."""
    last: dict[float, dt.date] = {}
    offsets = []
    for date in dates:
        slot = max((0.0, -width, width), key=lambda s: min((date - last[s]).days, days + 1) if s in last else days + 1)
        last[slot] = date
        offsets.append(slot)
    return offsets


def _text(value: object) -> str:
    """Plotly reads a few HTML tags in labels; data must stay plain text."""
    return html.escape(str(value), quote=False)
