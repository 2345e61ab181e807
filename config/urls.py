from django.contrib import admin
from django.urls import include, path

from apps.api.api import api

urlpatterns = [
    path("admin/review/", include("apps.review.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("facts/", include("apps.facts.urls")),
    path("map/", include("apps.maps.urls")),
    path("metrics/", include("apps.metrics.urls")),
    path("", include("apps.dashboard.urls")),
]
