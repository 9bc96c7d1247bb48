"""The dashboard's charts: small SVG drawn on the server with matplotlib, the same bytes for the same figures.

Text stays text (`svg.fonttype` none), so a chart is light, prints sharp and can be copied
from; ids are salted with a fixed string and no date is written, so a chart only changes
when its figures do. matplotlib is imported when a chart is drawn, never at start-up, and
only its SVG backend is used (no GUI, no pyplot state).
"""

import io
import re
import textwrap
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, wraps
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext as _

from msaada.dashboard.series import FundingSeries, LineCoverage, StrengthSeries
from msaada.dashboard.templatetags.dashboard import compact_money, count, day, month
from msaada.readiness.days import shift
from msaada.readiness.weekly import IncidentWeek

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# matplotlib's settings are global: one chart is drawn at a time.
DRAWING = threading.Lock()
STYLE = {
    "svg.hashsalt": "msaada",
    "svg.fonttype": "none",
    "text.parse_math": False,  # a service line named "Fuel $2M" is text, not mathematics
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.edgecolor": "#4d5661",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#d0d5db",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "text.color": "#1b1f24",
    "xtick.color": "#1b1f24",
    "ytick.color": "#1b1f24",
}
WIDTH = 4.8  # inches: at 10 pt the text stays readable from a 375 px phone (about 1:1) to print
INK, HIGH, ACCENT = "#1b1f24", "#a4161a", "#0b5cad"
# Okabe and Ito's palette, told apart by people with colour-blindness.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000")
LABEL_CHARACTERS = 26
SPAN_YEARS = 10  # the coverage chart shows at most this many years either side of the as-of date
# Only markup is rewritten, never a label: text is escaped, so a tag is what lies between < and >.
TAG = re.compile(r"<[^>]+>")
ID = re.compile(r' id="([^"]+)"')
COORDINATES = re.compile(r'( (?:d|x|y|transform)=")([^"]*)')
PRECISION = re.compile(r"(\d\.\d\d)\d+")
REFERENCE = re.compile(r'(?:url\(#|href="#)([^)"]+)')


@dataclass(frozen=True)
class Frame:
    """A chart's size and the room, in points, its tick labels and legend take around the plot."""

    height: float  # inches
    left: float = 52
    legend_rows: int = 2
    top: float = 8
    right: float = 12

    def adjust(self, figure: "Figure") -> None:
        # Fixed margins, not a layout engine: measuring every label first would draw each chart twice.
        width, height = WIDTH * 72, self.height * 72
        bottom = 44 + 17 * self.legend_rows  # two lines of month ticks, then the legend
        figure.subplots_adjust(
            left=self.left / width, right=1 - self.right / width, top=1 - self.top / height, bottom=bottom / height
        )


def render(draw: Callable[["Figure"], None], title: str, frame: Frame) -> str:
    """Draw a figure and return it as a standalone SVG document, the same bytes for the same drawing."""
    import matplotlib
    from matplotlib.figure import Figure

    with DRAWING, matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(WIDTH, frame.height))
        frame.adjust(figure)
        draw(figure)
        document = io.StringIO()
        figure.savefig(
            document,
            format="svg",
            metadata={"Title": title, "Date": None, "Creator": None, "Format": None, "Type": None},
        )
    return _tidy(document.getvalue())


def remembered(chart: Callable[..., str | None]) -> Callable[..., str | None]:
    """Keep the last charts drawn, per language: the same figures give the same bytes, so a repeat costs nothing."""
    drawn = lru_cache(maxsize=32)(lambda language, *figures: chart(*figures))

    @wraps(chart)
    def chart_in_language(*figures):
        return drawn(translation.get_language(), *figures)

    return chart_in_language


