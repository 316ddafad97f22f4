"""Writes about organisations, people and venues."""

from django.db import transaction
from django.db.models import Model

from organisations.models import Organisation


@transaction.atomic
def shared_record_copy(*, record: Model, owner: Organisation) -> Model:
    """A new record with the same fields (every translation included), kept by ``owner``.

    For an organisation the staff accounts are not copied: membership decides which visits
    a user sees, and only a superuser grants it.
    """
    model = type(record)
    copy = model.objects.get(pk=record.pk)
    copy.pk = None
    copy.id = None
    copy._state.adding = True
    copy.owner = owner
    copy.save()
    return copy
