"""The programme editor: a visit's days and sessions on one page, with a short session form.

``VisitProgrammeAdminMixin`` adds /admin/visits/visit/<id>/programme/ to the visit admin
and, on the visit page, a panel that links to it instead of every session stacked inline
(which cost a few queries per session). Reads go through ``visits.selectors``, writes
through ``session_create`` and ``session_update``.
"""

import datetime as dt
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import (
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    RelatedFieldWidgetWrapper,
)
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from organisations.languages import language_codes
from organisations.models import Organisation, Person, Venue
from participants.models import Group
from visits.admin.conflicts import differences_text, value_shown
from visits.models import Session, TimePrecision, Visit, approximate_span
from visits.programme_check import ERROR, programme_check
from visits.selectors import (
    programme_for_editor,
    programme_next_free_time,
    programme_phases_for_editor,
    programme_sessions_to_edit,
)
from visits.services import session_create, session_update

TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%Hh%M", "%H h %M", "%H:%M:%S"]
TRANSLATED_SESSION_FIELDS = ("title", "description")
SESSION_FIELDS_TYPED = ("kind", "time_precision", "starts_at", "ends_at", "venue", "private_notes")


def day_label(date: dt.date, heading: str = "") -> str:
    """ "Пн 13 мая 2019 г. — Руан": the weekday and the date as the admin's language writes
    dates (its DATE_FORMAT: the genitive in Russian, lower case in French)."""
    label = f"{formats.date_format(date, 'D')} {formats.date_format(date, 'DATE_FORMAT')}"
    return f"{label} — {heading}" if heading else label


class TimeInput(forms.TimeInput):
    """Hours and minutes, never seconds, whatever the locale's default."""

    def __init__(self):
        super().__init__(
            format="%H:%M",
            attrs={"size": 5, "placeholder": "14:30", "inputmode": "numeric", "class": "time"},
        )


