"""Score the pure pipeline against the work-report development gold (bench/gold/work_reports).

For each gold report: read → process (apps.ingest.service), no database, then compare the
Extraction with the gold: city, speaker, session (人大 meeting), the goals of the 主要预期目标
paragraph, and the headline results of the review year. Prints one line per report, the totals,
and a last summary line; asserts nothing. docs/gold.md explains the gold and every figure.

    python bench/score_work_reports.py [--gold DIR] [--corpus DIR] [--json FILE] [--verbose]

The extractor is being changed in parallel, so every field is read with getattr and a default.
"""

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "bench" / "gold" / "work_reports"
CORPUS_ENV = "WORK_REPORTS_CORPUS"

# A value matches when it is within this share of the gold (money first converted to yuan).
TOLERANCE = Decimal("0.005")
MULTIPLIERS = (("万亿", Decimal("1e12")), ("亿", Decimal("1e8")), ("万", Decimal("1e4")), ("千", Decimal("1e3")))
UNIT_ALIASES = {"％": "%", "个百分点": "百分点", "‰": "‰"}
JUNK_METRIC_WORDS = ("分别", "同比", "年均")
# Headline indicators and the words that name them; a review figure "matches with its metric" when
# the words of its family occur in the prediction's metric or in the text just before its value.
METRIC_FAMILIES = (
    ("生产总值", "GDP", "经济增长"),
    ("固定资产投资", "投资"),
    ("社会消费品零售总额", "社零"),
    ("财政", "预算收入", "财政收入"),
    ("可支配收入", "纯收入", "居民收入"),
    ("工业增加值", "规上工业", "规模工业"),
    ("进出口", "出口", "外贸"),
    ("失业率",),
    ("消费价格", "CPI"),
    ("能耗",),
    ("城镇化率",),
    ("就业",),
    ("市场主体",),
    ("服务业", "第三产业"),
    ("农业", "第一产业"),
)
CONTEXT_CHARS = 30
# Suffixes of an official subject name; what is left is the short name ("大理白族自治州" → "大理").
# The peoples named in autonomous prefectures' names, some without 族 (巴音郭楞蒙古自治州): listed,
# because "any few characters before 族" cuts 黔西南布依族苗族自治州 after 黔西.
PEOPLES = "朝鲜|土家|苗|藏|羌|彝|侗|布依|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克"
SUFFIX = rf"(?:(?:(?:{PEOPLES})族?)+自治州|自治州|地区|市|盟|州)"
SUBJECT_SUFFIX = re.compile(rf"^(.{{2,}}?){SUFFIX}$")


def find_corpus(explicit=None):
    """The corpus folder: --corpus, $WORK_REPORTS_CORPUS, or shared/corpus/work-reports beside the repo or a parent."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CORPUS_ENV):
        return Path(os.environ[CORPUS_ENV])
    for parent in ROOT.parents:
        candidate = parent / "shared" / "corpus" / "work-reports"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "corpus" / "work-reports"


def load_gold(gold_dir):
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(Path(gold_dir).glob("*.json"))]


def setup_pipeline():
    """service.py imports the loader (Django models), so Django is set up; no database is touched."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "score-only-insecure-key-" + "x" * 40)  # no database is written
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'score_work_reports.sqlite3'}")
    import django

    django.setup()
    from apps.ingest.pipeline import read
    from apps.ingest.service import process

    return read, process


def run_pipeline(read, process, path):
    """read_file when it takes .md; otherwise the same bytes under a .txt name (read_bytes)."""
    error_type = getattr(read, "ArticleError", ValueError)
    try:
        raw = read.read_file(path)
    except error_type:
        raw = read.read_bytes(path.stem + ".txt", path.read_bytes())
    return process(raw)


# --- comparing values -------------------------------------------------------------------------


