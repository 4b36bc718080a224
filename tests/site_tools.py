"""Shared helpers of the reader-facing quality gates (tests/test_site_*.py).

* where the built site is, and which pages it has;
* a local HTTP server and a headless Chromium that talks to nothing else;
* what a page holds, read from its static HTML: links, ids, headings, images;
* :func:`compare_sites`, the reproducibility check of two builds.

Nothing here imports the build machinery: these helpers check any built copy of the
site, wherever ``$PROVEN_SITE`` points.
"""

from __future__ import annotations

import base64
import functools
import gzip
import html as html_lib
import json
import os
import re
import shutil
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from proven import blocks as B

ROOT, DOCS = B.ROOT, B.DOCS
BUILD = ROOT / "build"
SCREENSHOTS = BUILD / "screenshots"
CHROMIUM = os.environ.get("PROVEN_CHROMIUM", "/usr/bin/chromium")  # Debian's packages
CHROMEDRIVER = os.environ.get("PROVEN_CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_HINT = "apt-get install -y chromium chromium-driver"
BUILD_HINT = "build it first: ./dev.sh build (or: mkdocs build --strict), or point PROVEN_SITE at a built site"

# --- the built site ----------------------------------------------------------


def site_dir() -> Path:
    """The built site under test: ``$PROVEN_SITE`` or ``site/``."""
    return Path(os.environ.get("PROVEN_SITE") or ROOT / "site").resolve()


def site_problem(site: Path | None = None) -> str | None:
    """Why ``site`` cannot be tested, or None."""
    site = site or site_dir()
    if not (site / "index.html").is_file():
        return f"no built site at {site} (index.html missing): {BUILD_HINT}"
    if not (site / "sitemap.xml").is_file():
        return f"{site} has no sitemap.xml: is it a complete MkDocs build? {BUILD_HINT}"
    return None


def site_pages(site: Path | None = None) -> list[str]:
    """Every page of the site as a URL path relative to its root ('' is the home page), 404 excluded.

    Walks ``**/index.html`` (MkDocs' directory URLs); the sitemap must list the same pages.
    """
    site = site or site_dir()
    if site_problem(site):
        return []
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def sitemap_pages(site: Path) -> list[str]:
    """The pages the sitemap lists, as URL paths relative to the site root."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    if not locs:
        return []
    base = os.path.commonprefix(locs)
    base = base[: base.rfind("/") + 1]
    return sorted(loc[len(base) :] for loc in locs)


def page_label(page: str) -> str:
    """A readable test id for a page: 'home' or its URL path."""
    return page or "home"


def page_file(site: Path, page: str) -> Path:
    return site / page / "index.html"


def source_of(page: str) -> Path | None:
    """The docs/ source a page was built from (Markdown or notebook), if found."""
    stem = page.rstrip("/")
    candidates = (
        [DOCS / "index.md"]
        if not stem
        else [DOCS / f"{stem}.md", DOCS / f"{stem}.ipynb", DOCS / stem / "index.md", DOCS / stem / "README.md"]
    )
    return next((c for c in candidates if c.is_file()), None)


def describe_page(page: str) -> str:
    """'training/selu/ (docs/training/selu.md)': how failure messages name a page."""
    src = source_of(page)
    where = f" ({src.relative_to(ROOT).as_posix()})" if src else ""
    return f"page {page_label(page)}{where}"


def screenshot_name(page: str, device: str) -> str:
    return (page.strip("/").replace("/", "--") or "home") + f"-{device}.png"


# --- static HTML -------------------------------------------------------------


@dataclass
class ParsedPage:
    """What the link, heading and image checks need from one HTML file."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, int]] = field(default_factory=list)  # (attribute, url, line)
    nav_links: list[str] = field(default_factory=list)  # hrefs inside the primary navigation
    headings: list[tuple[int, str, int]] = field(default_factory=list)  # (level, text, line) in the article
    images: list[tuple[str, str | None, int]] = field(default_factory=list)  # (src, alt, line)
    code_blocks: int = 0  # <pre> elements in the article


class PageParser(HTMLParser):
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "param",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.stack: list[tuple[str, set[str]]] = []  # (tag, roles: 'nav', 'article')
        self.heading: list | None = None

    def _in(self, role: str) -> bool:
        return any(role in roles for _, roles in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        line = self.getpos()[0]
        for key in ("id", "name") if tag in {"a"} else ("id",):
            if a.get(key):
                self.page.ids.add(a[key])
        for key in ("href", "src"):
            if a.get(key) is not None and tag in {"a", "link", "img", "script", "source", "iframe", "area"}:
                self.page.links.append((f"{tag}[{key}]", a[key], line))
        classes = set((a.get("class") or "").split())
        roles = set()
        if tag == "nav" and "md-nav--primary" in classes:
            roles.add("nav")
        if tag == "article" and "md-content__inner" in classes:
            roles.add("article")
        if tag == "a" and self._in("nav") and a.get("href") is not None:
            self.page.nav_links.append(a["href"])
        if self._in("article") or "article" in roles:
            if re.fullmatch(r"h[1-6]", tag):
                self.heading = [int(tag[1]), "", line]
            elif tag == "img":
                self.page.images.append((a.get("src") or "", a.get("alt"), line))
            elif tag == "pre":
                self.page.code_blocks += 1
        if tag not in self.VOID:
            self.stack.append((tag, roles))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if self.heading is not None and tag == f"h{self.heading[0]}":
            self.page.headings.append(
                (self.heading[0], " ".join(self.heading[1].split()).rstrip("¶ "), self.heading[2])
            )
            self.heading = None
        for i in range(len(self.stack) - 1, -1, -1):  # tolerate unclosed elements
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.heading is not None:
            self.heading[1] += data


@functools.lru_cache(maxsize=256)
def parse_html(path: Path) -> ParsedPage:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def site_base_path(site: Path) -> str:
    """The path part of site_url ('/proven-answers/'), used by 404.html's absolute links."""
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    home = min(locs, key=len) if locs else "/"
    return urlsplit(home).path or "/"


def resolve_link(site: Path, html: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment a link of ``html`` points to, or None for a link off the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None  # http(s):, mailto:, data:, javascript: ...
    path = unquote(parts.path)
    if not path:
        target = html
    elif path.startswith("/"):
        base = site_base_path(site)
        if not path.startswith(base):
            return (site / "__outside_the_site__" / path.lstrip("/"), parts.fragment)
        target = site / path[len(base) :]
    else:
        target = html.parent / path
    target = Path(os.path.normpath(target))
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> tuple[list[str], int]:
    """Every internal link or anchor of the built HTML whose target is missing; and the number checked."""
    problems, checked = [], 0
    for html in sorted(site.rglob("*.html")):
        page = parse_html(html)
        rel = html.relative_to(site).as_posix()
        for attr, url, line in page.links:
            resolved = resolve_link(site, html, url)
            if resolved is None:
                continue
            checked += 1
            target, fragment = resolved
            if not target.is_file():
                shown = target.relative_to(site).as_posix() if target.is_relative_to(site) else target
                problems.append(f"{rel}:{line}: {attr}={url!r}: no file {shown}")
                continue
            if fragment and target.suffix == ".html" and fragment not in parse_html(target).ids:
                problems.append(
                    f"{rel}:{line}: {attr}={url!r}: no id {fragment!r} in {target.relative_to(site).as_posix()}"
                )
    return problems, checked


def nav_pages(site: Path) -> set[str]:
    """The pages the primary navigation of any built page links to (URL paths from the site root)."""
    found = set()
    for page in site_pages(site):
        html = page_file(site, page)
        for href in parse_html(html).nav_links:
            resolved = resolve_link(site, html, href)
            if resolved is None or not resolved[0].is_file() or resolved[0].name != "index.html":
                continue
            rel = resolved[0].parent.relative_to(site).as_posix()
            found.add("" if rel == "." else rel + "/")
    return found


def heading_problems(headings: list[tuple[int, str, int]]) -> list[str]:
    """Skipped levels (h2 then h4) or an article that does not start with its one h1."""
    problems = []
    if not headings:
        return ["the article has no heading"]
    if headings[0][0] != 1:
        problems.append(f"line {headings[0][2]}: the first heading is h{headings[0][0]} ({headings[0][1]!r}), not h1")
    h1 = [h for h in headings if h[0] == 1]
    if len(h1) > 1:
        problems.append("more than one h1: " + ", ".join(f"{t!r} (line {n})" for _, t, n in h1))
    for (prev, _, _), (level, text, line) in zip(headings, headings[1:], strict=False):
        if level > prev + 1:
            problems.append(f"line {line}: h{level} {text!r} follows h{prev}: level h{prev + 1} skipped")
    return problems


# --- search terms --------------------------------------------------------------

STOP_WORDS = set(
    """a able about across after all almost also am among an and any are as at be because been
but by can cannot could dear did do does either else ever every for from get got had has have he her hers him
his how however i if in into is it its just least let like likely may me might most must my neither no nor not
of off often on only or other our own rather said say says she should since so some than that the their them
then there these they this tis to too twas us wants was we were what when where which while who whom why will
with would yet you your""".split()
)


def _tokens(text: str, separator: str) -> list[str]:
    """Words as Material's search index holds them: split on its separator, lower case.

    Material's lunr pipeline is only ``stopWordFilter``: no trimmer, no stemmer, so
    ``(biased)`` is indexed with its brackets and a search for ``biased`` misses it.
    """
    text = re.sub(r"<[^>]+>", " ", text)
    return [w.lower() for w in re.split(separator, text) if w]


def search_terms(site: Path) -> dict[str, str]:
    """For each page with body text, a word to search for: one found in that page's body only.

    Picked deterministically from the search index: a word of at least six letters (and
    nothing else), not a stop word nor in the page's titles, that no other page contains
    (its most frequent one, then alphabetical). A page none of whose body words is its
    own gets its most frequent such word; a page without body text gets none.
    """
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = index.get("config", {}).get("separator", r"[\s\-]+")
    body: dict[str, Counter] = {}
    everywhere: dict[str, set[str]] = {}
    titles: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        words = _tokens(doc.get("text", ""), separator)
        title = _tokens(doc.get("title", ""), separator)
        body.setdefault(page, Counter()).update(words)
        titles.setdefault(page, set()).update(title)
        for w in words + title:
            everywhere.setdefault(w, set()).add(page)
    terms = {}
    for page, counts in body.items():
        good = [w for w in counts if re.fullmatch(r"[a-z]{6,}", w) and w not in STOP_WORDS and w not in titles[page]]
        own = [w for w in good if everywhere[w] == {page}]
        pool = own or good
        if pool:
            terms[page] = min(pool, key=lambda w: (-counts[w], w))
    return terms


# --- the local server ----------------------------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class SiteServer:
    """``python -m http.server`` for one directory, in a thread, on 127.0.0.1 and a free port."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- the browser ---------------------------------------------------------------

CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--window-size=1366,900",
    # a desktop with a mouse: headless Chromium reports (hover: none), and Material then
    # leaves scrollable code blocks out of the keyboard's reach (no tabindex)
    "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
]
DESKTOP = (1366, 900)
PHONE = (390, 844)


def browser_problem() -> str | None:
    """Why the browser tests cannot run here, or None."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        return f"{' and '.join(missing)} not found: install them with `{INSTALL_HINT}`"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


class Browser:
    """One headless Chromium for a test session, with its console and network logs."""

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="proven-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROME_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_script_timeout(120)
        self.driver.set_page_load_timeout(60)
        self.base = ""
        self.driver.get("about:blank")
        self.drain()

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def use_server(self, base: str) -> None:
        self.base = base
        self.driver.execute_cdp_cmd(
            "Browser.grantPermissions",
            {"origin": base.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
        )

    def drain(self) -> None:
        """Forget the logs so far (they belong to an earlier page)."""
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def load(self, page: str, width_height: tuple[int, int] = DESKTOP) -> None:
        """Open a page of the local site and wait until Material's scripts have run."""
        self.driver.get("about:blank")  # so that resizing does not lay out the previous page again
        self.viewport(*width_height)
        self.drain()
        self.driver.get(self.base + page)
        self.wait(
            lambda d: d.execute_script(
                "return document.readyState === 'complete' && document.body.hasAttribute('data-md-color-scheme')"
                " && [...document.images].every(i => i.complete)"
            ),
            20,
            f"{page_label(page)} did not finish loading",
        )

    def wait(self, condition, seconds: float, message: str):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, seconds, poll_frequency=0.05).until(condition, message)

    def viewport(self, width: int, height: int, mobile: bool | None = None) -> None:
        mobile = width < 600 if mobile is None else mobile
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )

    def logs(self) -> tuple[list[str], list[str]]:
        """(console errors, requests off the local server) since the last drain."""
        errors = [
            f"{e.get('source', '')}: {e['message']}"
            for e in self.driver.get_log("browser")
            if e.get("level") == "SEVERE"
        ]
        off = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
            elif message["method"] == "Network.webSocketCreated":
                url = message["params"]["url"]
            else:
                continue
            if not is_local(url, self.base):
                off.append(url if len(url) < 200 else url[:200] + "...")
        return errors, off

    def scheme(self) -> str:
        return self.driver.execute_script("return document.body.getAttribute('data-md-color-scheme')")

    def toggle_palette(self) -> str:
        """Click the header's light/dark toggle, as a reader would; returns the new scheme."""
        from selenium.webdriver.common.by import By

        before = self.scheme()
        toggles = [
            t
            for t in self.driver.find_elements(By.CSS_SELECTOR, "form[data-md-component=palette] label")
            if t.is_displayed()
        ]
        assert len(toggles) == 1, f"expected one visible palette toggle, found {len(toggles)}"
        toggles[0].click()
        self.wait(
            lambda d: self.scheme() != before,
            5,
            f"clicking the palette toggle ({toggles[0].get_attribute('title')!r}) left the scheme {before!r}",
        )
        return self.scheme()

    def set_scheme(self, scheme: str) -> None:
        for _ in range(3):
            if self.scheme() == scheme:
                return
            self.toggle_palette()
        raise AssertionError(f"the palette toggle never reached the scheme {scheme!r}")

    def screenshot(self, path: Path, width: int, height: int, max_height: int) -> int:
        """Save a PNG of the page ``width`` wide, full height up to ``max_height``; returns its height.

        The viewport is stretched to the page's height (one layout, no stitching), then restored.
        """
        self.viewport(width, height)
        self.driver.execute_script("window.scrollTo(0, 0)")
        full = self.driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)"
        )
        shot_height = max(height, min(int(full), max_height))
        self.viewport(width, shot_height, mobile=width < 600)
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        self.viewport(width, height)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return shot_height


