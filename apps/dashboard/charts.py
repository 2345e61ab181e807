"""Plotly figures, built here and drawn in the browser by static/js/charts.js.

Figures are plain dicts in plotly.js's JSON schema: plotly.py's graph objects validate every
property and cost more than the rest of a page put together. Each Chart carries its numbers
as a table too, which the page shows beside the figure for screen readers, phones and
visitors without JavaScript.
"""

import json
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from apps.atlas.models import Target

from .colors import PALETTE, CityColors
from .units import COUNT, MONEY, PERCENT, amount, family_of, plain_number

FONT = "WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, system-ui, sans-serif"
TARGET_PATTERN = "/"  # targets are hatched, reported figures solid: told apart without colour
CHARTED_FAMILIES = (MONEY, PERCENT, COUNT)  # a bar for a rank says nothing a number does not


@dataclass
class Chart:
    title: str
    figure: dict
    columns: list
    rows: list
    caption: str = ""

    # Cached on the instance: a chart cached under the data version (prepared()) keeps its markup too.
    @cached_property
    def figure_json(self):
        return json.dumps(self.figure, ensure_ascii=False, separators=(",", ":"))

    @cached_property
    def table_body(self):
        """The <tr>s of the chart's data table, the first cell a row header. Markup built here rather than
        in two nested template loops: compare's charts hold hundreds of rows, and each loop step cost more
        than the row it printed."""
        return mark_safe(
            "\n".join(
                f'<tr><th scope="row">{_cell(first)}</th>{"".join(f"<td>{_cell(cell)}</td>" for cell in rest)}</tr>'
                for first, *rest in self.rows
            )
        )


def _cell(value):
    return conditional_escape(localize(value))  # what {{ value }} prints


def prepared(charts):
    """`charts` with their JSON and table markup built, so that a cached copy holds them and a
    request that finds it only prints them."""
    for chart in charts:
        chart.figure_json, chart.table_body  # noqa: B018 (computed for their cache)
    return charts


def city_label(city):
    return f"{city.name} {city.name_en}".strip()


AXIS = dict(automargin=True, gridcolor="#e2e8f0", zeroline=False)


def _figure(traces, height, xaxis=None, yaxis=None, **layout):
    return {
        "data": traces,
        "layout": dict(
            height=height,
            margin=dict(l=8, r=8, t=8, b=8),
            font=dict(family=FONT, size=13, color="#1e293b"),
            paper_bgcolor="rgba(0,0,0,0)",
            plot_bgcolor="rgba(0,0,0,0)",
            colorway=list(PALETTE),  # for a trace that names no colour of its own
            hoverlabel=dict(font=dict(family=FONT)),
            legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
            xaxis={**AXIS, **(xaxis or {})},
            yaxis={**AXIS, **(yaxis or {})},
            **layout,
        ),
    }


def tag_matrix_chart(cities, tags, counts):
    """Heatmap of cities × industry tags: how many clusters each city has in each industry."""
    z = [[counts[(city.pk, tag.pk)] for tag in tags] for city in cities]
    heatmap = dict(
        type="heatmap",
        z=z,
        x=[tag.name_zh for tag in tags],
        y=[city_label(city) for city in cities],
        text=[[n or "" for n in row] for row in z],
        texttemplate="%{text}",
        customdata=[[tag.name_en for tag in tags] for _ in cities],
        hovertemplate="%{y} · %{x} %{customdata}: %{z}<extra></extra>",
        colorscale=[[0, "#f1f5f9"], [0.01, "#dbeafe"], [1, "#1d4ed8"]],
        showscale=False,
        xgap=3,
        ygap=3,
    )
    figure = _figure(
        [heatmap],
        height=90 + 40 * len(cities),
        xaxis=dict(side="top"),
        yaxis=dict(autorange="reversed"),
    )
    return Chart(
        "城市 × 产业 City × industry",
        figure,
        columns=["城市 city", *(f"{tag.name_zh} {tag.name_en}" for tag in tags)],
        rows=[[city_label(city), *row] for city, row in zip(cities, z)],
        caption="每格为该城市在该产业的集群数 — clusters per city and industry",
    )


def target_label(target):
    """Metric over year: two short lines leave the bars room on a phone."""
    kind = " 目标" if target.kind == Target.Kind.TARGET else ""
    return f"{target.metric}<br>{target.year or '—'}{kind}"


