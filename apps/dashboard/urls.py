from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("cities/<slug:slug>/", views.city, name="city"),
    path("compare/", views.compare, name="compare"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("search/", views.search, name="search"),
]
