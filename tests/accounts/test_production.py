"""Production settings: `check --deploy` is clean, cookies are secure, HSTS is on, and a key is required."""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.environment import command_env

pytestmark = pytest.mark.slow


def production(tmp_path: Path, **extra: str) -> dict[str, str]:
    """Return an environment for production settings, free of this run's own MSAADA_ variables."""
    return command_env(
        MSAADA_PRODUCTION="1",
        MSAADA_SECRET_KEY=secrets.token_urlsafe(50),
        MSAADA_VAR_DIR=str(tmp_path),
        MSAADA_ALLOWED_HOSTS="msaada.example.org",
        DJANGO_SETTINGS_MODULE="msaada.settings",
        **extra,
    )


def python(env: dict[str, str], code: str, *args: str) -> subprocess.CompletedProcess:
    """Run Python code in a fresh interpreter, so the settings are read anew from `env`."""
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments, no shell
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def msaada(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return python(env, "from msaada.cli import main; main()", *args)


def test_check_deploy_finds_no_issues(tmp_path):
    result = msaada(production(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_cookies_are_secure_and_hsts_is_on(tmp_path):
    printed = python(
        production(tmp_path),
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS)",
    )
    assert printed.stdout.split() == ["True"] * 5, printed.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production(tmp_path)
    del env["MSAADA_SECRET_KEY"]
    result = msaada(env, "check")
    assert result.returncode != 0
    assert "MSAADA_SECRET_KEY must be set in production" in result.stderr
    assert not (tmp_path / "secret_key").exists()
