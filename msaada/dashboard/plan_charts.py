"""A plan's charts, drawn as the dashboard's are (charts.py): day by day where the plan is, month by month for cost.

Each chart takes tuples of plain figures, so the same plan draws the same bytes and a repeat is remembered.
"""

from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from msaada.dashboard.charts import (
    ACCENT,
    HIGH,
    INK,
    PALETTE,
    Frame,
    _formatter,
    _months_of,
    _time_axis,
    remembered,
    render,
)
from msaada.dashboard.templatetags.dashboard import compact_money, count, day
from msaada.readiness.days import shift

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# (day, strength, authorized or None) for each day of the plan.
StrengthDays = tuple[tuple[date, int, int | None], ...]
# (day, cumulative cost, money) for each day of the plan.
MoneyDays = tuple[tuple[date, Fraction, Fraction], ...]
# (first day of the month, cost of each channel in CHANNELS order) for each month.
ChannelMonths = tuple[tuple[date, tuple[Fraction, ...]], ...]
# (day, strength, capacity) for each day of the plan.
CapacityDays = tuple[tuple[date, int, int], ...]


def _days_axis(axes: "Axes", first: date, last: date) -> None:
    _time_axis(axes, *_months_of(first, last))


def _steps(axes: "Axes", days: list[float], values: list[float], **style) -> None:
    """Draw a figure that holds for the whole of each day: a step from each day to the next."""
    axes.step([*days, days[-1] + 1], [*values, values[-1]], where="post", **style)


@remembered
def strength_chart(days: StrengthDays, title: str) -> str | None:
    """Draw the planned strength day by day against the authorized strength of the mandate running each day."""
    if not days:
        return None

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        when = [date2num(row[0]) for row in days]
        authorized = [float("nan") if row[2] is None else float(row[2]) for row in days]
        _steps(axes, when, authorized, color=INK, linewidth=1.6, label=_("Authorized"))
        _steps(axes, when, [float(row[1]) for row in days], color=ACCENT, linewidth=2, label=_("Planned strength"))
        axes.margins(y=0.1)
        axes.set_ylim(bottom=0)
        _days_axis(axes, days[0][0], days[-1][0])
        axes.yaxis.set_major_formatter(_formatter(lambda value: count(round(value))))
        figure.legend(loc="lower center", ncols=2)

    return render(draw, title, Frame(3.2, legend_rows=1))


@remembered
def money_chart(days: MoneyDays, runs_out_on: date | None, currency: str, title: str) -> str | None:
    """Draw the cumulative cost against the money day by day, with the day the money runs out marked."""
    if not days:
        return None

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        when = [date2num(row[0]) for row in days]
        _steps(axes, when, [float(row[2]) for row in days], color=PALETTE[2], linewidth=1.8, label=_("Money"))
        _steps(axes, when, [float(row[1]) for row in days], color=PALETTE[5], linewidth=1.8, label=_("Cumulative cost"))
        if runs_out_on is not None:
            axes.axvline(
                date2num(runs_out_on),
                color=HIGH,
                linewidth=1.4,
                linestyle="--",
                label=_("Runs out on %(day)s") % {"day": day(runs_out_on)},
            )
        axes.set_ylim(bottom=0)
        axes.set_ylabel(currency)
        _days_axis(axes, days[0][0], days[-1][0])
        axes.yaxis.set_major_formatter(_formatter(compact_money))
        figure.legend(loc="lower center", ncols=2)

    return render(draw, title, Frame(3.4, left=64, legend_rows=2))


@remembered
def channel_chart(months: ChannelMonths, labels: tuple[str, ...], currency: str, title: str) -> str | None:
    """Draw each month's cost as bars stacked by channel."""
    if not months or not any(value for _first, values in months for value in values):
        return None

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        middles = [date2num(first.replace(day=15)) for first, _values in months]
        below = [0.0] * len(months)
        for index, label in enumerate(labels):
            heights = [float(values[index]) for _first, values in months]
            axes.bar(middles, heights, width=20, bottom=below, color=PALETTE[index], label=label)
            below = [low + high for low, high in zip(below, heights, strict=True)]
        axes.set_ylim(bottom=0)
        axes.set_ylabel(currency)
        _time_axis(axes, months[0][0], _months_of(months[-1][0], months[-1][0])[1])
        axes.yaxis.set_major_formatter(_formatter(compact_money))
        figure.legend(loc="lower center", ncols=3)

    return render(draw, title, Frame(3.2, left=64, legend_rows=1))


@remembered
def capacity_chart(days: CapacityDays, title: str) -> str | None:
    """Draw a capacity-bound line's contracted capacity against the planned strength, its shortfall shaded."""
    if not days:
        return None

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        when = [date2num(row[0]) for row in days]
        strength = [float(row[1]) for row in days]
        capacity = [float(row[2]) for row in days]
        ends = [*when, date2num(shift(days[-1][0], 1))]
        axes.fill_between(
            ends,
            [*capacity, capacity[-1]],
            [*strength, strength[-1]],
            where=[*(need > have for have, need in zip(capacity, strength, strict=True)), False],
            step="post",
            color=HIGH,
            alpha=0.25,
            linewidth=0,
            label=_("Shortfall"),
        )
        _steps(axes, when, capacity, color=PALETTE[2], linewidth=1.8, label=_("Capacity"))
        _steps(axes, when, strength, color=ACCENT, linewidth=1.6, linestyle="--", label=_("Planned strength"))
        axes.margins(y=0.1)
        axes.set_ylim(bottom=0)
        _days_axis(axes, days[0][0], days[-1][0])
        axes.yaxis.set_major_formatter(_formatter(lambda value: count(round(value))))
        figure.legend(loc="lower center", ncols=3)

    return render(draw, title, Frame(3.0, legend_rows=1))
