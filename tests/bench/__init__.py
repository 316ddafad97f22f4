"""The benchmark (``make bench``): pages served by gunicorn and loaded by wrk beside a trivial
view, queries per page at two sizes, booklets cold and per page against WeasyPrint alone,
and one against two Celery workers. See docs/performance.md for the figures and targets."""