def _tidy(svg: str) -> str:
    """Drop what a page does not need: the metadata, the global style, the ids nothing refers to, extra digits."""
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r"\s*<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>", "", svg)
    referenced = set(REFERENCE.findall(svg))

    def tidy_tag(tag: re.Match) -> str:
        markup = ID.sub(lambda found: found.group(0) if found.group(1) in referenced else "", tag.group(0))
        markup = re.sub(r' transform="rotate\(-?0 [^"]*\)"', "", markup)
        # Hundredths of a point are finer than any screen or printer.
        return COORDINATES.sub(lambda found: found.group(1) + PRECISION.sub(r"\1", found.group(2)), markup)

    return re.sub(r" *\n *", "\n", TAG.sub(tidy_tag, svg))


def inline(svg: str, name: str, labelled_by: str) -> str:
    """Return the SVG to write inside a page: no prolog, sized by CSS, ids prefixed so charts never clash."""
    svg = svg[svg.index("<svg") :]
    svg = TAG.sub(lambda tag: re.sub(r'( id="|url\(#|href="#)', rf"\1{name}-", tag.group(0)), svg)
    return re.sub(
        r'<svg ([^>]*?) width="[^"]+" height="[^"]+"',
        rf'<svg role="img" aria-labelledby="{labelled_by}" \1',
        svg,
        count=1,
    )


