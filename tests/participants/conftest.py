import pytest

from tests.participants.builders import build_delegation


@pytest.fixture
def delegation(db):
    return build_delegation()
