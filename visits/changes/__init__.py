"""What changed in a visit's programme, the versions an organiser publishes, and who is told.

- ``history``: the change history of the programme's records (django-simple-history).
- ``models``: the published programme versions and the notices sent about them.
- ``snapshot``: what a participant reads, frozen as JSON when a version is published.
- ``summary``: the differences between two snapshots in a participant's words.
- ``services``/``tasks``: publishing a version and telling the people it affects.
"""
