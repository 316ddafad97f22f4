"""No English in the Russian or French admin: field names, Django's own phrases, dates."""

import datetime as dt
import html
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from modeltranslation.fields import TranslationField

from tests.factories import DayFactory, GroupFactory, OrganisationFactory, VisitFactory
from visits.services import organiser_group_ensure

PORTAL_APPS = ("organisations", "participants", "visits")


def history_bookkeeping(model) -> bool:
    """simple-history's generated models: their own fields (history_*, the copied id, the
    rows of a many-to-many's history) are never shown by name in our admin; the history
    pages name the changed fields by the tracked model's names, checked here on it."""
    return model.__name__.startswith("Historical")


def portal_fields():
    for label in PORTAL_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if field.auto_created and not field.concrete:
                    continue  # the other side of a relation, named by its own model
                if history_bookkeeping(model) and (
                    field.name.startswith("history") or field.name == "id" or "_" in model.__name__
                ):
                    continue
                if getattr(field, "primary_key", False) or isinstance(field, TranslationField):
                    continue
                yield model, field


def test_every_field_has_a_name_in_russian_and_french():
    untranslated = []
    for model, field in portal_fields():
        name = f"{model.__name__}.{field.name}"
        if not isinstance(field.verbose_name, Promise):
            untranslated.append(f"{name}: not marked for translation")
            continue
        english = str(field.verbose_name)
        for language in ("ru", "fr"):
            with translation.override(language):
                text = str(field.verbose_name)
            # Russian has no Latin word; French differs from English unless it is the same
            # word in both (date, programme).
            if (language == "ru" and re.search(r"[A-Za-z]{2,}", text)) or (
                language == "fr" and text == english and english not in SAME_IN_FRENCH
            ):
                untranslated.append(f"{name} in {language}: {text}")
    assert untranslated == [], "\n".join(untranslated)


SAME_IN_FRENCH = {
    "date",
    "description",
    "e-mail",
    "latitude",
    "longitude",
    "minutes",
    "organisation",
    "participant",
    "phase",
    "position",
    "programme",
    "version",
}


def test_every_model_has_a_name_in_russian():
    for label in PORTAL_APPS:
        for model in apps.get_app_config(label).get_models():
            if history_bookkeeping(model):
                continue  # never named in our admin: its pages name the tracked model
            with translation.override("ru"):
                names = (str(model._meta.verbose_name), str(model._meta.verbose_name_plural))
            assert not any(re.search(r"[A-Za-z]{2,}", name) for name in names), model


@pytest.mark.django_db
def test_the_russian_admin_speaks_russian_to_an_organiser(client):
    dest = OrganisationFactory()
    user = get_user_model().objects.create_user("anna", password="x", is_staff=True)
    user.groups.add(organiser_group_ensure())
    dest.members.add(user)
    visit = VisitFactory(organiser=dest)
    day = DayFactory(visit=visit, date=dt.date(2019, 5, 12))
    GroupFactory(visit=visit)
    client.force_login(user)

    visit_page = client.get(
        reverse("admin:visits_visit_change", args=[visit.pk]), HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    day_page = client.get(
        reverse("admin:visits_day_change", args=[day.pk]), HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    drill_down = client.get(
        reverse("admin:visits_visit_changelist"),
        {"start_date__year": 2019, "start_date__month": 5},
        HTTP_ACCEPT_LANGUAGE="ru",
    ).content.decode()

    # Django's "Добавить еще один Группа" declines nothing: the name follows a colon.
    add_texts = [
        json.loads(html.unescape(data))["options"]["addText"]
        for data in re.findall(r'data-inline-formset="([^"]+)"', visit_page)
    ]
    assert "Добавить ещё: Группа" in add_texts
    assert not any("еще один" in text for text in add_texts)
    # The day's visit field is named in Russian, not "Visit:".
    assert re.search(r"<label[^>]*for=\"id_visit\"[^>]*>Визит:</label>", day_page)
    assert ">Visit" not in day_page
    # A day in a date drill-down takes the genitive: "12 мая", never "12 Май".
    assert "12 мая" in drill_down
    assert "Май" not in drill_down
