"""A small, realistic atlas built through the ORM, for the dashboard's tests.

Five articles about four covered cities (昆山, 无锡, 江阴, 靖江) whose parents (苏州, 无锡,
泰州) are in the division table, plus 常州, which no article is about.  Every kind of fact
is there, with evidence passages found in the article text: some nested, one pair
crossing, one pair identical.  The same official (周伟) is named by two articles.  One fact
of each kind is rejected.  One article was written in traditional script with a pinyin
gloss the cleaning removed; one is a synonym-spun copy.

`grow_atlas(atlas, n)` adds n more articles to each covered city and n more covered
cities, for the tests that a page's query count does not depend on the amount of data.
"""

from dataclasses import dataclass, field
from datetime import date

from opencc import OpenCC

from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, ReviewStatus, Target

REJECTED = ReviewStatus.REJECTED
APPROVED = ReviewStatus.APPROVED

KUNSHAN_TEXT = (
    "昆山召开全市产业创新集群发展大会\n\n"
    "3月1日，昆山市召开全市产业创新集群发展大会。市委书记周伟主持会议，市长李晖作工作报告。"
    "会议提出，做强电子信息、高端装备两大主导产业，培育集成电路、新能源汽车等新兴产业，布局元宇宙等未来产业。"
    "到2027年，全市工业总产值突破1.5万亿元，集成电路产业规模达到1000亿元。"
    "2023年，昆山地区生产总值达5140亿元，研发投入强度达3.9%，全市拥有高新技术企业2800家。"
    "副市长孙波通报了产业用地情况。"
)
# Traditional original; the pinyin gloss after 崑山 is what cleaning removed.
KUNSHAN_TRADITIONAL_HEAD = "崑山舉辦集成電路產業座談會\n\n6月10日，崑山"
KUNSHAN_TRADITIONAL_GLOSS = "（kūn shān）"
KUNSHAN_TRADITIONAL_REST = (
    "市集成電路產業座談會在花橋舉行。市委書記周偉出席並講話，強調要打造具有國際競爭力的半導體產業集群。"
    "到2025年，全市半導體企業達到300家。"
)
WUXI_TEXT = (
    "无锡市推进现代化产业体系建设大会召开\n\n"
    "2月20日，无锡市召开推进现代化产业体系建设大会。市委书记杜小刚出席并讲话，市长赵建军主持。"
    "无锡将物联网、集成电路作为主导产业，生物医药作为特色产业加快培育。"
    "到2025年，集成电路产业规模达到2500亿元；2023年，全市地区生产总值15456亿元，研发投入强度3.4%。"
    "会上还宣布了人工智能产业推介会的安排。"
)
JIANGYIN_TEXT = (
    "江阴市新能源产业推进会召开\n\n"
    "12月15日，江阴市新能源产业推进会召开。市委书记方力出席会议。"
    "江阴将高端纺织服装作为传统优势产业，把新能源作为新兴产业重点培育。"
    "江阴连续多年位列全国百强县第2位。到2025年，新能源产业营收突破1000亿元。"
)
JINGJIANG_TEXT = (
    "从“制造基地”到“融合生态”\n\n"
    "12月1日，靖江金融中心会议大厅举办产创融合产才汇聚大会。靖江市委市政府与数百位企业家、高层次人才围坐一堂。"
    "全市工业开票销售收入在2023年突破2000亿元。高端装备制造、现代临港物流、金属材料、大健康等主导产业集群加快发展。"
)


@dataclass
class Atlas:
    cities: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)

    @property
    def rejected(self):
        return [fact for fact in self.facts.values() if fact.review_status == REJECTED]


def make_city(slug, name, name_en, level, parent=None, province="江苏省"):
    suffix = {"县": "县", "区": "区"}.get(level, "市")
    return City.objects.create(
        slug=slug, name=name, full_name=name + suffix, name_en=name_en, level=level, parent=parent, province=province
    )


def make_document(city, source, title, text, published, **fields):
    fields.setdefault("raw_text", text)
    return Document.objects.create(
        city=city,
        source=source,
        sha256=source.ljust(64, "0")[:64],
        title=title,
        publisher="测试日报",
        published=published,
        normalized_text=text,
        **fields,
    )


def add_fact(model, document, evidence, *, city=None, tags=(), officials=(), **fields):
    """A fact whose passage is `evidence`, found in the document's normalized text."""
    start = document.normalized_text.index(evidence)
    label = fields.get("name") or fields.get("metric")
    fact = model.objects.create(
        document=document,
        city=city or document.city,
        fingerprint=f"{label}@{start}",
        evidence_start=start,
        evidence_end=start + len(evidence),
        evidence_text=evidence,
        confidence=0.8,
        **fields,
    )
    if tags:
        fact.tags.set(tags)
    if officials:
        fact.officials.set(officials)
    return fact


