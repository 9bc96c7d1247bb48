"""A mission, the mandates that authorize it, and the ground it works on."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from msaada.core.codes import validate_country, validate_currency
from msaada.core.constraints import check_period, coordinate_constraints, period_constraint, unique_ref
from msaada.core.fields import ScaledDecimalField, count_field, latitude_validators, longitude_validators
from msaada.core.identity import RecordFile
from msaada.core.records import Fact


class Mission(Fact):
    """A multinational security mission, such as the Multinational Security Support mission in Haiti."""

    natural_key_fields = ("code",)
    record_file = RecordFile("missions", ("code", "name", "host_country", "lead_country", "base_currency"))

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    host_country = models.CharField(_("host country"), max_length=3, validators=[validate_country])
    lead_country = models.CharField(_("lead country"), max_length=3, validators=[validate_country])
    base_currency = models.CharField(
        _("base currency"),
        max_length=3,
        default="USD",
        validators=[validate_currency],
        help_text=_("Every figure of a brief is shown in this currency."),
    )

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"


class MissionFact(Fact):
    """A record that belongs to one mission."""

    mission = models.ForeignKey(Mission, on_delete=models.PROTECT, verbose_name=_("mission"))

    class Meta:
        abstract = True


class Mandate(MissionFact):
    """An authority for the mission to operate, such as a Security Council resolution, for a period."""

    natural_key_fields = ("authority",)
    record_file = RecordFile("mandates", ("authority", "start", "end", "authorized_strength"))

    authority = models.CharField(_("authority"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    authorized_strength = count_field(_("authorized strength"))

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["mission", "start"]
        constraints = [
            period_constraint("mandate_end_after_start"),
            models.UniqueConstraint(fields=["mission", "authority"], name="mandate_authority_unique"),
        ]
        indexes = [models.Index(fields=["mission", "start", "end"], name="mandate_period")]

    def __str__(self) -> str:
        return f"{self.authority} ({self.start} – {self.end})"

    def clean(self) -> None:
        check_period(self.start, self.end)


class SiteKind(models.TextChoices):
    AIRPORT = "airport", _("airport")
    SEAPORT = "seaport", _("seaport")
    PALACE = "palace", _("palace")
    GOVERNMENT = "government", _("government building")
    POLICE = "police", _("police")
    SCHOOL = "school", _("school")
    HOSPITAL = "hospital", _("hospital")
    COURT = "court", _("court")
    BASE = "base", _("base")
    ROAD = "road", _("road")
    OTHER = "other", _("other")


class Site(MissionFact):
    """A place the mission guards, holds or needs: an airport, a palace, a police headquarters, a hospital."""

    natural_key_fields = ("name",)
    record_file = RecordFile("sites", ("name", "kind", "latitude", "longitude"))

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SiteKind.choices)
    latitude = ScaledDecimalField(_("latitude"), places=6, validators=latitude_validators)
    longitude = ScaledDecimalField(_("longitude"), places=6, validators=longitude_validators)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["mission", "name"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "name"], name="site_name_unique"),
            *coordinate_constraints("site"),
        ]

    def __str__(self) -> str:
        return self.name


class SiteStatusValue(models.TextChoices):
    HOSTILE = "hostile", _("hostile")
    CONTESTED = "contested", _("contested")
    SECURED = "secured", _("secured")
    REOPENED = "reopened", _("reopened")


class SiteStatus(MissionFact):
    """Who holds a site from a date on: hostile, contested, secured or reopened."""

    record_file = RecordFile("site_status", ("site", "date", "status"))

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="statuses", verbose_name=_("site"))
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=SiteStatusValue.choices)

    class Meta:
        verbose_name = _("site status")
        verbose_name_plural = _("site statuses")
        constraints = [unique_ref("site_status")]
        ordering = ["site", "date"]
        indexes = [models.Index(fields=["site", "date"], name="site_status_date")]

    def __str__(self) -> str:
        return f"{self.site}: {self.status} since {self.date}"


class EventType(models.TextChoices):
    """ACLED's event types."""

    BATTLES = "Battles", _("Battles")
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians", _("Violence against civilians")
    EXPLOSIONS = "Explosions/Remote violence", _("Explosions/Remote violence")
    RIOTS = "Riots", _("Riots")
    PROTESTS = "Protests", _("Protests")
    STRATEGIC_DEVELOPMENTS = "Strategic developments", _("Strategic developments")


class Incident(MissionFact):
    """A security event in the mission's area, in ACLED's terms."""

    record_file = RecordFile(
        "incidents",
        (
            "event_date",
            "event_type",
            "sub_event_type",
            "actor1",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "fatalities",
            "notes",
        ),
    )

    event_date = models.DateField(_("event date"))
    event_type = models.CharField(_("event type"), max_length=40, choices=EventType.choices)
    sub_event_type = models.CharField(_("sub-event type"), max_length=100)
    actor1 = models.CharField(_("actor 1"), max_length=200)
    admin1 = models.CharField(_("admin 1"), max_length=100)
    location = models.CharField(_("location"), max_length=200)
    latitude = ScaledDecimalField(_("latitude"), places=6, validators=latitude_validators)
    longitude = ScaledDecimalField(_("longitude"), places=6, validators=longitude_validators)
    fatalities = count_field(_("fatalities"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["mission", "event_date"]
        constraints = [unique_ref("incident"), *coordinate_constraints("incident")]
        indexes = [models.Index(fields=["mission", "event_date"], name="incident_date")]

    def __str__(self) -> str:
        return f"{self.event_date} {self.event_type} at {self.location}"