def target_charts(facts_list):
    """One bar chart per family of figures (亿元, %, counts), each city in its colour, targets hatched."""
    colors = CityColors([facts.city for facts in facts_list])
    charts = []
    for family in CHARTED_FAMILIES:
        traces, rows, labels = [], [], set()
        for facts in facts_list:
            color = colors(facts.city)
            # One bar per label and city: the same figure quoted by two articles is drawn once.
            bars = {}
            for target in facts.targets:
                if family_of(target) is family:
                    bars.setdefault(target_label(target), target)
            if not bars:
                continue
            labels.update(bars)
            amounts = [amount(target) for target in bars.values()]
            traces.append(
                dict(
                    type="bar",
                    orientation="h",
                    y=list(bars),
                    x=[float(number) for number, _ in amounts],
                    name=facts.city.name,
                    marker=dict(
                        color=color,
                        line=dict(color=color, width=1),
                        pattern=dict(
                            shape=[TARGET_PATTERN if t.kind == Target.Kind.TARGET else "" for t in bars.values()],
                            fillmode="overlay",
                            fgcolor="white",
                            size=7,
                            solidity=0.45,
                        ),
                    ),
                    hovertemplate="%{y}: %{x}<extra>" + facts.city.name + "</extra>",
                )
            )
            rows.extend(
                [
                    facts.city.name,
                    target.metric,
                    target.get_kind_display(),
                    target.year or "",
                    f"{plain_number(number)}{unit}",
                ]
                for target, (number, unit) in zip(bars.values(), amounts)
            )
        if traces:
            figure = _figure(
                traces,
                height=90 + len(labels) * (20 + 16 * len(traces)),
                barmode="group",
                showlegend=len(traces) > 1,
                yaxis=dict(autorange="reversed"),
                xaxis=dict(tickformat=",~r", title=dict(text=family.unit or family.label)),
            )
            charts.append(
                Chart(
                    family.label,
                    figure,
                    columns=["城市 city", "指标 metric", "类型 kind", "年份 year", "数值 value"],
                    rows=rows,
                    caption="斜线：目标；实心：实际 — hatched: target, solid: reported figure",
                )
            )
    return charts


INK = "#1e293b"
# How a goal's bound is drawn: a marker for its value, and the whiskers of 左右 and of a range.
BOUND_SYMBOLS = {
    "at_least": "triangle-up",
    "at_most": "triangle-down",
    "about": "diamond",
    "range": "diamond",
    "exact": "diamond",
}
MET_MARK, MISSED_MARK = "✓", "✗"
DAY_MS = 86_400_000
# Tick labels by the distance between ticks: days, months, years; numbers only (Plotly's bundled
# locale would print English month names), never a date repeated over hourly ticks.
DATE_TICK_FORMATS = [
    dict(dtickrange=[None, "M1"], value="%Y-%m-%d"),
    dict(dtickrange=["M1", "M12"], value="%Y-%m"),
    dict(dtickrange=["M12", None], value="%Y"),
]


def value_axis(family):
    """A y axis for one family of figures: the unit on the axis, thousands separated."""
    axis = dict(tickformat=",~r", rangemode="tozero", title=dict(text=family.unit or family.label))
    if family.unit == "%":
        axis.update(ticksuffix="%", title=dict(text=""), rangemode="normal")
    return axis


