"""Clusters hold on real report text: every rule in apps/ingest/data/clusters.json has examples and
counter-examples run through find_clusters; every item rule's pattern matches its own examples; every
industry term can be a cluster name and no framework slogan can. Excerpts are short and either written
for the rule or taken from work reports of cities outside the gold set."""

import json

import pytest

from apps.ingest.pipeline.extract.clusters import TAXONOMY, _industry_like, _valid, find_clusters, rules, tags_for
from apps.ingest.pipeline.extract.text import data, dictionary_words

CLUSTERS = data("clusters.json")
RULE_KEYS = [k for k in CLUSTERS if k not in ("about", "examples")]
EXAMPLES = [(k, text, names) for k, v in CLUSTERS["examples"].items() for text, names in v["examples"]]
COUNTER = [(k, text, names) for k, v in CLUSTERS["examples"].items() for text, names in v["counter_examples"]]
ITEM_RULES = {k: v for k, v in CLUSTERS["item_rules"].items() if isinstance(v, dict) and "pattern" in v}


def names(text):
    return [c.name for c in find_clusters(text)]


def test_every_rule_has_a_reason_and_an_example():
    missing = [k for k in RULE_KEYS if not CLUSTERS["examples"].get(k, {}).get("examples")]
    assert missing == []
    assert all(v["why"] for v in CLUSTERS["examples"].values())


@pytest.mark.parametrize("rule, text, expected", EXAMPLES, ids=[f"{k}:{t}" for k, t, _ in EXAMPLES])
def test_rule_examples(rule, text, expected):
    assert set(expected) <= set(names(text))


@pytest.mark.parametrize("rule, text, unwanted", COUNTER, ids=[f"{k}:{t}" for k, t, _ in COUNTER])
def test_rule_counter_examples(rule, text, unwanted):
    assert not set(unwanted) & set(names(text))


@pytest.mark.parametrize("name", sorted(ITEM_RULES))
def test_item_rule_patterns_match_their_examples(name):
    rule, pattern = ITEM_RULES[name], rules().item[name]
    assert rule["why"] and rule["examples"]
    for example in rule["examples"]:
        assert pattern.search(example), (name, example)
    for counter in rule.get("counter_examples", []):
        assert not pattern.search(counter), (name, counter)


def test_issue_fragments_are_never_names():
    # The shapes the issue lists: size classes, counts, leading verbs, 等多个.
    text = (
        "打造世界级先进制造业集群，形成6个百亿级产业集群。优化新能源、新材料等产业布局。"
        "紧盯低空制造、商业航天等新赛道。发展数字经济等多个领域。"
    )
    found = names(text)
    for fragment in ("世界级", "6个百亿级", "优化新能源", "紧盯低空制造", "数字经济等多个"):
        assert fragment not in found
    assert {"新能源", "新材料", "低空制造", "商业航天"} <= set(found)


def test_policy_lists_in_a_real_paragraph_are_not_clusters():
    # 厦门/揭阳-style report text: a safety campaign and an industry list in one paragraph.
    text = (
        "深入开展道路交通、消防、烟花爆竹、建筑施工、非煤矿山等领域安全整治。"
        "做强做大新一代电子信息、汽车零部件、新材料等产业集群。"
    )
    assert names(text) == ["新一代电子信息", "汽车零部件", "新材料"]


def test_every_industry_term_can_be_a_cluster_name():
    r = rules()
    bad = [w for w in dictionary_words("industry_terms.txt") if not (_valid(w, r) or w in r.generic)]
    assert bad == []
    assert all(_industry_like(w, r) for w in dictionary_words("industry_terms.txt"))


def test_no_framework_slogan_is_a_cluster_name():
    r = rules()
    slogans = [w for w in dictionary_words("framework_terms.txt") if w not in r.lexicon]
    assert slogans and not [w for w in slogans if _valid(w, r)]


TAGS = json.loads(TAXONOMY.read_text(encoding="utf-8"))


