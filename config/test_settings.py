"""Settings for the test suite: the production settings with a development key.

config.settings refuses to start without SECRET_KEY when DEBUG is off, and the tests run with
DEBUG off (as production does), so they name a key of their own here.  Upload jobs run inline:
a test's transaction is invisible to another thread.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key-" + "x" * 40)
os.environ.setdefault("UPLOAD_JOBS_IN_THREAD", "0")

from .settings import *  # noqa: F403

# The suite runs without collectstatic: plain static names, served from the source folders.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
