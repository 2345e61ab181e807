"""A prefecture's round-up over its counties, places that only name a firm or project, 县域 as a topic,
and a portal's repost credit line. Short excerpts and made-up sentences in the shapes of
tests/fixtures/realnews_dev4 (02 南宁's signing round-up naming 横州市…项目, 10 黑河 on 县域经济 with
counties in a rank clause) and realnews_dev3 (13 宁陵, named only in the credit line under a 我县 page,
a firm's park 中阳电商产业园区 in the body); docs/gold-news.md, "Subject city round 13"."""

from apps.ingest.pipeline.extract.dates import publication
from apps.ingest.pipeline.extract.places import _names_a_project
from tests.ingest.pipeline.test_extract_subject_page import city_of

# Shape of realnews_dev4 02: the prefecture's part of a provincial signing, its counties' projects listed.
ROUND_UP = (
    "昨日上午，南宁市分会场共签约18个项目，总投资额115.13亿元。此次签约集中展示了南宁市一季度招商成果。"
    "先进装备制造项目引进成果突出，如邕宁区某某特种装备生产项目、横州市某某再生资源循环科技产业园项目、"
    "横州市某某新型环保装备制造基地项目、横州市某某年产50万吨再生铝加工项目、宾阳县某某光伏组件项目等。"
    "新能源项目包括西乡塘区某某储能项目、武鸣区某某风电项目等。全市招商引资实际到位资金146.03亿元。"
)


def test_a_round_up_over_several_counties_is_the_prefecture_s():
    assert city_of(ROUND_UP) == "南宁"


def test_a_county_named_with_its_parent_alone_stays_the_subject():
    # Counter-example: one county and its prefecture, the county acting; no round-up.
    text = "5月12日，横州市召开招商引资推进会。南宁市领导出席。横州市委书记讲话，全市上下要抓项目。横州将加快发展。"
    assert city_of(text) == "横州"


def test_a_county_page_naming_siblings_keeps_its_own_place():
    # Counter-example: 全县/县委 keep a county's page the county's even when it names three siblings.
    text = (
        "近日，宾阳县召开全县工业大会。县委书记讲话。会议指出，要学习横州市、武鸣区、邕宁区的经验，"
        "全县上下要凝心聚力。宾阳县将加快发展。"
    )
    assert city_of(text) == "宾阳"


def test_a_county_level_city_naming_two_neighbours_is_no_round_up():
    # Counter-example: a county-level city (no 全县 to confine the pool) names two siblings and its parent.
    text = (
        "5月12日，邹城市召开全市工业大会。邹城市委书记讲话。会议要求学习兖州、曲阜的经验。"
        "济宁市领导出席。济宁市委要求，济宁各地要抓项目。邹城将加快发展。"
    )
    assert city_of(text) == "邹城"


def test_a_place_opening_a_listed_project_or_firm_only_locates_it():
    text = "如邕宁区某某特种装备生产项目、横州市某某再生资源循环科技产业园项目等。"
    at = text.index("横州市") + 3
    assert _names_a_project(text, at)
    text = "先后到月娇家具、中阳电商产业园区、帝益生态功能肥等项目观摩。"
    assert _names_a_project(text, text.index("中阳") + 2)


def test_a_place_that_acts_on_a_project_is_not_a_project_name():
    # Counter-examples: the place starts, signs or has its own zone; a sentence, not a listed name.
    for text, place in (
        ("横州市开工建设再生铝加工项目、光伏组件项目。", "横州市"),
        ("宁陵县签约引进新型环保装备制造项目，总投资5亿元。", "宁陵县"),
        ("宁陵县产业集聚区、特色商业区建设成效明显。", "宁陵县"),
        ("横州市，是广西的县级市。", "横州市"),
    ):
        assert not _names_a_project(text, text.index(place) + len(place)), text


def test_county_economy_as_a_topic_does_not_make_a_prefecture_page_a_county_s():
    # Shape of realnews_dev4 10: the prefecture reports on 县域经济, its counties ranked.
    text = (
        "11月11日，黑河市组织收听收看全省县域经济发展交流擂台赛，市委副书记在黑河市分会场作典型发言。"
        "黑河市坚持把发展县域经济作为重要抓手，推动县域经济工作创新出彩。在全省县域经济考评综合排名中，"
        "嫩江再次位居全省首位，北安、孙吴位列前20名；全市县域GDP实现254.9亿元，县域主导产业增加值103.1亿元。"
        "要推动县域经济高质量发展。"
    )
    assert city_of(text, title="黑河市在全省县域经济发展交流擂台赛上作典型发言") == "黑河"


