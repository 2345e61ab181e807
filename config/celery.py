"""The Celery app behind `ingest --queue`: `celery -A config worker` runs the tasks.

Its settings are the CELERY_* lines in config/settings.py (broker from CELERY_BROKER_URL).
Nothing connects to a broker until a task is sent, so everything else runs without Redis.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("atlas")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["apps.ingest"])