@pytest.mark.parametrize("tag", TAGS, ids=lambda t: t["slug"])
def test_every_tag_synonym_tags_its_tag(tag):
    for synonym in {tag["name_zh"], *tag["synonyms"]}:
        assert tag["slug"] in tags_for(synonym), synonym


def test_a_leading_one_character_industry_and_the_industries_after_it():
    # 平果 news (tests/fixtures/realnews/20): 铝 leads, the list after it closes with a quoted slogan.
    found = names("全市形成了以铝产业为主导,门业、建材装饰、农林产品加工等“一业主导,多业联动”的发展新格局。")
    assert {"铝", "门业", "建材装饰", "农林产品加工"} <= set(found)


def test_a_chain_list_mixing_firms_and_industries_gives_the_industries():
    # 宝丰 链长制 news (tests/fixtures/realnews/04): chains named after lead firms and after industries.
    found = names(
        "成立了大地、洁石、铁福来、康龙、国玺超纯、视光、新型碳材料、不锈钢、乳制品、食用菌以及地坪磨片等12个产业链(企业集团)。"
    )
    assert {"新型碳材料", "不锈钢", "乳制品"} <= set(found)
    assert not {"大地", "洁石", "铁福来", "康龙"} & set(found)


def test_output_goals_without_a_verb_and_a_sector_joined_after_a_list():
    # 铜仁 conference (tests/fixtures/realnews_dev2/13) and 镇江 standing meeting (realnews_dev2/05).
    goals = names("现代能源总装机量1000万千瓦以上,生态食品及健康医药产值100亿元以上。")
    assert {"现代能源", "生态食品", "健康医药"} <= set(goals)
    sectors = names(
        "重点发展汽车、船舶、航空航天、农用机械等装备制造业,现代物流、文化创意、健康等现代服务业和现代高效农业,进一步推进医疗改革。"
    )
    assert "现代高效农业" in sectors
    assert not {"医疗改革", "医疗"} & set(sectors)


def test_a_known_industry_after_a_development_verb():
    # 新和 signing news (tests/fixtures/realnews/31), after traditional→simplified.
    assert "纺织服装" in names("其优质的劳动力资源,为发展纺织服装产业提供了巨大潜力。")


def test_the_opening_clause_of_a_company_sentence_names_the_places_industry():
    # 莫力达瓦 2024 investment round-up (tests/fixtures/realnews/26, company name shortened):
    # the company's project is not a cluster, the chain the place builds around is.
    assert names("围绕生猪养殖产业链，某肉类食品有限公司屠宰项目已投产运营。") == ["生猪养殖"]
    # A company opening the sentence owns the clause.
    assert names("某有限公司围绕新能源汽车产业链，扩建电池项目。") == []


def test_lists_named_after_a_tier_a_role_or_joined_by_plus():
    # County-news phrasings (constructed from the shapes of the development pages, no one page):
    assert names("全县主导产业为茶叶、中药材和生态旅游。") == ["茶叶", "中药材", "生态旅游"]
    assert names("形成了以纺织服装、机械制造、食品加工为主的产业体系。") == ["纺织服装", "机械制造", "食品加工"]
    assert names("构建“新能源+新材料+先进装备制造”现代产业体系。") == ["新能源", "新材料", "先进装备制造"]
    assert names("全力推动白酒、煤化工、新能源电池等重点产业链发展。") == ["白酒", "煤化工", "新能源电池"]
    # Not industries: a framework's digits, actors given a role, work items.
    assert names("构建“2+4+N”现代产业体系。") == []
    assert names("坚持以企业、高校、科研院所为主体。") == []
    assert names("推进项目建设、招商引资等重点工作。") == []


