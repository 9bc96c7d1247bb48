"""build_brief issues the same number of queries whatever the number of records."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msaada.finance.models import Expenditure, Flow
from msaada.forces.models import Deployment
from msaada.readiness.brief import brief_json, build_brief
from tests.factories import (
    cite,
    contract,
    contributor,
    deploy,
    flow,
    fund,
    mandate,
    mission,
    organization,
    pledge,
    rate,
    site,
    source,
    spend,
    status,
)

pytestmark = pytest.mark.django_db

D = date(2025, 9, 23)


def counted_brief(mss) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        data = brief_json(build_brief(mss, D))
    return len(queries), data


def add_in_bulk(mss, n: int) -> None:
    """Add n flows (EUR 1 each), n expenditures (USD 1) and n arrivals (1 person), in bulk.

    Flow i is a commitment when i is even, a payment when odd; flows 2k and 2k + 1 share the ref B{k} (so pay
    each other) unless i % 6 is 4 or 5 (no ref: each its own contribution). Dates run back 200 days from D,
    after the EUR rate of 0.8 (2025-01-01), so EUR 1 is USD 1.25.
    """
    trust_fund, donor, kenya = fund(mss), organization(), contributor("KEN")
    days = [D - timedelta(days=i % 200) for i in range(n)]
    Flow.objects.bulk_create(
        Flow(
            mission=mss,
            fund=trust_fund,
            donor=donor,
            stage="paid" if i % 2 else "commitment",
            amount=Decimal(1),
            currency="EUR",
            date=days[i],
            ref="" if i % 6 >= 4 else f"B{i // 2}",
        )
        for i in range(n)
    )
    Expenditure.objects.bulk_create(
        Expenditure(
            mission=mss, fund=trust_fund, budget_line="rations", amount=Decimal(1), currency="USD", date=days[i]
        )
        for i in range(n)
    )
    Deployment.objects.bulk_create(
        Deployment(
            mission=mss, contributor=kenya, unit="bulk", category="police", change="arrival", count=1, date=days[i]
        )
        for i in range(n)
    )


def grew(small: dict, large: dict, figure: str) -> Decimal:
    return Decimal(large["funding"][figure]) - Decimal(small["funding"][figure])


def test_query_count_does_not_grow_with_the_records():
    mss = mission()
    report = source("report")
    cite(mss, report)
    cite(mandate(mss, "2024-10-02", "2025-10-02"), report)
    rate("EUR", "2024-01-01", "0.9")
    cite(rate("EUR", "2025-01-01", "0.8"), report)
    cite(pledge(mss, "KEN", 1000, "2024-01-01"), report)
    for i in range(10):
        cite(
            flow(
                mss,
                ("pledge", "commitment", "paid")[i % 3],
                "10",
                f"2025-0{1 + i % 9}-01",
                currency=("USD", "EUR")[i % 2],
                ref=f"S{i % 4}",
            ),
            report,
        )
        cite(spend(mss, "5", f"2025-0{1 + i % 9}-15"), report)
        cite(deploy(mss, "KEN", 10, f"2025-0{1 + i % 9}-10"), report)
    cite(contract(mss, "Rations", "2025-01-01", "2025-06-30"), report)
    contract(mss, "Rations", "2025-07-01", "2025-09-30")
    cite(status(site(mss, "Airport"), "2025-01-01", "secured"), report)
    build_brief(mss, D)  # warm any cache first

    small_count, small = counted_brief(mss)
    add_in_bulk(mss, 10_000 - 10)
    large_count, large = counted_brief(mss)

    assert large_count == small_count
    # 9; 2 for illustrative inputs and claims; 5 for equipment, capacity, incidents, site points, incidents
    # nearby; 3 for the reported pledges, deployments and flows waiting for review.
    assert small_count <= 19
    # The bulk records were all read. 9,990 flows: 4,995 commitments and 4,995 payments of EUR 1 = USD 1.25.
    assert small["strength"]["deployed"] == 100
    assert large["strength"]["deployed"] == 100 + 9_990
    assert grew(small, large, "committed") == grew(small, large, "paid") == Decimal("6243.75")  # 4,995 * 1.25
    # Unpaid: the commitments without a ref, i % 6 == 4: 9,990 / 6 = 1,665, at the rate of D (0.8).
    assert grew(small, large, "unpaid_commitments") == Decimal("2081.25")
    assert grew(small, large, "spent") == 9_990
    # In the window (i % 200 <= 89): 49 full cycles of 200 give 49 * 90, and i = 9,800 .. 9,889 gives 90 more.
    assert grew(small, large, "daily_burn") == Decimal("50.00")  # 4,500 / 90
