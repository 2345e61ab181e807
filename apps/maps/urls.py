from django.urls import path

from . import views

app_name = "maps"
urlpatterns = [
    path("", views.map_page, name="map"),
    path("data.json", views.map_data, name="data"),
]
