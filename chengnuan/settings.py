"""The one settings module. Every value comes from the environment through the small helpers
below; defaults make a development machine work on SQLite. With CHENGNUAN_ENV=production the
secrets have no default and a missing one stops the process at start-up."""

import json
import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CHENGNUAN_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0/true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_secret(name: str, dev_default: str) -> str:
    """A secret from NAME or from the file named by NAME_FILE. Production has no default."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    value = os.environ.get(name)
    if value:
        return value
    if IS_PRODUCTION:
        raise ImproperlyConfigured(f"{name} must be set in production (or {name}_FILE)")
    return dev_default


# Under pytest the default is "test": tasks run inline (Huey immediate mode).
ENVIRONMENT = env_str("CHENGNUAN_ENV", "test" if "pytest" in sys.modules else "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured("CHENGNUAN_ENV must be development, test or production")
IS_PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("DEBUG", not IS_PRODUCTION)

# Development defaults are public on purpose: they protect nothing and production refuses them.
SECRET_KEY = env_secret("SECRET_KEY", "dev-insecure-secret-key-change-me-0123456789abcdef")
# 32 url-safe base64 bytes (Fernet). Encrypts 身份证号 and phone numbers at rest.
FIELD_ENCRYPTION_KEY = env_secret(
    "FIELD_ENCRYPTION_KEY", "ZGV2LWluc2VjdXJlLWZpZWxkLWtleS0wMTIzNDU2Nzg="
)
# Key of the HMAC used for look-ups and de-duplication of encrypted numbers.
LOOKUP_HASH_KEY = env_secret("LOOKUP_HASH_KEY", "dev-insecure-lookup-hash-key")

ALLOWED_HOSTS = [
    h for h in env_str("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [o for o in env_str("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# 400, 403, 404 and 500 pages are templates/<status>.html; a CSRF failure has its own view.
CSRF_FAILURE_VIEW = "chengnuan.core.views.csrf_failure"

# The province the platform serves: its 2-digit adcode (21 = 辽宁).
PROVINCE_CODE = env_str("PROVINCE_CODE", "21")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "huey.contrib.djhuey",
    "chengnuan.core",
    "chengnuan.regions",
    "chengnuan.classifications",
    "chengnuan.accounts",
    # Before employment: closing an account erases the worker's matches and applications while
    # the registration still names its user (employment's own erasure unlinks it).
    "chengnuan.matching",
    "chengnuan.applications",
    "chengnuan.employment",
    "chengnuan.search",
    "chengnuan.notifications",
    "chengnuan.bulk",
    "chengnuan.events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "chengnuan.core.audit.AuditContextMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML pages leave compressed (static files, compressed ahead, are answered just above).
    "chengnuan.core.middleware.GZipPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "chengnuan.core.middleware.NoStorePersonalDataMiddleware",
    "chengnuan.accounts.middleware.LoginRedirectMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "chengnuan.urls"
WSGI_APPLICATION = "chengnuan.wsgi.application"

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
                "chengnuan.core.context_processors.site",
                "chengnuan.notifications.context_processors.unread",
            ],
        },
    }
]

# --- database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'chengnuan.sqlite3'}")
# On PostgreSQL two roles: DATABASE_URL's role (web and task nodes) owns nothing and has only
# the grants `manage.py db_grants` gives it, so it cannot truncate the audit log or touch its
# triggers (`check --deploy --database default` says so if it does own tables).
# DATABASE_OWNER_URL's role owns the tables; manage.py connects with it for the commands that
# change the schema, so nobody swaps URLs by hand, and only the machine that deploys has it.
DATABASE_OWNER_URL = env_str("DATABASE_OWNER_URL", "")
SCHEMA_COMMANDS = {"migrate", "createcachetable", "rebuild_search_index", "db_grants"}
_app_database = dj_database_url.parse(DATABASE_URL)
DATABASE_APP_ROLE = _app_database.get("USER") or ""
_owner_role = dj_database_url.parse(DATABASE_OWNER_URL).get("USER") if DATABASE_OWNER_URL else ""
_command = sys.argv[1] if len(sys.argv) > 1 and Path(sys.argv[0]).name == "manage.py" else ""
if (
    _command in SCHEMA_COMMANDS
    and IS_PRODUCTION
    and "postgresql" in _app_database["ENGINE"]
    and _owner_role in {"", DATABASE_APP_ROLE}
):
    raise ImproperlyConfigured(
        f"manage.py {_command} changes the schema: in production on PostgreSQL it runs as "
        "DATABASE_OWNER_URL's role, which must differ from DATABASE_URL's (see README)"
    )
if _command in SCHEMA_COMMANDS and DATABASE_OWNER_URL:
    DATABASE_URL = DATABASE_OWNER_URL
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web process read while the task consumer writes; IMMEDIATE avoids the
        # "database is locked" upgrade deadlock between two writers.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME", "") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- cache, sessions --------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_table",
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 14)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = IS_PRODUCTION
SESSION_COOKIE_HTTPONLY = True

# APP tokens of workers and employers last this many days after their last use (and never
# more than 180 days after sign-in); staff tokens, issued by an administrator, last at most
# this many days from issue and are not renewed by use. See accounts.services.sign_ins.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 30)
STAFF_API_TOKEN_DAYS = env_int("STAFF_API_TOKEN_DAYS", 90)

# --- task queue -------------------------------------------------------------------------------
HUEY = {
    "name": "chengnuan",
    "immediate": env_bool("HUEY_IMMEDIATE", ENVIRONMENT == "test"),
    "consumer": {"workers": env_int("HUEY_WORKERS", 2), "worker_type": "thread"},
}
if REDIS_URL:
    HUEY |= {"huey_class": "huey.RedisHuey", "url": REDIS_URL}
else:
    HUEY |= {"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")}

# --- SMS --------------------------------------------------------------------------------------
# Development prints messages (codes included) on the console, tests keep them in memory.
# Production has no default and takes only the real gateway: a fallback there would drop every
# code, or write it in clear to a log that people who must not sign in as the worker can read.
SMS_HTTP_BACKEND = "chengnuan.accounts.sms.HttpSmsBackend"
SMS_BACKEND = env_str(
    "SMS_BACKEND",
    {
        "development": "chengnuan.accounts.sms.ConsoleSmsBackend",
        "test": "chengnuan.accounts.sms.LocmemSmsBackend",
        "production": "",
    }[ENVIRONMENT],
)
SMS_API_URL = env_str("SMS_API_URL", "")
SMS_API_KEY = env_secret("SMS_API_KEY", "") if SMS_BACKEND == SMS_HTTP_BACKEND else ""
SMS_SIGN_NAME = env_str("SMS_SIGN_NAME", "城暖农民工")
if IS_PRODUCTION and SMS_BACKEND != SMS_HTTP_BACKEND:
    raise ImproperlyConfigured(f"SMS_BACKEND must be {SMS_HTTP_BACKEND} in production")
if IS_PRODUCTION and not SMS_API_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("SMS_API_URL must be the gateway's http(s) URL in production")

# --- notifications (chengnuan.notifications) -------------------------------------------------
# The address the SMS short links start with (https://host, no trailing slash).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# How long the short link of a message opens it without signing in.
NOTIFICATIONS_LINK_DAYS = env_int("NOTIFICATIONS_LINK_DAYS", 7)
# Promotional messages (pushes) a person gets a day at most; the rest are not sent.
NOTIFICATIONS_PROMOTIONAL_DAILY_CAP = env_int("NOTIFICATIONS_PROMOTIONAL_DAILY_CAP", 3)
# A consumer owns the deliveries it claimed this long; after it, another may take them over.
NOTIFICATIONS_LEASE_SECONDS = env_int("NOTIFICATIONS_LEASE_SECONDS", 300)
NOTIFICATIONS_SEND_BATCH = env_int("NOTIFICATIONS_SEND_BATCH", 200)
# Sender tasks queued for a large push (each claims its own batches; more than the consumers'
# workers only wait for a free one).
NOTIFICATIONS_SENDERS = env_int("NOTIFICATIONS_SENDERS", 2)
NOTIFICATIONS_MAX_ATTEMPTS = env_int("NOTIFICATIONS_MAX_ATTEMPTS", 8)
# Days the text of a finished delivery is kept (to answer "did you send me ..."), then emptied.
NOTIFICATIONS_TEXT_KEEP_DAYS = env_int("NOTIFICATIONS_TEXT_KEEP_DAYS", 30)
# WeChat template messages: a dotted path to a chengnuan.notifications.channels.WechatBackend
# implementation for the province's official account; empty: the channel is off.
NOTIFICATIONS_WECHAT_BACKEND = env_str("NOTIFICATIONS_WECHAT_BACKEND", "")

# --- i18n, time -------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Static files from collectstatic under hashed names (production), or straight from the
# source folders (development, tests). bench/pages/weight.py turns it on to measure.
STATIC_HASHED = env_bool("STATIC_HASHED", IS_PRODUCTION)
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "media")},
    },
    "staticfiles": {
        # Hashed names (site.3f9c….css) let WhiteNoise mark files immutable, cached for a
        # year; a changed file gets a new name. Needs collectstatic, so on in production.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_HASHED
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
# Uploads and returned sheets hold 身份证号 and phone numbers: readable by the service user only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Outside production, serve static files straight from the source folders (no collectstatic).
WHITENOISE_USE_FINDERS = not STATIC_HASHED

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
# The name an authenticator app shows beside a staff member's TOTP entry.
OTP_TOTP_ISSUER = "城暖农民工"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Logs leave the machine (collectors, support tickets): personal numbers are masked.
    "filters": {"redact": {"()": "chengnuan.core.redact.RedactingFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"jieba": {"level": "WARNING"}},
}

# --- HTTPS, HSTS, content security policy ----------------------------------------------------
# Production defaults hold behind a proxy that ends TLS, as long as the proxy names the scheme
# in a header it always overwrites (never passes on the client's), e.g.
# SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto. Each one can be turned down by its variable.
_proxy_ssl_header = env_str("SECURE_PROXY_SSL_HEADER", "")
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", IS_PRODUCTION)
# Load balancers probe health over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if IS_PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", IS_PRODUCTION)
# Inert until someone submits the domain to the browsers' preload list.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", IS_PRODUCTION)
# No inline script or style anywhere (static/js/site.js holds the page scripts; htmx's
# indicator styles are in site.css, see templates/base.html), so 'self' is the whole policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}


# STUN/TURN servers for the interview rooms' WebRTC calls, as the browser's RTCIceServer list
# in JSON: [{"urls": "turn:turn.example.gov.cn:3478", "username": "...", "credential": "..."}].
# None by default: two browsers that can reach each other (one network) connect directly.
def _ice_servers(raw: str) -> list[dict[str, object]]:
    try:
        servers = json.loads(raw)
    except ValueError as exc:
        raise ImproperlyConfigured("ICE_SERVERS must be a JSON list of RTCIceServer") from exc
    if not isinstance(servers, list) or not all(
        isinstance(s, dict) and "urls" in s for s in servers
    ):
        raise ImproperlyConfigured('ICE_SERVERS must be a JSON list like [{"urls": "stun:..."}]')
    return servers


# TURN credentials are secret: ICE_SERVERS_FILE may name a file holding the JSON instead.
_ice_file = env_str("ICE_SERVERS_FILE")
ICE_SERVERS = _ice_servers(
    Path(_ice_file).read_text(encoding="utf-8") if _ice_file else env_str("ICE_SERVERS", "[]")
)

# Where shipped reference data lives (copied from shared/data with its attributions).
REFERENCE_DATA_DIR = BASE_DIR / "data"
