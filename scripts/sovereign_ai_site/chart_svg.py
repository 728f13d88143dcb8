"""The static picture of a chart: an SVG drawn at build time from the same Plotly figure the browser draws.

A small writer for the few kinds of figure ``charts.py`` makes (horizontal bars, stacked or from a
base date; markers against a date axis, on numbers or on rows), so that a chart is there at first
paint, without JavaScript and in print, and can be downloaded as a file; no browser at build time.

Text comes from data: every label is plain text (Plotly's ``<br>`` line breaks aside), XML-escaped
into a ``<text>`` node or an attribute, never markup. Colours of text, grid and background are CSS
classes: on the page they follow the site's light/dark scheme (``extra.css``), in the downloaded file
an embedded style gives the light scheme. Fonts are the reader's system fonts.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import plotly.graph_objects as go

from sovereign_ai_site.i18n import lang
from sovereign_ai_site.render import format_number

FONT = 13  # px of the picture's text at its drawn width
SMALL = 12
LINE = 16
ROW_MIN = 30
# The downloaded file's own colours (the site's light scheme) and fonts: the system's, no web font.
STANDALONE_STYLE = (
    ".cs{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR',sans-serif}"
    ".cs-t{fill:#000000de}.cs-m{fill:#0000008a}.cs-g{stroke:#00000012}.cs-a{stroke:#00000052}.cs-bg{fill:#fff}.cs-pf{stroke:#fff}"
)
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


@dataclass
class _Svg:
    width: int
    height: float = 0
    parts: list[str] = field(default_factory=list)
    defs: list[str] = field(default_factory=list)

    def add(self, element: str) -> None:
        self.parts.append(element)


def svg(figure: go.Figure, width: int, prefix: str, *, standalone: bool = False) -> str:
    """``figure`` drawn ``width`` px wide (its height follows from the content); ``prefix`` keeps its
    pattern ids unique on a page. ``standalone`` adds the XML namespace's style for a file of its own."""
    spec = figure.to_plotly_json()
    data, layout = spec["data"], spec["layout"]
    out = _Svg(width)
    category = any(trace.get("orientation") == "h" for trace in data)
    legend = _legend(data, layout, width, prefix, out)
    top = legend + 12
    if category:
        _rows_chart(data, layout, out, top, prefix)
    else:
        _xy_chart(data, layout, out, top)
    height = math.ceil(out.height)
    style = f"<style>{STANDALONE_STYLE}</style>" if standalone else ""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cs" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' font-size="{FONT}" role="img" aria-hidden="true" focusable="false">'
    )
    defs = f"<defs>{''.join(out.defs)}</defs>" if out.defs else ""
    background = f'<rect class="cs-bg" width="{width}" height="{height}"/>' if standalone else ""
    return head + style + defs + background + "".join(out.parts) + "</svg>"


# --- text ---------------------------------------------------------------------------------------


def _lines(label: object) -> list[str]:
    """A Plotly label (escaped text, ``<br>`` between lines) as its plain lines."""
    return [html.unescape(line) for line in str(label).split("<br>")]


def _width(text: str, size: float = FONT) -> float:
    """An estimate of the text's drawn width: Hangul and CJK a full em, Latin about half of one."""
    total = 0.0
    for char in text:
        if _WIDE.match(char):
            total += 1.0
        elif char in " .,:;'|!il()[]":
            total += 0.3
        elif char.isupper() or char.isdigit():
            total += 0.64
        else:
            total += 0.54
    return total * size


def _text(x: float, y: float, lines: Sequence[str], *, anchor: str = "start", cls: str = "cs-t", size: int = FONT, extra: str = "") -> str:
    size_attr = "" if size == FONT else f' font-size="{size}"'
    if len(lines) == 1:
        return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{cls}"{size_attr}{extra}>{escape(lines[0])}</text>'
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{cls}"{size_attr}{extra}>{spans}</text>'


