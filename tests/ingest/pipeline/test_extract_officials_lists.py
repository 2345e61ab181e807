"""Officials as Chinese local news writes them: minority names with a middle dot, a deputy's
bare title after the head's, a 县领导 list that ends the page, a centre of the place, a partner
city's 人民政府, a title inside a project's name. Excerpts are shortened from the development sets
(origin noted) with names replaced where the name itself does not matter."""

from apps.ingest.pipeline.extract.officials import find_officials
from apps.ingest.pipeline.normalize import normalize


def found(text, subject=("某县",), level="县"):
    return [(o.name, o.title) for o in find_officials(text, set(subject), subject_level=level)]


def names(text, subject=("某县",), level="县"):
    return sorted(name for name, _ in found(text, subject, level))


def test_a_name_with_a_middle_dot_is_taken_whole():
    # realnews_dev4/12 (伊犁): 州党委副书记、州长叶尔夏提·吐尔逊拜参加签约仪式 … 叶尔夏提·吐尔逊拜说
    text = "伊犁州党委副书记、州长叶尔夏提·吐尔逊拜参加签约仪式。叶尔夏提·吐尔逊拜说，去年以来…"
    assert names(text, ("伊犁",), "州") == ["叶尔夏提·吐尔逊拜"]
    # realnews_dev4/13 (乌苏): 市委副书记、市长阿依肯·阿斯拉汗代表乌苏市委…
    text = "签约仪式上，乌苏市委副书记、市长阿依肯·阿斯拉汗代表乌苏市委签订了协议。"
    assert names(text, ("乌苏",), "县级市") == ["阿依肯·阿斯拉汗"]
    # Other dots pages use (the full-width stop, the bullet), and a first part jieba reads as a verb (买买).
    assert names("副县长买买提．艾力主持会议。") == ["买买提．艾力"]
    assert names("县委副书记、县长艾尔肯•吐尼亚孜出席。") == ["艾尔肯•吐尼亚孜"]


def test_a_plain_name_is_not_stretched_by_a_dot_later_on():
    assert names("县长张明主持会议。会议·纪要") == ["张明"]


def test_a_list_name_whose_last_character_is_a_conjunction():
    # realnews_dev3/13 (宁陵): 县领导李振兴、马同和、李彩云、袁飞等陪同。
    assert names("县领导李某兴、马同和、李彩云、袁飞等陪同。") == ["李彩云", "李某兴", "袁飞", "马同和"]
    # Counter: 和 between a name and the next word stays a conjunction.
    assert names("县长张明和企业负责人座谈。") == ["张明"]


def test_a_deputy_title_shares_the_heads_organisation():
    # realnews_dev3/17 (嵊州): 市政协主席柴理明,副主席袁辉尧、李香富、…、史萍出席会议。
    text = "市政协主席柴某明,副主席袁某尧、李某富、杨军、史萍出席会议。"
    assert found(text, ("某市",), "县级市") == [
        ("柴某明", "市政协主席"),
        ("袁某尧", "副主席"),
        ("李某富", "副主席"),
        ("杨军", "副主席"),
        ("史萍", "副主席"),
    ]


def test_a_deputy_of_another_post_or_of_a_company_is_not_inherited():
    # Counter: a different post after the head (副总经理 is no 副主席) and a company's deputies.
    assert names("市政协主席张某，副总经理李某出席。", ("某市",), "县级市") == ["张某"]
    assert names("某某公司董事长张某，副董事长李某出席。") == []


def test_an_own_organisation_decides_over_one_named_before():
    # realnews_dev3/21 (平远): 梅州市政府副市长蒋鲲、南方财经信息中心主任朱华斌…参加活动。
    text = "平远县委书记王某、南方财经信息中心主任朱某斌参加活动。"
    assert names(text, ("平远",)) == ["王某"]


def test_a_centre_of_the_place_itself_is_a_public_body():
    # realnews_dev4/14 (昌吉): …占到签约项目的30%。”昌吉州营商环境服务中心主任马欢庆说
    text = "“目前，延伸项目占到签约项目的30%。”昌吉州营商环境服务中心主任马某庆说。"
    assert names(text, ("昌吉", "昌吉州"), "州") == ["马某庆"]
    assert names("县融媒体中心主任张某介绍。") == ["张某"]


def test_a_partner_citys_peoples_government_is_another_place():
    # realnews_dev4/22 (锡林郭勒): …、原上海市人民政府合作交流办党委副书记鹿金东、原上海市人民政府
    # 合作交流办副主任姚新出席会议。
    text = (
        "锡林郭勒盟委委员、统战部部长孙某强、原上海市人民政府合作交流办党委副书记鹿某东、"
        "原上海市人民政府合作交流办副主任姚新出席会议。"
    )
    assert names(text, ("锡林郭勒",), "盟") == ["孙某强"]


