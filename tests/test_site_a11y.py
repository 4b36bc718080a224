"""Accessibility of every built page: heading order, alt text, and axe-core in light and dark.

Headings and alt text are read from the static HTML. axe-core (node_modules/axe-core,
the version package-lock.json pins) runs in headless Chromium with the WCAG 2 A and AA
rules in the light scheme, then, after clicking the palette toggle to the dark one, the
rules that depend on colours. A serious or critical violation fails the page; minor and moderate ones are counted.
"""

from __future__ import annotations

import functools

import pytest

from tests import site_tools as T

FAILING_IMPACTS = {"serious", "critical"}
SCHEMES = {"default": "slate", "slate": "default"}  # Material's light and dark schemes, and the other one


@pytest.mark.parametrize("page", T.page_params())
def test_headings_do_not_skip_levels(page, site, record_property):
    T.require_page(page)
    parsed = T.parse_html(T.page_file(site, page))
    record_property("site:headings_checked", len(parsed.headings))
    problems = T.heading_problems(parsed.headings)
    assert not problems, (
        f"{T.describe_page(page)}: headings of the article (lines of {page}index.html):\n  " + "\n  ".join(problems)
    )


@pytest.mark.parametrize("page", T.page_params())
def test_images_have_alt_text(page, site):
    T.require_page(page)
    images = T.parse_html(T.page_file(site, page)).images
    missing = [
        f"line {line}: <img src={src[:60]!r}> has {'an empty' if alt is not None else 'no'} alt"
        for src, alt, line in images
        if not (alt or "").strip()
    ]
    assert not missing, f"{T.describe_page(page)}: images without alt text:\n  " + "\n  ".join(missing)


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    if not T.AXE.is_file():
        pytest.fail(f"{T.AXE} is missing: run `npm ci` (axe-core is pinned in package-lock.json)", pytrace=False)
    return T.AXE.read_text(encoding="utf-8")


#: Light scheme: every WCAG 2 A and AA rule. Dark scheme: the rules whose outcome depends on
#: colours (the toggle changes CSS custom properties, not the document), which halves the time.
ALL_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


def run_axe(browser: T.Browser, options: dict = ALL_RULES) -> list[dict]:
    if not browser.driver.execute_script("return typeof axe !== 'undefined'"):
        browser.driver.execute_script(axe_source())
    result = browser.driver.execute_async_script(T.JS_AXE, options)
    if isinstance(result, str):
        raise AssertionError(result)
    return result


def describe(violation: dict, scheme: str) -> str:
    nodes = violation["nodes"]
    lines = [f"[{scheme}] {violation['impact']} {violation['id']}: {violation['help']} ({len(nodes)} element(s))"]
    for node in nodes[:4]:
        lines.append(f"    {node['target']}: {node['html']}")
        if node["summary"]:
            lines.append(f"      {node['summary']}")
    if len(nodes) > 4:
        lines.append(f"    ... and {len(nodes) - 4} more")
    return "\n  ".join(lines)


@pytest.mark.parametrize("page", T.page_params())
def test_axe_finds_no_serious_violation_in_light_and_dark(page, site, browser, record_property):
    T.require_page(page)
    browser.load(page)
    problems, counted = [], {"serious": 0, "critical": 0, "moderate": 0, "minor": 0}
    # The scheme chosen on the previous page is kept (local storage): start with it, then toggle.
    first = browser.scheme()
    assert first in SCHEMES, f"{T.describe_page(page)}: unknown colour scheme {first!r}"
    for n, scheme in enumerate((first, SCHEMES[first])):
        if n:
            assert browser.toggle_palette() == scheme, f"{T.describe_page(page)}: the toggle did not switch to {scheme}"
        rules = ALL_RULES if scheme == "default" else COLOUR_RULES
        for violation in run_axe(browser, rules):
            impact = violation["impact"] or "minor"
            counted[impact] = counted.get(impact, 0) + len(violation["nodes"])
            if impact in FAILING_IMPACTS:
                problems.append(describe(violation, "light" if scheme == "default" else "dark"))
    for impact, n in counted.items():
        record_property(f"site:axe_{impact}_elements", n)
    record_property("site:axe_pages", 1)
    errors, off = browser.logs()
    problems += [f"console error: {e}" for e in errors] + [f"request off localhost: {u}" for u in off]
    assert not problems, f"{T.describe_page(page)}: axe-core {axe_version()} (wcag2a, wcag2aa):\n  " + "\n  ".join(
        problems
    )


@functools.lru_cache(maxsize=1)
def axe_version() -> str:
    import json

    return json.loads((T.AXE.parent / "package.json").read_text())["version"]