def to_decimal(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None


def in_base_unit(value, unit):
    """(value in the unit's base, base unit): 1.2 亿元 → (120000000, 元); 3 % → (3, %)."""
    value, unit = to_decimal(value), (unit or "").strip()
    if value is None:
        return None, unit
    unit = UNIT_ALIASES.get(unit, unit)
    for prefix, factor in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, unit[len(prefix) :]
    return value, unit


def same_value(gold_value, gold_unit, predicted_value, predicted_unit):
    """Same quantity within TOLERANCE; the sign is ignored (下降 2% may be written -2 or 2)."""
    gold, gold_base = in_base_unit(gold_value, gold_unit)
    predicted, predicted_base = in_base_unit(predicted_value, predicted_unit)
    if gold is None or predicted is None or gold_base != predicted_base:
        return False
    gold, predicted = abs(gold), abs(predicted)
    if gold == 0:
        return predicted == 0
    return abs(gold - predicted) <= gold * TOLERANCE


# --- locating the goals paragraph --------------------------------------------------------------


def raw_to_normalized(offset_map, raw_position):
    for norm_start, raw_start, length in offset_map or ():
        if raw_start <= raw_position < raw_start + length:
            return norm_start + raw_position - raw_start
    return None


def goals_region(gold, normalized):
    """(start, end) of the goals paragraph in the normalized text: from the anchor to the end of its
    line, or of the line holding goals_end_anchor when the goals run over several lines."""
    text = getattr(normalized, "text", "") or ""
    anchor, end_anchor = gold["goals_anchor"], gold.get("goals_end_anchor")
    start = text.find(anchor)
    if start < 0:  # normalization changed the anchor: find it in the raw text and map the offset
        raw_text = getattr(normalized, "raw_text", "") or ""
        raw_start = raw_text.find(anchor)
        start = raw_to_normalized(getattr(normalized, "offset_map", None), raw_start) if raw_start >= 0 else None
        if start is None:
            return None
    line_from = text.find(end_anchor, start) if end_anchor else start
    line_from = start if line_from < 0 else line_from
    end = text.find("\n", line_from)
    return start, (len(text) if end < 0 else end)


def evidence_bounds(target):
    evidence = getattr(target, "evidence", None)
    return getattr(evidence, "start", None), getattr(evidence, "end", None)


def inside(target, region):
    start, end = evidence_bounds(target)
    if region is None or start is None or end is None:
        return False
    return start < region[1] and end > region[0]


def before(target, region):
    start, _ = evidence_bounds(target)
    return region is not None and start is not None and start < region[0]


# --- matching -------------------------------------------------------------------------------


def match(gold_items, predictions, accept):
    """Greedy one-to-one matching: each gold item takes the first unused prediction accept() likes."""
    used, matched = set(), []
    for item in gold_items:
        for index, predicted in enumerate(predictions):
            if index not in used and accept(item, predicted):
                used.add(index)
                matched.append((item, predicted))
                break
        else:
            matched.append((item, None))
    return matched, used


def value_of(target):
    return getattr(target, "value", None), getattr(target, "unit", "")


def value_accept(item, target):
    return same_value(item["value"], item["unit"], *value_of(target))


def kind_year_accept(kind):
    def accept(item, target):
        return (
            value_accept(item, target)
            and getattr(target, "kind", "") == kind
            and getattr(target, "year", None) == item["year"]
        )

    return accept


def family_words(metric):
    for family in METRIC_FAMILIES:
        if any(word in metric for word in family):
            return family
    return ()


def metric_context(target, text):
    start, end = evidence_bounds(target)
    if start is None or end is None:
        return getattr(target, "metric", "") or ""
    return (getattr(target, "metric", "") or "") + text[max(0, start - CONTEXT_CHARS) : end]


def value_metric_accept(text):
    """Same value, and the gold metric's family named in the prediction's metric or nearby text."""

    def accept(item, target):
        words = family_words(item["metric"])
        return value_accept(item, target) and (not words or any(w in metric_context(target, text) for w in words))

    return accept


def short_name(name):
    name = re.sub(r"\s+", "", name or "")
    found = SUBJECT_SUFFIX.match(name)
    return found.group(1) if found else name


def same_subject(predicted, gold):
    """The gold name or the same short name (黔西南 for 黔西南布依族苗族自治州)."""
    return bool(predicted) and (predicted == gold or short_name(predicted) == short_name(gold))


def squeeze(text):
    return re.sub(r"\s+", "", text or "")


def is_junk_metric(metric):
    metric = (metric or "").strip()
    return not metric or re.fullmatch(r"[\d.%％‰\s]+", metric) is not None or metric.endswith(JUNK_METRIC_WORDS)


# --- one report -------------------------------------------------------------------------------


@dataclass
class ReportScore:
    path: str
    city: bool = False
    speaker: bool = False
    speaker_title: bool | None = None  # None: the gold gives no title
    session: bool | None = None  # None: the report has no dateline
    session_name: bool | None = None
    goals: int = 0
    goals_found: int = 0
    goals_kind_year: int = 0
    predicted_in_goals: int = 0
    predicted_in_goals_matched: int = 0
    actuals: int = 0
    actuals_found: int = 0
    actuals_kind_year: int = 0
    actuals_with_metric: int = 0
    targets: int = 0
    targets_with_year: int = 0
    targets_junk_metric: int = 0
    targets_with_metric_key: int = 0
    anchor_found: bool = True
    misses: list = field(default_factory=list)


def score_report(gold, normalized, extraction):
    result = ReportScore(path=gold["path"])

    city = getattr(extraction, "city", None)
    city_name = squeeze(getattr(city, "name", ""))
    result.city = same_subject(city_name, gold["city"])
    if not result.city:
        result.misses.append(f"city: got {city_name or '-'}")

    speaker = gold.get("speaker")
    officials = list(getattr(extraction, "officials", []) or [])
    if speaker:
        named = [o for o in officials if squeeze(getattr(o, "name", "")) == squeeze(speaker["name"])]
        result.speaker = bool(named)
        if speaker.get("title"):
            result.speaker_title = any(getattr(o, "title", "") == speaker["title"] for o in named)
        if not result.speaker or result.speaker_title is False:
            got = ", ".join(f"{getattr(o, 'title', '')} {getattr(o, 'name', '')}" for o in officials[:5]) or "-"
            result.misses.append(f"speaker: want {speaker.get('title') or ''} {speaker['name']}, got {got}")

    session = gold.get("session")
    meetings = list(getattr(extraction, "meetings", []) or [])
    if session:

        def date_text(meeting):
            value = getattr(meeting, "date", None)
            return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value else None)

        congress = [m for m in meetings if "人民代表大会" in (getattr(m, "name", "") or "")]
        if session.get("date"):
            congress = [m for m in congress if date_text(m) == session["date"]]
        result.session = bool(congress)
        result.session_name = any(squeeze(getattr(m, "name", "")) == squeeze(session["name"]) for m in congress)
        if not result.session_name:
            got = "; ".join(f"{date_text(m)} {getattr(m, 'name', '')}" for m in meetings[:4]) or "-"
            result.misses.append(f"session: want {session.get('date')} {session['name']}, got {got}")

    targets = list(getattr(extraction, "targets", []) or [])
    result.targets = len(targets)
    result.targets_with_year = sum(1 for t in targets if getattr(t, "year", None))
    result.targets_junk_metric = sum(1 for t in targets if is_junk_metric(getattr(t, "metric", "")))
    result.targets_with_metric_key = sum(1 for t in targets if getattr(t, "metric_key", ""))

    region = goals_region(gold, normalized)
    result.anchor_found = region is not None
    if region is None:
        result.misses.append(f"goals: anchor {gold['goals_anchor']!r} not found in the normalized text")
    in_goals = [t for t in targets if inside(t, region)]
    goals = gold.get("goals", [])
    result.goals = len(goals)
    matched, used = match(goals, in_goals, value_accept)
    result.goals_found = sum(1 for _, predicted in matched if predicted is not None)
    result.predicted_in_goals = len(in_goals)
    result.predicted_in_goals_matched = len(used)
    strict, _ = match(goals, in_goals, kind_year_accept("target"))
    result.goals_kind_year = sum(1 for _, predicted in strict if predicted is not None)
    text = getattr(normalized, "text", "") or ""
    for (item, predicted), (_, strict_predicted) in zip(matched, strict):
        if predicted is None:
            result.misses.append(f"goal missed: {item['metric']} {item['value']}{item['unit']}")
        elif strict_predicted is None:
            result.misses.append(
                f"goal kind/year: {item['metric']} {item['value']}{item['unit']} want target {item['year']}, "
                f"got {getattr(predicted, 'kind', '')} {getattr(predicted, 'year', None)}"
            )
    for index, predicted in enumerate(in_goals):
        if index not in used:
            start, end = evidence_bounds(predicted)
            result.misses.append(
                f"goal extra: {getattr(predicted, 'metric', '')} {getattr(predicted, 'value', '')}"
                f"{getattr(predicted, 'unit', '')} «{text[start:end][:40]}»"
            )

    # Review figures come before the plan; a report without a located goals paragraph is searched whole.
    in_review = [t for t in targets if region is None or before(t, region)]
    actuals = gold.get("actuals", [])
    result.actuals = len(actuals)
    found, _ = match(actuals, in_review, value_accept)
    result.actuals_found = sum(1 for _, predicted in found if predicted is not None)
    with_metric, _ = match(actuals, in_review, value_metric_accept(text))
    result.actuals_with_metric = sum(1 for _, predicted in with_metric if predicted is not None)
    strict, _ = match(actuals, in_review, kind_year_accept("actual"))
    result.actuals_kind_year = sum(1 for _, predicted in strict if predicted is not None)
    for (item, predicted), (_, strict_predicted) in zip(found, strict):
        if predicted is None:
            result.misses.append(f"actual missed: {item['metric']} {item['value']}{item['unit']}")
        elif strict_predicted is None:
            result.misses.append(
                f"actual kind/year: {item['metric']} {item['value']}{item['unit']} want actual {item['year']}"
            )
    return result


