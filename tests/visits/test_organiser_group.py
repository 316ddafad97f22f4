"""One migrate on a fresh database gives the organisers' group everything it needs."""

import pytest
from django.contrib.auth.models import Group as AuthGroup

from organisations.services import ORGANISER_GROUP_NAME

pytestmark = pytest.mark.django_db


def test_the_group_filled_by_migrate_covers_delegations_and_groups():
    # The test database was just migrated once: nothing here calls organiser_group_ensure.
    group = AuthGroup.objects.get(name=ORGANISER_GROUP_NAME)
    codenames = set(group.permissions.values_list("content_type__app_label", "codename").distinct())

    for model in ("participant", "group"):
        for action in ("add", "change", "delete", "view"):
            assert ("participants", f"{action}_{model}") in codenames
    assert ("visits", "change_session") in codenames
    assert ("organisations", "change_organisation") in codenames
    assert not any(app == "auth" for app, _codename in codenames)
