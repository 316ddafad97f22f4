"""The portal's own settings plus one trivial view, the yardstick of every page's throughput."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# Static files are served from the finders, as in development: nothing to collect first.
WHITENOISE_USE_FINDERS = True

# The benchmark's database is built with in-process tasks (change notices among them):
# Celery reports each at INFO, hundreds of lines above the figures.
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}  # noqa: F405
