"""A county's or district's news names its parent city, its host or a partner more often than
itself: the subject is still the place the text speaks for. Made-up sentences in the shapes seen
in tests/fixtures/realnews (docs/gold-news.md, "Subject city")."""

from apps.ingest.pipeline.extract.places import main_city, url_places
from apps.ingest.pipeline.segment import boundaries, segment


def city_of(text, **kwargs):
    found = main_city(text, token_edges=boundaries(segment(text)), **kwargs)
    return found.name if found else None


def test_a_bare_county_secretary_makes_the_named_county_the_subject():
    # Shape of a county's study session that relays its prefecture's meeting (24 大关).
    text = (
        "6月28日晚，县委书记主持开展县委理论学习中心组集中学习。会议强调，要把昭通市委、市政府"
        "现场办公会议精神落到实处，推进大关高质量发展。昭通市委要求，昭通各地要抓好落实。"
    )
    assert city_of(text) == "大关"


def test_a_city_organ_named_with_its_city_is_no_hint_for_a_city_subject():
    text = "昭通市委召开会议。昭通市政府部署工作。全县上下推进大关发展。县委要求抓好落实。"
    assert city_of(text) == "大关"


def test_without_county_words_the_prefecture_stays_the_subject():
    text = "昭通市委召开会议，研究全市工业发展。市委书记强调，昭通要加快发展，大关、盐津等县要抓好落实。"
    assert city_of(text) == "昭通"


def test_the_place_the_lead_opens_with_wins_over_its_parent_named_as_host():
    # Shape of 18 邹城: the parent's leaders attend the county's signing.
    text = (
        "济宁新闻网讯 5月12日，邹城市重点产业项目集中签约仪式举行。济宁市委书记出席，济宁市副市长主持，"
        "邹城市委书记致辞。济宁市、邹城市相关部门负责人参加。"
    )
    assert city_of(text) == "邹城"


def test_a_parent_written_right_before_its_district_only_locates_it():
    text = "浙江绍兴举行产业园启动仪式。项目将推动绍兴越城打造算力枢纽。越城区坚持主导产业。该区增长较快。"
    assert city_of(text) == "越城"


def test_a_keyword_stuffed_footer_names_no_subject():
    # Shape of 13 泾县's page: an SEO footer repeating a city name after the article.
    footer = ",".join(["2018广州压铸展", "2018广州压铸展会", "广州铸造展", "2018广州铸造展会"] * 3)
    text = f"泾县召开工业大会。县委书记讲话，全县上下推进泾县工业发展。\n{footer}\n"
    assert city_of(text) == "泾县"


def test_a_visit_is_not_the_subject():
    text = (
        "林某等市领导深入长春汽车经济技术开发区开展交流对接。长春汽车经济技术开发区欢迎榆树市党政代表团。"
        "榆树市委书记表示，榆树将深化合作。"
    )
    assert city_of(text, anchors=[(url_places("http://yushu.changchun.gov.cn/ywdt/1.html"), 6.0)]) == "榆树"


def test_county_slugs_in_the_url_host():
    assert url_places("http://yushu.changchun.gov.cn/ywdt/t1.html") == "榆树市"  # county.prefecture
    assert url_places("https://www.xuanzhou.gov.cn/News/show/1.html") == "宣州区"
    assert url_places("http://www.xiantaoapp.com/p/1.html") == "仙桃市"  # slug + site word
    # Shapes of realnews_dev9 01/08 and realnews_dev11 09: the level after the slug picks among
    # namesakes (平乡县, not 凭祥市 or 萍乡市); 今日 before it; Taiwan's namesake (雾峰区) gives way.
    assert url_places("https://www.pingxiangxian.gov.cn/single/1.html") == "平乡县"
    assert url_places("http://szb.jinrifangxian.com/content/1.html") == "房县"
    assert url_places("http://www.wufengnews.com/content/show") == "五峰土家族自治县"
    assert url_places("https://www.hangzhou.gov.cn/art/1.html") == "杭州市"
    # A site that spells no place says nothing.
    assert url_places("http://www.example.com/a.html") == ""
    assert url_places("https://m.163.com/news/article/x.html") == ""