@remembered
def strength_chart(series: StrengthSeries, title: str) -> str | None:
    """Draw deployed personnel stacked by contributor, month by month, against the authorized and pledged lines."""
    if not series.points:
        return None
    entries = len(series.contributors) + 2

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        centres = [date2num(point.day.replace(day=15)) for point in series.points]
        if series.contributors:
            # One stacked area per contributor, stepping at each month: a few shapes, however many months.
            axes.stackplot(
                centres,
                *([point.deployed[index] for point in series.points] for index in range(len(series.contributors))),
                labels=series.contributors,
                colors=PALETTE,
                step="mid",
                linewidth=0,
            )
        authorized = [float("nan") if point.authorized is None else point.authorized for point in series.points]
        axes.step(centres, authorized, where="mid", color=INK, linewidth=1.6, label=_("Authorized"))
        axes.step(
            centres,
            [point.pledged for point in series.points],
            where="mid",
            color=HIGH,
            linewidth=1.4,
            linestyle="--",
            label=_("Pledged"),
        )
        axes.margins(y=0.1)  # the authorized line stays clear of the top
        axes.set_ylim(bottom=0)
        _time_axis(axes, *_months_of(series.points[0].day, series.points[-1].day))
        axes.yaxis.set_major_formatter(_formatter(lambda value: count(round(value))))
        figure.legend(loc="lower center", ncols=4)

    return render(draw, title, Frame(3.6, legend_rows=-(-entries // 4)))


@remembered
def funding_chart(series: FundingSeries, title: str) -> str | None:
    """Draw the cumulative money pledged, committed, paid and spent, month by month, in the base currency."""
    if not series.points:
        return None

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        days = [date2num(point.day) for point in series.points]
        marker = "o" if len(days) == 1 else None
        lines = (
            (_("Pledged"), "pledged", PALETTE[0], "-"),
            (_("Committed"), "committed", PALETTE[1], "--"),
            (_("Paid"), "paid", PALETTE[2], "-."),
            (_("Spent"), "spent", PALETTE[5], ":"),
        )
        for label, figure_name, colour, style in lines:
            values = [float(getattr(point, figure_name)) for point in series.points]
            axes.plot(days, values, color=colour, linestyle=style, linewidth=1.8, marker=marker, label=label)
        axes.set_ylim(bottom=0)
        axes.set_ylabel(series.currency)
        _time_axis(axes, *_months_of(series.points[0].day, series.points[-1].day))
        axes.yaxis.set_major_formatter(_formatter(compact_money))
        figure.legend(loc="lower center", ncols=4)

    return render(draw, title, Frame(3.2, left=64, legend_rows=1))


@remembered
def coverage_chart(lines: tuple[LineCoverage, ...], as_of: date, mandate_end: date | None, title: str) -> str | None:
    """Draw each service line's runs of contract coverage as bars, with the as-of date and the mandate's end."""
    if not lines:
        return None
    names = [textwrap.fill(line.service_line, LABEL_CHARACTERS) for line in lines]

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        for row, line in enumerate(lines):
            spans = [(date2num(run.start), (run.end - run.start).days + 1) for run in line.runs]
            axes.broken_barh(
                spans, (row - 0.32, 0.64), color=ACCENT, label=_("Covered by contracts") if row == 0 else None
            )
        axes.set_yticks(range(len(lines)), labels=names)
        axes.set_ylim(len(lines) - 0.5, -0.5)
        axes.grid(False)
        axes.axvline(date2num(as_of), color=INK, linewidth=1.4, label=_("As of %(day)s") % {"day": day(as_of)})
        if mandate_end is not None:
            axes.axvline(date2num(mandate_end), color=HIGH, linewidth=1.6, linestyle="--", label=_("Mandate ends"))
        _time_axis(axes, *_coverage_span(lines, as_of, mandate_end))
        figure.legend(loc="lower center", ncols=2)

    # About 5.4 points a character at 10 points: room for the longest line of the longest name.
    longest = max(len(row) for name in names for row in name.split("\n"))
    rows = sum(name.count("\n") + 1 for name in names)
    return render(draw, title, Frame(1.2 + 0.2 * max(rows, 2 * len(lines)), left=16 + 5.4 * longest))


def _coverage_span(lines: tuple[LineCoverage, ...], as_of: date, mandate_end: date | None) -> tuple[date, date]:
    """Return the days the chart shows: every run and the mandate's end, within SPAN_YEARS of the as-of date.

    An open-ended contract or mandate (ending 9999-12-31) runs off the chart's edge rather than
    stretching the axis over millennia, or past the calendar once the margin is added.
    """
    earliest, latest = shift(as_of, -SPAN_YEARS * 366), shift(as_of, SPAN_YEARS * 366)
    days = [as_of, *(day for line in lines for run in line.runs for day in (run.start, run.end))]
    if mandate_end is not None:
        days.append(mandate_end)
    days = [min(max(day, earliest), latest) for day in days]
    margin = max(7, (max(days) - min(days)).days // 30)
    return shift(min(days), -margin), shift(max(days), margin)


def _months_of(first: date, last: date) -> tuple[date, date]:
    """Return the first day of the first month and the first day after the last month."""
    year, month_index = divmod(last.year * 12 + last.month, 12)
    return first.replace(day=1), date(year, month_index + 1, 1)


def _time_axis(axes: "Axes", first: date, last: date) -> None:
    """Show the days from first to last, with at most six month ticks written in the active language."""
    from matplotlib.dates import MonthLocator, date2num, num2date

    axes.set_xlim(date2num(first), date2num(last))
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    axes.xaxis.set_major_locator(MonthLocator(interval=max(1, -(-months // 6))))
    axes.xaxis.set_major_formatter(_formatter(lambda value: month(num2date(value).date())))


def _formatter(write: Callable[[float], str]):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: write(value))


@remembered
def incidents_chart(weeks: tuple[IncidentWeek, ...], title: str) -> str | None:
    """Draw the incidents of each of the 12 weeks as bars and their fatalities as a line, on one count axis."""
    if not any(week.count or week.fatalities for week in weeks):
        return None

    def draw(figure: "Figure") -> None:
        from matplotlib.dates import date2num

        axes = figure.add_subplot()
        middles = [date2num(shift(week.end, -3)) for week in weeks]
        axes.bar(middles, [week.count for week in weeks], width=5.6, color=ACCENT, label=_("Incidents"))
        axes.plot(
            middles, [week.fatalities for week in weeks], color=HIGH, linewidth=1.6, marker="o", label=_("Fatalities")
        )
        axes.set_ylim(bottom=0)
        _time_axis(axes, weeks[0].start, shift(weeks[-1].end, 1))
        axes.yaxis.set_major_formatter(_formatter(lambda value: count(round(value))))
        figure.legend(loc="lower center", ncols=2)

    return render(draw, title, Frame(3.0, legend_rows=1))
