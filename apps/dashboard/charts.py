"""Plotly figures, built here and drawn in the browser by static/js/charts.js.

Figures are plain dicts in plotly.js's JSON schema: plotly.py's graph objects validate every
property and cost more than the rest of a page put together. Each Chart carries its numbers
as a table too, which the page shows beside the figure for screen readers, phones and
visitors without JavaScript.
"""
import json
from collections import Counter
from dataclasses import dataclass

from apps.atlas.models import Target

from .units import COUNT, MONEY, PERCENT, amount, family_of, plain_number

FONT = "WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, system-ui, sans-serif"
CITY_COLORS = ["#2563eb", "#e11d48", "#059669", "#d97706", "#7c3aed"]
TARGET_PATTERN = "/"  # targets are hatched, reported figures solid: told apart without colour
CHARTED_FAMILIES = (MONEY, PERCENT, COUNT)  # a bar for a rank says nothing a number does not


@dataclass
class Chart:
    title: str
    figure: dict
    columns: list
    rows: list
    caption: str = ""

    @property
    def figure_json(self):
        return json.dumps(self.figure, ensure_ascii=False, separators=(",", ":"))


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
            colorway=CITY_COLORS,
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
        [heatmap], height=90 + 40 * len(cities),
        xaxis=dict(side="top"), yaxis=dict(autorange="reversed"),
    )
    return Chart(
        "城市 × 产业 City × industry",
        figure,
        columns=["城市 city", *(f"{tag.name_zh} {tag.name_en}" for tag in tags)],
        rows=[[city_label(city), *row] for city, row in zip(cities, z)],
        caption="每格为该城市在该产业的集群数 — clusters per city and industry",
    )


def meeting_timeline_chart(meetings):
    """Dated meetings on a time axis, one lane per kind of meeting; hollow marks where the year was inferred."""
    dated = [meeting for meeting in meetings if meeting.date]
    if not dated:
        return None
    lanes = [meeting.kind or "会议" for meeting in dated]
    scatter = dict(
        type="scatter",
        x=[meeting.date.isoformat() for meeting in dated],
        y=lanes,
        mode="markers",
        marker=dict(
            size=16, color="#2563eb", line=dict(width=2, color="#2563eb"),
            symbol=["circle-open" if meeting.year_inferred else "circle" for meeting in dated],
        ),
        text=[meeting.name for meeting in dated],
        hovertemplate="%{x|%Y-%m-%d}<br>%{text}<extra></extra>",
    )
    # Numeric dates: Plotly's bundled locale would print English month names.
    figure = _figure([scatter], height=110 + 36 * len(set(lanes)),
                     xaxis=dict(type="date", tickformat="%Y-%m-%d", hoverformat="%Y-%m-%d"),
                     yaxis=dict(type="category"))
    return Chart(
        "会议时间线 Meeting timeline",
        figure,
        columns=["日期 date", "会议 meeting", "类型 kind"],
        rows=[[meeting.date.isoformat(), meeting.name, meeting.kind] for meeting in dated],
        caption="空心圆点：原文未写年份，年份为推断 — hollow: year inferred",
    )


def target_label(target):
    """Metric over year: two short lines leave the bars room on a phone."""
    kind = " 目标" if target.kind == Target.Kind.TARGET else ""
    return f"{target.metric}<br>{target.year or '—'}{kind}"


def target_charts(facts_list):
    """One bar chart per family of figures (亿元, %, counts), a colour per city, targets hatched."""
    charts = []
    for family in CHARTED_FAMILIES:
        traces, rows, labels = [], [], set()
        for color, facts in zip(CITY_COLORS, facts_list):
            # One bar per label and city: the same figure quoted by two articles is drawn once.
            bars = {}
            for target in facts.targets:
                if family_of(target) is family:
                    bars.setdefault(target_label(target), target)
            if not bars:
                continue
            labels.update(bars)
            amounts = [amount(target) for target in bars.values()]
            traces.append(dict(
                type="bar",
                orientation="h",
                y=list(bars),
                x=[float(number) for number, _ in amounts],
                name=facts.city.name,
                marker=dict(color=color, line=dict(color=color, width=1), pattern=dict(
                    shape=[TARGET_PATTERN if t.kind == Target.Kind.TARGET else "" for t in bars.values()],
                    fillmode="overlay", fgcolor="white", size=7, solidity=0.45,
                )),
                hovertemplate="%{y}: %{x}<extra>" + facts.city.name + "</extra>",
            ))
            rows.extend(
                [facts.city.name, target.metric, target.get_kind_display(), target.year or "",
                 f"{plain_number(number)}{unit}"]
                for target, (number, unit) in zip(bars.values(), amounts)
            )
        if traces:
            figure = _figure(traces, height=90 + len(labels) * (20 + 16 * len(traces)), barmode="group",
                             showlegend=len(traces) > 1, yaxis=dict(autorange="reversed"),
                             xaxis=dict(tickformat=",~r", title=dict(text=family.unit or family.label)))
            charts.append(Chart(
                family.label, figure,
                columns=["城市 city", "指标 metric", "类型 kind", "年份 year", "数值 value"],
                rows=rows,
                caption="斜线：目标；实心：实际 — hatched: target, solid: reported figure",
            ))
    return charts


def clusters_by_tag_chart(facts_list):
    """Grouped bars: per industry tag, how many clusters each compared city has."""
    per_city = [Counter(tag for cluster in facts.clusters for tag in cluster.tags.all()) for facts in facts_list]
    tags = sorted(set().union(*per_city), key=lambda tag: (tag.sort_order, tag.slug))
    if not tags:
        return None
    traces = [
        dict(type="bar", x=[tag.name_zh for tag in tags], y=[counts[tag] for tag in tags], name=facts.city.name,
               customdata=[tag.name_en for tag in tags],
               hovertemplate="%{x} %{customdata}: %{y}<extra>" + facts.city.name + "</extra>")
        for facts, counts in zip(facts_list, per_city)
    ]
    figure = _figure(traces, height=340, barmode="group", yaxis=dict(dtick=1, rangemode="tozero"))
    return Chart(
        "产业集群（按标签）Clusters by industry",
        figure,
        columns=["产业 industry", *(facts.city.name for facts in facts_list)],
        rows=[[f"{tag.name_zh} {tag.name_en}", *(counts[tag] for counts in per_city)] for tag in tags],
    )
