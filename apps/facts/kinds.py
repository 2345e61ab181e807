"""The four fact kinds by the name they go by in URLs and JSON: official, meeting, cluster, target."""

from apps.atlas.models import IndustryCluster, Meeting, Official, Target

MODELS = {
    "official": Official,
    "meeting": Meeting,
    "cluster": IndustryCluster,
    "target": Target,
}
KIND_OF_MODEL = {model: kind for kind, model in MODELS.items()}
LABELS = {
    "official": "官员 official",
    "meeting": "会议 meeting",
    "cluster": "产业集群 cluster",
    "target": "目标与数据 figure",
}


def kind_of(fact):
    return KIND_OF_MODEL[type(fact)]
