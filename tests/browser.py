"""Headless Debian Chromium for the browser tests, driven by Playwright for Python, and axe-core.

The Makefile installs Debian's `chromium` when it is missing; nothing here downloads a browser.
Screenshots go to test-artifacts/ (MSAADA_ARTIFACTS overrides it) for people to look at.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]
AXE = Path(__file__).parent / "e2e" / "vendor" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("MSAADA_ARTIFACTS", Path(__file__).resolve().parents[1] / "test-artifacts"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API runs an event loop in the test thread, where the test's own ORM calls
    # must still run; the flag is set while the browser is open only, so subprocesses of other tests
    # do not inherit it.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def serious_violations(page: Page) -> list[str]:
    """Run axe-core on the page and return its serious and critical violations, one line each."""
    # Evaluated through the browser's protocol: a <script> tag added to the page would break its own CSP.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert not getattr(page, "csp_violations", []), page.csp_violations
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def watch_csp(page: Page) -> Page:
    """Collect on the page what its Content-Security-Policy refused, for `serious_violations` to report."""
    page.csp_violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and page.csp_violations.append(message.text),
    )
    return page


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as a test artifact and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
