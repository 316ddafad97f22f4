"""The programme revision on Visit and the key a booklet was found current for."""

import importlib

from django.db import migrations, models

# SQLite adds a column by rebuilding the table, which the day-within-visit triggers of 0002
# (they name visits_visit) do not survive: set them aside meanwhile, as 0005 does.
day_within_visit = importlib.import_module("visits.migrations.0002_day_within_visit")
SET_TRIGGERS_ASIDE = migrations.RunPython(
    day_within_visit._run({"sqlite": day_within_visit.SQLITE_REVERSE}),
    day_within_visit._run({"sqlite": day_within_visit.SQLITE}),
)
PUT_TRIGGERS_BACK = migrations.RunPython(
    day_within_visit._run({"sqlite": day_within_visit.SQLITE}),
    day_within_visit._run({"sqlite": day_within_visit.SQLITE_REVERSE}),
)


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0003_desk"),
        ("visits", "0010_field_verbose_names"),
    ]

    operations = [
        SET_TRIGGERS_ASIDE,
        migrations.AddField(
            model_name="booklet",
            name="programme_key",
            field=models.CharField(blank=True, max_length=40, verbose_name="programme revision"),
        ),
        migrations.AddField(
            model_name="visit",
            name="programme_revision",
            field=models.PositiveIntegerField(default=0, verbose_name="programme revision"),
        ),
        migrations.AddIndex(
            model_name="booklet",
            index=models.Index(fields=["visit", "programme_key"], name="booklet_programme_key"),
        ),
        PUT_TRIGGERS_BACK,
    ]
