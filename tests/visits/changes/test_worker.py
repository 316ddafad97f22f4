"""A real Celery worker on Redis tells participants, and retries a mail server that failed."""

import time
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from tests.scenarios import may_2019 as at
from tests.scenarios import readers_in_paris as build_delegation
from visits.changes.models import ChangeNotice
from visits.changes.services import programme_version_publish
from visits.changes.tasks import send_change_notice


class FirstTryFailsBackend(EmailBackend):
    """Refuses the first message it is given, then delivers like locmem."""

    refused: list[str] = []

    def send_messages(self, messages):
        if not self.refused:
            self.refused.append(messages[0].to[0])
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_sends_the_notices_and_retries_a_refusal(
    redis_app, settings, monkeypatch, worker_thread
):
    settings.EMAIL_BACKEND = f"{__name__}.FirstTryFailsBackend"
    FirstTryFailsBackend.refused.clear()
    # The policy's backoff is minutes; a test waits a second.
    monkeypatch.setattr(send_change_notice, "retry_backoff", 1)
    monkeypatch.setattr(send_change_notice, "retry_jitter", False)
    data = build_delegation()
    programme_version_publish(visit=data.visit)
    data.library_visit.starts_at, data.library_visit.ends_at = at(14, 11), at(14, 13)
    data.library_visit.save()

    with worker_thread(redis_app):
        version, _created = programme_version_publish(visit=data.visit)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            statuses = set(version.notices.values_list("status", flat=True))
            if statuses == {ChangeNotice.Status.SENT}:
                break
            time.sleep(0.2)

    notices = {n.participant.email: n for n in version.notices.select_related("participant")}
    assert sorted(notices) == ["anna@example.org", "claire@example.org"]
    assert {n.status for n in notices.values()} == {ChangeNotice.Status.SENT}
    refused = FirstTryFailsBackend.refused[0]
    assert notices[refused].attempts == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(notices)
