"""What a reader's browser shows: every page of the built site, in headless Chromium.

Each page is served from 127.0.0.1 and must: log no console error; have every formula
typeset by KaTeX (no raw TeX left in the visible text); load every image, each with alt
text; send no request to any origin but the local server. Screenshots of every page at
phone (390x844) and desktop (1366x900) widths go to build/screenshots/, full height up to
$PROVEN_SCREENSHOT_MAX_HEIGHT pixels (default 8000). The copy button must copy exactly the
code a block shows (and, for executable blocks, the code that ran); the search box must
find a page by a word of its body; the palette toggle must switch light and dark.
"""

from __future__ import annotations

import json
import os
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from proven import blocks as B
from tests import site_tools as T

MAX_SHOT_HEIGHT = int(os.environ.get("PROVEN_SCREENSHOT_MAX_HEIGHT", "8000"))  # pixels


def _net_problems(browser: T.Browser, record_property=None) -> list[str]:
    errors, off = browser.logs()
    if record_property:
        record_property("site:console_errors", len(errors))
        record_property("site:requests_off_localhost", len(off))
    problems = [f"console error: {e}" for e in errors]
    problems += [f"request off localhost: {u}" for u in off]
    if any(urlsplit(u).hostname == "api.github.com" for u in off):
        problems.append(
            "(api.github.com: with repo_url set, Material's header fetches the repository's stars "
            "from every reader's browser; mkdocs.yml keeps repo_url out and uses an absolute edit_uri)"
        )
    return problems


