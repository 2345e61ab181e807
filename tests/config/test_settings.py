"""Production settings from the environment: refuse to start without a key, HTTPS hardening, CSP, logging.

Each case runs `manage.py` in a subprocess with config.settings (not the test settings), so the
environment it names is all the settings see.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management.utils import get_random_secret_key

MANAGE = settings.BASE_DIR / "manage.py"
ENVIRONMENT_KEYS = (
    "DEBUG",
    "SECRET_KEY",
    "HTTPS",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DJANGO_SETTINGS_MODULE",
    "HSTS_SECONDS",
    "HSTS_PRELOAD",
    "HSTS_INCLUDE_SUBDOMAINS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def manage(*args, **environment):
    env = {key: value for key, value in os.environ.items() if key not in ENVIRONMENT_KEYS}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", **environment)
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def setting(name, **environment):
    """The value of one setting under `environment`, as Python source."""
    result = manage(
        "shell", "--no-imports", "-c", f"from django.conf import settings; print(repr(settings.{name}))", **environment
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_debug_the_site_refuses_to_start_without_a_secret_key():
    result = manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def test_debug_may_run_with_the_development_key():
    assert manage("check", DEBUG="1").returncode == 0


def test_deploy_check_is_clean_with_https_and_a_real_key():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=get_random_secret_key(),
        HTTPS="1",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_without_https():
    """The same check does look: without HTTPS=1 it names the missing cookie and HSTS settings."""
    result = manage("check", "--deploy", DEBUG="0", SECRET_KEY=get_random_secret_key(), ALLOWED_HOSTS="example.org")
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stdout + result.stderr


def test_csrf_trusted_origins_come_from_the_environment():
    value = setting(
        "CSRF_TRUSTED_ORIGINS", DEBUG="1", CSRF_TRUSTED_ORIGINS="https://a.example.org, https://b.example.org"
    )
    assert value == "['https://a.example.org', 'https://b.example.org']"


def test_https_trusts_the_proxys_forwarded_protocol():
    assert setting("SECURE_PROXY_SSL_HEADER", DEBUG="1", HTTPS="1") == "('HTTP_X_FORWARDED_PROTO', 'https')"


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_the_plotly_sheet_carries_the_nonce_the_policy_names(client):
    response = client.get("/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-", 1)[1].split("'", 1)[0]
    assert f'<style id="plotly.js-style-global" nonce="{nonce}"></style>' in response.content.decode()


def test_our_code_logs_info_to_the_console():
    import logging

    logger = logging.getLogger("apps.review.jobs")
    assert logger.getEffectiveLevel() == logging.INFO
    assert any(isinstance(handler, logging.StreamHandler) for handler in logging.getLogger("apps").handlers)
