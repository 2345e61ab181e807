"""Officials: title-shaped words, bylines with a space, a county's parent-city leaders, and a
name followed by a word that starts with its would-be third character. Made-up sentences."""

from apps.ingest.pipeline.extract.officials import find_officials


def found(text, subject=("某市",), **kwargs):
    return [(o.name, o.title) for o in find_officials(text, set(subject), **kwargs)]


def test_hotlines_and_mailboxes_are_not_officials():
    assert found("市民可拨打12345市长热线反映问题，市长信箱收到来信200封。") == []


def test_a_byline_with_a_space_between_title_and_name():
    assert found("县长 李明\n各位代表：") == [("李明", "县长")]


def test_a_county_does_not_file_its_parent_city_leader():
    text = "市委书记张三在我县调研。县委书记李四陪同。"
    assert found(text, ("某县",), subject_level="县") == [("李四", "县委书记")]
    # A county-level city's own 市委书记 is its leader.
    assert ("张三", "市委书记") in found(text, ("某市",), subject_level="县级市")


def test_a_third_character_that_begins_the_next_word_is_not_part_of_the_name():
    # Shape of a synonym-spun sentence (强调 → 着重): "市委书记申强着重，要胸怀大局".
    assert found("市委书记申强着重，要胸怀大局。") == [("申强", "市委书记")]
    assert found("市委书记刘建国强调要抓好落实。") == [("刘建国", "市委书记")]


def test_a_report_byline_with_a_spaced_title_or_a_wide_gap():
    # Shapes of work reports' bylines (dev12 中宁, dev6 朝阳区), names made up.
    assert found("政 府 工 作 报 告\n县 长 周某某\n各位代表：", subject=("某县",), subject_level="县") == [
        ("周某某", "县长")
    ]
    assert found("某区发展和改革委员会主任  魏某某\n\n各位委员：") == [("魏某某", "某区发展和改革委员会主任")]
    # A spaced parent's post is still the parent's.
    assert found("市  长  李某\n", subject=("某县",), subject_level="县") == []