def test_a_title_inside_a_project_name_gives_no_name():
    # realnews_dev3/09 (湘阴): 仪式在该县高新区长康二期项目现场举行 — 高新区 + 长康二期, no 区长.
    assert names("签约开工仪式在该县高新区长康二期项目现场举行。", ("湘阴",)) == []
    assert names("区长康明出席开工仪式。", ("某区",), "区") == ["康明"]


def test_acting_heads_and_nominees():
    # realnews_dev3/23 (安岳): 县委副书记、代理县长赖才建主持仪式 (理县 is a county elsewhere).
    assert found("县委副书记、代理县长赖某建主持仪式。", ("安岳",)) == [("赖某建", "县委副书记、代理县长")]
    # realnews_dev3/25 (祁东): 县委常委、副县长候选人胡书伟介绍了…
    assert found("县委常委、副县长候选人胡某伟介绍了项目情况。", ("祁东",)) == [("胡某伟", "县委常委、副县长候选人")]


def test_a_spokesman_line_with_a_space_and_an_honorific():
    # realnews_dev4/20 (顺义): 顺义区委常委、常务副区长、区政府新闻发言人 徐晓俊先生
    text = "顺义区委常委、常务副区长、区政府新闻发言人 徐某俊先生"
    assert names(text, ("顺义",), "区") == ["徐某俊"]
    # realnews_dev4/05 (涪陵): 区委常委、区政府常务副区长、区政府新闻发言人傅云共同回答…
    assert names("区委常委、区政府常务副区长、区政府新闻发言人傅云共同回答记者提问。", ("涪陵",), "区") == ["傅云"]


def test_a_leader_list_that_ends_the_page_is_kept():
    # realnews_dev3/25 (祁东): the page ends on the line "县领导周志敏、张永法、龙建程".
    text = normalize("项目建成达产后，将助推经济社会高质量发展。\n\n  县领导周某敏、张某法、龙某程\n").text
    assert text.endswith("县领导周某敏、张某法、龙某程")
    assert names(text) == ["周某敏", "张某法", "龙某程"]


def test_short_trailing_headlines_are_still_dropped():
    # Counter: a related-news link line that ends the page is not a list of leaders.
    text = normalize("项目建成达产后，将助推经济社会高质量发展。\n\n县领导调研安全生产工作\n").text
    assert "县领导调研" not in text


def test_a_leading_group_or_chain_role_after_an_official_post():
    # realnews/12 (临澧): 县委副书记、县长、装备制造产业领导小组组长蒋颖群主持会议 … 县人大常委会主任、
    # 装备制造产业领导小组副组长杨华桥要求…
    text = (
        "县委副书记、县长、装备制造产业领导小组组长蒋某群主持会议。"
        "县人大常委会主任、装备制造产业领导小组副组长杨某桥要求，要做好全县工业企业全面摸底。"
    )
    assert names(text, ("临澧",)) == ["杨某桥", "蒋某群"]
    assert names("副县长、新材料产业链副链长李某某出席。") == ["李某某"]


def test_a_group_role_does_not_hide_whose_post_it_is():
    # Counter: the parent's 市委书记 who chairs a group is still the parent's in a county's text;
    # a company's 组长 is no official.
    assert names("市委书记、产业链链长张某在我县调研。", ("某县",), "县") == []
    assert names("某某公司质检组组长张某介绍。") == []


def test_a_former_post_is_not_held():
    # realnews_dev3/03 (卢龙): 北京市纪检委驻天安门地区管委会原纪检组组长张文怀…分别发言
    text = "北京市纪检委驻天安门地区管委会原纪检组组长张某怀发言。县委原副书记李某、原县长王某参加。"
    assert names(text, ("卢龙",)) == []
    # Counter: 原 inside a place's name (太原, 平原) is no 'former'.
    assert names("太原市委书记张某出席，平原县委书记李某讲话。", ("太原", "平原"), "") == ["张某", "李某"]


def test_the_last_name_of_a_list_after_he():
    # Made-up, the genre's "县领导甲、乙和丙出席" (a list's last item after 和 or 以及).
    assert names("县领导张某、李某某和王某出席。") == ["张某", "李某某", "王某"]
    assert names("县领导张某、李某以及王小明出席会议。") == ["张某", "李某", "王小明"]
    # Counters: 和 before a group of people, and 和 after a single name (张某和王某 may be anyone).
    assert names("县领导张某、李某和相关部门负责人参加。") == ["张某", "李某"]
    assert names("县领导张某和企业负责人座谈。") == ["张某"]


def test_a_chain_of_titles_only_takes_the_organisation_named_before():
    # Counter to the own-organisation rule: 党组成员、副主任 names no organisation of its own.
    assert names("市发改委主任张某、党组成员、副主任李某出席。", ("某市",), "") == ["张某", "李某"]
