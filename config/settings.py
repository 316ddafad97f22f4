"""Settings for the study-visit portal.

Every deployment knob is an environment variable with a working embedded default:
SQLite in the project folder, Celery tasks run in-process, files under ``media/``.
A malformed value stops start-up with a message that names the variable.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, default: str, schemes: set[str]) -> str:
    raw = os.environ.get(name) or default
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in schemes:
        allowed = ", ".join(sorted(schemes))
        raise ImproperlyConfigured(
            f"{name} must be a URL starting with one of {allowed}; got {raw!r}."
        )
    return raw


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_text("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-secret-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Staff sign in through the admin; the password-set page sends them there.
LOGIN_URL = "admin:login"

# The base of the links we send to participants and print in booklets.
SITE_URL = env_url("SITE_URL", "http://127.0.0.1:8000", {"http", "https"}).rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its admin classes win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "import_export",
    "organisations",
    "visits",
    "participants",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"


def _database_from_url(url: str) -> dict:
    import dj_database_url

    try:
        return dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL we understand: {error}"
        ) from None


DATABASE_URL = env_url(
    "DATABASE_URL",
    f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    {"sqlite", "postgres", "postgresql", "pgsql"},
)
DATABASES = {"default": _database_from_url(DATABASE_URL)}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Web sites typed without a scheme are taken as https, as Django 6 will do.
FORMS_URLFIELD_ASSUME_HTTPS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Adding one is a change here and a migration (modeltranslation adds the columns).
LANGUAGES = [
    ("ru", _("Russian")),
    ("fr", _("French")),
    ("en", _("English")),
]
LANGUAGE_CODE = env_text("LANGUAGE_CODE", "fr")
if LANGUAGE_CODE not in {code for code, _name in LANGUAGES}:
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of ru, fr, en; got {LANGUAGE_CODE!r}.")
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# A missing translation shows the other languages rather than an empty gap; which one
# was shown is marked where it is rendered (see visits.templatetags).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en", "ru")}
LOCALE_PATHS = [BASE_DIR / "locale"]
# Where Django's date formats need correcting for a language (config/formats/<code>/).
FORMAT_MODULE_PATH = ["config.formats"]

TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_text("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_text("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: console on the embedded default; EMAIL_URL such as
# smtp://user:password@host:587?tls=1 or file:///var/mail/portal in production.
EMAIL_URL = env_url("EMAIL_URL", "console://", {"console", "file", "smtp", "smtps", "locmem"})


def _email_settings(url: str) -> dict:
    from urllib.parse import parse_qs, unquote, urlsplit

    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parts.path or str(BASE_DIR / "sent-mail"),
        }
    query = parse_qs(parts.query)
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 587)
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL has a malformed port: {url!r}.") from None
    if not parts.hostname:
        raise ImproperlyConfigured(f"EMAIL_URL must name a host: {url!r}.")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": parts.scheme == "smtp" and query.get("tls", ["1"])[0] == "1",
    }


globals().update(_email_settings(EMAIL_URL))
DEFAULT_FROM_EMAIL = env_text("DEFAULT_FROM_EMAIL", "programme@study-visits.example.org")

# Celery: with no broker the tasks run in-process, which is all the embedded default needs.
CELERY_BROKER_URL = env_text("CELERY_BROKER_URL")
if CELERY_BROKER_URL:
    env_url("CELERY_BROKER_URL", CELERY_BROKER_URL, {"redis", "rediss", "amqp", "memory"})
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env_text("CELERY_RESULT_BACKEND") or None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 900)}
# Tasks live beside the part they serve, not in an app's tasks.py: name their modules.
CELERY_IMPORTS = ("visits.booklets.tasks",)
# The booklet chores, run by `celery beat` (see docs/deploy.md): a render lost with its
# worker is sent again, and files of replaced versions do not pile up on the disk.
CELERY_BEAT_SCHEDULE = {
    "booklets-dispatch-stale": {
        "task": "visits.booklets.dispatch_stale",
        "schedule": env_int("BOOKLET_SWEEP_SECONDS", 120),
    },
    "booklets-delete-superseded": {
        "task": "visits.booklets.delete_superseded",
        "schedule": 24 * 60 * 60,
    },
}

# Demo credentials are created only by load_demo, and only on a development setup.
DEMO_ORGANISER_PASSWORD = env_text("DEMO_ORGANISER_PASSWORD", "demo-organiser")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_text("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every step of a render at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# modeltranslation's tabbed admin loads jQuery UI from a CDN by default; we ship our own copy
# (static/vendor/jquery-ui) because nothing may be fetched from the internet at run time.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