# --- totals -----------------------------------------------------------------------------------


def share(part, whole):
    return round(part / whole, 3) if whole else 0.0


def f1(precision, recall):
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


def summarize(scores):
    def count(attribute, value=True):
        return sum(1 for s in scores if getattr(s, attribute) is value)

    def known(attribute):
        return sum(1 for s in scores if getattr(s, attribute) is not None)

    def total(attribute):
        return sum(getattr(s, attribute) for s in scores)

    goals_recall = share(total("goals_found"), total("goals"))
    goals_precision = share(total("predicted_in_goals_matched"), total("predicted_in_goals"))
    return {
        "city": share(count("city"), len(scores)),
        "speaker": share(count("speaker"), len(scores)),
        "session": share(count("session"), known("session")),
        "goals_f1": f1(goals_precision, goals_recall),
        "goals_kind_year": share(total("goals_kind_year"), total("goals")),
        "actuals": share(total("actuals_found"), total("actuals")),
        "actuals_kind_year": share(total("actuals_kind_year"), total("actuals")),
        "actuals_with_metric": share(total("actuals_with_metric"), total("actuals")),
        "speaker_title": share(count("speaker_title"), known("speaker_title")),
        "session_name": share(count("session_name"), known("session_name")),
        "goals_recall": goals_recall,
        "goals_precision": goals_precision,
        "targets": total("targets"),
        "targets_with_year": share(total("targets_with_year"), total("targets")),
        "targets_junk_metric": share(total("targets_junk_metric"), total("targets")),
        "targets_with_metric_key": share(total("targets_with_metric_key"), total("targets")),
        "anchors_found": share(count("anchor_found"), len(scores)),
        "reports": len(scores),
    }


