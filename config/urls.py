from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/review/", include("apps.review.urls")),
    path("admin/", admin.site.urls),
    path("map/", include("apps.maps.urls")),
    path("", include("apps.dashboard.urls")),
]
