"""`{% records links "funding.paid" %}...{% endrecords %}`: a figure as a link to the records it rests on."""

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.template.context import Context
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


class RecordsNode(template.Node):
    """The enclosed figure, linked to the records behind it where the page has their address."""

    def __init__(self, links: FilterExpression, path: FilterExpression, body: template.NodeList):
        self.links, self.path, self.body = links, path, body

    def render(self, context: Context) -> str:
        shown = self.body.render(context)
        href = (self.links.resolve(context) or {}).get(self.path.resolve(context))
        if not href:
            return shown
        title = _("The records behind this figure")
        return format_html('<a class="figure-link" href="{}" title="{}">{}</a>', href, title, shown)


@register.tag
def records(parser: Parser, token: Token) -> RecordsNode:
    """Link the enclosed figure to its records when the page has a link for its path (else show it as it is)."""
    _name, links, path = token.split_contents()
    body = parser.parse(("endrecords",))
    parser.delete_first_token()
    return RecordsNode(parser.compile_filter(links), parser.compile_filter(path), body)