def make_tags():
    rows = [
        ("electronic-information", "电子信息", "Electronic information", []),
        ("integrated-circuits", "集成电路", "Integrated circuits", ["半导体", "芯片"]),
        ("high-end-equipment", "高端装备", "High-end equipment", ["装备制造"]),
        ("new-energy", "新能源", "New energy", []),
        ("biomedicine", "生物医药", "Biomedicine", ["大健康"]),
        ("iot", "物联网", "Internet of Things", []),
        ("textiles", "纺织服装", "Textiles and apparel", []),
        ("new-materials", "新材料", "New materials", []),
    ]
    return {
        slug: IndustryTag.objects.create(slug=slug, name_zh=zh, name_en=en, synonyms=synonyms, sort_order=i)
        for i, (slug, zh, en, synonyms) in enumerate(rows)
    }


def build_atlas():
    atlas = Atlas()
    c, t, d, f = atlas.cities, atlas.tags, atlas.documents, atlas.facts
    t.update(make_tags())
    c["suzhou"] = make_city("suzhou", "苏州", "Suzhou", City.Level.PREFECTURE)
    c["wuxi"] = make_city("wuxi", "无锡", "Wuxi", City.Level.PREFECTURE)
    c["taizhou"] = make_city("taizhou", "泰州", "Taizhou", City.Level.PREFECTURE)
    c["changzhou"] = make_city("changzhou", "常州", "Changzhou", City.Level.PREFECTURE)
    c["kunshan"] = make_city("kunshan", "昆山", "Kunshan", City.Level.COUNTY_CITY, parent=c["suzhou"])
    c["jiangyin"] = make_city("jiangyin", "江阴", "Jiangyin", City.Level.COUNTY_CITY, parent=c["wuxi"])
    c["jingjiang"] = make_city("jingjiang", "靖江", "Jingjiang", City.Level.COUNTY_CITY, parent=c["taizhou"])

    doc = d["kunshan"] = make_document(
        c["kunshan"],
        "kunshan-2024-03.txt",
        "昆山召开全市产业创新集群发展大会",
        KUNSHAN_TEXT,
        date(2024, 3, 1),
        cleaning={"boilerplate_lines": 2},
    )
    f["zhou_wei"] = add_fact(Official, doc, "市委书记周伟", name="周伟", title="市委书记", review_status=APPROVED)
    f["li_hui"] = add_fact(Official, doc, "市长李晖", name="李晖", title="市长")
    f["sun_bo"] = add_fact(Official, doc, "副市长孙波", name="孙波", title="副市长", review_status=REJECTED)
    f["kunshan_congress"] = add_fact(
        Meeting,
        doc,
        "3月1日，昆山市召开全市产业创新集群发展大会。市委书记周伟主持会议，市长李晖作工作报告。",
        name="全市产业创新集群发展大会",
        date=date(2024, 3, 1),
        kind="大会",
        officials=[f["zhou_wei"], f["li_hui"], f["sun_bo"]],
    )
    leading = "做强电子信息、高端装备两大主导产业"
    f["electronics"] = add_fact(
        IndustryCluster, doc, leading, name="电子信息", tier="主导", tags=[t["electronic-information"]]
    )
    f["equipment"] = add_fact(
        IndustryCluster, doc, leading, name="高端装备", tier="主导", tags=[t["high-end-equipment"]]
    )
    emerging = "培育集成电路、新能源汽车等新兴产业"
    f["kunshan_ic"] = add_fact(
        IndustryCluster, doc, emerging, name="集成电路", tier="新兴", tags=[t["integrated-circuits"]]
    )
    f["nev"] = add_fact(IndustryCluster, doc, emerging, name="新能源汽车", tier="新兴", tags=[t["new-energy"]])
    f["metaverse"] = add_fact(
        IndustryCluster,
        doc,
        "布局元宇宙等未来产业",
        name="元宇宙",
        tier="未来",
        tags=[t["new-materials"]],
        review_status=REJECTED,
    )
    # These two passages cross: each starts inside the other.
    f["output_target"] = add_fact(
        Target,
        doc,
        "到2027年，全市工业总产值突破1.5万亿元",
        metric="工业总产值",
        value="1.5",
        unit="万亿元",
        kind=Target.Kind.TARGET,
        year=2027,
    )
    f["ic_target"] = add_fact(
        Target,
        doc,
        "全市工业总产值突破1.5万亿元，集成电路产业规模达到1000亿元",
        metric="集成电路产业规模",
        value="1000",
        unit="亿元",
        kind=Target.Kind.TARGET,
        year=2027,
    )
    f["kunshan_gdp"] = add_fact(
        Target, doc, "昆山地区生产总值达5140亿元", metric="地区生产总值", value="5140", unit="亿元", year=2023
    )
    f["kunshan_rd"] = add_fact(
        Target, doc, "研发投入强度达3.9%", metric="研发投入强度", value="3.9", unit="%", year=2023
    )
    f["hightech_firms"] = add_fact(
        Target, doc, "全市拥有高新技术企业2800家", metric="高新技术企业", value="2800", unit="家", year=2023
    )
    f["land"] = add_fact(
        Target, doc, "副市长孙波通报了产业用地情况", metric="产业用地", value="3000", unit="亩", review_status=REJECTED
    )

    raw = KUNSHAN_TRADITIONAL_HEAD + KUNSHAN_TRADITIONAL_GLOSS + KUNSHAN_TRADITIONAL_REST
    to_simplified = OpenCC("t2s").convert
    head, rest = to_simplified(KUNSHAN_TRADITIONAL_HEAD), to_simplified(KUNSHAN_TRADITIONAL_REST)
    doc = d["kunshan_traditional"] = make_document(
        c["kunshan"],
        "kunshan-2024-06-trad.txt",
        "昆山举办集成电路产业座谈会",
        head + rest,
        date(2024, 6, 10),
        raw_text=raw,
        script=Document.Script.TRADITIONAL,
        offset_map=[[0, 0, len(head)], [len(head), len(head) + len(KUNSHAN_TRADITIONAL_GLOSS), len(rest)]],
        cleaning={"pinyin_glosses": [KUNSHAN_TRADITIONAL_GLOSS], "boilerplate_lines": 0},
    )
    f["zhou_wei_again"] = add_fact(Official, doc, "市委书记周伟", name="周伟", title="市委书记")
    f["ic_forum"] = add_fact(
        Meeting,
        doc,
        "6月10日，昆山市集成电路产业座谈会在花桥举行。",
        name="集成电路产业座谈会",
        date=date(2024, 6, 10),
        kind="座谈会",
        location="花桥",
        officials=[f["zhou_wei_again"]],
    )
    f["semiconductors"] = add_fact(
        IndustryCluster,
        doc,
        "打造具有国际竞争力的半导体产业集群",
        name="半导体",
        tier="新兴",
        tags=[t["integrated-circuits"]],
    )
    f["chip_firms"] = add_fact(
        Target,
        doc,
        "全市半导体企业达到300家",
        metric="半导体企业",
        value="300",
        unit="家",
        kind=Target.Kind.TARGET,
        year=2025,
    )

    doc = d["wuxi"] = make_document(
        c["wuxi"], "wuxi-2024-02.txt", "无锡市推进现代化产业体系建设大会召开", WUXI_TEXT, date(2024, 2, 20)
    )
    f["du_xiaogang"] = add_fact(Official, doc, "市委书记杜小刚", name="杜小刚", title="市委书记")
    f["zhao_jianjun"] = add_fact(Official, doc, "市长赵建军", name="赵建军", title="市长")
    f["wuxi_congress"] = add_fact(
        Meeting,
        doc,
        "2月20日，无锡市召开推进现代化产业体系建设大会。",
        name="推进现代化产业体系建设大会",
        date=date(2024, 2, 20),
        kind="大会",
        officials=[f["du_xiaogang"], f["zhao_jianjun"]],
    )
    f["ai_fair"] = add_fact(
        Meeting,
        doc,
        "人工智能产业推介会",
        name="人工智能产业推介会",
        date=date(2024, 3, 5),
        kind="推介会",
        review_status=REJECTED,
    )
    f["iot"] = add_fact(
        IndustryCluster, doc, "无锡将物联网、集成电路作为主导产业", name="物联网", tier="主导", tags=[t["iot"]]
    )
    f["wuxi_ic"] = add_fact(
        IndustryCluster,
        doc,
        "无锡将物联网、集成电路作为主导产业",
        name="集成电路",
        tier="主导",
        tags=[t["integrated-circuits"], t["electronic-information"]],
    )
    f["wuxi_bio"] = add_fact(
        IndustryCluster, doc, "生物医药作为特色产业", name="生物医药", tier="特色", tags=[t["biomedicine"]]
    )
    f["wuxi_ic_target"] = add_fact(
        Target,
        doc,
        "集成电路产业规模达到2500亿元",
        metric="集成电路产业规模",
        value="2500",
        unit="亿元",
        kind=Target.Kind.TARGET,
        year=2025,
    )
    f["wuxi_gdp"] = add_fact(
        Target, doc, "全市地区生产总值15456亿元", metric="地区生产总值", value="15456", unit="亿元", year=2023
    )
    f["wuxi_rd"] = add_fact(Target, doc, "研发投入强度3.4%", metric="研发投入强度", value="3.4", unit="%", year=2023)

    doc = d["jiangyin"] = make_document(
        c["jiangyin"],
        "jiangyin-2023-12.txt",
        "江阴市新能源产业推进会召开",
        JIANGYIN_TEXT,
        date(2023, 12, 20),
        spun=True,
        cleaning={"spun_replacements": 5},
    )
    f["fang_li"] = add_fact(Official, doc, "市委书记方力", name="方力", title="市委书记")
    f["jiangyin_meeting"] = add_fact(
        Meeting,
        doc,
        "12月15日，江阴市新能源产业推进会召开。",
        name="新能源产业推进会",
        date=date(2023, 12, 15),
        year_inferred=True,
        kind="推进会",
        officials=[f["fang_li"]],
    )
    f["textiles"] = add_fact(
        IndustryCluster,
        doc,
        "江阴将高端纺织服装作为传统优势产业",
        name="高端纺织服装",
        tier="传统",
        tags=[t["textiles"]],
    )
    f["jiangyin_energy"] = add_fact(
        IndustryCluster, doc, "把新能源作为新兴产业重点培育", name="新能源", tier="新兴", tags=[t["new-energy"]]
    )
    f["county_rank"] = add_fact(
        Target, doc, "位列全国百强县第2位", metric="全国百强县排名", value="2", unit="位", year=2023
    )
    f["energy_revenue"] = add_fact(
        Target,
        doc,
        "新能源产业营收突破1000亿元",
        metric="新能源产业营收",
        value="1000",
        unit="亿元",
        kind=Target.Kind.TARGET,
        year=2025,
    )

    doc = d["jingjiang"] = make_document(
        c["jingjiang"],
        "jingjiang-2025-12.txt",
        "从“制造基地”到“融合生态”",
        JINGJIANG_TEXT,
        date(2025, 12, 30),
        script=Document.Script.MIXED,
        cleaning="not a dict",
    )
    f["jingjiang_congress"] = add_fact(
        Meeting,
        doc,
        "靖江金融中心会议大厅举办产创融合产才汇聚大会",
        name="产创融合产才汇聚大会",
        date=date(2025, 12, 1),
        kind="大会",
        location="靖江金融中心",
    )
    f["jingjiang_equipment"] = add_fact(
        IndustryCluster,
        doc,
        "高端装备制造、现代临港物流、金属材料、大健康等主导产业集群",
        name="高端装备制造",
        tier="主导",
        tags=[t["high-end-equipment"]],
    )
    f["health"] = add_fact(
        IndustryCluster, doc, "大健康等主导产业集群", name="大健康", tier="主导", tags=[t["biomedicine"]]
    )
    f["invoiced_sales"] = add_fact(
        Target,
        doc,
        "全市工业开票销售收入在2023年突破2000亿元",
        metric="工业开票销售收入",
        value="2000",
        unit="亿元",
        year=2023,
    )
    return atlas


