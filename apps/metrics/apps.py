from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "apps.metrics"
    verbose_name = "Metric pages"
