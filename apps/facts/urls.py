from django.urls import path, register_converter

from . import views
from .kinds import MODELS


class FactKind:
    """official, meeting, cluster or target; any other word is no URL at all (404)."""

    regex = "|".join(MODELS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FactKind, "fact_kind")

app_name = "facts"
urlpatterns = [
    path("<fact_kind:kind>/<int:pk>/", views.fact, name="fact"),
    path("<fact_kind:kind>/<int:pk>.json", views.fact_json, name="fact_json"),
]
