import os

import pytest

# Playwright's sync API runs an event loop; Django's async-safety check would refuse
# database access from live_server tests otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Test users are hashed for every test; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
