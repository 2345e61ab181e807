"""The subject city of a page on visitors: whoever comes to 我市 (莅临我市, 来菏调研) is not 我市. Excerpts
shortened from pages of the `search` tool's pages corpus (address noted); round 14."""

from apps.ingest.pipeline.extract.places import main_city
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import boundaries, segment


def city_of(text, **kwargs):
    text = normalize(text).text
    found = main_city(text, token_edges=boundaries(segment(text)), **kwargs)
    return found.name if found else None


def test_a_delegation_that_comes_to_wo_shi_is_not_the_subject():
    # pysrd.henanrd.gov.cn/2020/11-27/57993.html: 许昌市人大常委会主任王堃带领部分驻许昌市省人大代表莅临我市开展集中视察。
    text = (
        "11月25日至27日，许昌市人大常委会主任王某带领部分驻许昌市省人大代表莅临我市开展集中视察。"
        "市委副书记、市长杨某参加视察。视察组一行先后深入天能（濮阳）循环经济产业园、濮阳东站片区等地。"
        "代表们认为，濮阳发展的新做法值得许昌市学习和借鉴，希望濮阳与许昌加强合作。杨某对代表们到濮阳视察表示欢迎。"
    )
    assert city_of(text, title="驻许昌市省人大代表莅濮视察") == "濮阳"


def test_visitors_named_by_the_host_s_short_name_in_the_title():
    # solromo.com/bendiyaowen/3384.html (traditional): 駐德州市全國人大常委會機關掛職干部來菏調研 / 中國菏澤網消息
    text = (
        "中國菏澤網消息 9月11日至12日，全國人大常委會辦公廳處長王某帶領駐德州市全國人大常委會機關掛職干部一行來我市調研。"
        "市人大常委會副主任孔某參加活動。調研組一行先後深入菏澤現代醫藥港等地進行實地調研。"
    )
    assert city_of(text, title="駐德州市全國人大常委會機關掛職干部來菏調研") == "菏泽"


def test_a_place_the_page_s_people_go_to_is_not_made_a_visitor():
    # Counter: 赴/到 from the page's own place is a trip out, not a visit in; the traveller stays the subject.
    text = "合肥市委书记带队赴深圳考察学习。合肥市委常委会指出，合肥要对标先进。合肥市政府将出台新政策。"
    assert city_of(text) == "合肥"
    # A county leader going to his own county's village is not read as coming to 我县.
    text = "3月2日，澧县县委书记来到县工业园区调研。全县工业经济稳中向好，县委县政府将加大支持。"
    assert city_of(text) == "澧县"


def test_a_parent_s_leader_coming_to_the_county_leaves_the_county_the_subject():
    # Shape of county news on the prefecture's leader (来县调研): the prefecture is the visitor.
    text = "常德市委书记张某来县调研工业经济。张某一行先后深入澧县经济开发区、多家企业。县委书记陪同。"
    assert city_of(text) == "澧县"