def grow_atlas(atlas, n):
    """n more articles for every covered city, and n more covered cities, each with facts of every kind."""
    tags = list(atlas.tags.values())
    covered = [atlas.cities[slug] for slug in ("kunshan", "wuxi", "jiangyin", "jingjiang")]
    for i in range(n):
        city = make_city(f"extra-city-{i}", f"新城{i}", f"Xincheng {i}", City.Level.COUNTY)
        covered.append(city)
    for city in covered:
        for i in range(n):
            text = (
                f"第{i}次会议在{city.name}召开。市长王{i}与书记周伟出席。"
                f"发展{tags[i % len(tags)].name_zh}产业。到2030年产值达到{100 + i}亿元，占比{i}%。"
            )
            doc = make_document(
                city, f"{city.slug}-extra-{i}.txt", f"{city.name}第{i}次会议", text, date(2024, 1, 1 + i)
            )
            mayor = add_fact(Official, doc, f"市长王{i}", name=f"王{i}", title="市长")
            secretary = add_fact(Official, doc, "书记周伟", name="周伟", title="书记")
            add_fact(
                Meeting,
                doc,
                f"第{i}次会议在{city.name}召开",
                name=f"第{i}次会议",
                date=date(2024, 1, 1 + i),
                kind="工作会议",
                officials=[mayor, secretary],
            )
            add_fact(
                IndustryCluster,
                doc,
                f"发展{tags[i % len(tags)].name_zh}产业",
                name=f"产业{i}",
                tier="特色",
                tags=[tags[i % len(tags)], tags[(i + 1) % len(tags)]],
            )
            add_fact(
                Target,
                doc,
                f"产值达到{100 + i}亿元",
                metric=f"产值{i}",
                value=100 + i,
                unit="亿元",
                kind=Target.Kind.TARGET,
                year=2030,
            )
            add_fact(Target, doc, f"占比{i}%", metric=f"占比{i}", value=i, unit="%", year=2024)
    return atlas