def is_local(url: str, base: str) -> bool:
    scheme = urlsplit(url).scheme
    return scheme in {"data", "blob", "about"} or url.startswith(base)


# JavaScript run in the page ------------------------------------------------------

JS_MATH = r"""
// Visible text outside code, gathered per block (a paragraph, a list item, a cell...), searched for
// TeX that was not typeset: $$, \( \) \[ \], \begin{, \frac{, or $...$ holding a command, _ or ^.
const article = document.querySelector('article.md-content__inner') || document.body;
const skip = 'pre, code, script, style, textarea, .katex, .highlight, .highlight-ipynb, .clipboard-copy-txt';
const blocks = 'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, figcaption, summary, div';
const texts = new Map();
// the whole page: the article, and also the navigation, the table of contents and the header
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || el.closest(skip) || !el.getClientRects().length) continue;  // code, math, or not rendered
  const block = el.closest(blocks) || document.body;
  texts.set(block, (texts.get(block) || '') + n.data.replace(/\s+/g, ' '));
}
const patterns = [/\$\$|\\\(|\\\)|\\\[|\\\]|\\begin\{|\\frac\{/, /\$[^$]{0,400}?(\\[A-Za-z]+|[_^])[^$]{0,400}?\$/];
const raw = [];
for (const text of texts.values()) {
  for (const pattern of patterns) {
    const m = text.match(pattern);
    if (m) { raw.push(text.slice(Math.max(0, m.index - 30), m.index + 70).replace(/\s+/g, ' ').trim()); break; }
  }
}
const untypeset = [...article.querySelectorAll('.arithmatex')].filter(e => !e.querySelector('.katex'))
  .map(e => e.textContent.slice(0, 80));
const errors = [...article.querySelectorAll('.katex-error')].map(e => e.textContent.slice(0, 80));
return {katex: article.querySelectorAll('.katex').length, raw, untypeset, errors};
"""

