"""Who sees what: one rule (visits.selectors.concerns_reader), also written in SQL for the
queries that choose a participant's sessions; the two must never disagree."""

import pytest

from tests.factories import GroupFactory, ParticipantFactory, SessionFactory, VisitFactory
from visits.selectors import concerns_reader, programme_sessions, programme_sessions_with_links

pytestmark = pytest.mark.django_db


def test_the_sql_and_the_python_rule_choose_the_same_sessions():
    visit = VisitFactory()
    museums, libraries, schools = (GroupFactory(visit=visit) for _ in range(3))
    groupings = [(), (museums,), (libraries,), (museums, libraries), (schools,)]
    sessions = {}
    for groups in groupings:
        session = SessionFactory(visit=visit)
        session.groups.set(groups)
        sessions[session.pk] = {group.pk for group in groups}
    memberships = [(), (museums,), (libraries,), (museums, libraries)]
    for groups in memberships:
        participant = ParticipantFactory(visit=visit, groups=list(groups))
        reader = {group.pk for group in groups}

        by_sql = {s.pk for s in programme_sessions(visit=visit, participant_id=participant.pk)}
        by_links = {
            s.pk
            for s in programme_sessions_with_links(
                visit=visit, resources=[], participant_id=participant.pk, group_ids=reader
            )
        }
        by_rule = {
            pk for pk, session_groups in sessions.items() if concerns_reader(session_groups, reader)
        }

        assert by_sql == by_rule == by_links, groups
    # Everyone sees the sessions for no group; the members of a group, theirs too.
    assert concerns_reader([], set()) and concerns_reader((), {museums.pk})
    assert not concerns_reader([schools.pk], {museums.pk, libraries.pk})
    assert concerns_reader(iter([schools.pk, museums.pk]), {museums.pk})
