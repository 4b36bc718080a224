"""Typeset the formulas of a built page with KaTeX, at build time.

``pymdownx.arithmatex`` (generic mode) leaves ``\\(...\\)`` in
``<span class="arithmatex">`` and ``\\[...\\]`` in ``<div class="arithmatex">``.
This module renders each to KaTeX's HTML+MathML, one request per page to one
Node.js process per build (starting Node costs about as much as typesetting a
page, so a process per page made startup a sixth of a warm build), so a
reader's browser needs no script and no network to see typeset math, and
an invalid formula fails the build with the page and line it was written on.
KaTeX itself comes from the npm registry (``package.json``/``package-lock.json``).
"""

from __future__ import annotations

import atexit
import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_name("katex_render.cjs")
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"

ARITHMATEX = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL)
DELIMS = {"span": (r"\(", r"\)"), "div": (r"\[", r"\]")}
# a wide display formula scrolls sideways; keyboard users must be able to reach it
FOCUSABLE = 'tabindex="0"'


class FormulaError(Exception):
    def __init__(self, tex: str, message: str) -> None:
        self.tex, self.message = tex, message
        super().__init__(message)


def require_katex() -> None:
    if shutil.which("node") is None:
        raise RuntimeError("Node.js is needed to typeset math at build: install node and npm")
    if not (KATEX_DIST / "katex.min.css").is_file():
        raise RuntimeError("KaTeX is not installed: run `npm ci` in the repository root")


