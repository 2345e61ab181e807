from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "apps.facts"
    verbose_name = "Fact pages"
