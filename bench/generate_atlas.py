"""A large generated atlas for the page benchmarks: real cities, made-up facts, bulk inserts.

    .venv/bin/python bench/generate_atlas.py --database sqlite:///var/bench.sqlite3
    .venv/bin/python bench/generate_atlas.py --database postgres://postgres@127.0.0.1:5432/bench --facts 300000

Cities are real divisions from apps/atlas/data/divisions.csv (with their parents), tags the
real taxonomy; documents and facts are generated from a fixed seed, so two runs give the same
atlas. A few cities get most of the articles (a long tail, like the news), so one city has a
profile far bigger than a page. The database must be migrated and hold no articles yet.
Prints what it made and how long it took; asserts nothing.
"""

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 2000

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
TITLES = [
    "市委书记",
    "市长",
    "常务副市长",
    "副市长",
    "区委书记",
    "区长",
    "县委书记",
    "县长",
    "市发改委主任",
    "市工信局局长",
]
MEETING_KINDS = ["工作会议", "座谈会", "推进会", "大会", "考察", "调研", "签约仪式"]
MEETING_TOPICS = [
    "产业创新集群发展",
    "制造业高质量发展",
    "招商引资",
    "重大项目建设",
    "科技创新",
    "营商环境优化",
    "数字经济",
    "开放型经济",
    "产业链链长制",
    "民营经济发展",
]
TIERS = ["主导", "特色", "新兴", "未来", "传统", "优势", "地标", "支柱", "other"]
METRICS = [
    ("地区生产总值", "亿元"),
    ("工业总产值", "亿元"),
    ("规上工业增加值", "亿元"),
    ("研发投入强度", "%"),
    ("高新技术企业", "家"),
    ("固定资产投资增速", "%"),
    ("数字经济核心产业增加值", "亿元"),
    ("专精特新企业", "家"),
    ("产业规模", "亿元"),
    ("进出口总额", "亿元"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL", "sqlite:///var/bench.sqlite3"))
    parser.add_argument("--cities", type=int, default=1000)
    parser.add_argument("--facts", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=20240601)
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def make_cities(rng, wanted):
    """`wanted` real county- and prefecture-level divisions, their parents created first."""
    from apps.atlas.divisions import load_divisions
    from apps.atlas.models import City

    divisions = load_divisions()
    candidates = sorted(
        (d for d in divisions.by_adcode.values() if d.current and d.level in ("地级市", "县级市", "县", "区")),
        key=lambda d: d.adcode,
    )
    chosen = rng.sample(candidates, min(wanted, len(candidates)))
    needed = {}

    def add(division):
        if division.adcode in needed:
            return
        parent = divisions.parent(division)
        if parent:
            add(parent)
        needed[division.adcode] = division

    for division in sorted(chosen, key=lambda d: d.adcode):
        add(division)
    taken = set(City.objects.values_list("slug", flat=True))
    existing = dict(City.objects.values_list("adcode", "pk"))
    by_adcode = {}
    for _level in range(4):  # parents before children, one bulk insert per level of the tree
        rows = []
        for division in needed.values():
            if division.adcode in existing or division.adcode in by_adcode:
                continue
            parent_code = division.parent_adcode
            if parent_code and parent_code not in by_adcode and parent_code not in existing:
                continue
            slug = next(
                s
                for s in (division.slug, f"{division.slug}-{parent_code or ''}", f"{division.slug}-{division.adcode}")
                if s not in taken
            )
            taken.add(slug)
            rows.append(
                City(
                    adcode=division.adcode,
                    name=division.name,
                    full_name=division.full_name,
                    slug=slug,
                    name_en=division.name_en,
                    level=division.level,
                    province=division.province,
                    parent_id=by_adcode.get(parent_code) or existing.get(parent_code),
                    longitude=division.longitude,
                    latitude=division.latitude,
                )
            )
        for city in City.objects.bulk_create(rows, batch_size=BATCH):
            by_adcode[city.adcode] = city.pk
    ids = {**existing, **by_adcode}
    return list(City.objects.filter(pk__in=[ids[d.adcode] for d in chosen]).order_by("adcode"))


def weights(count):
    """A long tail: the first cities get most of the articles (Zipf-like, s = 1)."""
    return [1 / (rank + 1) for rank in range(count)]


def generate(args):
    from django.db import connection

    from apps.atlas.metrics import classify
    from apps.atlas.models import Document, IndustryCluster, Meeting, Official, ReviewStatus, Target, to_base_units
    from apps.atlas.pinyin import pinyin_key
    from apps.atlas.taxonomy import load_taxonomy, sync_industry_tags

    if Document.objects.exists():
        sys.exit("the database already holds articles: generate into an empty, migrated database")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    tags = sync_industry_tags()
    taxonomy = [(entry["slug"], entry.get("synonyms") or [entry["name_zh"]]) for entry in load_taxonomy()]
    cities = make_cities(rng, args.cities)
    rng.shuffle(cities)  # which cities are big is chosen by the seed, not by the adcode order

    documents_wanted = max(len(cities), args.facts // 25)
    # Every city gets one article; the rest follow the long tail.
    owners = cities + rng.choices(cities, weights=weights(len(cities)), k=documents_wanted - len(cities))
    start_day = date(2019, 1, 1)
    documents = []
    for number, city in enumerate(owners):
        published = start_day + timedelta(days=rng.randrange(365 * 6))
        text = (
            f"{published.year}年{published.month}月{published.day}日，{city.full_name}召开"
            f"{rng.choice(MEETING_TOPICS)}{rng.choice(MEETING_KINDS)}。会议提出，做强"
            + "、".join(rng.choice(rng.choice(taxonomy)[1]) for _ in range(3))
            + f"等产业集群，到{published.year + 3}年，全市工业总产值达到{rng.randrange(500, 30000)}亿元。"
        )
        documents.append(
            Document(
                source=f"bench/{number:07d}.txt",
                sha256=f"{number:064x}",
                content_hash=f"{number:064x}",
                title=f"{city.name}{rng.choice(MEETING_TOPICS)}{rng.choice(MEETING_KINDS)}",
                publisher=f"{city.name}日报",
                published=published,
                raw_text=text,
                normalized_text=text,
                city_id=city.pk,
                genre=Document.Genre.NEWS,
            )
        )
    documents = Document.objects.bulk_create(documents, batch_size=BATCH)

    def status():
        roll = rng.random()
        return ReviewStatus.REJECTED if roll < 0.05 else ReviewStatus.APPROVED if roll < 0.35 else ReviewStatus.PENDING

    def common(document, number):
        passage = document.normalized_text[:40]
        return dict(
            document_id=document.pk,
            city_id=document.city_id,
            fingerprint=f"bench-{number}",
            evidence_start=0,
            evidence_end=len(passage),
            evidence_text=passage,
            confidence=round(rng.uniform(0.4, 0.95), 2),
            review_status=status(),
        )

    shares = {"officials": 0.2, "meetings": 0.2, "clusters": 0.3, "targets": 0.3}
    counts = {kind: int(args.facts * share) for kind, share in shares.items()}
    counts["targets"] += args.facts - sum(counts.values())

    def pick_document():
        return documents[rng.randrange(len(documents))]

    officials = []
    for number in range(counts["officials"]):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        officials.append(
            Official(
                name=name, name_pinyin=pinyin_key(name), title=rng.choice(TITLES), **common(pick_document(), number)
            )
        )
    officials = Official.objects.bulk_create(officials, batch_size=BATCH)
    officials_by_document = {}
    for official in officials:
        officials_by_document.setdefault(official.document_id, []).append(official.pk)

    meetings, links = [], []
    for number in range(counts["meetings"]):
        document = pick_document()
        name = f"{rng.choice(MEETING_TOPICS)}{rng.choice(MEETING_KINDS)}"
        meetings.append(
            Meeting(
                name=name,
                name_pinyin=pinyin_key(name),
                kind=rng.choice(MEETING_KINDS),
                date=document.published - timedelta(days=rng.randrange(3)),
                theme=rng.choice(MEETING_TOPICS),
                **common(document, number),
            )
        )
    meetings = Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    for meeting in meetings:
        for official_id in officials_by_document.get(meeting.document_id, [])[:2]:
            links.append(Meeting.officials.through(meeting_id=meeting.pk, official_id=official_id))
    Meeting.officials.through.objects.bulk_create(links, batch_size=BATCH)

    clusters, cluster_tags = [], []
    for number in range(counts["clusters"]):
        slug, synonyms = rng.choice(taxonomy)
        name = rng.choice(synonyms)
        clusters.append(
            (
                IndustryCluster(
                    name=name, name_pinyin=pinyin_key(name), tier=rng.choice(TIERS), **common(pick_document(), number)
                ),
                slug,
            )
        )
    saved = IndustryCluster.objects.bulk_create([cluster for cluster, _ in clusters], batch_size=BATCH)
    for cluster, (_, slug) in zip(saved, clusters):
        cluster_tags.append(IndustryCluster.tags.through(industrycluster_id=cluster.pk, industrytag_id=tags[slug].pk))
        if rng.random() < 0.2:
            other = tags[rng.choice(taxonomy)[0]]
            if other.slug != slug:
                cluster_tags.append(
                    IndustryCluster.tags.through(industrycluster_id=cluster.pk, industrytag_id=other.pk)
                )
    IndustryCluster.tags.through.objects.bulk_create(cluster_tags, batch_size=BATCH)

    targets = []
    for number in range(counts["targets"]):
        metric, unit = rng.choice(METRICS)
        value = round(rng.uniform(1, 20), 1) if unit == "%" else rng.randrange(10, 30000)
        base_value, base_unit = to_base_units(value, unit)
        metric_key, measure, _ = classify(metric, unit)  # as the ingest does: the metric pages need keys
        targets.append(
            Target(
                metric=metric,
                metric_key=metric_key,
                measure=measure,
                value=value,
                unit=unit,
                base_value=base_value,
                base_unit=base_unit,
                kind=rng.choice([Target.Kind.TARGET, Target.Kind.ACTUAL]),
                year=rng.randrange(2019, 2031),
                **common(pick_document(), number),
            )
        )
    Target.objects.bulk_create(targets, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics now, not whenever autovacuum gets to it
    elapsed = time.perf_counter() - started
    print(
        f"generated {len(cities)} cities, {len(documents)} articles, {args.facts} facts "
        f"({', '.join(f'{n} {kind}' for kind, n in counts.items())}) in {elapsed:.1f} s"
    )


def main():
    args = parse_args()
    setup_django(args.database)
    generate(args)


if __name__ == "__main__":
    main()
