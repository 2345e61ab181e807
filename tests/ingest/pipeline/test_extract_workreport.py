"""The work report genre, step by step on hand-built documents (made-up text in the shape of
the corpus's reports: dateline, speaker, 各位代表, review, plan heading, goals paragraph)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from apps.ingest.pipeline.extract import (
    ArticleDoc,
    extract,
    genre_step,
    make_doc,
    publication_step,
    reference_date_step,
    run,
    subject_step,
)
from apps.ingest.pipeline.extract.workreport import (
    section_targets_step,
    session_step,
    speaker_step,
)
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import segment
from apps.ingest.pipeline.types import ArticleMeta, Span, TargetFact

REPORT = (
    "政府工作报告\n"
    "——2024年1月10日在宁波市第十六届人民代表大会第三次会议上\n"
    "宁波市人民政府市长 赵海燕\n"
    "各位代表：\n"
    "一、2023年工作回顾\n"
    "过去一年，预计全市地区生产总值增长5.5%，规上工业增加值增长6.1%。\n"
    "二、2024年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n"
    "到2027年，数字经济核心产业增加值突破3000亿元。\n"
)


def doc_through(steps, text=REPORT, meta=None):
    doc = ArticleDoc(text=text, tokens=tuple(segment(text)), meta=meta or ArticleMeta())
    return run(doc, steps)


def target(doc, value, unit="%", kind="actual", year=None, after=""):
    start = doc.text.index(value, doc.text.index(after) if after else 0)
    return TargetFact(
        metric="m",
        value=Decimal(value),
        unit=unit,
        kind=kind,
        year=year,
        evidence=Span(start, start + len(value), value),
        confidence=0.7,
    )


def test_genre_and_sections_of_a_work_report():
    doc = doc_through([genre_step])
    assert doc.genre == "work_report"
    assert (doc.review_year, doc.plan_year) == (2023, 2024)
    assert doc.dateline.session == "宁波市第十六届人民代表大会第三次会议"
    assert doc.section_at(doc.text.index("预计")) == "review"
    assert doc.section_at(doc.text.index("主要预期目标")) == "goals"
    assert doc.section_at(doc.text.index("到2027年")) == "plan"


def test_news_is_not_a_work_report():
    doc = doc_through([genre_step], text="本报讯 5月6日，某市召开工业大会。各位代表认真审议了报告。")
    assert doc.genre == "news" and doc.sections == []


def test_reference_date_is_the_dateline_without_metadata_and_the_front_matter_with_it():
    assert doc_through([genre_step, reference_date_step]).reference_date == date(2024, 1, 10)
    meta = ArticleMeta(published=date(2024, 1, 20))
    assert doc_through([genre_step, reference_date_step], meta=meta).reference_date == date(2024, 1, 20)


def test_session_is_a_meeting_with_its_date_and_full_name():
    doc = doc_through([genre_step, subject_step, speaker_step, session_step])
    [session] = doc.meetings
    assert (session.kind, session.date, session.name) == (
        "人代会",
        date(2024, 1, 10),
        "宁波市第十六届人民代表大会第三次会议",
    )
    assert session.official_names == ("赵海燕",)


def test_a_session_written_without_its_place_is_kept_as_written():
    # The gold (docs/gold.md) keeps session names as the dateline writes them (州第十五届…);
    # the meeting belongs to the subject city anyway.
    # After 巴音郭楞蒙古自治州/2023.md: "——2023年1月6日在自治州第十五届人民代表大会第二次会议上"
    text = (
        "巴音郭楞蒙古自治州政府工作报告\n——2023年1月6日在自治州第十五届人民代表大会第二次会议上\n"
        "自治州州长 某某\n各位代表：\n过去一年，巴州经济平稳运行。全州上下团结奋斗。"
    )
    doc = doc_through([genre_step, subject_step, session_step], text=text)
    assert doc.city.name == "巴音郭楞"
    assert doc.meetings[0].name == "自治州第十五届人民代表大会第二次会议"


def test_speaker_with_government_name_before_the_title():
    doc = doc_through([genre_step, speaker_step])
    [speaker] = doc.officials
    assert (speaker.name, speaker.title) == ("赵海燕", "市长")


def test_figures_take_kind_and_year_from_their_section():
    doc = doc_through([genre_step])
    doc.targets = [target(doc, "5.5"), target(doc, "6.1"), target(doc, "3000", "亿元")]
    goals_value = doc.text.index("5.5%左右")
    doc.targets.append(
        TargetFact(
            metric="地区生产总值",
            value=Decimal("5.5"),
            unit="%",
            kind="actual",
            year=None,
            evidence=Span(goals_value, goals_value + 3, "5.5"),
            confidence=0.7,
        )
    )
    section_targets_step(doc)
    estimated, reached, deadline, goal = doc.targets
    assert (estimated.kind, estimated.year, estimated.estimated) == ("actual", 2023, True)
    assert (reached.kind, reached.year) == ("actual", 2023)
    assert (deadline.kind, deadline.year) == ("target", 2027)  # 到2027年 wins over the plan year
    assert (goal.kind, goal.year) == ("target", 2024)


def test_a_year_the_sentence_states_itself_is_kept():
    doc = doc_through([genre_step])
    fact = target(doc, "6.1", year=2022)
    object.__setattr__(fact, "year_explicit", True)  # set by the targets step when the sentence gives it
    doc.targets = [fact]
    section_targets_step(doc)
    assert doc.targets[0].year == 2022


def test_five_year_plan_section_gives_its_end_year():
    # Heading shape from the corpus: "二、“十五五”时期主要目标与重点任务"
    text = REPORT.replace(
        "二、2024年工作安排\n", "二、“十五五”时期主要目标与重点任务\n地区生产总值年均增长6%。\n三、2024年工作安排\n"
    )
    doc = doc_through([genre_step], text=text)
    doc.targets = [target(doc, "6", after="年均增长")]
    section_targets_step(doc)
    assert (doc.targets[0].kind, doc.targets[0].year) == ("target", 2030)


def test_whole_pipeline_on_a_report():
    normalized = normalize(REPORT)
    extraction = extract(normalized, segment(normalized.text))
    assert extraction.genre == "work_report"
    assert extraction.reference_date == date(2024, 1, 10)
    assert extraction.city.name == "宁波"
    assert ("赵海燕", "市长") in [(o.name, o.title) for o in extraction.officials]
    assert [m.kind for m in extraction.meetings if m.kind == "人代会"] == ["人代会"]


def test_make_doc_keeps_tokens_once():
    normalized = normalize(REPORT)
    doc = make_doc(normalized, segment(normalized.text))
    start = doc.text.index("宁波市人民政府")
    assert 0 in doc.edges_for("宁波市人民政府", start) and 3 in doc.edges_for("宁波市人民政府", start)
    assert replace(doc).sentences  # sentences are split once, when the doc is made


def test_a_five_year_average_in_the_review_is_no_years_result():
    # After 宁波市 2021 (lawtext/gov): the yearly figure and the 十三五 average of the same metric.
    text = (
        "——2021年1月19日在宁波市第十五届人民代表大会第六次会议上\n\n宁波市人民政府市长 某某\n\n各位代表：\n\n"
        "一、2020年和“十三五”工作回顾\n\n过去一年，地区生产总值达到12408.7亿元，比上年增长3.3%。"
        "五年来，地区生产总值年均增长6.4%。\n\n二、2021年工作安排\n\n主要预期目标是：地区生产总值增长7%左右。\n"
    )
    normalized = normalize(text)
    extraction = extract(normalized, segment(normalized.text), ArticleMeta())
    growth = {(t.value, t.year) for t in extraction.targets if t.unit == "%"}
    assert (Decimal("3.3"), 2020) in growth and (Decimal("6.4"), None) in growth and (Decimal("7"), 2021) in growth


# The shape of 宿迁市/2015.md (宿州's report) and 红河哈尼族彝族自治州/2023.md in the corpus: the
# plan's chapter heading names neither a year's work nor 今年, so only the goals statement
# (主要预期目标是：/ 预期目标建议为：) tells where the plan begins. Short excerpts, figures changed.
UNHEADED_PLAN = (
    "——2015年1月19日在某某市第四届人民代表大会第四次会议上\n"
    "市长 张三\n"
    "各位代表：\n"
    "一、攻坚克难，经济社会发展实现新突破\n"
    "初步核算，全市生产总值1126亿元，增长9.7%。\n"
    "二、坚定信心，奋力打造经济社会发展升级版\n"
    "2015年是全面深化改革的关键之年。\n"
    "经济社会发展主要预期目标是：全市生产总值增长9%左右，城镇登记失业率控制在4.5%以内。\n"
)


def test_goals_stated_under_an_unnamed_chapter_open_the_plan_at_that_chapter():
    doc = doc_through([genre_step], text=UNHEADED_PLAN)
    assert doc.section_at(doc.text.index("初步核算")) == "review"
    assert doc.section_at(doc.text.index("二、坚定信心")) == "plan"
    assert doc.section_at(doc.text.index("2015年是")) == "plan"
    assert doc.section_at(doc.text.index("9%左右")) == "goals"


def test_goals_statement_with_no_chapter_of_its_own_opens_the_plan_where_it_stands():
    text = UNHEADED_PLAN.replace("二、坚定信心，奋力打造经济社会发展升级版\n", "")
    doc = doc_through([genre_step], text=text)
    assert doc.section_at(doc.text.index("2015年是")) == "review"
    assert doc.section_at(doc.text.index("9%左右")) == "goals"
    doc.targets = [target(doc, "9.7"), target(doc, "9", after="预期目标")]
    section_targets_step(doc)
    reached, goal = doc.targets
    assert (reached.kind, reached.year) == ("actual", 2014)
    assert (goal.kind, goal.year) == ("target", 2015)


def test_a_review_looking_back_at_its_goals_opens_no_plan():
    text = UNHEADED_PLAN.replace("经济社会发展主要预期目标是：", "全面完成了年初确定的主要预期目标，")
    doc = doc_through([genre_step], text=text)
    assert [s.name for s in doc.sections] == ["header", "review"]


def test_a_goal_equal_to_a_figure_of_the_review_is_kept_as_a_goal():
    # After 太原市/2022.md (lawtext/gov): the five-year review's 年均增长7% and the year's goal of 7%
    # read alike until the sections date them; the goal must not be dropped as a repetition.
    text = (
        "——2022年2月22日在某某市第十五届人民代表大会第一次会议上\n\n市长 某某\n\n各位代表：\n\n"
        "一、2021年和过去五年工作回顾\n\n这五年，地区生产总值年均增长7%，一般公共预算收入年均增长8.4%。\n\n"
        "二、2022年工作安排\n\n今年经济社会发展主要预期指标是：地区生产总值增长7%、力争实现7.5%，固定资产投资增长9%。\n"
    )
    normalized = normalize(text)
    extraction = extract(normalized, segment(normalized.text))
    goals_start = normalized.text.index("主要预期指标")
    goals = [(t.value, t.kind, t.year) for t in extraction.targets if t.evidence.start > goals_start]
    assert (Decimal("7"), "target", 2022) in goals


def test_the_years_goals_inside_a_five_year_section_open_the_plan():
    # After 汉中市/2021.md (lawtext/gov): the 十四五 chapter runs on into the year's goals, which say
    # 全年 rather than 今年; a chapter heading naming no year's work stands before them.
    text = (
        "——2021年2月2日在某某市第五届人民代表大会第六次会议上\n\n市长 某某\n\n各位代表：\n\n"
        "一、2020年和“十三五”工作回顾\n\n全年实现生产总值1593.4亿元、增长0.9%。\n\n"
        "二、“十四五”时期主要目标任务\n\n“十四五”时期，生产总值年均增长6.5%。\n\n"
        "三、推动“十四五”开好局起好步\n\n"
        "全年经济社会发展主要预期目标是：生产总值增长7%左右，全社会固定资产投资增长7%以上。\n"
    )
    normalized = normalize(text)
    extraction = extract(normalized, segment(normalized.text))
    by_value = {(t.value, t.kind, t.year) for t in extraction.targets}
    assert (Decimal("6.5"), "target", None) in by_value  # the period's 年均: an average, no one year's goal
    assert (Decimal("7"), "target", 2021) in by_value
    assert (Decimal("7"), "target", 2025) not in by_value


def test_a_five_year_span_named_in_another_goal_sets_no_deadline():
    # After 濮阳市/2022.md (lawtext/gov): one item of the year's list mentions 十四五.
    text = (
        "——2022年1月5日在某某市第八届人民代表大会第一次会议上\n\n市长 某某\n\n各位代表：\n\n"
        "一、2021年工作回顾\n\n预计生产总值增长6.5%。\n\n二、2022年工作安排\n\n"
        "主要预期目标是：生产总值增长8%，单位地区生产总值能耗降低率与“十四五”控制目标统筹衔接，"
        "居民消费价格涨幅3%左右。\n"
    )
    normalized = normalize(text)
    extraction = extract(normalized, segment(normalized.text))
    prices = [(t.kind, t.year) for t in extraction.targets if t.value == Decimal("3")]
    assert prices == [("target", 2022)]


def test_a_goals_lead_on_its_own_line_opens_the_plan_with_its_list():
    # The lead and its list on separate lines, as in 克拉玛依市/2020.md, under an unnamed chapter.
    text = UNHEADED_PLAN.replace("经济社会发展主要预期目标是：", "经济社会发展主要预期目标是：\n")
    doc = doc_through([genre_step], text=text)
    assert doc.section_at(doc.text.index("2015年是")) == "plan"
    assert doc.section_at(doc.text.index("9%左右")) == "goals"


def test_a_report_published_without_dateline_or_address_is_known_by_its_review_heading():
    # After 石家庄市/2018.md (lawtext/gov): the site's copy starts at the first chapter.
    text = (
        "一、2017年工作回顾\n\n一年来，全市生产总值完成6460.9亿元，增长7.3%。\n\n"
        "二、2018年工作安排\n\n今年经济社会发展的主要预期目标是：生产总值增长7%左右。\n"
    )
    normalized = normalize(text)
    extraction = extract(normalized, segment(normalized.text), ArticleMeta(title="2018年某某市人民政府工作报告"))
    assert extraction.genre == "work_report"
    by_value = {(t.value, t.kind, t.year) for t in extraction.targets}
    assert {(Decimal("7.3"), "actual", 2017), (Decimal("7"), "target", 2018)} <= by_value


def test_news_quoting_a_report_title_is_still_news():
    text = "本报讯 1月8日，某某市召开座谈会，听取对政府工作报告的意见。与会人员回顾了2017年的工作。"
    normalized = normalize(text)
    extraction = extract(
        normalized, segment(normalized.text), ArticleMeta(title="某某市召开政府工作报告征求意见座谈会")
    )
    assert extraction.genre == "news"


def test_a_dateline_without_its_day_keeps_the_session_and_the_title_dates_the_plan():
    # The shape of 鞍山市/2023.md's dateline ("——2023年1月在…"), here for a report given in December,
    # whose title carries the full date (as 酒泉市/2016.md's does).
    text = (
        "——2015年12月在某某市第三届人民代表大会第六次会议上\n\n市长 某某\n\n各位代表：\n\n"
        "一、2015年工作回顾\n\n预计全市生产总值增长8%。\n\n二、2016年工作安排\n\n主要预期目标是：生产总值增长7.5%。\n"
    )
    meta = ArticleMeta(title="某某市政府工作报告（2015年12月22日 某某）")
    doc = doc_through([publication_step, genre_step], text=text, meta=meta)
    assert doc.dateline.session == "某某市第三届人民代表大会第六次会议" and doc.dateline.date is None
    assert (doc.review_year, doc.plan_year) == (2015, 2016)


def test_a_statement_of_last_years_goals_opens_no_plan():
    for lead in ("去年经济社会发展主要预期目标是：", "2014年经济社会发展主要预期目标是："):
        text = UNHEADED_PLAN.replace("二、坚定信心，奋力打造经济社会发展升级版\n", "").replace(
            "经济社会发展主要预期目标是：", lead
        )
        doc = doc_through([genre_step], text=text)
        assert doc.section_at(doc.text.index("9%左右")) == "review", lead