class _Renderer:
    """The Node.js process of ``katex_render.cjs``: started on first use, reused until :func:`close`.
    (MkDocs renders pages one after another, on one thread.)"""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None

    def __call__(self, payload: str) -> list[dict]:
        if self.proc is None or self.proc.poll() is not None:
            self.errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a pipe could fill and block
            self.proc = subprocess.Popen(
                ["node", str(SCRIPT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.errors,
                text=True,
                encoding="utf-8",
            )
        proc = self.proc
        try:
            proc.stdin.write(payload + "\n")
            proc.stdin.flush()
            answer = proc.stdout.readline()
        except OSError:  # BrokenPipeError included
            answer = ""
        if not answer:
            self.proc = None
            proc.kill()
            code = proc.wait()
            self.errors.seek(0)
            err = self.errors.read().strip()
            raise RuntimeError(f"KaTeX renderer failed (exit {code}): {err or 'no output'}")
        return json.loads(answer)

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None:
            proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            self.errors.close()


_renderer = _Renderer()
atexit.register(_renderer.close)


def close() -> None:
    """End the renderer's process (the build hook does, after each build); the next call starts one."""
    _renderer.close()


def typeset(items: list[tuple[str, bool]]) -> list[dict]:
    if not items:
        return []
    results = _renderer(json.dumps([{"tex": t, "display": d} for t, d in items]))
    if len(results) != len(items):
        raise RuntimeError(f"KaTeX renderer answered {len(results)} results for {len(items)} formulas")
    return results


def render_html(content: str) -> str:
    """Replace every arithmatex element of ``content`` with KaTeX output.

    Raises FormulaError for the first formula KaTeX rejects.
    """
    found = []
    for m in ARITHMATEX.finditer(content):
        left, right = DELIMS[m["tag"]]
        body = html.unescape(m["body"]).strip()
        if not (body.startswith(left) and body.endswith(right)):
            raise FormulaError(body, f"arithmatex element without {left} {right} delimiters")
        found.append((m, body[len(left) : -len(right)].strip(), m["tag"] == "div"))
    results = typeset([(tex, display) for _, tex, display in found])
    out, last = [], 0
    for (m, tex, display), res in zip(found, results, strict=True):
        if "error" in res:
            raise FormulaError(tex, res["error"])
        out.append(content[last : m.start()])
        out.append(
            f'<div class="arithmatex" {FOCUSABLE}>{res["html"]}</div>'
            if display
            else f'<span class="arithmatex">{res["html"]}</span>'
        )
        last = m.end()
    out.append(content[last:])
    return "".join(out)


# TeX that arithmatex did not recognise (a ``$$`` block glued to a paragraph, say)
# reaches the reader as raw text. After typesetting, none may be left outside code.
_SKIP = re.compile(r"<(pre|code|script|style|annotation)\b.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
LEFTOVER = re.compile(r"\$\$|\$(?=\S)[^$\n<]{1,200}?(?<=\S)\$|\\[()\[\]]|\\begin\{")


def leftover_tex(content: str) -> str | None:
    """The first piece of raw TeX left in the text of ``content`` (outside code), if any."""
    text = html.unescape(_TAG.sub(" ", _SKIP.sub(" ", content)))
    m = LEFTOVER.search(text)
    if not m:
        return None
    return text[m.start() : m.start() + 160]


def leftover_line(source: str, leftover: str) -> int:
    """The line of ``source`` that the raw TeX ``leftover`` most likely came from."""
    for probe in leftover.splitlines():
        probe = probe.strip()
        if len(probe) > 3 and probe in source:
            return find_line(source, probe)
    return find_line(source, leftover.strip().split()[0])


def find_line(source: str, tex: str) -> int:
    """The 1-based line of ``source`` where ``tex`` starts (0 if not found)."""
    probe = tex.strip().splitlines()[0].strip() if tex.strip() else tex
    index = source.find(probe)
    return source.count("\n", 0, index) + 1 if index >= 0 else 0


# --- notebook pages ----------------------------------------------------------
# mkdocs-jupyter leaves notebook math as raw $...$ text and adds a MathJax
# loader (with an empty or CDN URL) and a Mermaid loader from a CDN. Both are
# removed, and the math is typeset like the Markdown pages' math.

NB_MARKDOWN = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput"[^>]*>)(.*?)(</div>)', re.DOTALL
)
NB_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>(?:[^$\n]|\n(?![ \t]*\n))+?)\$", re.DOTALL)
NB_SCRIPTS = [
    re.compile(r"<!-- Load mathjax -->\s*<script src=\"[^\"]*\">\s*</script>"),
    re.compile(
        r"<!-- MathJax configuration -->\s*<script type=\"text/x-mathjax-config\">.*?</script>\s*"
        r"<!-- End of mathjax configuration -->",
        re.DOTALL,
    ),
    re.compile(r"<script type=\"text/x-mathjax-config\">.*?</script>", re.DOTALL),
    re.compile(r"<script type=\"module\">(?:(?!</script>).)*?cdnjs\.cloudflare\.com.*?</script>", re.DOTALL),
]


def render_notebook_html(page_html: str) -> str:
    for pattern in NB_SCRIPTS:
        page_html = pattern.sub("", page_html)
    page_html = page_html.replace('<div class="highlight-ipynb', f'<div {FOCUSABLE} class="highlight-ipynb')
    cells = list(NB_MARKDOWN.finditer(page_html))
    found = []
    for cell in cells:
        for m in NB_MATH.finditer(cell.group(2)):
            display = m["display"] is not None
            tex = html.unescape(m["display"] if display else m["inline"]).strip()
            found.append((cell, m, tex, display))
    results = typeset([(tex, display) for _, _, tex, display in found])
    errors = [(tex, r["error"]) for (_, _, tex, _), r in zip(found, results, strict=True) if "error" in r]
    if errors:
        raise FormulaError(*errors[0])
    rendered = iter(results)
    out, last = [], 0
    for cell in cells:
        body = NB_MATH.sub(
            lambda m: (
                f'<div class="arithmatex" {FOCUSABLE}>{next(rendered)["html"]}</div>'
                if m["display"] is not None
                else f'<span class="arithmatex">{next(rendered)["html"]}</span>'
            ),
            cell.group(2),
        )
        out.append(page_html[last : cell.start(2)])
        out.append(body)
        last = cell.end(2)
    out.append(page_html[last:])
    return "".join(out)