class SessionShortForm(forms.Form):
    """The editor's form: when, what in every language, who hosts, for whom.

    Every language of the portal has its title and description field; the page shows the
    ones the organiser chose with one switch, and keeps the others in the form, so nothing
    typed is lost by hiding a language.
    """

    kind = forms.ChoiceField(label=_("kind"), choices=Session.Kind.choices)
    date = forms.ChoiceField(label=_("day"))
    time_precision = forms.ChoiceField(
        label=_("time"), choices=TimePrecision.choices, initial=TimePrecision.EXACT
    )
    start = forms.TimeField(
        label=_("starts"), input_formats=TIME_INPUT_FORMATS, widget=TimeInput(), required=False
    )
    end = forms.TimeField(
        label=_("ends"), input_formats=TIME_INPUT_FORMATS, widget=TimeInput(), required=False
    )
    host = forms.ChoiceField(label=_("host organisation"), required=False)
    other_hosts = forms.ModelMultipleChoiceField(
        label=_("other host organisations"), queryset=Organisation.objects.all(), required=False
    )
    venue = forms.ModelChoiceField(label=_("venue"), queryset=Venue.objects.all(), required=False)
    speakers = forms.ModelMultipleChoiceField(
        label=_("speakers"), queryset=Person.objects.all(), required=False
    )
    interpretation = forms.ChoiceField(
        label=_("interpretation"), choices=Session.Interpretation.choices, required=False
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("for groups"),
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty when the session is for the whole delegation."),
    )
    private_notes = forms.CharField(
        label=_("private notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Seen by organisers only, never printed."),
    )
    # The session's updated_at when the page was opened: a save made since by someone
    # else refuses this one (session_update) rather than overwrite it unseen.
    # In ISO form with its offset and microseconds: a DateTimeField would round-trip it
    # through the local zone and lose the exact moment it is compared with.
    opened_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, visit: Visit, admin_site, dates: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.visit = visit
        self.fields["date"].choices = [
            (date.isoformat(), day_label(date, heading)) for date, heading in dates
        ]
        for code in language_codes():
            name = get_language_info(code)["name_local"]
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("title"),
                max_length=300,
                required=False,
                widget=forms.TextInput(attrs={"lang": code, "class": "vTextField"}),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("description"),
                required=False,
                widget=forms.Textarea(attrs={"lang": code, "rows": 4}),
            )
            self.fields[f"title_{code}"].language_name = name
        self.fields["groups"].queryset = Group.objects.filter(visit=visit)

        # The hosts this visit already meets come first: they are the ones chosen again.
        organisations = [(o.pk, str(o)) for o in Organisation.objects.order_by("name")]
        visit_host_ids = set(
            Organisation.objects.filter(hosted_sessions__visit=visit).values_list("pk", flat=True)
        )
        this_visit = [(pk, name) for pk, name in organisations if pk in visit_host_ids]
        host_choices = [("", "---------")]
        if this_visit:
            host_choices.append((gettext("Hosts of this visit"), this_visit))
            host_choices.append((gettext("All organisations"), organisations))
        else:
            host_choices += organisations
        self.fields["host"].choices = host_choices

        hosts_field = Session._meta.get_field("hosts")
        venue_field = Session._meta.get_field("venue")
        speakers_field = Session._meta.get_field("speakers")
        self._widget("host", forms.Select(choices=host_choices), hosts_field, admin_site)
        self._widget("other_hosts", AutocompleteSelectMultiple(hosts_field, admin_site))
        self._widget("venue", AutocompleteSelect(venue_field, admin_site), venue_field, admin_site)
        self._widget(
            "speakers",
            AutocompleteSelectMultiple(speakers_field, admin_site),
            speakers_field,
            admin_site,
        )

    def _widget(self, name, widget, model_field=None, admin_site=None) -> None:
        """Give a field the admin's widget, with the "+" that adds a record in a popup."""
        field = self.fields[name]
        field.widget = widget
        if hasattr(field, "queryset"):
            # The autocomplete reads the selected rows through the field's own choices.
            field.queryset = field.queryset
        if model_field is not None:
            field.widget = RelatedFieldWidgetWrapper(
                widget, model_field.remote_field, admin_site, can_add_related=True
            )

    def language_rows(self) -> list[dict]:
        """The translated fields by language, for the template's columns."""
        rows = []
        for code in language_codes():
            rows.append(
                {
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "fields": [self[f"{name}_{code}"] for name in TRANSLATED_SESSION_FIELDS],
                    "has_errors": any(
                        self[f"{name}_{code}"].errors for name in TRANSLATED_SESSION_FIELDS
                    ),
                }
            )
        return rows

    def clean_opened_at(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.cleaned_data.get("opened_at") or "")
        except ValueError:
            return None

    def clean_host(self):
        value = self.cleaned_data.get("host")
        if not value:
            return None
        return Organisation.objects.get(pk=value)

    def clean(self):
        cleaned = super().clean()
        date, start, end = cleaned.get("date"), cleaned.get("start"), cleaned.get("end")
        precision = cleaned.get("time_precision") or TimePrecision.EXACT
        if date and precision != TimePrecision.EXACT:
            # "Morning", "all day", "to be confirmed": the span it stands for on that date.
            cleaned["starts_at"], cleaned["ends_at"] = approximate_span(
                date=dt.date.fromisoformat(date), time_precision=precision, zone=self.visit.zone
            )
            return cleaned
        for name, value in (("start", start), ("end", end)):
            if value is None and name not in self.errors:
                self.add_error(name, _("Give the time, or choose an approximate one."))
        if date and start and end:
            day = dt.date.fromisoformat(date)
            cleaned["starts_at"] = dt.datetime.combine(day, start, tzinfo=self.visit.zone)
            cleaned["ends_at"] = dt.datetime.combine(day, end, tzinfo=self.visit.zone)
            if cleaned["ends_at"] <= cleaned["starts_at"]:
                self.add_error("end", _("A session must end after it starts."))
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        hosts = list(data["other_hosts"])
        if data["host"] is not None:
            hosts = [data["host"], *[h for h in hosts if h.pk != data["host"].pk]]
        fields = {name: data[name] for name in SESSION_FIELDS_TYPED}
        fields["interpretation"] = data["interpretation"] or ""
        for code in language_codes():
            for name in TRANSLATED_SESSION_FIELDS:
                fields[f"{name}_{code}"] = data[f"{name}_{code}"].strip()
        return {
            "hosts": hosts,
            "speakers": list(data["speakers"]),
            "groups": list(data["groups"]),
            **fields,
        }

    def add_service_errors(self, error: ValidationError, *, saved: Session | None) -> None:
        if getattr(error, "code", None) == "changed_since_opened":
            self.add_changed_since_opened(error, saved=saved)
            return
        for name, messages_ in error.message_dict.items():
            if name in ("starts_at", "ends_at"):
                name = "start" if name == "starts_at" else "end"
            if name in ("title", "description"):
                name = f"{name}_{self.visit.first_language}"
            self.add_error(name if name in self.fields else None, messages_)

    def add_changed_since_opened(self, error: ValidationError, *, saved: Session) -> None:
        """Refused: both versions side by side, and the next save counts as opened at the
        other one (having seen it, the organiser keeps theirs knowingly)."""
        saved.refresh_from_db()
        data = self.data.copy()
        data[self.add_prefix("opened_at")] = saved.updated_at.isoformat()
        self.data = data
        typed = self.service_arguments()
        labels = {"starts_at": self.fields["start"].label, "ends_at": self.fields["end"].label}
        differences = []
        with timezone.override(self.visit.zone):
            for name, yours in typed.items():
                if name in ("hosts", "speakers", "groups"):
                    theirs = list(getattr(saved, name).all())
                else:
                    theirs = getattr(saved, name)
                theirs_shown, yours_shown = value_shown(theirs), value_shown(yours)
                if theirs_shown == yours_shown:
                    continue
                label = labels.get(name) or (
                    self.fields[name].label
                    if name in self.fields
                    else Session._meta.get_field(name).verbose_name
                )
                language = name.rpartition("_")[2]
                if name.startswith(TRANSLATED_SESSION_FIELDS) and language in language_codes():
                    label = f"{label} ({get_language_info(language)['name_local']})"
                differences.append((label, theirs_shown, yours_shown))
        self.add_error(None, error.messages[0] + differences_text(differences))


