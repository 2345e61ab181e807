from django.apps import AppConfig


class AtlasConfig(AppConfig):
    name = "apps.atlas"
    verbose_name = "城市产业战略图谱 Atlas"
