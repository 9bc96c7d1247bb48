"""Renderings of a brief: JSON data, terminal text with Rich, Markdown for reports."""

from msaada.readiness.presenters.data import brief_data
from msaada.readiness.presenters.markdown import brief_markdown
from msaada.readiness.presenters.terminal import brief_text

__all__ = ["brief_data", "brief_markdown", "brief_text"]
