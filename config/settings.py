"""Settings for the study-visit portal.

Every deployment knob is an environment variable with a working embedded default:
SQLite in the project folder, Celery tasks run in-process, files under ``media/``.
A malformed value stops start-up with a message that names the variable.
"""

import datetime
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


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be {minimum} or more; got {raw!r}.")
    return value


def env_choice(name: str, default: str, choices: list[str], *, upper: bool = False) -> str:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().upper() if upper else raw.strip()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {raw!r}.")
    return value


def env_city_minutes(name: str, default: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """Minutes between pairs of cities, written ``Paris/Rouen=120,Paris/Saint-Denis=45``.

    City names hold hyphens and spaces (Clichy-sous-Bois), so a slash joins the pair.
    """
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    table = {}
    for item in raw.split(","):
        pair, equals, minutes = item.partition("=")
        cities = [city.strip() for city in pair.split("/")]
        if not (equals and len(cities) == 2 and all(cities) and minutes.strip().isdecimal()):
            raise ImproperlyConfigured(
                f"{name} must be comma-separated city pairs with minutes, such as "
                f"Paris/Rouen=120,Paris/Saint-Denis=45; got {raw!r}."
            )
        table[(cities[0], cities[1])] = int(minutes)
    return table


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

# Behind a load balancer or reverse proxy that ends TLS (docs/deploy.md): it must set
# X-Forwarded-Proto, and then Django knows the request came over https.
if env_bool("BEHIND_TLS_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer asks for /health/ over plain http inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)

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
    "csp",
    "axes",
    "simple_history",
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
    # The programme's history records who made each change (visits.changes.history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
        # Persistent connections save a connect per request; the health check before each
        # reuse means a restarted database costs a reconnect, not a 500 per web process.
        database = dj_database_url.parse(
            url,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
            conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
        )
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL we understand: {error}"
        ) from None
    if database["ENGINE"] == "django.db.backends.postgresql":
        # A database that does not answer fails a request in seconds, not at gunicorn's limit.
        options = database.setdefault("OPTIONS", {})
        options.setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5))
    return database


DATABASE_URL = env_url(
    "DATABASE_URL",
    f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    {"sqlite", "postgres", "postgresql", "pgsql"},
)
DATABASES = {"default": _database_from_url(DATABASE_URL)}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Web sites typed without a scheme are taken as https, as Django 6 will do.
FORMS_URLFIELD_ASSUME_HTTPS = True

