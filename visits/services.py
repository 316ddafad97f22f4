"""Writes that span models: everything the admin, commands and tasks change goes through here."""

from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission

ORGANISER_GROUP_NAME = "Organisers"
ORGANISER_APPS = ("organisations", "visits", "participants")


def organiser_group_ensure() -> AuthGroup:
    """Create or refresh the auth group whose members may edit programmes in the admin.

    Which visits they see is decided by their organising organisations, not by this group.
    """
    group, _created = AuthGroup.objects.get_or_create(name=ORGANISER_GROUP_NAME)
    permissions = Permission.objects.filter(content_type__app_label__in=ORGANISER_APPS)
    group.permissions.set(permissions)
    return group
