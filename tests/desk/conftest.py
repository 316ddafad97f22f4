import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_interface():
    # The messages are checked word for word; the project's default language is French.
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    # Ask for English pages: the assertions read the admin's own words.
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")
