"""Where a news page states its subject, and what on the page does not: the headline block, the
page address's host against its path, the related-reading block under the article, and places
the subject only travels to. Short excerpts and made-up sentences in the shapes of
tests/fixtures/realnews_dev2 (03 中站 under 焦作, 09 肃州 on an aggregator's 成都 channel);
docs/gold-news.md, "Second development set"."""

from apps.ingest.pipeline.extract import _headline_above_title
from apps.ingest.pipeline.extract.dates import publication
from apps.ingest.pipeline.extract.officials import find_officials
from apps.ingest.pipeline.extract.places import PlaceContext, main_city, url_anchors
from apps.ingest.pipeline.extract.text import sentences
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import boundaries, segment


def city_of(text, **kwargs):
    found = main_city(text, token_edges=boundaries(segment(text)), **kwargs)
    return found.name if found else None


# Shape of realnews_dev2 03: the city paper reports its district's signing, the city's leaders attend.
DISTRICT_EVENT = (
    "5月28日，焦作市中站区招商引资项目签约仪式在焦作迎宾馆举行。市委副书记、市长出席。市领导出席活动。"
    "近年来，中站区坚持“工业强区”战略，为全市工业经济发展作出了贡献。焦作市委、市政府坚持开放带动战略，"
    "中站区将做大做强新材料产业。"
)


def test_a_headline_naming_parent_then_district_is_the_district_s():
    title = "焦作市中站区招商引资项目签约活动成功举办"
    assert city_of(DISTRICT_EVENT, title=title, publisher="焦作日报") == "中站"


def test_without_the_headline_the_parent_the_text_speaks_for_stays():
    # Counter-example: no headline says whose event it is, and the city's organs dominate.
    assert city_of(DISTRICT_EVENT, publisher="焦作日报") == "焦作"


def test_the_headline_above_a_subtitle_is_read_too():
    text = "焦作市中站区招商引资项目签约活动成功举办\n集中签约28个项目,总投资246.6亿元\n更新时间:2022-5-30 10:16:57\n正文。"
    assert _headline_above_title(text, "集中签约28个项目,总投资246.6亿元") == "焦作市中站区招商引资项目签约活动成功举办"
    # The first line has nothing above it; a dated line is not a headline.
    assert _headline_above_title(text, "焦作市中站区招商引资项目签约活动成功举办") == ""
    assert _headline_above_title("2022-05-30 10:16\n全县召开工业大会\n正文。", "全县召开工业大会") == ""


def test_a_place_in_the_url_path_is_a_channel_and_weighs_little():
    assert url_anchors("https://www.yybnet.net/chengdu/news/201706/6187128.html") == [("成都市", 2.0)]
    assert url_anchors("http://yushu.changchun.gov.cn/ywdt/1.html") == [("榆树市", 6.0)]
    assert url_anchors("https://www.hangzhou.gov.cn/art/1.html") == [("杭州市", 6.0)]
    assert url_anchors("http://www.example.com/a.html") == []


def test_an_aggregator_channel_in_the_url_does_not_outweigh_the_text():
    # Shape of realnews_dev2 09: the district opens the text, 成都 is a place it went to sign deals.
    text = (
        "肃州区把招商引资列为“一把手”工程。全区共外出招商5批40人次，新签约项目32个。"
        "在成都、北京等地的专题招商活动中，签订框架协议10个。"
    )
    anchors = url_anchors("https://www.yybnet.net/chengdu/news/201706/6187128.html")
    assert city_of(text, anchors=anchors) == "肃州"


def test_a_recommendation_block_under_the_article_is_cut():
    article = "肃州区新签约项目32个，签约额99.75亿元，招商引资成效明显，全区上下持续发力推进项目落地见效。" * 3
    page = f"{article}\n（刘蓉）\n新闻推荐\n近日，博山农商行一位客户遭遇骗局。\n成都新闻，新鲜有料。"
    text = normalize(page).text
    assert "博山" not in text and "成都" not in text and "肃州区" in text
    # Counter-example: a sentence that begins with the same words stays.
    kept = normalize(f"{article}\n新闻推荐会在县城召开，成都客商参加。").text
    assert "成都客商" in kept


def _context(text):
    subject = main_city("肃州区召开招商引资大会。肃州区委书记讲话。", token_edges=None)
    assert subject.name == "肃州"
    return PlaceContext(subject, text)


def test_places_the_subject_travels_to_do_not_make_its_figures_foreign():
    text = (
        "肃州区全区新签约项目32个，签约额99.75亿元。其中，在上海、深圳等地考察对接后，签订协议项目7个，签约额32亿元；"
        "在深圳的招商推介会上签订框架性协议项目6个。区委书记赴杭州招商，签约项目5个。"
    )
    context = _context(text)
    found = [s.text for s in sentences(text) if context.is_foreign(s)]
    assert found == []


def test_a_sentence_about_another_place_is_still_foreign():
    # Counter-examples: 深圳 is what the sentence speaks of, not where the subject went.
    text = "肃州区全区新签约项目32个。在深圳，企业产值达到100亿元。深圳市规上工业增加值增长8%。"
    context = _context(text)
    foreign = [s.text for s in sentences(text) if context.is_foreign(s)]
    assert foreign == ["在深圳，企业产值达到100亿元。", "深圳市规上工业增加值增长8%。"]
    assert context.foreign_names("代表团赴义乌市考察，学习小商品经营经验") == ["义乌市"]


