"""The marks beside a dashboard figure: resting on an illustrative input, and what other sources give."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from msaada.readiness.figures import Brief, Risk
from msaada.readiness.marks import risk_illustrative
from msaada.readiness.presenters.trust import figure_text, illustrative_mark

register = template.Library()


def _illustrative() -> SafeString:
    title = _("This figure rests, in whole or part, on an illustrative value that no source gives.")
    return format_html(
        ' <strong class="illustrative illustrative-mark" title="{}">{}</strong>', title, illustrative_mark()
    )


@register.simple_tag
def trust(brief: Brief, path: str) -> SafeString:
    """Mark the figure at the path: illustrative, and each other source's value beside it."""
    parts = [_illustrative()] if path in brief.illustrative else []
    others = [alternative for alternative in brief.claims if alternative.figure == path]
    if others:
        items = format_html_join(
            "; ",
            '<span class="claim">{}</span>',
            (
                (
                    format_html(
                        _("{value} per {sources}"),
                        value=figure_text(alternative.alternative, brief.currency),
                        sources=format_html_join(
                            ", ", '<a href="#source-{}">{}</a>', ((key, key) for key in alternative.claim.sources)
                        )
                        or _("no source"),
                    ),
                )
                for alternative in others
            ),
        )
        parts.append(
            format_html(' <span class="claims">{}</span>', format_html(_("Other sources give: {claims}"), claims=items))
        )
    return format_html_join("", "{}", ((part,) for part in parts))


@register.simple_tag
def risk_trust(brief: Brief, risk: Risk) -> SafeString:
    """Mark a risk raised on a figure resting on an illustrative input."""
    return _illustrative() if risk_illustrative(brief, risk) else SafeString()
