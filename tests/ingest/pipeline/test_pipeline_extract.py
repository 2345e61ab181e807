"""Each extractor on short made-up passages: the rules, not the seeds' answers."""

from datetime import date
from decimal import Decimal

from apps.ingest.pipeline.extract import PlaceContext, extract
from apps.ingest.pipeline.extract.clusters import find_clusters, tags_for
from apps.ingest.pipeline.extract.dates import infer_year, publication
from apps.ingest.pipeline.extract.meetings import find_meetings
from apps.ingest.pipeline.extract.officials import find_officials
from apps.ingest.pipeline.extract.places import main_city
from apps.ingest.pipeline.extract.targets import find_targets
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import segment
from apps.ingest.pipeline.types import ArticleMeta


def names(facts):
    return [f.name for f in facts]


# --- city -----------------------------------------------------------------------------


def test_main_city_prefers_the_subject_over_places_visited():
    text = (
        "合肥市委书记带队赴深圳、杭州考察学习。合肥市委常委会指出,合肥要对标先进。"
        "在深圳考察时,代表团参观了多家企业。合肥市政府将出台新政策。"
    )
    city = main_city(text)
    assert city.name == "合肥"


def test_main_city_resolves_a_county_and_its_parent():
    city = main_city("江苏省常熟市召开全市工业大会。常熟将加快发展。全市上下要凝心聚力。")
    assert (city.name, city.adcode) == ("常熟", "320581")


def test_main_city_is_none_without_places():
    assert main_city("会议强调,要加快发展新质生产力。") is None


def test_common_words_that_are_also_county_names_are_not_places():
    context = PlaceContext(main_city("宁波市召开大会。宁波市委书记讲话。"))
    assert context.foreign_names("推动新兴产业发展,发挥资源优势,加强合作") == []
    assert context.foreign_names("代表团赴义乌市考察") == ["义乌市"]


def test_a_two_character_district_name_across_a_word_edge_is_no_place():
    # 新疆伊犁 2024 签约 page: "其中区外到位资金874.13亿元" holds 中区 (台中市中区) across 其中|区外
    context = PlaceContext(main_city("伊犁州召开大会。伊犁州州长讲话。"))
    assert context.foreign_names("到位资金1110.29亿元,其中区外到位资金874.13亿元") == []
    assert context.foreign_names("代表团赴沛县考察,沛县位于江苏北部") == ["沛县", "沛县"]


# --- dates and publication ------------------------------------------------------------


def test_publication_header_is_read():
    text = "某市召开大会\n来源:某某日报    发布时间:2024-03-12 09:30\n正文"
    assert publication(text) == (date(2024, 3, 12), "某某日报", "某市召开大会")


def test_a_timestamp_glued_to_its_day_or_a_short_dated_line_is_the_publication_date():
    # Shapes of tests/fixtures/realnews 16 定远 ("2020年11月02日09:47  来源:人民网-安徽频道") and
    # 19 三明 ("2020-11-08新闻26", a blog's date, category and view count).
    text = "某县5个项目集中签约\n2020年11月02日09:47  来源:某某网\n10月30日，某县举行签约仪式。"
    assert publication(text)[:2] == (date(2020, 11, 2), "某某网")
    assert publication("某市召开座谈会\n2020-11-08新闻26\n11月8日，我市召开座谈会。")[0] == date(2020, 11, 8)
    # Counter-examples: a date in prose, a long line led by a date, a date range.
    assert publication("某市召开座谈会\n2020年11月8日，我市召开座谈会，研究部署全年工作。")[0] is None
    long_line = "2020-11-08 全市召开座谈会，研究部署下一阶段的产业发展、项目建设、招商引资等重点工作。"
    assert publication("标题\n" + long_line)[0] is None
    assert publication("标题\n2020-11-0810:30")[0] is None


def test_year_comes_from_publication_and_wraps_at_new_year():
    assert infer_year(3, 5, date(2024, 3, 8), "") == (2024, True)
    assert infer_year(12, 28, date(2025, 1, 3), "") == (2024, True)


def test_year_from_spring_festival_anchor_without_publication_date():
    year, inferred = infer_year(2, 17, None, "2月17日,春节假期最后一天,某市召开会议", today=date(2026, 11, 1))
    assert (year, inferred) == (2024, True)


# --- meetings -------------------------------------------------------------------------


def test_meeting_with_listed_days_gives_one_meeting_per_day():
    text = "此前,某市分别在3月4日、12日、20日召开专题座谈会,聚焦产业升级。"
    meetings = find_meetings(text, date(2024, 4, 1))
    assert [m.date for m in meetings] == [date(2024, 3, 4), date(2024, 3, 12), date(2024, 3, 20)]