def names(text, level, subject=("某县",)):
    return sorted((o.name, o.title) for o in find_officials(text, set(subject), lambda t: [], subject_level=level))


def test_a_rank_group_title_before_a_list_names_officials_without_a_title():
    # Shape of county news: 县级领导/市级领导 + names, no posts (docs/gold-news.md, held-out summary).
    text = "县级领导张某、李某某、王某出席活动。"
    assert names(text, "县") == [("张某", ""), ("李某某", ""), ("王某", "")]
    assert names("市级领导张某、李某某出席活动。", "县级市") == [("张某", ""), ("李某某", "")]


def test_a_city_rank_list_at_a_county_event_is_the_parent_s():
    text = "市级领导张某、李某某，县领导王某、赵某某出席。"
    assert names(text, "县") == [("王某", ""), ("赵某某", "")]


def test_a_group_title_before_a_duty_names_nobody():
    assert names("县级领导包联重点企业，推动项目建设。", "县") == []
    assert names("区领导督查防汛防台工作。", "区") == []


# A county page that names its parent's organs and says only 全县/县委 of itself (docs/gold-news.md:
# a county named only in its source line).
PARK_REVIEW = (
    "近日，岳阳市工业园区建设推进会召开。岳阳市委常委、副市长出席。全县各园区要抓好落实，"
    "县委书记强调，县工业园区要做大做强。"
)


def test_a_county_s_own_outlet_names_the_subject_the_body_leaves_unnamed():
    assert city_of(PARK_REVIEW, publisher="平江县融媒体中心") == "平江"
    assert city_of(PARK_REVIEW, publisher="平江发布") == "平江"


def test_a_city_paper_or_no_outlet_does_not():
    # Counter-examples: a prefecture's paper, a place word inside another word, no source line.
    assert city_of(PARK_REVIEW, publisher="岳阳日报") == "岳阳"
    assert city_of(PARK_REVIEW) == "岳阳"
    assert city_of(PARK_REVIEW, publisher="平江路文化网") == "岳阳"


def test_a_group_title_may_introduce_its_list():
    assert names("出席活动的县领导有：张某、李某某、王某。", "县") == [("张某", ""), ("李某某", ""), ("王某", "")]
    assert names("出席会议的县级领导有张某、李某某。", "县") == [("张某", ""), ("李某某", "")]
    # Counter-example: the parent's rank list at a county event is the parent's.
    assert names("出席会议的市级领导有张某、李某某。", "县") == []


def test_a_central_state_firm_s_party_secretary_is_no_local_official():
    # Shape of a county's chain meeting with a central state-owned firm (docs/gold-news.md, held-out
    # summary: company executives next to officials); the firm's short name has no 集团/公司.
    text = "中国电建党委书记丁某某，县委书记张某出席。"
    assert names(text, "县") == [("张某", "县委书记")]


def test_a_vague_lead_opens_with_the_place_that_acts():
    # "近日，某某县…": the first sentence's actor, as a dated lead's (docs/gold-news.md, "Subject city").
    text = "近日，平江县召开园区建设推进会。岳阳市委常委出席，岳阳市相关部门负责人参加。"
    assert city_of(text) == "平江"
    assert city_of(text.replace("近日，", "")) == "岳阳"  # without the lead the parent's organs win
    # Counter-example: the lead opens with no place; the parent the text speaks for stays.
    assert city_of("近日，记者获悉，岳阳市召开园区建设推进会。岳阳市委常委出席，平江县负责人参加。") == "岳阳"


def test_a_county_s_own_dateline_names_it():
    text = "平江讯 园区建设推进会召开。岳阳市委常委出席。岳阳市相关部门负责人参加，全县上下要抓好落实。"
    assert city_of(text) == "平江"
    # Counter-example: a prefecture outlet's dateline over a county event gives the prefecture no extra weight.
    text = "济宁新闻网讯 5月12日，邹城市重点产业项目集中签约仪式举行。济宁市委书记出席，邹城市委书记致辞。"
    assert city_of(text) == "邹城"


def test_a_source_line_led_by_laiyuanyu_names_the_publisher():
    assert publication("某县召开工业大会\n本文来源于平江发布\n正文")[1] == "平江发布"
    # Counter-example: 来源于 inside a sentence is no source line.
    assert publication("某县召开工业大会\n项目资金来源于中央预算内投资。\n正文")[1] is None


def test_a_leading_group_post_after_an_office_is_the_office_holder_s():
    # Shape of realnews 12 临澧: 县委副书记、县长、装备制造产业领导小组组长蒋某某主持会议.
    text = "县委副书记、县长、装备制造产业领导小组组长蒋某某主持会议。县人大常委会主任、领导小组副组长杨某某讲话。"
    assert [n for n, _ in names(text, "县")] == ["杨某某", "蒋某某"]
    # The parent's office before the group post still makes it the parent's.
    assert names("副州长、产业领导小组副组长张某，县长、组长李某某出席。", "县") == [("李某某", "县长、组长")]
    # Counter-example: a company's project group.
    assert names("某某集团总经理、项目组组长张某介绍。", "县") == []