def test_county_news_list_shapes():
    # Shapes seen in county news of realnews_dev3/dev4 (excerpts shortened, place names replaced by 某县):
    # 元氏 (dev3 02): quotes inside a name do not break the list.
    assert names("围绕生物医药、先进装备“智”造、现代旅游等主导产业，持续推动招商引资。") == [
        "生物医药",
        "先进装备智造",
        "现代旅游",
    ]
    # 卢龙 (dev3 03): crops vouched for by 等 and a tier.
    assert names("甘薯、酒葡萄、核桃等特色产业全国知名。") == ["甘薯", "酒葡萄", "核桃"]
    # 寿宁 (dev3 20): a framework code and adjectives between 等 and the sector word.
    found = names("大力发展硒锌康养旅游和高山茶叶、优质水果、食用菌、林下经济等“1+4”绿色高效生态农业。")
    assert {"高山茶叶", "优质水果", "食用菌", "林下经济"} <= set(found)
    # 江津 (dev4 23): one 以 opens a chain of roles.
    assert names("加速构建以现代物流为基础、加工制造业为核心、国际贸易服务为支撑的功能框架。") == [
        "现代物流",
        "加工制造业",
        "国际贸易服务",
    ]
    # 西青 (dev4 17): 产业 after each item.
    assert names("全面启动汽车产业、电子信息产业三年行动计划。") == ["汽车", "电子信息"]
    # 中卫 (dev4 04): bases, capitals and destinations.
    assert names("全力打造新材料战略基地、新能源示范基地、中国算力之都和国际沙漠旅游目的地。") == [
        "新材料",
        "新能源",
        "算力",
        "沙漠旅游",
    ]
    # 临澧 (realnews 12): the copula between the list and its tail; 装备制造业 repeats 装备制造.
    assert names("装备制造产业领导小组召开会议。装备制造业是我县传统优势产业。") == ["装备制造"]


def test_lists_that_are_not_the_places_industries():
    # 舒城 (dev3 05) and 上虞 (dev3 18): the kinds of a batch of projects.
    assert (
        names("10个社会性投资项目既有某某食品、某某印务等传统产业，又有某某电子线束、某某动力电池等战略性新兴产业。")
        == []
    )
    assert (
        names("此次签约的重大项目，既涵盖新材料、生物医药、先进装备制造等战略新兴产业，也包括休闲旅游等城市配套项目。")
        == []
    )
    # 天桥 (dev3 11): fields money goes to.
    assert names("将重点对棚户区、旧街区、公共设施、金融生态等领域进行投资建设。") == []
    # 龙湖 (dev3 22): slogans of a verb and its object.
    assert names("是全区稳经济、促投资、兴产业、优环境、惠民生的重要支撑。") == []
    # 文山 (dev4 03): the functions one chain gathers.
    assert "种植" not in names("打造集科研、种植、加工、营销于一体的三七中医药全产业链。")
    # 通州 (dev4 15): one agreement's fields.
    assert names("某镇与某公司签署了战略合作协议，将围绕人工智能、具身智能等领域，建设机器人中试中心。") == []
    # 涪陵 (dev4 05) and 上饒 (dev4 06): a rank of the place, a firm's revenue.
    assert names("涪陵作为全市首个材料产业产值超千亿的区县。") == []
    assert names("某某能源营业收入达1110亿元，列全省第一。") == []
    # Still found: an industry's own output and revenue.
    assert names("工业挑大梁，铝及铝加工产业完成283亿元。") == ["铝及铝加工"]
    assert names("全市新能源产业营业收入达到500亿元。") == ["新能源"]