def _fail(page: str, problems: list[str]) -> None:
    if problems:
        pytest.fail(f"{T.describe_page(page)}:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.mark.parametrize("page", T.page_params())
def test_page_renders_offline_with_math_and_figures(page, site, browser, record_property):
    """Console, formulas, images, network; and the two screenshots."""
    T.require_page(page)
    browser.load(page, T.PHONE)
    browser.set_scheme("default")  # screenshots in the light scheme (an earlier test may have left the dark one)
    browser.screenshot(T.SCREENSHOTS / T.screenshot_name(page, "phone"), *T.PHONE, MAX_SHOT_HEIGHT)
    browser.viewport(*T.DESKTOP)
    problems = []
    math = browser.driver.execute_script(T.JS_MATH)
    record_property("site:pages_checked", 1)
    record_property("site:formulas_typeset", math["katex"])
    problems += [f"raw TeX in the visible text: {r!r}" for r in math["raw"]]
    problems += [f"formula not typeset: {r!r}" for r in math["untypeset"]]
    problems += [f"KaTeX error: {r!r}" for r in math["errors"]]

    images = browser.driver.execute_script(T.JS_IMAGES)
    record_property("site:images_loaded", sum(1 for i in images if i["width"] > 0))
    for img in images:
        if not img["complete"] or img["width"] == 0:
            problems.append(f"image did not load (naturalWidth 0): {img['src']!r}")
        if not (img["alt"] or "").strip():
            problems.append(f"image without alt text: {img['src']!r}")

    browser.screenshot(T.SCREENSHOTS / T.screenshot_name(page, "desktop"), *T.DESKTOP, MAX_SHOT_HEIGHT)
    record_property("site:screenshots", 2)
    problems += _net_problems(browser, record_property)
    _fail(page, problems)


def _code_pages() -> list[str]:
    if T.site_problem():
        return []
    site = T.site_dir()
    return [p for p in T.site_pages(site) if T.parse_html(T.page_file(site, p)).code_blocks]


def _shown_sources(page: str) -> list[tuple[str, str]]:
    """(where, code) of every block whose source the page shows: the executable blocks of a Markdown
    page that show their source, or the code cells of a notebook."""
    src = T.source_of(page)
    if src is None:
        return []
    if src.suffix == ".ipynb":
        cells = json.loads(src.read_text(encoding="utf-8"))["cells"]
        return [
            (f"{B.rel(src)} cell {i}", "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for i, c in enumerate(cells)
            if c["cell_type"] == "code" and "".join(c["source"]).strip()
        ]
    return [(b.ident, b.code) for b in B.executable_blocks(src) if "source" in b.options]


JS_COPY_CONTROLS = """
// Material's copy buttons (with the <pre> they copy), then mkdocs-jupyter's <clipboard-copy> of each cell.
const out = [];
for (const b of document.querySelectorAll('article button[data-md-type=copy], article button.md-clipboard')) {
  const pre = b.closest('pre');
  out.push([b, pre, !!pre.querySelector('code span[class]')]);
}
for (const c of document.querySelectorAll('article clipboard-copy')) {
  const cell = c.closest('.jp-Cell') || c.parentElement.parentElement;
  out.push([c, cell.querySelector('.highlight-ipynb pre') || cell.querySelector('pre'), true]);
}
return out;
"""


JS_PREPARE_COPY = (
    T.JS_REVEAL.replace("return labels;", "")
    + """
// The block's text; a sentinel in the clipboard (to tell "copied nothing"); its button in view:
// the button sits at the top right of a block that may be taller than the window.
const button = arguments[1], done = arguments[arguments.length - 1];
const shown = (pre.querySelector('code') || pre).innerText.replace(/\\s+$/, '');
button.scrollIntoView({block: 'center', behavior: 'instant'});
navigator.clipboard.writeText(arguments[2]).then(
  () => done([shown, labels.filter(l => !document.getElementById(l.htmlFor).checked)]),
  e => done('CLIPBOARD WRITE FAILED: ' + e));
"""
)


@pytest.mark.parametrize("page", T.page_params(_code_pages(), "pages with code blocks"))
def test_copy_button_copies_the_code(page, site, browser, record_property):
    """Click the copy buttons of the page; the clipboard must hold the block's code, and the code that ran."""
    T.require_page(page)
    driver = browser.driver
    browser.load(page)
    problems, copied = [], []
    controls = driver.execute_script(JS_COPY_CONTROLS)
    assert controls, f"{T.describe_page(page)} has code blocks but no copy button: is content.code.copy enabled?"
    # Every block of highlighted code (the snippets, the notebook cells), and the first plain one (an
    # output): the other outputs use the same button, and clicking them all would double the time.
    first_plain = next((i for i, (_, _, code) in enumerate(controls) if not code), None)
    controls = [c for i, c in enumerate(controls) if c[2] or i == first_plain]
    for n, (button, pre, _) in enumerate(controls, start=1):
        sentinel = f"<clipboard before copy button {n}>"
        prepared = driver.execute_async_script(JS_PREPARE_COPY, pre, button, sentinel)
        if isinstance(prepared, str):
            raise AssertionError(prepared)
        shown, labels = prepared
        if labels:  # the block is in a tab that is not selected: select it, as a reader would
            for label in labels:
                label.click()
            shown = driver.execute_async_script(JS_PREPARE_COPY, pre, button, sentinel)[0]
        if not shown:
            continue  # an empty output block: nothing to copy
        ActionChains(driver, duration=0).move_to_element(button).click().perform()
        text = driver.execute_async_script(T.JS_CLIPBOARD_READ)
        copied.append(text.rstrip())
        if text == sentinel:
            problems.append(f"copy button {n} copied nothing (code starts {shown[:60]!r})")
        elif text.rstrip() != shown:
            problems.append(f"copy button {n}: the clipboard holds {text[:80]!r}..., the block shows {shown[:80]!r}...")
    record_property("site:copy_buttons_clicked", len(copied))
    # pymdownx.snippets ends every included file with an empty line, proven.blocks does not:
    # compare the code without its empty lines.
    copied_lines = [_non_empty(c) for c in copied]
    for where, code in _shown_sources(page):
        if _non_empty(code) not in copied_lines:
            problems.append(f"{where}: no copy button copies the code this block ran; " + _closest(code, copied))
    problems += _net_problems(browser)
    _fail(page, problems)


def _non_empty(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.splitlines() if line.strip())


def _closest(code: str, copied: list[str]) -> str:
    """Where the copied text closest to ``code`` (longest common first lines) departs from it."""
    want = _non_empty(code).splitlines()

    def common(text: str) -> int:
        got = _non_empty(text).splitlines()
        return next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), min(len(want), len(got)))

    if not copied:
        return "nothing was copied"
    best = max(copied, key=common)
    n = common(best)
    got = _non_empty(best).splitlines()
    return (
        f"the closest copied block departs at its non-empty line {n + 1}: ran "
        f"{want[n] if n < len(want) else '<end>'!r}, copied {got[n] if n < len(got) else '<end>'!r} "
        "(is the built site older than the sources?)"
    )


