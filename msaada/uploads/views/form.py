"""The form that takes one or more spreadsheets of the import format."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from msaada.uploads.storage import MAX_BYTES, is_plain_name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (Django's own takes one)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".csv,.xlsx"}))
        super().__init__(**kwargs)

    def clean(self, value, initial=None) -> list[UploadedFile]:
        files = [file for file in (value if isinstance(value, list | tuple) else [value]) if file]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        clean_one = super().clean  # a comprehension has no zero-argument super()
        return [clean_one(file, initial) for file in files]


class ImportUploadForm(forms.Form):
    """Spreadsheets to check, then import: plain names, each file once, within the size limit."""

    files = MultipleFileField(
        label=_("Files (CSV or XLSX)"),
        error_messages={"required": _("Choose at least one file.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = gettext("Choose one or more files at once, up to %(limit)s in all.") % {
            "limit": filesizeformat(MAX_BYTES)
        }

    def clean_files(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data["files"]
        names = [file.name for file in files]
        for name in names:
            if not is_plain_name(name):
                raise forms.ValidationError(_("%(name)s is not a plain file name."), params={"name": name})
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise forms.ValidationError(
                _("Each file may be chosen once; chosen twice: %(names)s."), params={"names": ", ".join(repeated)}
            )
        total = sum(file.size for file in files)
        if total > MAX_BYTES:
            raise forms.ValidationError(
                _("The files add up to %(total)s; the limit is %(limit)s."),
                params={"total": filesizeformat(total), "limit": filesizeformat(MAX_BYTES)},
            )
        return files