def flag(value):
    return {True: "y", False: "n", None: "·"}[value]


def report_line(s):
    return (
        f"{s.path:<30} city={flag(s.city)} speaker={flag(s.speaker)}/{flag(s.speaker_title)} "
        f"session={flag(s.session)}/{flag(s.session_name)} "
        f"goals={s.goals_found}/{s.goals} kind_year={s.goals_kind_year} "
        f"precision={s.predicted_in_goals_matched}/{s.predicted_in_goals} "
        f"actuals={s.actuals_found}/{s.actuals} with_metric={s.actuals_with_metric} kind_year={s.actuals_kind_year} targets={s.targets}"
    )


SUMMARY_KEYS = ("city", "speaker", "session", "goals_f1", "goals_kind_year", "actuals")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold folder (default: %(default)s)")
    parser.add_argument("--corpus", default=None, help="work-reports folder (default: ../shared/corpus/work-reports)")
    parser.add_argument("--json", dest="json_file", help="write the summary to this JSON file")
    parser.add_argument("--verbose", action="store_true", help="list the misses of each report")
    args = parser.parse_args(argv)

    corpus = find_corpus(args.corpus)
    golds = load_gold(args.gold)
    if not golds:
        parser.error(f"no gold files in {args.gold}")
    if not corpus.is_dir():
        parser.error(f"corpus folder {corpus} not found (use --corpus or ${CORPUS_ENV})")
    read, process = setup_pipeline()

    scores = []
    for gold in golds:
        normalized, extraction = run_pipeline(read, process, corpus / gold["path"])
        score = score_report(gold, normalized, extraction)
        scores.append(score)
        print(report_line(score), flush=True)
        if args.verbose:
            for miss in score.misses:
                print(f"    {miss}")

    summary = summarize(scores)
    print()
    print(f"reports={summary['reports']} targets={summary['targets']} anchors_found={summary['anchors_found']}")
    print(f"speaker_title={summary['speaker_title']} session_name={summary['session_name']}")
    print(
        f"goals_recall={summary['goals_recall']} goals_precision={summary['goals_precision']} "
        f"actuals_with_metric={summary['actuals_with_metric']} actuals_kind_year={summary['actuals_kind_year']}"
    )
    print(
        f"targets_with_year={summary['targets_with_year']} targets_junk_metric={summary['targets_junk_metric']} "
        f"targets_with_metric_key={summary['targets_with_metric_key']}"
    )
    print(" ".join(f"{key}={summary[key]:.2f}" for key in SUMMARY_KEYS))
    if args.json_file:
        Path(args.json_file).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
