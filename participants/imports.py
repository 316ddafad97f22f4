"""A delegation in and out of spreadsheets, as organisers actually keep them (django-import-export).

Headers are matched whatever language or spelling the sheet uses ("E-mail", "Courriel",
"Эл. почта"); the export writes the canonical headers, so an exported sheet imports again.
A row whose e-mail is already in the visit updates that participant; any refused row
refuses the whole file (the admin shows the preview and writes nothing).

Files that are not UTF-8 are read as the Windows code page they most likely are: Cyrillic
(cp1251) when the non-ASCII letters come in runs, as Russian words do, and Western
(cp1252) when they stand alone inside Latin words, as French accents do. The organiser is
told which was used and checks the names in the preview.
"""

import csv
import io
import itertools
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import override
from import_export import fields, resources, widgets

from participants.models import Group, Participant

# Canonical header, then what organisers also write, compared without case and punctuation.
COLUMNS = {
    "name_native": (
        "Name (own script)",
        "name in own script",
        "name cyrillic",
        "cyrillic name",
        "native name",
        "nom cyrillique",
        "nom en cyrillique",
        "имя",
        "фио",
        "фамилия имя",
        "имя и фамилия",
        "фамилия и имя",
    ),
    "name_latin": (
        "Name (Latin)",
        "name in latin script",
        "latin name",
        "name",
        "nom",
        "nom latin",
        "nom prénom",
        "фио латиницей",
        "имя латиницей",
        "латиница",
    ),
    "home_organisation": (
        "Organisation",
        "organization",
        "home organisation",
        "organisme",
        "structure",
        "организация",
        "учреждение",
    ),
    "position": ("Position", "job", "poste", "fonction", "должность"),
    "city": ("City", "town", "ville", "город"),
    "email": (
        "E-mail",
        "email",
        "mail",
        "courriel",
        "adresse e-mail",
        "эл почта",
        "почта",
        "электронная почта",
        "e-mail адрес",
    ),
    "phone": ("Phone", "telephone", "tel", "mobile", "téléphone", "телефон", "тел"),
    "language": ("Language", "langue", "язык"),
    "groups": ("Group", "groups", "groupe", "groupes", "группа", "группы"),
    "role": ("Role", "rôle", "роль"),
}
REQUIRED = ("name_latin",)

# A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets
# (=HYPERLINK(...) sends the sheet's data away, -2+3+cmd|... runs a program). The export
# writes such text behind an apostrophe, which spreadsheets read as "this is text", and
# the import takes it off again. django-import-export's IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT
# is not enough: it drops one leading "=" only, and turns every cell into text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Digits, spaces, dots and brackets after a sign call nothing: a phone number stays readable.
NUMBER_LIKE = re.compile(r"[+-]?[\d\s().]+")


def formula_quoted(value):
    """Text a spreadsheet would run as a formula, made inert; everything else as it is."""
    formula = isinstance(value, str) and value.startswith(FORMULA_STARTS)
    if formula and not NUMBER_LIKE.fullmatch(value):
        return "'" + value
    return value


def formula_unquoted(value):
    """The text an organiser typed, from a cell our export quoted."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def decode_spreadsheet_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with (see the module's docstring)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = [index for index, byte in enumerate(data) if byte >= 0x80]
    in_runs = sum(
        1
        for index in high
        if (index > 0 and data[index - 1] >= 0x80)
        or (index + 1 < len(data) and data[index + 1] >= 0x80)
    )
    encoding = "cp1251" if high and in_runs / len(high) > 0.5 else "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def comma_separated(text: str) -> str:
    """The CSV text with commas between columns.

    Excel in French or Russian saves CSV with semicolons (the comma is their decimal
    mark); the importer reads commas only, so a semicolon file is rewritten first.
    Raises ``csv.Error`` for a cell longer than the csv module accepts.
    """
    first_line = text.split("\n", 1)[0]
    if first_line.count(";") <= first_line.count(","):
        return text
    rows = csv.reader(io.StringIO(text), delimiter=";")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def count_csv_rows(text: str, *, limit: int) -> int:
    """Rows of the CSV text, counting no further than ``limit``."""
    return sum(1 for _row in itertools.islice(csv.reader(io.StringIO(text)), limit))


def count_xlsx_rows(sheet, *, limit: int) -> int | None:
    """Rows of an Excel sheet's first page, read as a stream and no further than ``limit``;
    None when it cannot be read here (the importer then says what is wrong with it)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(sheet, read_only=True, data_only=True)
        try:
            rows = book.active.iter_rows(values_only=True)
            return sum(1 for _row in itertools.islice(rows, limit))
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - any unreadable file is reported by the importer
        return None
    finally:
        sheet.seek(0)


