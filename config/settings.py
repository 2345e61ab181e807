"""Settings come from the environment: DATABASE_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS, HTTPS, CSRF_TRUSTED_ORIGINS.

See the README's settings table.  Without DEBUG the site refuses to start unless SECRET_KEY is set.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.database import tuned

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG", default=False)
# A fixed key is only acceptable for development: with DEBUG off a forgotten SECRET_KEY would
# sign production sessions with a key published in this file, so the site refuses to start.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (50 or more random characters, e.g. "
            "`python -c 'from django.core.management.utils import get_random_secret_key as k; print(k())'`), "
            "or set DEBUG=1 for development."
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-with-DEBUG-off"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# Origins (scheme and host) allowed to POST forms from another origin, e.g. https://atlas.example.org.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS=1 when the site is served over TLS (usually by a proxy that sets X-Forwarded-Proto):
# redirect plain HTTP, send cookies only over TLS, and ask browsers to remember it (HSTS).
HTTPS = env_flag("HTTPS", default=False)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("HSTS_INCLUDE_SUBDOMAINS", default=True)
    # The header alone enrolls nobody; the domain owner still submits it to hstspreload.org.
    SECURE_HSTS_PRELOAD = env_flag("HSTS_PRELOAD", default=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "template_partials",
    "django_filters",
    "simple_history",
    "apps.atlas",
    "apps.ingest",
    "apps.dashboard",
    "apps.review",
    "ninja",  # django-ninja: the API's Swagger UI from its own static files, not a CDN
    "apps.api",
    "apps.facts",
    "apps.maps",
    "apps.metrics",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compresses about 8:1 (static files come precompressed from whitenoise).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": tuned(
        dj_database_url.config(
            default=f"sqlite:///{VAR_DIR / 'atlas.sqlite3'}",
            # A new connection per request costs as much as rendering a page: keep them, checked before reuse.
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    )
}
# var/ holds the embedded database and collected static files; whitenoise warns when STATIC_ROOT is missing.
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Browser libraries come from npm (`make static-vendor`, package.json) into the git-ignored node_modules/.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor", BASE_DIR / "node_modules" / "plotly.js-cartesian-dist-min"),
    ("vendor/geo", BASE_DIR / "node_modules" / "china-geojson" / "src" / "geojson"),
]
STATIC_ROOT = VAR_DIR / "static"
# Hashed, compressed, cached-forever names (collectstatic); config.test_settings uses plain names.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Under tests and DEBUG files are served straight from the finders; otherwise from collectstatic's STATIC_ROOT.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "/admin/login/"

# Uploaded articles from the admin are kept here before they go through the pipeline.
UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", VAR_DIR / "uploads"))

# Uploads larger than this are refused by the form with a message, not by Django with a bare 400:
# the request limit sits well above the article limit (5 MiB) so that an oversized paste comes
# back in the form with the text the user typed.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(16 * 1024 * 1024)))
# Uploads are ingested in a background thread; tests run them inline (see apps/review/jobs.py).
UPLOAD_JOBS_IN_THREAD = env_flag("UPLOAD_JOBS_IN_THREAD", default=True)

# Content-Security-Policy (django-csp 4): only our own scripts, styles, images and fonts.
# Plotly adds its hover and modebar rules at run time to <style id="plotly.js-style-global">;
# templates/dashboard/chart_page.html puts that element in the page with the request's nonce,
# so Plotly inserts its rules through the CSSOM into an allowed sheet and style-src needs no
# 'unsafe-inline'.  (Inline style="" attributes in markup are refused; use classes.)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        # blob: for Plotly's "download as PNG": it draws the chart's SVG from a blob the page itself made.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Standard-library logging to the console: INFO from our own code (apps.*), warnings from the rest.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "apps": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "jieba": {"level": "WARNING"},
    },
}

# Celery, for `ingest --queue` only (config/celery.py): nothing connects to the broker otherwise.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged when it has finished, so a worker that crashes loses nothing; tasks are idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BROKER_CONNECTION_TIMEOUT = 5
CELERY_TASK_ALWAYS_EAGER = env_flag("CELERY_TASK_ALWAYS_EAGER")
