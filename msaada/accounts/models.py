"""Who may see and change what: a role, and for liaisons and donors the country or organization they speak for."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from msaada.core.codes import validate_country


class Role(models.TextChoices):
    ADMIN = "admin", _("admin")
    FINANCE = "finance", _("finance officer")
    LOGISTICS = "logistics", _("logistics officer")
    FORCE = "force", _("force officer")
    OPERATIONS = "operations", _("operations officer")
    LIAISON = "liaison", _("contributor liaison")
    DONOR = "donor", _("donor")
    OBSERVER = "observer", _("observer")


class Profile(models.Model):
    """A user's role and scope: a liaison is bound to one country, a donor to one organization."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    country = models.CharField(_("country"), max_length=3, blank=True, validators=[validate_country])
    organization = models.ForeignKey(
        "finance.Organization", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("organization")
    )
    missions = models.ManyToManyField("missions.Mission", blank=True, verbose_name=_("missions"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def clean(self) -> None:
        # A scope on the wrong role would sit unused, misleading whoever reads the profile later.
        if self.role == Role.LIAISON and not self.country:
            raise ValidationError({"country": _("a contributor liaison needs a country")})
        if self.role != Role.LIAISON and self.country:
            raise ValidationError({"country": _("only a contributor liaison speaks for a country")})
        if self.role == Role.DONOR and not self.organization_id:
            raise ValidationError({"organization": _("a donor needs an organization")})
        if self.role != Role.DONOR and self.organization_id:
            raise ValidationError({"organization": _("only a donor speaks for an organization")})