def test_second_signal_a_known_industry_the_place_develops_whatever_the_list_shape():
    # 松桃 (dev4 08) and 莫旗 (realnews 26): a known industry with 产业 in a development frame.
    assert "新能源" in names("形成了以风力发电为主、光伏发电等多种能源并举的新能源产业格局。")
    assert "新能源" in names("筑牢新能源产业发展高地。")
    # No development frame in the sentence: a mention, not a cluster.
    assert "新能源" not in names("新能源产业的概念由来已久。")
    # Read after the list shapes: a part of a listed name adds nothing (泵阀 after 电机泵阀).
    found = names("重点发展电机泵阀、纺织服装两大主导产业，推动泵阀产业集聚发展。")
    assert "电机泵阀" in found and "泵阀" not in found
    # A park, a fund, a signed batch, a higher government's plan are not the place's clusters.
    assert "数智" not in names("加快建设数智产业园。")
    assert "新材料" not in names("设立新材料产业基金，推动产业发展。")
    assert "中药材" not in names("省委提出把中药材产业打造成为全省新的支柱。")


def test_second_signal_known_industries_given_a_role_by_a_copula():
    # Written for the rule, in the shape of county news: 化工新材料是我市重点培育的特色产业.
    assert "化工新材料" in names("她强调，化工新材料是我市重点培育的特色产业，希望相关企业坚持创新驱动发展。")
    assert {"食用菌", "中药材"} <= set(names("食用菌和中药材是该县的特色产业。"))
    # Unknown subjects and generic tiers are no names.
    assert names("新兴产业是重要力量，传统产业是工业化的基础。") == []
    assert "招商引资" not in names("招商引资是全县的重点产业工作。")


def test_second_signal_reads_each_industry_a_meeting_gives_a_task():
    # Written for the rule, in the shape of a county 链长制 meeting: "X产业要…" per industry.
    text = "生命健康和半导体产业要突出项目招引和园区建设；新型植保产业要加快布局调整，狠抓安全环保。"
    assert {"生命健康", "半导体", "新型植保"} <= set(names(text))
    # A project or a firm of an industry is the project's: 东山 (dev3 19), 湘阴 (dev3 09).
    assert "先进制造" not in names("全力引进先进制造产业项目落户，共同打造新板块。")


def test_a_known_industry_written_as_the_place_own_is_a_cluster_whatever_the_sentence_is_about():
    # realnews_dev6 13 (海口, a 招商 trip that also signed projects) and 01 (松江, a district secretary's
    # words to one firm): the place's name before a known industry says whose it is.
    text = "据悉，海口大力推介了海口的互联网产业投资环境，在签约的7个项目中，大部分与互联网产业有关。"
    assert "互联网" in [c.name for c in find_clusters(text, subject_names={"海口", "海口市"})]
    assert "互联网" not in names(text)
    text = "程向民指出，企业是松江新一代电子信息产业链上的重要一环。"
    assert "新一代电子信息" in [c.name for c in find_clusters(text, subject_names={"松江", "松江区"})]
    # Another place's name is no owner.
    assert "新一代电子信息" not in [c.name for c in find_clusters(text, subject_names={"奉贤", "奉贤区"})]


def test_a_product_branded_with_the_place_name_is_its_industry():
    # realnews 10 (眉县, a county head at a silk fair) and realnews_dev6 08 (苍溪, a standing meeting).
    places = {"眉县"}
    text = "持续增加眉县猕猴桃的宣传力度，擦亮眉县猕猴桃金字招牌。"
    assert [c.name for c in find_clusters(text, subject_names=places)] == ["猕猴桃"]
    text = "要继续抓好苍溪红心猕猴桃营销工作，做大做靓苍溪红心猕猴桃品牌。"
    assert [c.name for c in find_clusters(text, subject_names={"苍溪", "苍溪县"})] == ["红心猕猴桃"]
    # A city's image is no product; without the place's name nothing is read.
    assert find_clusters("打响眉县城市品牌。", subject_names=places) == []
    assert find_clusters("擦亮猕猴桃金字招牌。", subject_names=places) == []


def test_a_chain_of_names_each_closed_by_the_tail_takes_unknown_links():
    # A district head's instructions on fresh county news (雨城, stored-pages search, not a gold set).
    text = "以体育制造产业、汽车零部件产业、藏茶产业、林竹产业、食品加工产业、康养产业等为重点，打造特色产业集群。"
    assert {"汽车零部件", "藏茶", "林竹", "康养"} <= set(names(text))
    # The chain must start with a name that was taken: a lone unknown name stays out.
    assert "藏茶" not in names("企业是藏茶产业、林竹产业的代表。")


