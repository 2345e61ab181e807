import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Every view's module imported now rather than on the first request, then everything loaded so far moved
# out of the garbage collector's reach: a full collection walked those millions of long-lived objects
# and stalled one request in twelve of a big page by about 170 ms (compare's p95 248 → 102 ms in
# process, bench/load_pages.py). Objects made later are collected as before.
get_resolver().url_patterns  # noqa: B018 (evaluated to import the views)
gc.freeze()