def session_initial(session: Session, visit: Visit) -> dict:
    zone = visit.zone
    starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    hosts = list(session.hosts.all())
    initial = {
        "kind": session.kind,
        "time_precision": session.time_precision,
        "date": starts.date().isoformat(),
        "start": starts.time(),
        "end": ends.time(),
        "host": hosts[0].pk if hosts else "",
        "other_hosts": hosts[1:],
        "venue": session.venue_id,
        "speakers": list(session.speakers.all()),
        "interpretation": session.interpretation,
        "groups": list(session.groups.all()),
        "private_notes": session.private_notes,
        "opened_at": session.updated_at.isoformat(),
    }
    for code in language_codes():
        for name in TRANSLATED_SESSION_FIELDS:
            initial[f"{name}_{code}"] = getattr(session, f"{name}_{code}") or ""
    return initial


def slot_initial(moment: dt.datetime) -> dict:
    return {
        "date": moment.date().isoformat(),
        "start": moment.time().replace(second=0, microsecond=0),
        "end": (moment + dt.timedelta(hours=1)).time().replace(second=0, microsecond=0),
    }


def parse_slot(value: str, visit: Visit) -> dt.datetime | None:
    """ "2019-05-13T14:00" from an "add a session here" link, inside the visit, or None."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    if not visit.start_date <= moment.date() <= visit.end_date:
        return None
    return moment.replace(tzinfo=visit.zone)


class VisitProgrammeAdminMixin:
    """The programme editor page of the visit admin (see the module's docstring)."""

    def get_urls(self):
        pages = [
            path(
                "<path:object_id>/programme/",
                self.admin_site.admin_view(self.programme_view),
                name="visits_visit_programme",
            ),
        ]
        return pages + super().get_urls()

    @admin.display(description=_("programme"))
    def programme_panel(self, visit) -> str:
        if visit is None or visit.pk is None:
            return gettext("Save the visit first.")
        counts = Visit.objects.filter(pk=visit.pk).aggregate(
            sessions=Count("sessions", distinct=True), days=Count("days", distinct=True)
        )
        summary = ngettext("%(count)d session", "%(count)d sessions", counts["sessions"]) % {
            "count": counts["sessions"]
        }
        return format_html(
            '<p class="programme-summary">{} <a class="button" href="{}">{}</a></p>',
            summary,
            reverse("admin:visits_visit_programme", args=[visit.pk]),
            gettext("Open the programme editor"),
        )

    def programme_view(self, request, object_id):
        visit = self.get_object(request, unquote(object_id))
        if visit is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, visit):
            raise PermissionDenied
        url = reverse("admin:visits_visit_programme", args=[visit.pk])
        sessions = programme_sessions_to_edit(visit=visit)
        days = programme_for_editor(visit=visit, sessions=sessions)
        dates = [(day.date, day.day.heading if day.day else "") for day in days]
        if not any(date == visit.start_date for date, _heading in dates):
            dates.insert(0, (visit.start_date, ""))
        known = {date for date, _heading in dates}
        # A long programme lists only its busy dates; the form still offers every date.
        for offset in range((visit.end_date - visit.start_date).days + 1):
            date = visit.start_date + dt.timedelta(days=offset)
            if date not in known:
                dates.append((date, ""))
        dates.sort()

        session = None
        session_id = request.POST.get("session") or request.GET.get("session")
        if session_id:
            session = Session.objects.filter(visit=visit, pk=session_id).first()
            if session is None:
                messages.warning(request, gettext("That session is no longer in this programme."))
                return HttpResponseRedirect(url)
        permission = "visits.change_session" if session else "visits.add_session"
        may_write = request.user.has_perm(permission)

        form_kwargs = {"visit": visit, "admin_site": self.admin_site, "dates": dates}
        if request.method == "POST":
            if not may_write:
                raise PermissionDenied
            form = SessionShortForm(request.POST, **form_kwargs)
            if form.is_valid():
                try:
                    if session is None:
                        saved = session_create(visit=visit, **form.service_arguments())
                    else:
                        saved = session_update(
                            session=session,
                            opened_at=form.cleaned_data["opened_at"],
                            **form.service_arguments(),
                        )
                except ValidationError as error:
                    form.add_service_errors(error, saved=session)
                else:
                    messages.success(
                        request, gettext("“%(title)s” is in the programme.") % {"title": saved}
                    )
                    query = {"languages": request.POST.get("languages", "")}
                    if session is None:
                        # The next session often starts where this one ends; after one that
                        # takes the whole day (or whose time is not known), on that day.
                        end = saved.ends_at.astimezone(visit.zone)
                        if saved.is_all_day:
                            end = dt.datetime.combine(
                                saved.starts_at.astimezone(visit.zone).date(), dt.time(9)
                            )
                        query["at"] = end.strftime("%Y-%m-%dT%H:%M")
                    return HttpResponseRedirect(f"{url}?{urlencode(query)}#session-{saved.pk}")
        elif session is not None:
            form = SessionShortForm(initial=session_initial(session, visit), **form_kwargs)
        else:
            moment = parse_slot(request.GET.get("at"), visit) or programme_next_free_time(
                visit=visit
            )
            form = SessionShortForm(initial=slot_initial(moment), **form_kwargs)

        requested = request.POST.get("languages") or request.GET.get("languages") or ""
        shown = [code for code in requested.split(",") if code in language_codes()]
        if not shown:
            shown = visit.languages
        # The check beside the programme it checks: fixing a clash is one click away.
        findings = programme_check(visit=visit, sessions=sessions)
        context = {
            **self.admin_site.each_context(request),
            "findings": findings,
            "findings_errors": [f for f in findings if f.severity == ERROR],
            "findings_warnings": [f for f in findings if f.severity != ERROR],
            "opts": self.opts,
            "original": visit,
            "visit": visit,
            "title": gettext("Programme of %(visit)s") % {"visit": visit},
            "has_view_permission": True,
            "is_nav_sidebar_enabled": False,
            "change_url": reverse("admin:visits_visit_change", args=[visit.pk]),
            "programme_url": url,
            "days": days,
            "phases": programme_phases_for_editor(visit=visit, days=days),
            "may_add_phase": request.user.has_perm("visits.add_phase"),
            "form": form,
            "media": self.media + form.media,
            "session": session,
            "may_write": may_write,
            "languages_shown": shown,
            "languages_query": ",".join(shown),
            "language_rows": form.language_rows(),
            "session_admin_url": (
                reverse("admin:visits_session_change", args=[session.pk]) if session else ""
            ),
        }
        # Times on the page and in the form are the visit's own, whatever the server's zone.
        with timezone.override(visit.zone):
            return TemplateResponse(request, "admin/visits/visit/programme.html", context).render()