def header_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", str(text or "")).strip().casefold()


ALIASES = {header_key(alias): name for name, names in COLUMNS.items() for alias in names}


def canonical_header(name: str) -> str:
    return COLUMNS[name][0]


# Fields whose model name differs from their column's.
COLUMN_OF_FIELD = {"preferred_language": "language"}


def column_heading(field_name: str) -> str:
    """The column heading an organiser's sheet uses for a field, to name it in errors."""
    column = COLUMN_OF_FIELD.get(field_name, field_name)
    return canonical_header(column) if column in COLUMNS else field_name


def _names_in_every_language(label) -> set[str]:
    """A lazily translated label as every interface language says it."""
    found = set()
    for code, _name in settings.LANGUAGES:
        with override(code):
            found.add(header_key(str(label)))
    return found


def language_lookup() -> dict[str, str]:
    """Language codes and names in every interface language: 'ru', 'Russian', 'русский'."""
    from django.utils.translation import get_language_info

    table = {}
    for code, label in settings.LANGUAGES:
        info = get_language_info(code)
        for name in (code, info["name"], info["name_local"], *_names_in_every_language(label)):
            table[header_key(name)] = code
    return table


class LanguageWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        code = language_lookup().get(header_key(value))
        if code is None:
            names = ", ".join(code for code, _label in settings.LANGUAGES)
            raise ValueError(
                _("“%(value)s” is not a language of the portal; write one of %(names)s.")
                % {"value": value, "names": names}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return value or ""


class RoleWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return Participant.Role.DELEGATE
        wanted = header_key(value)
        for role in Participant.Role:
            names = {header_key(role.value), *_names_in_every_language(role.label)}
            if wanted in names:
                return role.value
        raise ValueError(
            _("“%(value)s” is not a role; write one of %(roles)s.")
            % {"value": value, "roles": ", ".join(str(role.label) for role in Participant.Role)}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class GroupsWidget(widgets.ManyToManyWidget):
    """Groups by name, in any language of the group, separated by ; or ,."""

    def __init__(self, visit):
        super().__init__(Group, field="name")
        self.visit = visit

    def clean(self, value, row=None, **kwargs):
        if not value:
            return Group.objects.none()
        groups = list(Group.objects.filter(visit=self.visit)) if self.visit else []
        groups.sort(key=lambda group: str(group).casefold())
        by_name = {}
        for group in groups:
            for code, _label in settings.LANGUAGES:
                name = getattr(group, f"name_{code}", "") or ""
                if name:
                    by_name[header_key(name)] = group
        chosen, unknown = [], []
        for name in re.split(r"[;,]", str(value)):
            if not name.strip():
                continue
            group = by_name.get(header_key(name))
            if group is None:
                unknown.append(name.strip())
            else:
                chosen.append(group.pk)
        if unknown:
            known = ", ".join(str(group) for group in groups) or _("none yet")
            raise ValueError(
                _("No group “%(names)s” in this visit. Its groups are: %(known)s.")
                % {"names": "”, “".join(unknown), "known": known}
            )
        return Group.objects.filter(pk__in=chosen)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "; ".join(str(group) for group in value.all())


class ParticipantResource(resources.ModelResource):
    name_native = fields.Field(attribute="name_native", column_name=canonical_header("name_native"))
    name_latin = fields.Field(attribute="name_latin", column_name=canonical_header("name_latin"))
    home_organisation = fields.Field(
        attribute="home_organisation", column_name=canonical_header("home_organisation")
    )
    position = fields.Field(attribute="position", column_name=canonical_header("position"))
    city = fields.Field(attribute="city", column_name=canonical_header("city"))
    email = fields.Field(attribute="email", column_name=canonical_header("email"))
    phone = fields.Field(attribute="phone", column_name=canonical_header("phone"))
    language = fields.Field(
        attribute="preferred_language",
        column_name=canonical_header("language"),
        widget=LanguageWidget(),
    )
    groups = fields.Field(
        attribute="groups", column_name=canonical_header("groups"), widget=GroupsWidget(None)
    )
    role = fields.Field(attribute="role", column_name=canonical_header("role"), widget=RoleWidget())

    class Meta:
        model = Participant
        fields = (
            "name_native",
            "name_latin",
            "home_organisation",
            "position",
            "city",
            "email",
            "phone",
            "language",
            "groups",
            "role",
        )
        import_id_fields = ()
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = False
        report_skipped = True

    def __init__(self, visit=None, **kwargs):
        super().__init__(**kwargs)
        self.visit = visit
        self.fields["groups"].widget = GroupsWidget(visit)
        self.seen_emails: dict[str, int] = {}

    @classmethod
    def get_display_name(cls):
        return _("Delegation")

    # -- writing a sheet ------------------------------------------------------------------

    def export_field(self, field, instance, **kwargs):
        return formula_quoted(super().export_field(field, instance, **kwargs))

    # -- reading a sheet ------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self.seen_emails = {}
        # Spreadsheets often end with rows that look empty: they are not participants.
        for index in reversed(range(len(dataset))):
            if all(cell is None or str(cell).strip() == "" for cell in dataset[index]):
                del dataset[index]
        if self.visit is None:
            raise ValueError(_("Choose the visit this delegation belongs to."))
        headers = list(dataset.headers or [])
        renamed = [ALIASES.get(header_key(header)) for header in headers]
        missing = [name for name in REQUIRED if name not in renamed]
        if missing:
            found = ", ".join(f"“{header}”" for header in headers if header) or _("none")
            # Without its names no row can be read: the rows are not reported one by one.
            del dataset[0 : len(dataset)]
            raise ValueError(
                _(
                    "The file has no column “%(missing)s”. Columns found: %(found)s. The first "
                    "row of the sheet must hold the column names."
                )
                % {
                    "missing": "”, “".join(canonical_header(name) for name in missing),
                    "found": found,
                }
            )
        dataset.headers = [
            canonical_header(name) if name else header
            for header, name in zip(headers, renamed, strict=True)
        ]
        for name in COLUMNS:
            if name not in renamed:
                dataset.append_col([""] * len(dataset), header=canonical_header(name))

    def before_import_row(self, row, row_number=None, **kwargs):
        for key, value in list(row.items()):
            row[key] = "" if value is None else str(formula_unquoted(value)).strip()
        if not row[canonical_header("name_native")]:
            # Delegations that write in Latin script have one name only.
            row[canonical_header("name_native")] = row[canonical_header("name_latin")]
        email = row[canonical_header("email")].lower()
        if email:
            if email in self.seen_emails:
                raise ValidationError(
                    {
                        "email": _("The e-mail %(email)s is already on row %(row)d of this file.")
                        % {"email": email, "row": self.seen_emails[email]}
                    }
                )
            self.seen_emails[email] = row_number

    def get_instance(self, instance_loader, row):
        email = (row.get(canonical_header("email")) or "").strip()
        if not email or self.visit is None:
            return None
        return Participant.objects.filter(visit=self.visit, email__iexact=email).first()

    def init_instance(self, row=None):
        return Participant(visit=self.visit, preferred_language=self.visit.first_language)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Groups are saved after the row; check them now so the row is refused, not failed.
        try:
            self.fields["groups"].clean(row)
        except ValueError as error:
            errors.setdefault("groups", []).append(str(error))
        if not instance.preferred_language:
            instance.preferred_language = self.visit.first_language
        instance.visit = self.visit
        if errors:
            raise ValidationError(errors)