JS_IMAGES = """
return [...document.images].map(img => ({
  src: img.getAttribute('src') ? img.getAttribute('src').slice(0, 80) : '',
  alt: img.getAttribute('alt'),
  complete: img.complete, width: img.naturalWidth}));
"""

JS_CLIPBOARD_READ = """
const done = arguments[arguments.length - 1];
navigator.clipboard.readText().then(done, e => done('CLIPBOARD READ FAILED: ' + e));
"""

JS_REVEAL = """
// Make a code block visible as a reader would: open the <details> and select the tab that hold it.
const pre = arguments[0];
for (let d = pre.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
const labels = [];
for (let block = pre.closest('.tabbed-block'); block; block = block.parentElement.closest('.tabbed-block')) {
  const set = block.closest('.tabbed-set');
  const index = [...block.parentElement.children].indexOf(block);
  const label = set.querySelectorAll(':scope > .tabbed-labels > label')[index];
  if (label) labels.unshift(label);
}
return labels;
"""

JS_AXE = """
const done = arguments[arguments.length - 1];
// KaTeX's HTML rendering is aria-hidden (readers of assistive technology get its MathML) and takes
// its colours from the text around it, which is checked: leaving it out saves a third of the time.
axe.run({exclude: [['.katex-html']]}, Object.assign({resultTypes: ['violations']}, arguments[0]))
  .then(r => done(r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                summary: (n.failureSummary || '').split('\\n').slice(0, 3).join(' ')}))}))),
        e => done('AXE FAILED: ' + e));
"""


