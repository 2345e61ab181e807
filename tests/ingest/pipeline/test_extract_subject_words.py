"""A short place name the tokenizer splits off inside a phrase or a person's name, a county named
in full in the lead against an outlet's dateline, and a site's address spelled out in a banner.
Short excerpts in the shapes of tests/fixtures/realnews_dev8 (01 东丰: 惠民生 and the banner
D o n g F e n g . G o v . C n; 04 柘城: 督查专员陈德安, 富民兴县; 19 维西: 香格里拉网讯 … 维西县实现…);
docs/gold-news.md, "Subject city round 15"."""

from apps.ingest.pipeline.extract.places import banner_anchors, main_city
from apps.ingest.pipeline.segment import boundaries, segment


def city_of(text, **kwargs):
    found = main_city(text, token_edges=boundaries(segment(text)), **kwargs)
    return found.name if found else None


def test_a_name_whose_tail_makes_a_word_with_a_lone_character_is_no_place():
    # Shape of realnews_dev8 01: 惠民 + 生 (民生), the tokenizer leaving 生 alone.
    assert city_of("县长要求，谋划一批强功能、惠民生的大项目。") is None


def test_a_name_before_a_word_of_its_own_stays_a_place():
    # Counter-example: 泰安全市 splits as 泰安 / 全市, 全 is no lone character.
    assert city_of("泰安全市上下凝心聚力，泰安经济稳中向好。") == "泰安"


def test_a_name_after_a_lone_family_name_is_a_person():
    # Shape of realnews_dev8 04: 督查专员陈德安到我县调研.
    assert city_of("7月10日，省政府办公厅督查专员陈德安到我县调研。陈德安一行先后到多家企业。") is None


def test_a_name_after_a_preposition_stays_a_place():
    # Counter-example: 向 is a family name too, but here a preposition.
    assert city_of("我县干部向德安县学习经验，德安的做法值得借鉴。") == "德安"


def test_a_verb_and_county_closing_a_slogan_is_no_place():
    # Shape of realnews_dev8 04: 始终将辣椒作为富民兴县的支柱产业.
    assert city_of("始终将辣椒作为富民兴县的支柱产业。") is None


def test_the_same_name_located_by_its_province_or_acting_stays_a_place():
    assert city_of("河北献县，一季度经济增长。") == "献县"
    assert city_of("近日，兴县召开会议。") == "兴县"


def test_a_county_named_in_full_in_the_lead_outweighs_the_outlet_s_dateline():
    # Shape of realnews_dev8 19: a regional site's dateline, then the county the figures are for.
    text = "香格里拉网讯 据初步测算，今年一季度，维西县实现地区生产总值59043万元，同比增长9.3%。"
    assert city_of(text) == "维西"


def test_the_outlet_s_own_place_stays_when_the_lead_names_no_other_county():
    # Counter-example: the dateline's place is the only one named.
    assert city_of("香格里拉网讯 据初步测算，今年一季度，全市实现地区生产总值增长9.3%。") == "香格里拉"


def test_a_banner_spelling_a_site_address_anchors_its_place():
    assert banner_anchors("5\nw w w . x u a n z h o u . g o v . c n\n正文。") == [("宣州区", 6.0)]


def test_a_banner_slug_two_counties_share_gives_both_for_the_level_words():
    anchors = banner_anchors("5\nD o n g F e n g . G o v . C n\n正文。")
    assert anchors == [("东丰县 东风区", 6.0)]
    text = "11月13日，县委副书记、县长主持召开全县重点项目汇报会。会上，县发改局对我县重点项目情况进行了汇报。"
    assert city_of(text, anchors=anchors) == "东丰"


def test_a_line_of_prose_is_no_banner():
    assert banner_anchors("据悉，详情见政府网站。\n正文。") == []


def test_a_host_spelling_a_long_name_s_initials_names_it():
    # Shape of realnews_dev8 05: a banner's own site ksktxx (克什克腾 + 信息) for a page saying 旗委书记.
    from apps.ingest.pipeline.extract.places import url_places

    assert url_places("https://ksktxx.example.com/Html/2025-03-07/1.html") == "克什克腾旗"
    assert url_places("http://www.xsbn.gov.cn/") == "西双版纳傣族自治州"
    # Shape of realnews_dev7 14: the initials of the written abbreviation 科右前旗.
    assert url_places("http://www.kyqq.gov.cn/kyqq/index/1.html") == "科尔沁右翼前旗"


