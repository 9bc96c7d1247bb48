"""What the Django admin's pages are sent: a record's fields as its change form posts them."""

from django.forms.models import model_to_dict
from django.urls import reverse

# The citations inline of every record's admin page, empty.
NO_CITATIONS = {
    "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
    "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
}


def admin_url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def admin_data(record, **changes) -> dict[str, str]:
    """Return the admin form's data for a record (saved or not), with some fields changed."""
    values = {name: "" if value is None else value for name, value in model_to_dict(record).items()}
    values.pop("id", None)
    return {**values, **changes, **NO_CITATIONS}