# --- reproducibility ------------------------------------------------------------

MEASURED_START = re.compile(  # an element whose class list holds "measured"
    r"""<(?P<tag>[a-zA-Z][\w-]*)\b[^>]*\bclass=(?P<q>["'])(?:[^"']*\s)?measured(?:\s[^"']*)?(?P=q)[^>]*>"""
)
LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")
MEASURED = "[measured]"


def measured_spans(html: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of every element with class ``measured``, outermost only."""
    spans = []
    pos = 0
    while True:
        m = MEASURED_START.search(html, pos)
        if not m:
            return spans
        tag = m["tag"]
        depth, i = 1, m.end()
        token = re.compile(rf"<(/?){re.escape(tag)}\b[^>]*?(/?)>", re.IGNORECASE)
        end = len(html)
        for t in token.finditer(html, m.end()):
            if t[2]:
                continue
            depth += -1 if t[1] else 1
            if depth == 0:
                end = t.start()
                i = t.end()
                break
        else:
            i = len(html)
        spans.append((m.end(), end, html[m.end() : end]))
        pos = i


def normalise_html(html: str) -> tuple[str, list[str]]:
    """The page with the content of every ``measured`` element replaced; and those contents."""
    out, last, values = [], 0, []
    for start, end, inner in measured_spans(html):
        out.append(html[last:start] + MEASURED)
        values.append(inner)
        last = end
    out.append(html[last:])
    return "".join(out), values


def _text_of(inner: str) -> str:
    return html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", inner).split()))


def _mask_pair(ta: str, tb: str, va: list[str], vb: list[str]) -> tuple[str, str]:
    """Mask the measured values of one page in two builds' texts of it, value by value in page order.

    A value is masked where build A has its value and build B its own at the same place: after text
    identical in both since the previous masked value. The same digits elsewhere are left alone
    (a value "2.00" is not masked in "-2.002", since B does not have its value there), and a real
    difference before a value leaves it unmasked, so the texts still differ and the difference is
    reported."""
    out_a, out_b, pa, pb = [], [], 0, 0
    for a_value, b_value in zip(va, vb, strict=False):
        found = None
        for fa, fb in dict.fromkeys(
            ((a_value, b_value), (_text_of(a_value), _text_of(b_value)), (a_value.strip(), b_value.strip()))
        ):
            if not fa or not fb:
                continue
            at = ta.find(fa, pa)
            while at >= 0:
                bt = pb + (at - pa)
                if tb.startswith(fb, bt) and ta[pa:at] == tb[pb:bt]:
                    found = (at, bt, fa, fb)
                    break
                at = ta.find(fa, at + 1)
            if found:
                break
        if found is None:
            continue  # not in the index (or not in this form): nothing to mask
        at, bt, fa, fb = found
        out_a.append(ta[pa:at] + MEASURED)
        out_b.append(tb[pb:bt] + MEASURED)
        pa, pb = at + len(fa), bt + len(fb)
    return "".join(out_a) + ta[pa:], "".join(out_b) + tb[pb:]


def normalise_search_indexes(text_a: str, text_b: str, measured_a: dict, measured_b: dict) -> tuple[str, str]:
    """Two builds' search indexes with the measured values masked, pretty-printed.

    ``measured_a`` and ``measured_b`` map a page ('training/activations/') to the contents of its
    measured elements in page order. The index holds a page as several entries (one per section),
    their text stripped of tags, so a value cannot be told from the same digits elsewhere by its
    markup: the two builds are masked together (:func:`_mask_pair`).
    """
    data_a, data_b = json.loads(text_a), json.loads(text_b)
    sep = "\x00"
    pages: dict[str, tuple[list[dict], list[dict]]] = {}
    for data, side in ((data_a, 0), (data_b, 1)):
        for doc in data.get("docs", []):
            pages.setdefault(str(doc.get("location", "")).split("#")[0], ([], []))[side].append(doc)
    for page, (entries_a, entries_b) in pages.items():
        va, vb = measured_a.get(page), measured_b.get(page)
        if not va or not vb or len(entries_a) != len(entries_b):
            continue  # nothing to mask, or the entries differ anyway (reported by the comparison)
        ja = sep.join(str(e.get("text", "")) for e in entries_a)
        jb = sep.join(str(e.get("text", "")) for e in entries_b)
        ma, mb = _mask_pair(ja, jb, va, vb)
        for entries, masked in ((entries_a, ma), (entries_b, mb)):
            for entry, text in zip(entries, masked.split(sep), strict=True):
                entry["text"] = text
    return tuple(json.dumps(d, indent=1, sort_keys=True, ensure_ascii=False) for d in (data_a, data_b))


@dataclass
class Difference:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)  # the gzip header's timestamp is not content
    return data


def _first_difference(a: str, b: str) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for n, (x, y) in enumerate(zip(la, lb, strict=False), start=1):
        if x != y:
            col = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
            lo = max(0, col - 60)
            return (
                f"first difference at line {n}, column {col + 1}:\n"
                f"    - {x[lo : col + 100]!r}\n    + {y[lo : col + 100]!r}"
            )
    n = min(len(la), len(lb)) + 1
    return f"first difference at line {n}: one build has {len(la)} lines, the other {len(lb)}"


def compare_sites(a: Path, b: Path) -> list[Difference]:
    """Differences between two builds of the site, apart from dates and measured values.

    Set aside: the ``<lastmod>`` dates of ``sitemap.xml`` (and its ``.gz``, compared
    decompressed), the content of elements with class ``measured`` in HTML pages, and
    the same measured values where the search index repeats them. Everything else must
    be byte-identical. Returns one :class:`Difference` per differing file, naming the
    first differing line, and per file present in only one build.
    """
    a, b = Path(a), Path(b)
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    diffs = [Difference(f, f"only in {a}") for f in sorted(files_a - files_b)]
    diffs += [Difference(f, f"only in {b}") for f in sorted(files_b - files_a)]
    measured: dict[Path, dict[str, list[str]]] = {a: {}, b: {}}  # build -> page -> values
    later = []
    for rel in sorted(files_a & files_b):
        pa, pb = a / rel, b / rel
        if rel.endswith("search_index.json"):
            later.append(rel)
            continue
        da, db = _read(pa), _read(pb)
        if rel.endswith(".html"):
            ta, ma = normalise_html(da.decode("utf-8", "replace"))
            tb, mb = normalise_html(db.decode("utf-8", "replace"))
            page = rel[: -len("index.html")] if rel.endswith("index.html") else rel
            measured[a][page], measured[b][page] = ma, mb
        elif "sitemap.xml" in rel:
            ta = LASTMOD.sub("<lastmod>DATE</lastmod>", da.decode("utf-8", "replace"))
            tb = LASTMOD.sub("<lastmod>DATE</lastmod>", db.decode("utf-8", "replace"))
        else:
            if da == db:
                continue
            ta, tb = da.decode("utf-8", "replace"), db.decode("utf-8", "replace")
            if ta == tb:  # differing bytes that decode alike: binary
                diffs.append(Difference(rel, "binary content differs"))
                continue
        if ta != tb:
            diffs.append(Difference(rel, _first_difference(ta, tb)))
    for rel in later:
        ta, tb = normalise_search_indexes(
            (a / rel).read_text(encoding="utf-8"), (b / rel).read_text(encoding="utf-8"), measured[a], measured[b]
        )
        if ta != tb:
            diffs.append(Difference(rel, _first_difference(ta, tb)))
    return diffs


# --- parametrising tests by page ---------------------------------------------------


def page_params(pages: list[str] | None = None, what: str = "pages"):
    """``pytest.param`` per page, with readable ids. With no site, or no page to check,
    one placeholder parameter whose test fails saying why (a gate never skips silently)."""
    import pytest

    if pages is None:
        pages = site_pages()
    if site_problem():
        return [pytest.param(None, id="no-built-site")]
    if not pages:
        return [pytest.param(NoPage(f"the built site {site_dir()} has no {what}"), id=f"no-{what.replace(' ', '-')}")]
    return [pytest.param(p, id=page_label(p)) for p in pages]


class NoPage(str):
    """Placeholder parameter: the site has nothing of the kind this test checks."""


def require_page(page) -> str:
    import pytest

    if isinstance(page, NoPage):
        pytest.fail(str(page), pytrace=False)
    return page