def _search_cases() -> list[tuple[str, str]]:
    if T.site_problem():
        return []
    return sorted(T.search_terms(T.site_dir()).items())


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=f"{T.page_label(c[0])}:{c[1]}") for c in _search_cases()]
    or T.page_params([], "pages with searchable text"),
)
def test_search_finds_the_page_by_a_word_of_its_body(case, site, browser, record_property):
    """Type a word found only in that page's body into Material's search box, on the home page."""
    T.require_page(case)
    page, term = case
    driver = browser.driver
    if driver.current_url != browser.base:  # the searches follow each other: one home page for all
        browser.load("")
        browser.drain()
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    if not box.is_displayed():
        driver.find_element(By.CSS_SELECTOR, "label[for=__search]").click()
    box.click()
    box.send_keys(Keys.CONTROL, "a")  # the next keystroke replaces the previous search
    box.send_keys(term)

    def results(d):
        # Material searches at every keystroke: wait for results of the whole word (links carry ?h=WORD)
        links = d.execute_script(JS_SEARCH_RESULTS)
        return links if any(term in parse_qs(urlsplit(u).query).get("h", [""])[0].split() for u in links) else False

    try:
        links = browser.wait(results, 20, "timeout")
    except TimeoutException:
        meta = driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
        pytest.fail(
            f"{T.describe_page(page)}: searching {term!r} (a word of its body) lists no result for it "
            f"after 20 s; the search says {meta!r}",
            pytrace=False,
        )
    found = {urlsplit(u).path for u in links}
    record_property("site:searches", 1)
    if "/" + page not in found:
        meta = driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
        pytest.fail(
            f"{T.describe_page(page)}: searching {term!r} (a word of its body) does not list it; "
            f"the search says {meta!r} and lists {sorted(found)}",
            pytrace=False,
        )
    _fail(page, _net_problems(browser))


JS_SEARCH_RESULTS = "return [...document.querySelectorAll('.md-search-result__list a')].map(a => a.href)"


def test_palette_toggle_switches_light_and_dark(site, browser):
    """Click the header's toggle twice: light <-> dark, the background changes, and the choice is kept."""
    browser.load("")
    background = "return getComputedStyle(document.body).backgroundColor"
    first = browser.scheme()  # light, unless an earlier test left the dark scheme chosen
    other = {"default": "slate", "slate": "default"}.get(first)
    assert other, f"the home page opens in an unknown scheme {first!r} (expected 'default' or 'slate')"
    before = browser.driver.execute_script(background)
    assert browser.toggle_palette() == other, f"the toggle did not switch from {first!r} to {other!r}"
    after = browser.driver.execute_script(background)
    assert after != before, f"switching to {other!r} did not change the page background ({before})"
    assert browser.toggle_palette() == first, f"the toggle did not switch back to {first!r}"
    browser.load(next((p for p in T.site_pages(site) if p), ""))  # another page
    assert browser.scheme() == first, "the chosen scheme was not kept from one page to the next"
    _fail("", _net_problems(browser))
