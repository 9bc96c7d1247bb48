"""Settings for Msaada: embedded SQLite by default, PostgreSQL through DATABASE_URL."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("MSAADA_VAR_DIR", Path.cwd() / "var"))

DEBUG = os.environ.get("MSAADA_DEBUG", "") == "1"
PRODUCTION = os.environ.get("MSAADA_PRODUCTION", "") == "1"


def _secret_key() -> str:
    """Return the key from the environment, or one generated once into var/ for the embedded default."""
    from_env = os.environ.get("MSAADA_SECRET_KEY")
    if from_env:
        return from_env
    if PRODUCTION:
        raise RuntimeError("MSAADA_SECRET_KEY must be set in production")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = [h for h in os.environ.get("MSAADA_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "msaada.core",
    "msaada.sources",
    "msaada.missions",
    "msaada.forces",
    "msaada.finance",
    "msaada.logistics",
    "msaada.plans",
    "msaada.accounts",
    "msaada.exchange",
    "msaada.readiness",
    "msaada.entry",
    "msaada.uploads",
    "msaada.dashboard",
    "msaada.demo",
    "msaada.api",
]

MIDDLEWARE = [
    "msaada.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "msaada.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages shrink about sevenfold on a thin link; CSRF tokens are masked per response (BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "msaada.accounts.middleware.ProfileLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "msaada.core.middleware.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "msaada.urls"
WSGI_APPLICATION = "msaada.wsgi.application"

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
                "django.template.context_processors.i18n",
                "msaada.accounts.context.scope",
            ],
        },
    },
]


def _database() -> dict:
    """Return the database chosen by DATABASE_URL; unset means SQLite in WAL mode under var/."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'msaada.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=0)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            # A web write waits this many seconds for an import holding the write lock, not 5.
            "timeout": 30,
        }
    return config


DATABASES = {"default": _database()}
# Large browser imports run in the background: the database is the queue, `msaada serve` starts its worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Counters shared by every app server (the API's throttles, the password resets): the database is the one they share.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "msaada_cache"},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG or os.environ.get("MSAADA_TESTING"):
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Field offices share one address: lock out a username at an address, not the whole office.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("MSAADA_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "msaada.accounts.views.locked_out"

# Password resets go out by e-mail; without a server configured they are written to the console.
EMAIL_BACKEND = os.environ.get("MSAADA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("MSAADA_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("MSAADA_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("MSAADA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("MSAADA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("MSAADA_EMAIL_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("MSAADA_FROM_EMAIL", "msaada@localhost")

# Numbers are shown and typed with each language's thousands separator.
USE_THOUSAND_SEPARATOR = True

# The dashboard's map tiles; empty shows the sites as a list only.
MSAADA_TILE_URL = os.environ.get("MSAADA_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MSAADA_TILE_ATTRIBUTION = os.environ.get("MSAADA_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

# Server errors and warnings go to stderr with the id of their request, which the response sends as X-Request-ID.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "msaada.middleware.RequestIdFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s [request %(request_id)s] %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("MSAADA_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The API (/api/v1/): a personal token (knox, stored hashed) or the signed-in session with its CSRF token.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("MSAADA_API_ANON_RATE", "60/hour"),
        "user": os.environ.get("MSAADA_API_USER_RATE", "3600/hour"),
    },
    "EXCEPTION_HANDLER": "msaada.api.problems.problem_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=int(os.environ.get("MSAADA_API_TOKEN_DAYS", "90"))),
    "TOKEN_PREFIX": "msaada_",
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Msaada API",
    "DESCRIPTION": (
        "Every kind of record of a mission, readable within the caller's scope and writable by the roles "
        "that keep it, through the same checks as the forms and the import; the mission's brief and the "
        "series behind the dashboard's charts. Errors are RFC 9457 problem details."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}