def ink_on(color):
    """Text colour that reads on a solid `color` ('#rrggbb'): white on dark colours, ink on light ones."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "white" if 0.299 * red + 0.587 * green + 0.114 * blue < 150 else INK


def _verdict_mark(verdict):
    return {"met": MET_MARK, "missed": MISSED_MARK}.get(verdict, "")


def per_point(values):
    """A per-point property as plotly.js takes it: one value when every point has the same.

    Compare draws eight of these charts for five cities; repeating a colour or a symbol per
    point was a fifth of their JSON."""
    return values[0] if values and all(value == values[0] for value in values) else values


def plain(number):
    """A float for plotly.js without a trailing '.0': 7206 rather than 7206.0."""
    number = float(number)
    return int(number) if number.is_integer() else number


def goal_result_chart(title, lines, family, caption=""):
    """Goal against result by year for one metric: a bar per result, a marker per goal.

    `lines` is [(city, color, [YearFigure])], one per city (see apps.metrics.figures): several
    cities share the years on x and one y axis, so the same metric reads side by side. A result
    bar is solid when it met its goal and pale and hatched when it missed; ✓/✗ say the same in
    words. The goal marker's shape is its bound (▲ 以上, ▼ 以内, ◆ 左右 or exact) and whiskers
    span a range or the tolerance of 左右.
    """
    years = sorted({figure.year for _, _, figures in lines for figure in figures})
    x_of = {year: str(year) for year in years}
    traces, rows = [], []
    for city, color, figures in lines:
        group = city.slug
        results = [f for f in figures if f.result is not None]
        goals = [f for f in figures if f.goal is not None]
        traces.append(
            dict(
                type="bar",
                name=f"{city.name} 实际",
                offsetgroup=group,
                legendgroup=group,
                x=[x_of[f.year] for f in results],
                y=[plain(f.result) for f in results],
                marker=dict(
                    color=color,
                    opacity=per_point([0.45 if f.verdict == "missed" else 1 for f in results]),
                    line=dict(color=color, width=1.5),
                    pattern=dict(
                        shape=per_point(["x" if f.verdict == "missed" else "" for f in results]),
                        fgcolor=INK,
                        size=6,
                        solidity=0.15,
                    ),
                ),
                # The mark sits at the foot of the bar, clear of the goal marker near its top.
                text=[_verdict_mark(f.verdict) for f in results],
                textposition="inside",
                insidetextanchor="start",
                textfont=dict(
                    color=per_point([INK if f.verdict == "missed" else ink_on(color) for f in results]), size=14
                ),
                constraintext="none",
                customdata=[[f.result_text, f.verdict_label] for f in results],
                hovertemplate=f"{city.name} %{{x}} 实际 %{{customdata[0]}} %{{customdata[1]}}<extra></extra>",
            )
        )
        if goals:
            traces.append(
                dict(
                    type="scatter",
                    mode="markers",
                    name=f"{city.name} 目标",
                    offsetgroup=group,
                    legendgroup=group,
                    x=[x_of[f.year] for f in goals],
                    y=[plain(f.goal) for f in goals],
                    marker=dict(
                        symbol=per_point([BOUND_SYMBOLS.get(f.bound, "diamond") for f in goals]),
                        size=13,
                        color=INK,
                        line=dict(color="white", width=1.5),
                    ),
                    error_y=dict(
                        type="data",
                        symmetric=False,
                        color=INK,
                        thickness=1.5,
                        width=6,
                        array=[plain(f.goal_high - f.goal) for f in goals],
                        arrayminus=[plain(f.goal - f.goal_low) for f in goals],
                    )
                    if any(f.goal_high != f.goal or f.goal_low != f.goal for f in goals)
                    else dict(visible=False),  # exact goals: no whiskers to draw
                    customdata=[[f.goal_text, "（修订 revised）" if f.revised else ""] for f in goals],
                    hovertemplate=f"{city.name} %{{x}} 目标 %{{customdata[0]}}%{{customdata[1]}}<extra></extra>",
                )
            )
        rows.extend([city.name, f.year, f.goal_text or "—", f.result_text or "—", f.verdict_label] for f in figures)
    figure = _figure(
        traces,
        height=280,
        barmode="group",
        scattermode="group",
        showlegend=len(lines) > 1,
        bargap=0.35,
        xaxis=dict(type="category", categoryorder="array", categoryarray=list(x_of.values())),
        yaxis=value_axis(family),
    )
    return Chart(
        title,
        figure,
        columns=["城市 city", "年份 year", "目标 goal", "实际 result", "结果 verdict"],
        rows=rows,
        caption=caption
        or "柱：实际；◆▲▼：目标（▲以上 ▼以内 ◆左右/区间）；✓达成 ✗未达成 — bar: result, marker: goal; ✓ met, ✗ missed",
    )


def metric_ranking_chart(title, ranked, family):
    """The top cities on one metric for one year: goal (hatched) and result (solid) side by side.

    `ranked` is [RankedCity] (apps.metrics.figures), best first; each bar has its city's colour.
    """
    shown = [row for row in ranked if row.result is not None or row.goal is not None]
    labels = [row.city.name for row in shown]
    colors = [row.color for row in shown]

    def values(attribute):
        return [float(v) if (v := getattr(row, attribute)) is not None else None for row in shown]

    traces = [
        dict(
            type="bar",
            orientation="h",
            name="目标 goal",
            y=labels,
            x=values("goal"),
            marker=dict(
                color=colors, opacity=0.55, pattern=dict(shape=TARGET_PATTERN, fgcolor="white", size=7, solidity=0.45)
            ),
            customdata=[[row.goal_text, "（修订 revised）" if row.revised else ""] for row in shown],
            hovertemplate="%{y} 目标 %{customdata[0]}%{customdata[1]}<extra></extra>",
        ),
        dict(
            type="bar",
            orientation="h",
            name="实际 result",
            y=labels,
            x=values("result"),
            marker=dict(color=colors),
            text=[_verdict_mark(row.verdict) + (" 修订" if row.revised else "") for row in shown],
            textposition="outside",
            cliponaxis=False,
            customdata=[[row.result_text, row.verdict_label] for row in shown],
            hovertemplate="%{y} 实际 %{customdata[0]} %{customdata[1]}<extra></extra>",
        ),
    ]
    axis = value_axis(family)
    figure = _figure(
        traces,
        height=110 + 44 * len(shown),
        barmode="group",
        bargap=0.25,
        yaxis=dict(autorange="reversed", type="category"),
        xaxis=axis,
    )
    return Chart(
        title,
        figure,
        columns=["城市 city", "目标 goal", "实际 result", "结果 verdict"],
        rows=[[row.city.name, row.goal_text or "—", row.result_text or "—", row.verdict_label] for row in shown],
        caption="斜线：目标；实心：实际；✓达成 ✗未达成 — hatched: goal, solid: result",
    )


def met_share_chart(shares):
    """The share of cities that met their goal, year by year: [(year, met, judged)]."""
    if not shares:
        return None
    x = [str(year) for year, _, _ in shares]
    y = [round(100 * met / judged, 1) for _, met, judged in shares]
    line = dict(
        type="scatter",
        mode="lines+markers+text",
        x=x,
        y=y,
        line=dict(color=INK, width=2),
        marker=dict(size=9, color=INK),
        text=[f"{share:g}%" for share in y],
        textposition="top center",
        cliponaxis=False,
        customdata=[f"{met}/{judged}" for _, met, judged in shares],
        hovertemplate="%{x}: %{y:.1f}%（%{customdata}）<extra></extra>",
    )
    figure = _figure(
        [line],
        height=220,
        showlegend=False,
        xaxis=dict(type="category"),
        yaxis=dict(range=[0, 110], ticksuffix="%", dtick=25),
    )
    return Chart(
        "达成目标的城市占比 Share of cities that met their goal",
        figure,
        columns=["年份 year", "达成 met", "可判定 judged", "占比 share"],
        rows=[[year, met, judged, f"{share:g}%"] for (year, met, judged), share in zip(shares, y)],
        caption="有目标也有实际数据的城市中 — of the cities with both a goal and a result",
    )


def date_range(dates, least_days=30):
    """[start, end] around `dates` with a margin: one meeting is not a lone dot over hourly ticks."""
    first, last = min(dates), max(dates)
    margin = max((last - first).days * 0.08, least_days / 2)
    return [(first - timedelta(days=margin)).isoformat(), (last + timedelta(days=margin)).isoformat()]


def meetings_timeline_chart(groups):
    """Dated meetings on a date axis, one row per kind of meeting; `groups` is [(city, color, meetings)].

    One city (the profile) or several (compare, a trace and colour per city) read the same:
    a date range with a margin around one meeting or many, ticks of days, months or years by
    the span, hollow marks where the year was inferred.
    """
    dated = [(city, color, [m for m in meetings if m.date]) for city, color, meetings in groups]
    dated = [(city, color, meetings) for city, color, meetings in dated if meetings]
    if not dated:
        return None
    lanes = sorted({m.kind or "会议" for _, _, meetings in dated for m in meetings})
    traces = [
        dict(
            type="scatter",
            mode="markers",
            name=city.name,
            x=[m.date.isoformat() for m in meetings],
            y=[m.kind or "会议" for m in meetings],
            marker=dict(
                size=14,
                color=color,
                line=dict(width=2, color=color),
                symbol=["circle-open" if m.year_inferred else "circle" for m in meetings],
            ),
            text=[m.name for m in meetings],
            hovertemplate="%{x|%Y-%m-%d} " + city.name + "<br>%{text}<extra></extra>",
        )
        for city, color, meetings in dated
    ]
    dates = [m.date for _, _, meetings in dated for m in meetings]
    figure = _figure(
        traces,
        height=100 + 40 * len(lanes),
        showlegend=len(dated) > 1,
        xaxis=dict(
            type="date", range=date_range(dates), tickformatstops=DATE_TICK_FORMATS, hoverformat="%Y-%m-%d", nticks=8
        ),
        yaxis=dict(type="category", categoryorder="array", categoryarray=lanes),
    )
    return Chart(
        "会议时间线 Meeting timeline",
        figure,
        columns=["日期 date", "城市 city", "会议 meeting", "类型 kind"],
        rows=[
            [m.date.isoformat(), city.name, m.name, m.kind]
            for city, _, meetings in dated
            for m in sorted(meetings, key=lambda m: m.date)
        ],
        caption="每行一类会议；空心圆点：原文未写年份，年份为推断 — a row per kind; hollow: year inferred",
    )
