"""The demo visits: their data (records, organisations, venues, people, schedules) and the
loader that writes them into the database (``loader``, used by ``manage.py load_demo``)."""