def test_a_long_list_of_names_is_no_keyword_footer():
    from apps.ingest.pipeline.extract.places import _tag_lines

    names = "、".join(["甲一", "乙二", "丙三", "丁四", "戊五", "己六", "庚七", "辛八", "壬九"])
    assert _tag_lines(f"青田县领导{names}出席") == []
    assert _tag_lines(",".join(["广州压铸展", "广州压铸展会"] * 4)) != []


def test_a_verb_object_slogan_names_no_other_place():
    # Shape of realnews_dev11 09 (推进强产兴城聚人): 兴城 there is 振兴城市, not 兴城市; a trip there
    # (前往兴城) still names the place.
    from apps.ingest.pipeline.extract.places import PlaceContext, place_index
    from apps.ingest.pipeline.types import CityFact

    wufeng = next(d for d in place_index().divisions.by_adcode.values() if d.full_name == "五峰土家族自治县")
    places = PlaceContext(CityFact(adcode=wufeng.adcode, name="五峰", evidence=None, confidence=1.0), "兴城 兴城")
    assert places.foreign_names("持续提升县城承载力,推进强产兴城聚人") == []
    assert places.foreign_names("工业兴城战略") == []
    assert places.foreign_names("代表团前往兴城考察") == ["兴城"]


def test_a_prefecture_s_paper_reporting_on_its_county():
    # Shape of a fresh audit page (a 宜宾日报 feature on 兴文): the paper names where it is published,
    # the county the page is about.
    text = (
        "跃动转型发展的脉搏\n宜宾日报 2017-04-05 06:16\n兴文苗族工业园区是川南唯一一个民族工业园区。"
        "截至2月底，园区共签约项目55个。去年，该县精心策划重点项目100个，邀请客商来兴文县考察。"
    )
    assert city_of(text, publisher="宜宾日报") == "兴文"
    # Counter-example: the paper reporting on its own city, a county named in passing.
    own = (
        "宜宾日报 2017-04-05 06:16\n宜宾市委常委会召开会议，研究全市工业经济。市委书记强调，"
        "我市要加快园区建设，全市上下要抓项目。兴文县作交流发言。"
    )
    assert city_of(own, publisher="宜宾日报") == "宜宾"


def test_a_county_after_its_region_s_initials_in_the_host():
    # Shapes of realnews_dev10 01 and 13: 重庆 + 武隆, 安徽 + 潜山 + 政协; a fresh audit page: 山东 + 东平.
    assert url_places("http://cqwulong.cn/Content/2019-03/14/content_1.htm") == "武隆区"
    assert url_places("http://www.ahqszx.gov.cn/a/zhengxiedongtai/1.html") == "潜山市"
    assert url_places("http://jrdp.sddp.net/news.aspx?id=1") == "东平县"
    # Counter-examples: 浙江新闻 (zjxw) is no 徐闻县; 新疆塔城 (xjtc) is the prefecture's site as much as
    # 塔城市's.
    assert url_places("http://www.zjxw.com.cn/") == ""
    assert url_places("http://www.xjtc.gov.cn/") == ""


def test_a_prefecture_s_initials_before_a_site_word_in_the_host():
    # Shapes of fresh audit pages: 潍坊日报 (wfrb.wfnews…), 嘉峪关政协 (jygzhx).
    assert url_places("http://wfrb.wfnews.com.cn/content/20120529/1.htm") == "潍坊市"
    assert url_places("http://jygzhx.cn/htm/20237/1.htm") == "嘉峪关市"
    # Counter-examples: a province's paper by the same letters (sxrb: 山西日报, not 绍兴), initials two
    # prefectures share (hbrb: 鹤壁, 淮北 — and 湖北).
    assert url_places("http://www.sxrb.com/") == ""
    assert url_places("http://www.hbrb.cn/") == ""