def test_a_county_slogan_ending_in_another_county_s_name_keeps_the_sentence_the_county_s():
    # 柘城 news (tests/fixtures/realnews_dev8/04, shortened): 富民兴县 is a slogan, not 兴县 in 山西.
    from apps.ingest.pipeline.extract import extract
    from apps.ingest.pipeline.normalize import normalize

    text = "柘城县召开产业发展推进会。会议指出，我县坚持政府推动和市场驱动双向发力，始终将辣椒作为富民兴县的支柱产业。"
    assert "辣椒" in [c.name for c in extract(normalize(text)).clusters]


def test_organisers_listed_before_a_named_event_are_no_industries():
    # 成武 news (tests/fixtures/realnews_dev7/03, shortened).
    text = "由省轻工联社、菏泽市工信局和成武县人民政府共同发起的县域特色产业培育赋能乡村振兴工作推进会在我县举办。"
    assert names(text) == []


def test_a_bare_chan_ye_listed_after_a_name_is_no_tail():
    # 镶黄 news (tests/fixtures/realnews_dev7/13, shortened).
    assert names("希望两地共同搭建文旅、产业等多领域合作交流平台。") == []


def test_industries_listed_as_categories_before_a_sized_count():
    # 荣昌 signing news (tests/fixtures/realnews_dev10/03, shortened; the page spaces a linked word).
    text = "重点围绕打造装备制造类、食品医药类、 兽药 饲料类、环保建材类四个三百亿级工业集群开展招商。"
    assert names(text) == ["装备制造", "食品医药", "兽药饲料", "环保建材"]


def test_a_chain_plan_s_paragraph_heading_names_its_chain():
    # 奉节 chain plan (tests/fixtures/realnews_dev11/13, shortened): the bracketed category is dropped.
    assert names("脐橙(小水果)产业链方面，招引种苗培育、农资农具等项目。") == ["脐橙"]
    assert names("眼镜产业链方面，招引中高档镜片、镜架企业。") == ["眼镜"]
    assert names("在产业链方面，要补链强链。") == []


def test_counted_zones_named_by_industries_name_the_industries():
    # 塔城 news (tests/fixtures/realnews_dev10/19, shortened).
    text = "构建以农牧产品加工、现代畜牧养殖、装备制造、经济循环四大集聚区为承载的发展新格局。"
    assert names(text) == ["农牧产品加工", "现代畜牧养殖", "装备制造", "经济循环"]
    assert names("建设东区、西区两个园区。") == []


def test_fields_of_planned_or_negotiated_projects_are_not_clusters():
    # 武隆 (realnews_dev10/01), 塔城 (realnews_dev10/19), 凤县 (realnews_dev10/18), 牟定 (realnews_dev11/08), shortened.
    assert names("我区还围绕文旅、工业、商贸、城建产业，策划储备了45个项目。") == []
    assert names("洽谈再生铜进口落地加工、生物制造上下游产业链等意向合作项目3个。") == []
    assert names("包括某镇菌类加工园等2个农业产业项目。") == []
    text = "此次集中签约项目涵盖绿色能源和绿色制造业、绿色食品产业、旅游文化产业、数字经济等重点产业。"
    assert names(text) == []


def test_poverty_relief_is_a_programme_not_an_industry():
    # 忻城 news (tests/fixtures/realnews_dev11/11, shortened).
    assert names("重点介绍了该县旅游、扶贫产业、易地扶贫搬迁等方面取得的成效。") == ["旅游"]


def test_industries_each_given_an_output_figure():
    # 平原 news (tests/fixtures/realnews_dev9/17, shortened).
    text = "食品加工、高端化肥、生物医药产业产值分别增长10.5%、6%和5%。"
    assert names(text) == ["食品加工", "高端化肥", "生物医药"]
    assert names("高新技术产业产值增长12%。") == []