def test_a_county_page_about_its_own_county_economy_stays_the_county_s():
    # Counter-example: 全县/县委 still point to the county.
    text = "近日，孙吴县召开县域经济发展大会。县委书记讲话，全县上下要壮大县域经济。黑河市有关部门负责人出席。"
    assert city_of(text) == "孙吴"


def test_a_repost_credit_line_names_the_page_s_title():
    text = (
        "1月14日,市委书记带领观摩点评组到我县观摩产业集聚区建设情况。县领导陪同。\n"
        "观摩组一行先后到月娇家具、中阳电商产业园区、帝益生态功能肥等项目进行实地观摩,了解项目建设\n"
        "情况。县委书记介绍了我县产业集聚区建设情况。\n"
        "《第四次全市项目建设观摩点评组莅临宁陵观摩》由某某新闻网提供,转载请注明出处:http://x.example/1.html,谢谢合作!"
    )
    _, _, title = publication(text)
    assert title == "第四次全市项目建设观摩点评组莅临宁陵观摩"
    assert city_of(text, title=title) == "宁陵"


def test_a_book_title_in_the_body_is_no_credit_line():
    # Counter-example: a work named in 《》 inside a sentence at the end is not the page's title.
    text = "全县召开大会。\n会议要求，认真学习《关于推进县域经济高质量发展的意见》，由各部门抓好落实。"
    _, _, title = publication(text)
    assert title != "关于推进县域经济高质量发展的意见"


def test_places_listed_before_a_ranking_verb_are_compared_not_acting():
    from apps.ingest.pipeline.extract.places import _ranked_lists, place_index

    text = "在全省县域经济考评中，嫩江再次位居全省首位，北安、孙吴位列前20名；全市县域GDP增长2.6%。"
    ranked = _ranked_lists(text, place_index().mentions(text))
    assert {text[s:e] for s, e in ranked} == {"北安", "孙吴"}
    # Counter-examples: one place's own rank, and places in a clause without a ranking verb.
    for text in ("宁陵县位居全省第三。", "北安、孙吴两地客商前来洽谈。"):
        assert not _ranked_lists(text, place_index().mentions(text)), text


def test_a_county_page_with_a_ranked_list_of_siblings_stays_the_county_s():
    # Made up: the ranked siblings weigh half, the county that acts keeps the page.
    text = "近日，北安市召开全市工业大会。北安市委书记讲话。在全省考评中，孙吴、嫩江分列第二、第三。北安将加快发展。"
    assert city_of(text) == "北安"


def test_a_county_channel_under_its_prefecture_s_portal_is_a_light_anchor():
    # Shape of realnews_dev3 13's address: a regional portal's county channel.
    from apps.ingest.pipeline.extract.places import url_anchors

    assert url_anchors("http://shangqiu.example.com/ningling/317361.html") == [("商丘市", 6.0), ("宁陵县", 2.0)]
    # A county's slug as a whole folder is that county's channel even when the address names no
    # prefecture (shape of realnews_dev9 09: /yuanling/…); so is the slug before a channel word.
    assert url_anchors("http://www.example.com/ningling/1.html") == [("宁陵县", 2.0)]
    assert url_anchors("http://203.0.113.9/wuyangdongtai/zhengwuyaowen/1.html") == [("舞阳县", 2.0)]
    # Counter-examples: a folder that spells a common word (动态, not 东台市; 园区, not 垣曲县), and a
    # slug inside a file's name (weixin-content-id-1.html: 微信, not 威信县).
    assert url_anchors("http://www.example.com/dongtai/1.html") == []
    assert url_anchors("http://www.example.com/yuanqu/1.html") == []
    assert url_anchors("http://www.example.com/weixin-content-id-1.html") == []


def test_a_county_s_information_or_news_centre_is_its_own_outlet():
    # Shape of realnews 30's source line (来源: 榆树市信息中心): the government site's own centre.
    text = "近日，岳阳市工业园区建设推进会召开。岳阳市委常委、副市长出席。全县各园区要抓好落实，县委书记强调。"
    assert city_of(text, publisher="平江县信息中心") == "平江"
    assert city_of(text, publisher="平江县新闻中心") == "平江"
    # Counter-example: a prefecture's centre speaks for the prefecture.
    assert city_of(text, publisher="岳阳市信息中心") == "岳阳"