def _wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Words over lines no wider than ``width``; a word wider than a line (Korean often has no spaces
    where English would) is broken between its characters."""
    lines, line = [], ""
    for word in text.split():
        while _width(word, size) > width and len(word) > 1:
            cut = next(i for i in range(len(word), 0, -1) if _width(word[:i], size) <= width or i == 1)
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}".strip()
        if line and _width(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


# --- marks --------------------------------------------------------------------------------------


def _symbol(name: str, x: float, y: float, size: float, colour: str) -> str:
    """A marker as Plotly draws it: ``circle``, ``square``, … ``-open`` for an outline only."""
    base, is_open = (name[:-5], True) if name.endswith("-open") else (name, False)
    r = size / 2
    paint = f'fill="none" stroke="{colour}" stroke-width="2"' if is_open else f'fill="{colour}"'
    if base == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'
    if base == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{size:.1f}" height="{size:.1f}" {paint}/>'
    points = _polygon(base, r)
    path = " ".join(f"{x + px:.1f},{y + py:.1f}" for px, py in points)
    return f'<polygon points="{path}" {paint}/>'


def _polygon(name: str, r: float) -> list[tuple[float, float]]:
    def ring(n: int, radius: float, turn: float = -math.pi / 2) -> list[tuple[float, float]]:
        return [(radius * math.cos(turn + 2 * math.pi * i / n), radius * math.sin(turn + 2 * math.pi * i / n)) for i in range(n)]

    if name == "diamond":
        return [(0, -r * 1.2), (r * 1.2, 0), (0, r * 1.2), (-r * 1.2, 0)]
    if name == "triangle-up":
        return ring(3, r * 1.2)
    if name == "triangle-down":
        return ring(3, r * 1.2, math.pi / 2)
    if name == "pentagon":
        return ring(5, r * 1.1)
    if name == "hexagon":
        return ring(6, r * 1.1)
    if name == "star":
        outer, inner = ring(5, r * 1.3), ring(5, r * 0.55, -math.pi / 2 + math.pi / 5)
        return [p for pair in zip(outer, inner) for p in pair]
    if name == "hourglass":
        return [(-r, -r), (r, -r), (-r, r), (r, r)]
    if name == "cross":
        a, b = r, r / 3
        return [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b), (-a, -b), (-b, -b)]
    return ring(4, r)


def _fill(marker: dict, prefix: str, index: int, out: _Svg) -> str:
    """A bar's fill: its colour, with the trace's pattern (``/``, ``.``, ``x``) over it when it has one."""
    colour = marker.get("color", "#888")
    shape = (marker.get("pattern") or {}).get("shape", "")
    if not shape:
        return f'fill="{colour}"'
    pattern_id = f"{prefix}-p{index}"
    strokes = {
        "/": '<path d="M-1,9 L9,-1 M7,11 L11,7" class="cs-pf" stroke-width="1.5"/>',
        "x": '<path d="M0,0 L8,8 M8,0 L0,8" class="cs-pf" stroke-width="1.2"/>',
        ".": '<circle cx="4" cy="4" r="1.4" class="cs-pf" stroke-width="1.4"/>',
    }.get(shape, "")
    out.defs.append(
        f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{colour}"/>{strokes}</pattern>'
    )
    return f'fill="url(#{pattern_id})"'


# --- legend -------------------------------------------------------------------------------------


def _legend(data: list[dict], layout: dict, width: int, prefix: str, out: _Svg) -> float:
    """The legend across the top, items flowing over rows; returns its bottom."""
    items = []
    for index, trace in enumerate(data):
        if layout.get("showlegend") is False or trace.get("showlegend") is False or not trace.get("name"):
            continue
        items.append((index, trace))
    if not items:
        return 0
    y = 4.0
    title = ((layout.get("legend") or {}).get("title") or {}).get("text")
    if title:
        y += LINE
        out.add(_text(0, y, [_lines(title)[0]], cls="cs-m", size=SMALL))
    x, y = 0.0, y + 6
    row_height = LINE + 4
    for index, trace in items:
        lines = [" ".join(_lines(trace["name"]))]
        label_width = _width(lines[0], SMALL)
        item_width = 22 + label_width + 14
        if x and x + item_width > width:
            x, y = 0.0, y + row_height
        cy = y + row_height / 2
        if trace["type"] == "bar":
            out.add(f'<rect x="{x:.1f}" y="{cy - 6:.1f}" width="16" height="12" {_fill(trace.get("marker", {}), prefix, index, out)}/>')
        else:
            marker = trace.get("marker", {})
            symbol = marker.get("symbol", "circle")
            symbol = symbol[0] if isinstance(symbol, list) else symbol
            out.add(_symbol(symbol.replace("-open", ""), x + 8, cy, 10, marker.get("color", "#888")))
        out.add(_text(x + 22, cy + 4, lines, size=SMALL))
        x += item_width
    return y + row_height


# --- axes ---------------------------------------------------------------------------------------


def _nice_ticks(low: float, high: float, count: int) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) from ``low`` to at least ``high``."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
        if ticks[-1] >= high:
            break
    return ticks


def _date_ticks(low: dt.date, high: dt.date, count: int) -> list[dt.date]:
    """Month starts from ``low`` to ``high``, 1, 2, 3, 6 or 12 months apart, about ``count`` of them."""
    months = (high.year - low.year) * 12 + high.month - low.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24) if months / s <= count), 24)
    first = dt.date(low.year, low.month, 1)
    index = first.year * 12 + first.month - 1
    index += -index % step
    ticks = []
    while True:
        tick = dt.date(index // 12, index % 12 + 1, 1)
        if tick > high:
            break
        if tick >= low:
            ticks.append(tick)
        index += step
    return ticks


def _month_label(day: dt.date) -> str:
    return f"{day.year}년 {day.month}월" if lang() == "ko" else f"{_MONTHS_EN[day.month - 1]} {day.year}"


def _number_label(value: float) -> str:
    return format_number(value)


def _as_date(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


def _day_number(value: object) -> float:
    return float(_as_date(value).toordinal())


@dataclass
class _Axis:
    """A horizontal value axis from ``low`` to ``high`` drawn between ``left`` and ``right``."""

    low: float
    high: float
    left: float
    right: float
    dates: bool

    def x(self, value: float) -> float:
        return self.left + (value - self.low) / (self.high - self.low) * (self.right - self.left)


def _x_axis(values: list[float], dates: bool, left: float, right: float, low_zero: bool) -> tuple[_Axis, list[tuple[float, str]]]:
    """The axis over ``values`` and its ticks as (value, label)."""
    count = max(2, int((right - left) // (80 if dates else 70)))
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if dates:
        span = max(high - low, 30)
        low, high = low - span * 0.04, high + span * 0.04
        ticks = _date_ticks(dt.date.fromordinal(int(low)), dt.date.fromordinal(int(high)), count)
        return _Axis(low, high, left, right, True), [(float(d.toordinal()), _month_label(d)) for d in ticks]
    low = min(0.0, low) if low_zero else low
    ticks = _nice_ticks(low, high, count)
    return _Axis(ticks[0], ticks[-1], left, right, False), [(v, _number_label(v)) for v in ticks]


def _draw_x_axis(axis: _Axis, ticks: list[tuple[float, str]], top: float, bottom: float, title: str, out: _Svg) -> float:
    """Grid lines from ``top`` to ``bottom``, tick labels under it and the title; returns the new bottom."""
    for value, label in ticks:
        x = axis.x(value)
        out.add(f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" class="cs-g"/>')
        out.add(_text(x, bottom + 16, [label], anchor="middle", cls="cs-m", size=SMALL))
    out.add(f'<line x1="{axis.left:.1f}" y1="{bottom:.1f}" x2="{axis.right:.1f}" y2="{bottom:.1f}" class="cs-a"/>')
    y = bottom + 20
    if title:
        y += LINE + 4
        out.add(_text((axis.left + axis.right) / 2, y, [title], anchor="middle", cls="cs-m", size=SMALL))
    return y + 6


def _axis_title(layout: dict, name: str) -> str:
    title = (layout.get(name) or {}).get("title") or {}
    return " ".join(_lines(title.get("text", ""))) if title.get("text") else ""


# --- charts -------------------------------------------------------------------------------------


def _rows_chart(data: list[dict], layout: dict, out: _Svg, top: float, prefix: str) -> None:
    """Horizontal bars in rows (stacked, or spans from a base date), and markers on the same rows."""
    yaxis = layout.get("yaxis") or {}
    xaxis = layout.get("xaxis") or {}
    dates = xaxis.get("type") == "date"
    order = list(reversed(yaxis.get("categoryarray") or []))  # Plotly lists the bottom row first
    if not order:
        order = list(dict.fromkeys(k for trace in data for k in trace.get("y", [])))
    labels = dict(zip(yaxis.get("tickvals") or order, yaxis.get("ticktext") or order))
    label_lines = {key: _lines(labels.get(key, key)) for key in order}
    label_width = min(max((_width(line) for lines in label_lines.values() for line in lines), default=0) + 10, out.width * 0.42)
    for key, lines in label_lines.items():  # lines too long for the column wrap within it
        label_lines[key] = [part for line in lines for part in (_wrap(line, label_width - 10) or [""])]
    text_width = max(
        (_width(" ".join(_lines(text))) for trace in data for text in (trace.get("text") or []) if trace["type"] == "bar"), default=0
    )
    left, right = label_width, out.width - max(text_width + 12, 28)

    # Extent of each row: stacked sums, or base + length for spans.
    values: list[float] = []
    stacked: dict[str, float] = {}
    for trace in data:
        if trace["type"] == "bar":
            bases = trace.get("base")
            for i, (key, length) in enumerate(zip(trace["y"], trace["x"])):
                if bases is not None:
                    start = _day_number(bases[i] if isinstance(bases, list) else bases)
                    values += [start, start + float(length) / 86400000]
                else:
                    stacked[key] = stacked.get(key, 0.0) + float(length)
        else:
            values += [_day_number(x) if dates else float(x) for x in trace.get("x", [])]
    values += list(stacked.values())
    axis, ticks = _x_axis(values, dates, left, right, low_zero=not dates)

    heights = {key: max(ROW_MIN, len(lines) * LINE + 12) for key, lines in label_lines.items()}
    row_top, y = {}, top
    for key in order:
        row_top[key] = y
        y += heights[key]
    bottom = y
    for key in order:  # row labels
        lines = label_lines[key]
        first = row_top[key] + heights[key] / 2 - (len(lines) - 1) * LINE / 2 + 4
        out.add(_text(left - 8, first, lines, anchor="end"))
    grid_at = len(out.parts)
    ends: dict[str, float] = {}
    for index, trace in enumerate(data):
        if trace["type"] != "bar":
            continue
        fill = _fill(trace.get("marker", {}), prefix, index, out)
        bases = trace.get("base")
        for i, (key, length) in enumerate(zip(trace["y"], trace["x"])):
            if key not in row_top:
                continue
            if bases is not None:
                start = _day_number(bases[i] if isinstance(bases, list) else bases)
                end = start + float(length) / 86400000
            else:
                start = ends.get(key, 0.0)
                end = start + float(length)
                ends[key] = end
            x0, x1 = axis.x(start), axis.x(end)
            band = min(heights[key] - 10, 22)
            y0 = row_top[key] + (heights[key] - band) / 2
            out.add(f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{max(x1 - x0, 2):.1f}" height="{band:.1f}" {fill}/>')
            texts = trace.get("text")
            if texts is not None and bases is None and i < len(texts) and texts[i]:
                out.add(_text(x1 + 4, y0 + band / 2 + 4, [" ".join(_lines(texts[i]))], cls="cs-m", size=SMALL))
    for trace in data:
        if trace["type"] != "scatter":
            continue
        marker = trace.get("marker", {})
        symbols = marker.get("symbol", "circle")
        for i, (x, key) in enumerate(zip(trace["x"], trace["y"])):
            if key not in row_top:
                continue
            symbol = symbols[i] if isinstance(symbols, list) else symbols
            out.add(_symbol(symbol, axis.x(_day_number(x) if dates else float(x)), row_top[key] + heights[key] / 2, 10, marker.get("color", "#888")))
    grid: list[str] = []
    saved, out.parts = out.parts, grid
    new_bottom = _draw_x_axis(axis, ticks, top, bottom, _axis_title(layout, "xaxis"), out)
    out.parts = saved[:grid_at] + grid + saved[grid_at:]
    for shape in layout.get("shapes") or []:  # a dated vertical line (the data's as-of date)
        x = axis.x(_day_number(shape["x0"]))
        out.add(f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" class="cs-a" stroke-dasharray="4 3"/>')
    for note in layout.get("annotations") or []:
        x = axis.x(_day_number(note["x"]))
        out.add(_text(x, top - 2, [" ".join(_lines(note["text"]))], anchor="middle", cls="cs-m", size=SMALL))
    out.height = new_bottom


def _xy_chart(data: list[dict], layout: dict, out: _Svg, top: float) -> None:
    """Markers (with their text above) against a date or number axis across and a number axis up."""
    xaxis = layout.get("xaxis") or {}
    dates = xaxis.get("type") == "date" or any(isinstance(x, str) for trace in data for x in trace.get("x", []))
    xs = [_day_number(x) if dates else float(x) for trace in data for x in trace.get("x", [])]
    ys = [float(y) for trace in data for y in trace.get("y", [])]
    y_ticks = _nice_ticks(min(0.0, min(ys, default=0)), max(ys, default=1) * 1.08, 5)
    y_title = _axis_title(layout, "yaxis")
    tick_width = max(_width(_number_label(v), SMALL) for v in y_ticks)
    left = tick_width + 10 + (LINE + 4 if y_title else 0)
    height = max(220.0, min(out.width * 0.62, 360.0))
    plot_top, plot_bottom = top + 10, top + 10 + height
    axis, ticks = _x_axis(xs, dates, left, out.width - 28, low_zero=False)

    def y_of(value: float) -> float:
        return plot_bottom - (value - y_ticks[0]) / (y_ticks[-1] - y_ticks[0]) * height

    for value in y_ticks:
        y = y_of(value)
        out.add(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{axis.right:.1f}" y2="{y:.1f}" class="cs-g"/>')
        out.add(_text(left - 6, y + 4, [_number_label(value)], anchor="end", cls="cs-m", size=SMALL))
    if y_title:
        middle = (plot_top + plot_bottom) / 2
        out.add(_text(LINE - 2, middle, [y_title], anchor="middle", cls="cs-m", size=SMALL, extra=f' transform="rotate(-90 {LINE - 2} {middle:.1f})"'))
    bottom = _draw_x_axis(axis, ticks, plot_top, plot_bottom, _axis_title(layout, "xaxis"), out)
    for trace in data:
        marker = trace.get("marker", {})
        colour, symbol = marker.get("color", "#888"), marker.get("symbol", "circle")
        texts = trace.get("text") or []
        for i, (x, y) in enumerate(zip(trace.get("x", []), trace.get("y", []))):
            px, py = axis.x(_day_number(x) if dates else float(x)), y_of(float(y))
            out.add(_symbol(symbol[i] if isinstance(symbol, list) else symbol, px, py, marker.get("size", 10), colour))
            if "text" in trace.get("mode", "") and i < len(texts) and texts[i]:
                label = " ".join(_lines(texts[i]))
                half = _width(label, SMALL) / 2
                cx = min(max(px, axis.left + half), out.width - half)
                out.add(_text(cx, py - 10, [label], anchor="middle", size=SMALL))
    out.height = bottom