def test_single_industries_after_verbs_of_growth():
    # 沐川 (realnews_dev11/07), 高县 (realnews_dev9/07), 金秀 (realnews_dev9/06), 鹿邑 (realnews_dev10/11), shortened.
    assert names("做深、做精、做长竹产业链条，支持精制茶产业差异化发展。") == ["竹", "精制茶"]
    assert names("推进林竹产业化发展、资源化利用。") == ["林竹"]
    assert names("推进数字产业化发展。") == []
    assert names("依托竹木资源和产业基础，做强竹木加工全链条产业。") == ["竹木加工"]
    assert names("进一步完善全县化妆刷产业链布局，聚集化妆刷产业集群。") == ["化妆刷"]


def test_round17_audit_of_fresh_pages_items_that_are_no_industries():
    # Short excerpts from the round-17 precision audit (unlabelled pages; addresses in docs/gold-news.md).
    # Each excerpt is cut to one clause and its place and people written as 某.
    # A tiered 产业 right after a list mark is one more item (an attribute, a topic), not a tail.
    assert names("某某指出,某市历史文化底蕴深厚、交通区位优越、主导产业特色鲜明、城市开放包容。") == []
    assert names("某某向客商们介绍了某市经济社会和特色产业发展情况。") == []
    # ...but a tail with two tiers (新兴和未来产业) still closes its list, and a name listed after it is read.
    assert names("加快发展玄武岩、氢能等一批新兴和未来产业。") == ["玄武岩", "氢能"]
    assert "文旅康养" in names("市商务局、文旅局分别作某市投资环境及重点产业、文旅康养产业、工业重点招商项目推介。")
    # A tiered 产业 followed by 、 is an item of a list that goes on: the items before it stand
    # (岳西, realnews_dev13/02, shortened).
    assert names("突出大健康、大数据、大旅游、战略性新兴产业、工业、现代农林业等重点产业。")[:3] == [
        "大健康",
        "大数据",
        "大旅游",
    ]
    # The topics two parties discuss; the links of one product's chain.
    assert (
        names("双方就智慧数字化装备平台、矿山合作方式、新能源车设备成本、原料深加工销售市场板块等多个议题进行了讨论。")
        == []
    )
    assert names("全力打造集龙虾养殖、深加工、仓储物流、市场销售一体化产业链。") == []
    # A project's field, a farm policy's system, generic farming and trade, a statistics aggregate.
    assert names("本次开工的茶产业项目3个,分别是某茶叶基地、某茶旅综合体建设等。") == []
    assert names("依托省级农产品加工集聚区,构建现代农业产业发展体系。") == []
    assert names("截至目前,全镇特色种植产业面积稳定在1.8万亩。") == []
    assert names("企业家代表聚焦外贸产业、港口发展、数字赋能等为某市发展建言献策。") == []
    assert "轻工业" not in " ".join(names("规模以上工业企业中,轻工业完成总产值12.47亿元,同比增长28.9%。"))


def test_round17_audit_of_fresh_pages_names_cleaned():
    # The verb of what a name is to become, a county before the first item, an inner 产业, a driver's role.
    assert "木材加工" in names("要把木材加工做成大产业,推动木材加工产业转型升级。")
    assert names("某某县荔枝、真龙柚、金钗石斛三大特色产业面积分别达30.6万亩。") == ["荔枝", "真龙柚", "金钗石斛"]
    assert "新能源" in names("培育新材料产业、医药产业2个400亿级产业集群,新能源产业300亿级产业集群。")
    assert "电子设备制造业" in names("重工业快速增长主要以化工、电子设备制造业拉动为主。")
    # A及B before 产业链 names one chain.
    assert names("会上,相关部门汇报了服务化工及新材料产业链发展的工作举措。") == ["化工及新材料"]
