"""Plotly figures built from the tables; pure, no I/O.

Figures carry data and labels only; colours and fonts are applied in the
browser by ``charts.js`` so that they follow Material's light/dark toggle.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

# Okabe–Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


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


def _text(value: object) -> str:
    """Plotly reads a few HTML tags in labels; data must stay plain text."""
    return html.escape(str(value), quote=False)
