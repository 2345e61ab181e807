from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "apps.maps"
    verbose_name = "地图 Map"
