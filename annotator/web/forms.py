"""WTForms for the HTML pages (CSRF through Flask-WTF)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, EqualTo, Length, NumberRange, Optional

from ..i18n import ROLE_NAMES
from ..models import Role

ROLE_CHOICES = [SelectChoice(r.value, ROLE_NAMES[r.value]) for r in Role]
LANG_CHOICES = [
    SelectChoice("uk", _l("Ukrainian (uk)")),
    SelectChoice("en", _l("English (en)")),
    SelectChoice("ru", _l("Russian (ru)")),
]


class LoginForm(FlaskForm):
    username = StringField(_l("User name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired()])


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=200)])  # services/passwords
    confirm = PasswordField(
        _l("Repeat the new password"), validators=[DataRequired(), EqualTo("new", message=_l("The passwords differ."))]
    )


class NewTokenForm(FlaskForm):
    label = StringField(_l("What it is for"), validators=[Optional(), Length(max=120)])
    expires = SelectField(_l("Valid"), default="90d", choices=[
        SelectChoice("30d", _l("30 days")), SelectChoice("90d", _l("90 days")), SelectChoice("365d", _l("a year")),
        SelectChoice("", _l("until revoked"))])


class RevokeTokenForm(FlaskForm):
    token_id = HiddenField(validators=[DataRequired()])


class ProjectForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    guidelines = TextAreaField(_l("Annotation guidelines"), validators=[Optional(), Length(max=100_000)])
    open_annotations = BooleanField(_l("Annotators see each other's annotations (off: blind annotation)"))
    auto_assign = IntegerField(
        _l("Assign each new document to this many annotators (0: off)"),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=20)],
    )


AUTO = SelectChoice("auto", _l("detect it"))


class PasteDocumentForm(FlaskForm):
    title = StringField(_l("Title (the first line if left empty)"), validators=[Optional(), Length(max=500)])
    lang = SelectField(_l("Language"), choices=[AUTO] + LANG_CHOICES)
    other_lang = StringField(_l("or another BCP-47 code"), validators=[Optional(), Length(max=35)])
    source_url = StringField(_l("Source URL"), validators=[Optional(), URL(), Length(max=2000)])
    group = StringField(_l("Translation group (optional)"), validators=[Optional(), Length(max=200)])
    text = TextAreaField(_l("Text"), validators=[DataRequired(message=_l("The text is empty."))])
    clean = BooleanField(
        _l("Remove scraped page furniture (language switcher, repeated title, share lines)"), default=True
    )
    confirmed = HiddenField()


class UploadForm(FlaskForm):
    files = MultipleFileField(_l("Text files (.txt, UTF-8), JSONL, or Label Studio JSON"), validators=[DataRequired()])
    lang = SelectField(
        _l("Language"), choices=[SelectChoice("auto", _l("from the file name, else detect it"))] + LANG_CHOICES
    )
    clean = BooleanField(
        _l("Remove scraped page furniture (language switcher, repeated title, share lines)"), default=True
    )


class NewUserForm(FlaskForm):
    username = StringField(_l("User name"), validators=[DataRequired(), Length(max=80)])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, default="annotator")
    password = PasswordField(
        _l("Password (leave empty to generate one)"), validators=[Optional(), Length(max=200)]
    )


class MemberForm(FlaskForm):
    username = StringField(_l("User name"), validators=[DataRequired(), Length(max=80)])
    role = SelectField(_l("Role in this project"), choices=[
        SelectChoice("annotator", _l("annotator")), SelectChoice("reviewer", _l("reviewer")),
        SelectChoice("manager", _l("manager"))], default="annotator")


class UserActionForm(FlaskForm):
    """An empty form: a CSRF token for the per-user buttons."""


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password (leave empty to keep the current one)"), validators=[Optional(), Length(max=200)]
    )
    active = BooleanField(_l("Active"))
