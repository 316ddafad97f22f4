"""Ask for N different booklets through the broker and wait until the workers made them all.

python -m tests.bench.dispatch <slug> <count> <workers>

The booklets differ by mode and participant, as a delegation's requests would; earlier
rows are removed first so that every one is a real render.
"""

import itertools
import json
import sys
import time

# Celery's default queue: the booklet tasks are not routed elsewhere.
QUEUE = "celery"


def workers_ready(app, workers: int, patience: float = 120) -> None:
    """Return once every worker started answers: a control command sent before a worker
    listens never reaches it, and that worker would take booklets it was told to leave."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if len(app.control.ping(timeout=1, limit=workers)) == workers:
            return
    raise SystemExit(f"fewer than {workers} workers answered within {patience:.0f} s")


def consumers_switched(app, command: str, workers: int) -> None:
    """Tell the workers to stop or start taking booklets, and return once each has answered.

    A control command that waits for replies waits its whole timeout unless told how many
    to expect: with no count, starting the workers took ten seconds before the first look
    at the booklets, and two workers that finished 20 booklets sooner were timed at ten.
    """
    replies = getattr(app.control, command)(QUEUE, reply=True, timeout=30, limit=workers)
    if len(replies) != workers:
        raise SystemExit(f"{len(replies)} of {workers} workers answered {command}")


def main(slug: str, count: int, workers: int) -> dict:
    import django

    django.setup()
    from config.celery import app
    from participants.models import Participant
    from visits.booklets.models import Booklet
    from visits.booklets.services import booklet_mode_parse, booklet_request
    from visits.models import Visit

    visit = Visit.objects.get(slug=slug)
    Booklet.objects.filter(visit=visit).delete()
    modes = [
        booklet_mode_parse(languages=languages, paper=paper)
        for languages in ("ru+fr", "fr+ru", "ru", "fr", "en")
        for paper in ("a4", "a5")
    ]
    participants = [None, *Participant.objects.filter(visit=visit).order_by("pk")]
    requests = list(itertools.islice(itertools.product(participants, modes), count))
    # The workers wait while the requests are made: asking for a booklet reads its content
    # (a web request's work), and on two cores that work would be timed against the
    # workers it competes with. The clock runs from the moment they may start.
    workers_ready(app, workers)
    consumers_switched(app, "cancel_consumer", workers)
    ids = [
        booklet_request(visit=visit, mode=mode, participant=participant).pk
        for participant, mode in requests
    ]
    start = time.perf_counter()
    consumers_switched(app, "add_consumer", workers)
    deadline = start + 900
    while time.perf_counter() < deadline:
        states = list(Booklet.objects.filter(pk__in=ids).values_list("status", flat=True))
        if all(state != Booklet.Status.PENDING for state in states):
            break
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    failed = Booklet.objects.filter(pk__in=ids, status=Booklet.Status.FAILED).count()
    if failed or len(ids) != count:
        raise SystemExit(f"{failed} of {len(ids)} booklets failed")
    return {"seconds": seconds, "booklets": len(ids)}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))))
