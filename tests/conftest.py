import os

# Playwright's sync API runs an event loop; Django's async-safety check would refuse
# database access from live_server tests otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
