"""A page that names its own place only as 我旗/我市 or by an abbreviation, against places that are
only named in a firm's name, a guest's office, a superior's deployment or a trip's headline.
Short excerpts and made-up sentences in the shapes of tests/fixtures/realnews_dev5 (01 东乌旗: a
banner named only in its source line 东乌旗宣传平台, the parent in 锡林郭勒盟某某锌业有限公司; 22 达茂旗:
the abbreviation only, the headline 赴成都、绵阳等地进行招商考察; 03 五常: 我市 throughout, 哈尔滨市政府驻
上海办事处副主任 as a guest and 围绕哈尔滨市委…部署); docs/gold-news.md, "Subject city round 14"."""

from apps.atlas.divisions import load_divisions
from apps.ingest.pipeline.extract.places import _names_a_company, _opens_a_guest_title
from tests.ingest.pipeline.test_extract_subject_page import city_of


def _banner(full_name):
    divisions = load_divisions()
    return next(d for d in divisions.by_adcode.values() if d.full_name == full_name)


def test_banners_go_by_their_abbreviations():
    divisions = load_divisions()
    for abbreviation, full_name in (
        ("东乌旗", "东乌珠穆沁旗"),  # the first two characters
        ("达茂旗", "达尔罕茂明安联合旗"),  # the first characters of the two names joined
        ("科右前旗", "科尔沁右翼前旗"),  # the first character, the wing and the position
        ("乌前旗", "乌拉特前旗"),  # the first character and the position
        ("鄂温克旗", "鄂温克族自治旗"),  # the people's name without 族
    ):
        assert abbreviation in divisions.aliases(_banner(full_name))
        assert [d.full_name for d in divisions.lookup(abbreviation)] == [full_name]


def test_a_united_banner_s_short_name_drops_the_whole_suffix():
    assert _banner("达尔罕茂明安联合旗").name == "达尔罕茂明安"


def test_no_banner_abbreviation_is_another_division_s_name():
    divisions = load_divisions()
    for division in divisions.by_adcode.values():
        for alias in divisions.aliases(division) if division.full_name.endswith("旗") else ():
            assert [d.adcode for d in divisions.lookup(alias)] == [division.adcode], alias


# Shape of realnews_dev5 01: the banner's own site, 旗委/我旗/全旗 only, the parent inside a firm's name.
OWN_BANNER = (
    "9月28日,旗委副书记、政府旗长常某走访调研部分规模以上工业企业。常某一行先后到某某矿业有限公司、"
    "锡林郭勒盟某某锌业有限公司和某某实业有限公司等调研。常某强调,规上企业是我旗经济发展的重要力量,"
    "要尽快扭转全旗规上工业经济下行态势,为全旗工业经济高质量发展贡献力量。"
)


def test_a_banner_s_own_outlet_in_the_source_line_names_the_page_s_place():
    assert city_of(OWN_BANNER, publisher="东乌旗宣传平台") == "东乌珠穆沁"


def test_a_place_opening_a_firm_s_name_only_registers_it():
    text = "先后到锡林郭勒盟某某锌业有限公司调研。"
    assert _names_a_company(text, text.index("锡林郭勒盟") + 5)
    text = "与上海某某投资集团有限公司签约。"
    assert _names_a_company(text, text.index("上海") + 2)


def test_an_organ_or_a_sentence_is_no_firm_s_name():
    # Counter-examples: a government signing with a firm, a place joined to a firm by 与.
    text = "某某县人民政府与某某有限公司签约。"
    assert not _names_a_company(text, text.index("某某县") + 3)
    text = "上海与某某有限公司签约。"
    assert not _names_a_company(text, 2)


# Shape of realnews_dev5 22: the abbreviation only; the headline and the body name the trip's cities.
TRIP = (
    "达茂旗各部门单位组成招商小分队,赴各地开展招商活动。其中,旗领导带队赴成都、广州等地开展外出招商考察。"
    "全旗招商引资工作累计对接企业109家。达茂旗将持续全面贯彻落实党的二十大精神。"
)


def test_a_headline_naming_a_trip_s_destinations_does_not_name_the_subject():
    assert city_of(TRIP, title="某某带队赴成都、绵阳等地进行招商考察") == "达尔罕茂明安"


def test_a_headline_naming_the_place_that_acts_still_counts():
    # Counter-example: the headline's place is the one that acts, not a destination.
    text = "全市招商引资工作累计对接企业109家。市委书记强调,要赴成都、广州等地开展招商,绵阳要抓项目。"
    assert city_of(text, title="绵阳市召开招商引资推进会") == "绵阳"


def test_a_guest_s_office_title_names_his_place():
    text = "我市举行签约仪式。哈尔滨市政府驻上海办事处副主任赵某某,我市市级领导参加。市委书记尹某讲话。"
    assert _opens_a_guest_title(text, text.index("哈尔滨市"), text.index("哈尔滨市") + 4)


def test_the_page_s_own_leaders_listed_with_bare_titles_are_no_guests():
    # Counter-examples (realnews_dev3 14, realnews_dev6 03 shapes): the page's own list of leaders,
    # and a further office of one person after another title.
    text = "随后,桐柏县委书记贾某某,县委副书记、县长党某某出席。"
    assert not _opens_a_guest_title(text, text.index("桐柏县"), text.index("桐柏县") + 3)
    text = "福州市委常委、福清市委书记林某某,福州市副市长出席。"
    assert not _opens_a_guest_title(text, text.index("福清市"), text.index("福清市") + 3)


# Shape of realnews_dev5 03: a county-level city's own site says 我市; its name is also a rare word.
OWN_CITY = (
    "7月6日上午,我市举行招商引资集中签约仪式。哈尔滨市政府驻上海办事处副主任赵某某,我市市级领导参加。"
    "副市长张某与某某集团有限公司签约。市委书记尹某指出,招商引资是五常发展的永恒主题。近年来,我市围绕"
    "哈尔滨市委构建现代产业新体系的统一部署,举全市之力抓招商,让投资五常的企业轻装上阵。"
)


def test_a_county_level_city_saying_our_city_is_not_its_parent_s():
    assert city_of(OWN_CITY) == "五常"


def test_a_rare_word_name_needs_its_parent_on_the_page():
    # Counter-example: without 哈尔滨 on the page, 五常 (also a word) is not taken for the place.
    assert city_of("招商引资是五常发展的永恒主题,让投资五常的企业轻装上阵。") is None


def test_an_abbreviation_with_its_level_character_is_written_as_a_place_s_name():
    # Shapes of stored real pages (sumuf.com 西乌旗 survey; nmg.cnipai.com 科右前旗 fair in 德阳): the
    # banner named only by its abbreviation, against a visit word or a host city's organs.
    text = "8月12日,盟政协副主席某某一行深入西乌旗就重大生态工程实施情况进行实地调研。旗政协主席某某陪同调研。"
    assert city_of(text) == "西乌珠穆沁"
    text = (
        "10月30日,内蒙古科右前旗在德阳东电宾馆召开招商引资推介会。德阳市经信委组织企业参加推介说明会。"
        "科右前旗旗长陈某某向关心支持科右前旗发展的德阳市委、市政府表示感谢。"
    )
    assert city_of(text) == "科尔沁右翼前"