# django-axes counts failed logins and refuses the next ones from the same user name and
# address for a while: it must come first, and needs the request (the admin login gives it).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
# Axes announces itself on every command otherwise.
AXES_VERBOSE = False
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.lockout.login_locked_out"
# Behind reverse proxies every login comes from the nearest proxy's address, so one
# guesser would lock a user out for everyone: count from the client address that the
# proxies wrote into X-Forwarded-For instead. Only as many proxies as are really ours,
# since a client can write anything to the left of what they append.
REVERSE_PROXY_COUNT = env_int("REVERSE_PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "config.lockout.client_address"

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
# Uploaded resources and rendered booklets: local files for one machine; an S3-compatible
# bucket (django-storages) when several machines serve the portal (docs/deploy.md).
MEDIA_STORAGE = env_text("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "local":
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_text("MEDIA_S3_BUCKET"),
            "endpoint_url": env_text("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env_text("MEDIA_S3_REGION") or None,
            "access_key": env_text("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": env_text("MEDIA_S3_SECRET_ACCESS_KEY"),
            # Files are private: views check who reads them and stream them themselves.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if not _media_storage["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_S3_BUCKET must be set when MEDIA_STORAGE is s3.")
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3; got {MEDIA_STORAGE!r}.")
# A delegation sheet up to these is read, previewed and confirmed while the organiser waits
# (well under a second); a larger one is kept and imported by a worker, which the organiser
# follows on its page (participants.sheet_imports).
DELEGATION_IMPORT_PREVIEW_MAX_KB = env_int("DELEGATION_IMPORT_PREVIEW_MAX_KB", 256, minimum=1)
DELEGATION_IMPORT_PREVIEW_MAX_ROWS = env_int("DELEGATION_IMPORT_PREVIEW_MAX_ROWS", 200, minimum=1)
# No sheet is larger: a wrong file is refused at once, and a worker's import stays minutes.
DELEGATION_IMPORT_MAX_MB = env_int("DELEGATION_IMPORT_MAX_MB", 10, minimum=1)
DELEGATION_IMPORT_MAX_ROWS = env_int("DELEGATION_IMPORT_MAX_ROWS", 10_000, minimum=1)
# The previewed sheet waits for its confirmation in media storage, not in the web
# machine's /tmp: the confirmation may reach another machine behind the load balancer.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.MediaStorage"
# The largest resource file an organiser may attach; larger reading goes in as a link.
RESOURCE_MAX_UPLOAD_MB = env_int("RESOURCE_MAX_UPLOAD_MB", 20, minimum=1)
STORAGES = {
    "default": _media_storage,
    # In production collectstatic writes hashed, compressed copies that WhiteNoise serves
    # with far-future caching; development serves the sources as they are.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
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
# Tasks keep no results (ignore_result); a backend is only for tools that inspect them.
CELERY_RESULT_BACKEND = (
    env_url("CELERY_RESULT_BACKEND", "", {"redis", "rediss", "rpc"})
    if env_text("CELERY_RESULT_BACKEND")
    else None
)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
# A render holds its worker for seconds to minutes: a worker takes one task at a time, so a
# long render does not hold back others that another worker could start.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The hard limit of one booklet render (seconds); the soft limit, two thirds of it, lets the
# task record why it stopped. See visits.booklets.tasks.
BOOKLET_RENDER_TIME_LIMIT = env_int("BOOKLET_RENDER_TIME_LIMIT", 180, minimum=10)
# Redis hands an unacknowledged task to another worker after this long: it must exceed the
# hard limit, or a long render would run twice at once.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 900, minimum=1)
if CELERY_VISIBILITY_TIMEOUT <= BOOKLET_RENDER_TIME_LIMIT:
    raise ImproperlyConfigured(
        f"CELERY_VISIBILITY_TIMEOUT ({CELERY_VISIBILITY_TIMEOUT}) must exceed "
        f"BOOKLET_RENDER_TIME_LIMIT ({BOOKLET_RENDER_TIME_LIMIT})."
    )
# A web request that sends a task must not hang on a broker that accepts and never answers:
# short socket time-outs, and one quick retry when publishing (see docs/deploy.md).
CELERY_BROKER_TIMEOUT = env_int("CELERY_BROKER_TIMEOUT", 3, minimum=1)
CELERY_BROKER_CONNECTION_TIMEOUT = CELERY_BROKER_TIMEOUT
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "socket_timeout": CELERY_BROKER_TIMEOUT,
    "socket_connect_timeout": CELERY_BROKER_TIMEOUT,
    # Publishing: retry a lost connection once, at once, instead of for ever.
    "max_retries": 1,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
# WeasyPrint gives memory back only when its process ends: a worker child that grew past
# this (KiB) is replaced after its task, instead of growing until the machine kills it.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 400_000)
# Tasks live beside the part they serve, not in an app's tasks.py: name their modules.
CELERY_IMPORTS = (
    "visits.booklets.tasks",
    "visits.changes.tasks",
    "visits.paper.tasks",
    "participants.tasks",
    "organisations.tasks",
)
# The chores, run by `celery beat` (see docs/deploy.md): a render or a delegation import
# lost with its worker is sent again, and files of replaced booklets and of delegation
# sheets nobody will read again (previews never confirmed, ended imports) do not pile up.
CELERY_BEAT_SCHEDULE = {
    "booklets-dispatch-stale": {
        "task": "visits.booklets.dispatch_stale",
        "schedule": env_int("BOOKLET_SWEEP_SECONDS", 120, minimum=1),
    },
    "booklets-delete-superseded": {
        "task": "visits.booklets.delete_superseded",
        "schedule": 24 * 60 * 60,
    },
    # An import is sent again after 15 minutes (participants.sheet_imports.STALE_AFTER).
    "delegation-imports-dispatch-stale": {
        "task": "participants.dispatch_stale_imports",
        "schedule": 5 * 60,
    },
    # A sheet is kept for a day at most; hourly, none stays much longer.
    "delegation-sheets-delete-expired": {
        "task": "participants.delete_expired_import_files",
        "schedule": 60 * 60,
    },
}

# A historical row is read, never restored over the programme: a revert would skip the
# checks and the scoping that saving through the visit's pages applies.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Demo credentials are created only by load_demo, and only on a development setup.
DEMO_ORGANISER_PASSWORD = env_text("DEMO_ORGANISER_PASSWORD", "demo-organiser")

# The programme check's travel times (visits/programme_check.py): estimates that a visit's
# own travel times override. City pairs count either way round; the same-city time is
# between two venues of one city; the unknown-pair time is for any pair not listed.
PROGRAMME_CHECK_TRAVEL_MINUTES = env_city_minutes(
    "PROGRAMME_CHECK_TRAVEL_MINUTES",
    {
        ("Paris", "Rouen"): 120,
        ("Paris", "Clichy-sous-Bois"): 60,
        ("Paris", "Saint-Denis"): 45,
        ("Paris", "Versailles"): 60,
    },
)
PROGRAMME_CHECK_SAME_CITY_MINUTES = env_int("PROGRAMME_CHECK_SAME_CITY_MINUTES", 20, minimum=0)
PROGRAMME_CHECK_UNKNOWN_PAIR_MINUTES = env_int(
    "PROGRAMME_CHECK_UNKNOWN_PAIR_MINUTES", 90, minimum=0
)
# One policy for every page, the admin and the personal pages alike: nothing inline, nothing
# from another origin. Uploaded files carry a stricter one of their own (visits.resource_files),
# which the middleware leaves as it is.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice(
            "LOG_LEVEL", "INFO", ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"], upper=True
        ),
    },
    # WeasyPrint and fontTools narrate every step of a render at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes logs every login and every reset of the counter at INFO.
        "axes": {"level": "WARNING"},
    },
}

# modeltranslation's tabbed admin loads jQuery UI from a CDN by default; we ship our own copy
# (static/vendor/jquery-ui) because nothing may be fetched from the internet at run time.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

# Logistics checks (visits/logistics_check.py): time between a flight or train landing and
# the transfer that meets it (passport control, luggage), and the hours of interpretation
# in one day beyond which an interpreter is flagged as overworked.
LOGISTICS_TRANSFER_BUFFER_MINUTES = env_int("LOGISTICS_TRANSFER_BUFFER_MINUTES", 45, minimum=0)
LOGISTICS_INTERPRETER_MAX_HOURS = env_int("LOGISTICS_INTERPRETER_MAX_HOURS", 6, minimum=1)