def test_meeting_name_and_kind_from_quoted_title():
    text = "6月3日上午,市委书记张某某主持召开“加快建设制造强市”推进大会,部署重点工作。"
    [meeting] = find_meetings(text, date(2024, 6, 4), official_names=["张某某"])
    assert meeting.name == "加快建设制造强市推进大会"
    assert meeting.kind == "推进大会"
    assert meeting.official_names == ("张某某",)
    assert meeting.year_inferred


def test_this_month_refers_to_publication_month():
    [meeting] = find_meetings("在本月18日召开的全县工作总结会上,县长强调要抓落实。", date(2023, 9, 25))
    assert meeting.date == date(2023, 9, 18)


def test_national_meetings_and_month_only_dates_are_not_city_meetings():
    text = "继2023年9月全国新型工业化推进大会之后,2023年10月8日全国科技大会召开。"
    assert find_meetings(text, date(2024, 1, 1)) == []


def test_a_meeting_hall_is_not_a_meeting():
    assert find_meetings("5月6日,参观者来到市会议中心。", date(2024, 5, 7)) == []


# --- officials ------------------------------------------------------------------------


def test_officials_by_title_with_two_and_three_character_names():
    text = (
        "会上,市委书记刘建国强调要抓好落实,市委副书记、市长王芳表示将全力推进。"
        "市科技局局长陈明在会上作了发言。刘建国指出,要持续发力。"
    )
    found = {o.name: o.title for o in find_officials(text, {"某市"})}
    assert found == {"刘建国": "市委书记", "王芳": "市委副书记、市长", "陈明": "市科技局局长"}


def test_company_people_and_national_leaders_are_not_officials():
    text = (
        "某某科技有限公司董事长赵强、某大学副校长钱进、市委书记孙立出席。"
        "习近平总书记强调要发展新质生产力。国务院总理李某某指出。"
        "某某集团党委书记周红表示。"
    )
    assert names(find_officials(text, {"某市"})) == ["孙立"]


def test_bare_director_title_needs_a_government_organisation():
    text = "县发改委党组书记、主任吴海表示。研究所主任郑平认为。"
    assert names(find_officials(text, {"某县"})) == ["吴海"]


def test_officials_of_other_places_are_left_out():
    subject = main_city("宁波市委书记林一出席。宁波市召开大会。宁波全市上下。")
    context = PlaceContext(subject)
    text = "宁波市委书记林一出席。绍兴市委书记方二介绍了经验。"
    assert names(find_officials(text, context.subject_names, context.foreign_names)) == ["林一"]


def test_untitled_speaker_at_a_meeting_is_an_official_with_low_confidence():
    [official] = find_officials("在昨天召开的全县大会上,孙立军强调,要加快发展。", {"某县"})
    assert (official.name, official.title, official.confidence) == ("孙立军", "", 0.6)


# --- clusters -------------------------------------------------------------------------


def test_counted_list_with_tier():
    clusters = find_clusters("全区拥有智能制造、生物医药、数字文创三大主导产业,以及氢能、储能两大新兴产业。")
    assert [(c.name, c.tier) for c in clusters] == [
        ("智能制造", "主导"),
        ("生物医药", "主导"),
        ("数字文创", "主导"),
        ("氢能", "新兴"),
        ("储能", "新兴"),
    ]


def test_new_tracks_are_future_industries_and_he_splits_names():
    clusters = find_clusters("要加快布局量子科技和脑机接口、未来网络、深海空天等新赛道。")
    assert [(c.name, c.tier) for c in clusters] == [
        ("量子科技", "未来"),
        ("脑机接口", "未来"),
        ("未来网络", "未来"),
        ("深海空天", "未来"),
    ]


def test_verb_led_cluster_names():
    text = "做强集成电路产业集群、做优新型显示产业集群、做大新能源汽车产业集群。"
    assert names(find_clusters(text)) == ["集成电路", "新型显示", "新能源汽车"]


def test_tier_given_after_the_list():
    clusters = find_clusters("聚焦光伏、风电两大产业集群,打造“高而新”的地标产业;")
    assert {c.tier for c in clusters} == {"地标"}


def test_company_sentences_and_descriptions_are_not_city_clusters():
    text = (
        "某某股份有限公司董事长表示,公司将布局固态电池、钠离子电池等未来产业。"
        "当下需要布局下一代更先进的光伏产业。传统产业是工业化的基础,新兴产业是重要力量。"
    )
    assert find_clusters(text) == []


def test_tags_come_from_the_taxonomy():
    assert "semiconductors" in tags_for("第三代半导体")
    assert "biomedicine-health" in tags_for("大健康")


