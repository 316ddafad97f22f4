"""Forms of the organisations' own admin pages."""

from django import forms
from django.contrib.admin.widgets import AdminEmailInputWidget, AdminTextInputWidget
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class OrganisingOrganisationForm(forms.Form):
    """A new organising organisation and its first organiser, on one page."""

    name = forms.CharField(
        label=_("Organisation's name"), max_length=200, widget=AdminTextInputWidget
    )
    kind = forms.ChoiceField(
        label=_("kind"), choices=Organisation.Kind.choices, initial=Organisation.Kind.ASSOCIATION
    )
    city = forms.CharField(
        label=_("city"), max_length=120, required=False, widget=AdminTextInputWidget
    )
    country = forms.CharField(
        label=_("country"), max_length=120, required=False, widget=AdminTextInputWidget
    )
    organiser_name = forms.CharField(
        label=_("Organiser's full name"), max_length=300, widget=AdminTextInputWidget
    )
    email = forms.EmailField(
        label=_("Organiser's e-mail address"),
        widget=AdminEmailInputWidget,
        help_text=_("They receive a link to choose their password; it is also shown here."),
    )


class OrganiserInviteForm(forms.Form):
    """A colleague invited into one's own organisation."""

    name = forms.CharField(
        label=_("Colleague's full name"), max_length=300, widget=AdminTextInputWidget
    )
    email = forms.EmailField(
        label=_("Colleague's e-mail address"),
        widget=AdminEmailInputWidget,
        help_text=_("They receive a link to choose their password; it is also shown here."),
    )
