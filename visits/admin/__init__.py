"""The admin pages of the visits app, one module per family of pages.

Django imports ``visits.admin`` to register them, so each module is imported here.
"""

from visits.admin import logistics, programme, visit  # noqa: F401