def test_two_or_three_initials_name_nobody():
    # Counter-example: ds (岱山, 大石桥, 东山…) and zc name dozens of places.
    from apps.ingest.pipeline.extract.places import url_places

    assert url_places("http://dsnews.example.com.cn/a.shtml") == ""
    assert url_places("https://example.com/zcxw/3299.html") == ""


def test_a_government_host_by_three_initials_no_other_place_shares_names_it():
    # Shape of realnews_dev13 16: an 盟 government's host (als.gov.cn) and a page saying only 我盟.
    from apps.ingest.pipeline.extract.places import url_places

    assert url_places("https://wsb.als.gov.cn/art/2025/3/24/art_1.html") == "阿拉善盟"
    # Counter-example: hz (杭州, 湖州, 惠州…) names nobody, and a department's label before the
    # place's (zjj: 住建局, not 张家界) is not read.
    assert url_places("http://www.hz.gov.cn/a.html") == ""
    assert url_places("http://zjj.hz.gov.cn/a.html") == ""


def test_a_slogan_s_parallel_words_are_no_places():
    # Shape of realnews_dev13 16: 向“沿边、沿界、沿路、沿河”布局 is a slogan, not 沿河县.
    text = "会议强调，要统筹推动光伏治沙项目向“沿边、沿界、沿路、沿河”布局。盟委书记主持会议。"
    assert city_of(text) is None
    # Counter-example: a list of places that share a character keeps them.
    assert city_of("江山、江阴两地企业签约，江山市委书记出席。") == "江山"


def test_a_breadcrumb_channel_names_the_site_s_place():
    # Shape of realnews_dev13 18: 首页 > 新闻中心 > 今日乐清 over a prefecture's contest.
    from apps.ingest.pipeline.extract.places import breadcrumb_anchors

    assert breadcrumb_anchors("新闻中心\n您现在的位置:首页 > 新闻中心 > 今日乐清\n正文") == [
        (" 新闻中心 > 今日乐清", 6.0)
    ]
    assert breadcrumb_anchors("首页 > 綦江要闻\n正文") == [(" 綦江要闻", 6.0)]
    # Counter-example: a sentence about a position is no breadcrumb.
    assert breadcrumb_anchors("当前位置在城市东部新区，交通便利。") == []


def test_an_acting_head_s_title_is_no_place():
    # Shape of a fresh page (qynews.zjol.com.cn, 2010): 代县长 is an acting county head, not 代县.
    assert city_of("3月17日下午,县委副书记、代县长叶青来到人大第一代表团,与代表们共同审议《政府工作报告》。") is None
    # Counter-example: 代县 as the place keeps it.
    assert city_of("5月8日,代县县委召开常委会议,研究部署项目建设。") == "代县"


def test_a_conjunction_before_a_bare_county_session_is_no_place():
    # Shape of a fresh page (secure-stuff.com): 党组会议和县十六届第9次政府常务会议 is not 和县.
    text = "3月21日下午,县长主持召开县政府党组(扩大)会议和县十六届第9次政府常务会议。"
    assert city_of(text) is None
    assert city_of("3月21日,和县县委召开常委会议。") == "和县"


def test_a_township_or_a_firm_sharing_a_short_name_is_no_place():
    # Shapes of fresh pages (behemothit.com: 銀州街道辦事處; fensifuwu.com: 永兴煤业申请关闭退出).
    assert city_of("县委办、政府办以及银州街道办事处等有关单位负责人参加会议。") is None
    assert city_of("会议听取了光伏项目、关于永兴煤业申请关闭退出事宜的进展情况。") is None
    # Counter-example: the place's own village revival and industry park keep the place.
    assert city_of("蒙城乡村振兴工作推进会召开,蒙城县委书记出席。") == "蒙城"


def test_a_zone_after_a_direction_word_is_no_place():
    # Shape of a fresh page (fensifuwu.com, 钢城): 南部新城 is the district's new zone, not 新城区.
    assert city_of("会上,听取了经济开发区、各街道办、南部新城和有关部门的汇报。") is None
