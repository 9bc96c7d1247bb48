"""Rules of the plans that span rows: a planned amount in a currency needs an exchange rate on or before its date."""

from msaada.core.rules import register
from msaada.finance.rules import NeedsRate
from msaada.plans.models import PlannedFlow


def register_rules() -> None:
    """Register the rules of the plans: a planned flow's money is converted like a recorded flow's."""
    register(PlannedFlow, NeedsRate())
