"""Fixtures of the reader-facing gates: the built site, a local server, one browser per worker."""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest

from proven import portability as P
from tests import site_tools as T


@pytest.fixture(scope="session")
def site():
    """The built site (``$PROVEN_SITE`` or ``site/``); a missing build fails, never skips."""
    problem = T.site_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    return T.site_dir()


@pytest.fixture(scope="session")
def site_url(site):
    with T.SiteServer(site) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser(site_url):
    """Headless Chromium on the local site. Missing Chromium fails under CI, else skips saying what to install."""
    problem = T.browser_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and the browser tests cannot run: {problem}", pytrace=False)
        pytest.skip(problem)
    browser = T.Browser()
    browser.use_server(site_url)
    yield browser
    browser.close()


def pytest_terminal_summary(terminalreporter):
    """The portability run's sensitivity report; then the site tests' numbers in one line."""
    _portability_summary(terminalreporter)
    _site_summary(terminalreporter)


def _portability_summary(terminalreporter):
    """Whenever results of the portability run exist for the code as it is (this run's or the
    stage before it in ./dev.sh test), print what moved between environments and write
    build/sensitivity.json."""
    results = P.fresh_results()
    if not results:
        return
    report = P.write_report(P.sensitivity(results))
    terminalreporter.write_sep("-", f"portability run: sensitivity report (written to {P.REPORT.relative_to(T.ROOT)})")
    for line in P.summary_lines(report):
        terminalreporter.write_line(line)


def _site_summary(terminalreporter):
    """Add up the numbers the site tests recorded (record_property 'site:NAME') into one line."""
    totals: Counter = Counter()
    for key in ("passed", "failed"):
        for report in terminalreporter.stats.get(key, []):
            if report.when == "call":
                for name, value in getattr(report, "user_properties", ()):
                    if name.startswith("site:") and isinstance(value, (int, float)):
                        totals[name[5:]] += value
    if totals:
        terminalreporter.write_sep("-", "site gates: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
        T.BUILD.mkdir(exist_ok=True)
        (T.BUILD / "site-gates.json").write_text(json.dumps(dict(sorted(totals.items())), indent=1) + "\n")