# --- targets --------------------------------------------------------------------------


def targets(text, **kwargs):
    return [(t.value, t.unit, t.kind, t.year) for t in find_targets(text, **kwargs)]


def test_goals_with_deadline_and_reported_figures():
    text = (
        "2023年,全市地区生产总值达到1.2万亿元,同比增长5.8%。"
        "到2027年,力争规上工业总产值突破2万亿元,高新技术企业达到8000家。"
    )
    assert targets(text) == [
        (Decimal("1.2"), "万亿元", "actual", 2023),
        (Decimal("5.8"), "%", "actual", 2023),
        (Decimal("2"), "万亿元", "target", 2027),
        (Decimal("8000"), "家", "target", 2027),
    ]


def test_years_from_a_duration_count_from_the_meeting_year():
    text = "力争用三年时间,新增规上工业企业500家。"
    assert targets(text, published_year=2024, meeting_year=2024) == [(Decimal("500"), "家", "target", 2027)]


def test_baseline_is_attached_and_a_dated_one_is_also_its_years_figure():
    # Round 15: a baseline written with its year (由2021年的30家) is also that year's actual figure (dev6 gold).
    fact, base = find_targets("专精特新企业数量由2021年的30家增至120家。")
    assert (fact.value, fact.baseline_value, fact.baseline_year) == (Decimal("120"), Decimal("30"), 2021)
    assert (base.value, base.kind, base.year, base.baseline_value) == (Decimal("30"), "actual", 2021, None)
    [fact] = find_targets("专精特新企业数量由30家增至120家。")
    assert (fact.value, fact.baseline_value) == (Decimal("120"), Decimal("30"))


def test_chinese_numerals_and_size_levels():
    assert targets("打造千亿级新能源产业园,全市规上营收突破两千亿元。") == [
        (Decimal("1000"), "亿元", "target", None),
        (Decimal("2000"), "亿元", "target", None),
    ]


def test_distractors_are_not_targets():
    text = (
        "第3届大会发布三大行动,五大工程。代表团考察了20多个参观点和5个城市。"
        "电话:0512-12345678。元宇宙、多元发展。千亿级产业集群加快成长。"
    )
    assert targets(text) == []


def test_rank_is_a_position():
    assert targets("连续三年位居全国百强县第12位。") == [(Decimal("12"), "位", "actual", None)]


def test_trillion_city_idiom():
    [fact] = find_targets("某市成功迈入“GDP万亿之城”,万亿之城再出发。")
    assert (fact.metric, fact.value, fact.unit) == ("地区生产总值(GDP)", Decimal("1"), "万亿元")


# --- the whole extraction -------------------------------------------------------------


def test_extract_end_to_end_on_a_made_up_traditional_article():
    raw = (
        "3月5日,浙江省紹興市召開推進製造業高質量發展大會。市委書記溫某某出席會議並講話,"
        "市長馬某某主持。會議提出,到2027年,全市規上工業總產值突破1.5萬億元,"
        "做強集成電路、高端裝備、現代紡織三大主導產業。"
    )
    article = normalize(raw)
    extraction = extract(article, segment(article.text), ArticleMeta(published=date(2024, 3, 6)))
    assert extraction.city.name == "绍兴"
    assert [(m.date, m.kind) for m in extraction.meetings] == [(date(2024, 3, 5), "大会")]
    assert sorted(names(extraction.officials)) == ["温某某", "马某某"]
    assert names(extraction.clusters) == ["集成电路", "高端装备", "现代纺织"]
    assert [(t.value, t.unit, t.year) for t in extraction.targets] == [(Decimal("1.5"), "万亿元", 2027)]


def test_weekday_beside_a_date_gives_the_latest_fitting_year_before_the_reference_date():
    # 5 March fell on a Tuesday in 2019, 2024 and 2030: the reference date, not the clock, decides.
    assert infer_year(3, 5, None, "", today=date(2026, 11, 1), weekday=1) == (2024, True)
    assert infer_year(3, 5, None, "", today=date(2030, 6, 1), weekday=1) == (2030, True)
    assert infer_year(3, 5, None, "", today=date(2024, 3, 4), weekday=1) == (2019, True)


def test_weekday_without_a_reference_date_leaves_the_meeting_undated():
    # Without the document's own date the weekday alone fits many years: no year is guessed.
    [meeting] = find_meetings("3月5日（星期二）,某市召开工业大会。", None)
    assert meeting.date is None


def test_meeting_without_any_year_clue_is_kept_undated():
    [meeting] = find_meetings("4月2日,某市召开工业大会。", None)
    assert (meeting.date, meeting.name) == (None, "工业大会")
