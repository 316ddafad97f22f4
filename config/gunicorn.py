"""gunicorn's settings beyond the Procfile's flags (``-c config/gunicorn.py``).

The portal is loaded once, in gunicorn's master, and each web worker is forked from it
(``preload_app``): the objects Django made while loading (models, URL patterns, templates,
translation catalogues) are then shared with every worker, page by page, for as long as
no worker writes to them. Python's garbage collector writes to every object it examines,
which would copy those pages into each worker after its first collections; frozen before
the fork (``gc.freeze``), the loaded objects are left out of collections and stay shared.
Three workers on the benchmark's data, after serving the itinerary and the public page:
233 MiB of memory between them (proportional set size, master included) as each loaded
its own copy, 237 preloaded alone, 190 preloaded and frozen.

Loaded once, the code is not read again when gunicorn is told to reload (HUP): an upgrade
restarts the web process (docs/deploy.md).
"""

import gc

preload_app = True


def pre_fork(server, worker):
    gc.freeze()


def post_fork(server, worker):
    # Nothing should open a database connection while the portal loads; were one opened,
    # every worker would inherit the same socket. Each worker opens its own.
    from django.db import connections

    connections.close_all()
