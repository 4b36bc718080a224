"""MkDocs hooks: check, label and count executable blocks; typeset math.

Named in ``mkdocs.yml`` under ``hooks:``. What each event does:

* ``on_config``: fail early without KaTeX; attach a log filter that turns
  markdown-exec's failure warning into ``page.md:LINE`` (and ``snippet.py:LINE``
  for an included file); record which blocks markdown-exec really executes.
* ``on_files``: parse every page with :mod:`proven.blocks` (a malformed fence, an
  unknown option or a missing include stops the build, naming file and line);
  add each page's code as a downloadable script, and KaTeX's CSS and fonts.
* ``on_nav``: collect each question's title and one-line ``answer`` (front
  matter) for the table of questions on the home page.
* ``on_page_markdown``: give each executable fence the id ``page.md:LINE`` and a
  session name scoped to its page; add the download link under the title.
* ``on_page_content`` / ``on_post_page``: check that every number of a page's
  Short answer is in what its blocks printed (:mod:`proven.short_answer`); typeset
  math with KaTeX (in notebook pages, also drop mkdocs-jupyter's MathJax and CDN
  Mermaid loaders).
* ``on_post_build``: write ``build/executed-blocks.json`` (compared with what the
  tests ran) and log the count.

Every page with code, and every notebook, also gets a "Proved with" line under its title
(:mod:`proven.provenance`): the versions its code ran with, and in how many numerical
environments of the portability run (:mod:`proven.portability`) it passed, read from that
run's results in ``build/portability/``; and a requirements file pinning those versions.
With ``PROVEN_REQUIRE_PORTABILITY=1`` (``./dev.sh test`` and the deployment) a page whose
code has not passed in every environment, with the code as it is now, fails the build.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from proven import blocks as B  # noqa: E402
from proven import execution, katex, provenance, short_answer  # noqa: E402
from proven import portability as P  # noqa: E402

log = logging.getLogger("mkdocs.hooks.proven")
MANIFEST = B.ROOT / "build" / "executed-blocks.json"
ID_PREFIX = "proven:"

_blocks: dict[str, B.Block] = {}  # block id -> block
_executed: list[str] = []  # ids in execution order
_scripts: dict[str, str] = {}  # page src_uri -> script uri
_seconds: dict[str, float] = {}  # block id -> execution time
_outputs: dict[str, str] = {}  # block id -> what it printed (markdown-exec's result)
_failed: set[str] = set()  # block ids that raised
_portability: dict[str, dict[str, dict]] = {}  # unit -> environment -> fresh result of the portability run
_executor: execution.Executor | None = None  # runs this build's code (see proven/execution.py)
_rendered_nb: set[str] = set()  # notebooks rendered in this build (src_uri)
#: PROVEN_EXECUTE=false builds the site without running any block (benchmarks only:
#: outputs are missing, and the build says so).
EXECUTE = os.environ.get("PROVEN_EXECUTE", "true").lower() not in {"0", "false", "no", "off"}
#: PROVEN_REQUIRE_PORTABILITY=1: every page's code must have passed the portability run, as it is now.
REQUIRE_PORTABILITY = os.environ.get("PROVEN_REQUIRE_PORTABILITY", "").lower() in {"1", "true", "yes", "on"}


def _run(code: str, returncode=None, session=None, id=None, **extra) -> str:  # noqa: A002
    """What markdown-exec runs for a ``python exec="on"`` block: its result, from the executor.

    Registered through markdown-exec's public ``formatters`` and ``base_format``: markdown-exec renders
    the source and the result; the code itself ran in a fresh interpreter (``proven/execution.py``),
    in parallel with the rendering, or its result came from the edit-loop cache.
    """
    from markdown_exec import ExecutionError

    ident = id[len(ID_PREFIX) :] if id and id.startswith(ID_PREFIX) else None
    block = _blocks.get(ident) if ident else None
    if block is None:
        raise PluginError(f"markdown-exec ran a block the block parser did not find: {id or code[:60]!r}")
    _executed.append(ident)
    if code.strip("\n") != block.code.strip("\n"):
        raise PluginError(f"{ident}: the code markdown-exec sees differs from the code the block parser expanded")
    if not EXECUTE:
        return ""
    try:
        result = _executor.block(block)
    except execution.ExecutionFailed as err:
        raise PluginError(str(err)) from err
    _seconds[ident] = result.get("seconds", 0.0)
    if not result["ok"]:
        _failed.add(ident)
        log.warning(
            f"{ident}: code block failed at {result.get('where', ident)}: {result.get('head', '')}\n{result['error']}"
        )
        raise ExecutionError(result["error"])
    _outputs[ident] = result["output"]
    return result["output"]


def _format_python(**kwargs):
    from markdown_exec import base_format

    return base_format(language="python", run=_run, **kwargs)


class _DirtyNotice(logging.Filter):
    """MkDocs warns at every ``--dirty`` build that a dirty build is being performed, and strict mode (this
    site's ``strict: true``) turns any warning into an aborted build, so ``mkdocs serve --dirty`` could never
    build. The notice is expected there: it is shown once, at info level, and every other warning still counts."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command, dirty):
    execution.DIRTY = dirty  # kept in proven.execution: MkDocs reloads this module at every rebuild
    if dirty:
        build_log = logging.getLogger("mkdocs.commands.build")
        if not any(type(f).__name__ == "_DirtyNotice" for f in build_log.filters):
            build_log.addFilter(_DirtyNotice())
        log.info(
            "proven: dirty rebuilds: only the pages whose source or code results changed are rebuilt "
            "(navigation and links on other pages may lag until a full build)"
        )


def on_config(config):
    katex.close()  # a rebuild under serve starts a fresh renderer and reads the installed packages afresh
    provenance.clear_caches()
    try:
        katex.require_katex()
    except RuntimeError as err:
        raise PluginError(str(err)) from err
    import markdown_exec

    markdown_exec.formatters["python"] = _format_python
    css = "assets/katex/katex.min.css"
    if css not in config.extra_css:
        config.extra_css.append(css)
    return config


def on_pre_build(config):
    _blocks.clear()
    _executed.clear()
    _scripts.clear()
    _seconds.clear()
    _outputs.clear()
    _failed.clear()
    _rendered_nb.clear()
    _portability.clear()
    _portability.update(P.fresh_results())
    if not EXECUTE:
        log.info("proven: PROVEN_EXECUTE=false: code blocks are NOT executed; pages lack their outputs")


def script_uri(src_uri: str) -> str:
    return src_uri[: -len(".md")] + ".py"


def on_files(files: Files, config):
    for file in list(files):
        if not file.src_uri.endswith(".md"):
            continue
        path = Path(file.abs_src_path)
        try:
            page_blocks = B.executable_blocks(path)
        except B.BlockError as err:
            raise PluginError(str(err)) from err
        for block in page_blocks:
            _blocks[block.ident] = block
        if page_blocks:
            uri = script_uri(file.src_uri)
            _scripts[file.src_uri] = uri
            files.append(File.generated(config, uri, content=B.page_script(path)))
            _add_requirements(files, config, file)
    notebooks = [f for f in files if f.src_uri.endswith(".ipynb")]
    for file in notebooks:
        _add_requirements(files, config, file)
    _start_execution(files, notebooks)
    for asset in sorted(katex.KATEX_DIST.glob("katex.min.css")) + sorted((katex.KATEX_DIST / "fonts").glob("*.woff2")):
        uri = "assets/katex/" + asset.relative_to(katex.KATEX_DIST).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(asset)))
    return files


def _start_execution(files: Files, notebooks: list[File]) -> None:
    """Start running every block and notebook now, in parallel, before any page is rendered."""
    global _executor
    if _executor is not None:
        _executor.close()
        _executor = None
    if not EXECUTE:
        return
    by_page: dict[str, list[B.Block]] = {}
    for block in _blocks.values():
        by_page.setdefault(block.page, []).append(block)
    _executor = execution.Executor()
    _executor.plan(by_page, [Path(f.abs_src_path) for f in notebooks])
    if _executor.use_cache:
        log.info(
            "proven: edit-loop cache on (.cache/proven/): results whose code, session, packages and numerical "
            "environment are unchanged are reused"
        )
    if execution.DIRTY:  # mkdocs serve --dirty: also rebuild the pages whose results changed since last shown
        for file in files:
            if file.src_uri.endswith((".md", ".ipynb")) and _executor.needs_render(B.rel(Path(file.abs_src_path))):
                file.is_modified = lambda: True


def _add_requirements(files: Files, config, file: File) -> None:
    path = Path(file.abs_src_path)
    try:
        text = provenance.requirements_text(path)
    except (RuntimeError, SyntaxError) as err:
        raise PluginError(f"{B.rel(path)}: cannot list the packages its code imports: {err}") from err
    files.append(File.generated(config, provenance.requirements_uri(file.src_uri), content=text))


def _proof_line(page) -> str:
    """The "Proved with" line of a page with code (or a notebook); fails the build if required and not proven."""
    from mkdocs.utils import get_relative_url

    path = Path(page.file.abs_src_path)
    status, missing = provenance.portability_status(B.rel(path), _portability)
    if REQUIRE_PORTABILITY and status != "all":
        raise PluginError(
            f"{B.rel(path)}:1: PROVEN_REQUIRE_PORTABILITY is set, but the code of this page has not "
            f"passed the portability run as it is now in: {', '.join(missing)} (run "
            "`pytest -n 2 --dist load tests/test_portability.py` first; ./dev.sh test does)"
        )
    requirements = get_relative_url(provenance.requirements_uri(page.file.src_uri), page.url)
    how = get_relative_url("about/how-it-works/", page.url)
    return provenance.line_html(path, _portability, requirements, how)


FENCE_OPEN = re.compile(r'^(?P<head>[ \t]*(?:`{3,}|~{3,})[ \t]*python\b)(?P<rest>.*exec="on".*)$')


def on_page_markdown(markdown: str, page, config, files):
    src = page.file.src_uri
    if not src.endswith(".md"):
        return markdown
    markdown = _fill_home(markdown, page)
    path = Path(page.file.abs_src_path)
    raw_lines = path.read_text(encoding="utf-8").splitlines()
    lines = markdown.splitlines()
    offset = len(raw_lines) - len(lines)  # lines of front matter MkDocs removed
    page_id = B.rel(path)
    for block in (b for b in _blocks.values() if b.page == page_id):
        i = block.line - 1 - offset
        m = FENCE_OPEN.match(lines[i]) if 0 <= i < len(lines) else None
        if not m:
            raise PluginError(f"{block.ident}: executable fence expected on this line")
        rest = re.sub(r'session="([^"]*)"', lambda s: f'session="{page_id}::{s[1]}"', m["rest"])
        lines[i] = f'{m["head"]} id="{ID_PREFIX}{block.ident}"{rest}'
    if src in _scripts:
        name = Path(_scripts[src]).name
        link = (
            f'[:material-download: Download this page\'s code]({name}){{ .md-button download="{name}" '
            'title="Every code block of this page, in order, as one Python script" }'
        )
        link += "\n\n" + _proof_line(page)
        for i, line in enumerate(lines):
            if line.startswith("# "):
                lines.insert(i + 1, "\n" + link + "\n")
                break
        else:
            lines.insert(0, link + "\n")
    return "\n".join(lines) + "\n"


def _error_at(page, locate, message: str) -> PluginError:
    """A build error naming the page's source file and the line ``locate(source text)`` returns."""
    path = Path(page.file.abs_src_path)
    return PluginError(f"{B.rel(path)}:{locate(path.read_text(encoding='utf-8'))}: {message}")


def _typeset(content: str, page) -> str:
    try:
        return katex.render_html(content)
    except katex.FormulaError as err:
        raise _error_at(
            page,
            lambda source, tex=err.tex: katex.find_line(source, tex),
            f"invalid formula {err.tex!r}: {err.message}",
        ) from err


HEADING_WITH_MATH = re.compile(r"#{1,6} .*(\$|\\\()")


def _heading_line(page):
    """The line of the first Markdown heading holding math, outside fenced blocks (0 if none)."""

    def locate(source: str) -> int:
        fenced = {
            n for b in B.parse_page(Path(page.file.abs_src_path)) for n in range(b.line, b.line + len(b.body) + 2)
        }
        return next(
            (i for i, text in enumerate(source.splitlines(), 1) if i not in fenced and HEADING_WITH_MATH.match(text)), 0
        )

    return locate


def _walk_toc(items):
    for item in items:
        yield item
        yield from _walk_toc(item.children)


def _check_toc(page) -> None:
    """Math in a heading reaches the table of contents as raw TeX: refuse it."""
    for item in _walk_toc(page.toc):
        if katex.leftover_tex(item.title):
            raise _error_at(
                page,
                _heading_line(page),
                "math in a heading shows as raw TeX in the table of "
                f"contents ({item.title!r}); write it in plain text or Unicode",
            )


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_GLUED_ITEM = re.compile(r"\n[ \t]*(?:[*+-]|\d+\.)[ \t]+(?P<rest>[^\n]*)")


def _check_glued_lists(html: str, page) -> None:
    """A list item written right under a paragraph, with no blank line, is paragraph text."""
    for par in _PARAGRAPH.finditer(html):
        m = _GLUED_ITEM.search(par[1])
        if m:
            words = " ".join(re.sub(r"<[^>]+>", "", m["rest"]).split()[:3])
            raise _error_at(
                page,
                lambda source, words=words: katex.find_line(source, words) if words else 0,
                f"a list item runs into the paragraph above it ({m[0].strip()[:50]!r}); "
                "put a blank line before the list",
            )


def _check_short_answer(page) -> None:
    """Every number of the Short answer is in what the page's own blocks printed (or marked as cited)."""
    path = Path(page.file.abs_src_path)
    ids = [b.ident for b in _blocks.values() if b.page == B.rel(path)]
    if not EXECUTE or not ids or any(i in _failed or i not in _outputs for i in ids):
        return  # nothing printed to compare with; a failed block already fails the build
    problems = short_answer.unmatched(path.read_text(encoding="utf-8"), [_outputs[i] for i in ids])
    if problems:
        raise PluginError("\n".join(f"{B.rel(path)}:{line}: {message}" for line, message in problems))


def on_page_content(html: str, page, config, files):
    if not page.file.src_uri.endswith(".md"):
        return html  # notebook pages are typeset and checked in on_post_page
    _check_short_answer(page)
    html = _typeset(html, page)
    _check_toc(page)
    _check_glued_lists(html, page)
    left = katex.leftover_tex(html)
    if left:
        raise _error_at(
            page,
            lambda source: katex.leftover_line(source, left),
            f"raw TeX left on the page, not typeset: {' '.join(left.split())[:70]!r} "
            "(is a $$ block missing its blank lines?)",
        )
    return html


def on_pre_page(page, config, files):
    """A notebook page is rendered by mkdocs-jupyter (which does not execute it) from a copy of the notebook
    with the outputs of the executor's run, or of the cache, put into its code cells."""
    if not page.file.src_uri.endswith(".ipynb") or not EXECUTE:
        return page
    original = page.render
    source = Path(page.file.abs_src_path)

    def render(config, files):
        _rendered_nb.add(page.file.src_uri)
        result = _executor.notebook(B.rel(source))
        if not result["ok"]:
            cell = result.get("failed_cell")
            raise PluginError(
                f"{B.rel(source)}: cell {cell if cell is not None else '?'} failed:\n"
                f"{(result.get('error') or '')[-3000:]}"
            )
        nb = json.loads(source.read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
        for cell, outputs, count in zip(cells, result["outputs"], result["execution_counts"], strict=True):
            cell["outputs"], cell["execution_count"] = outputs, count
        text = json.dumps(nb, ensure_ascii=False)
        options = {"src_uri": page.file.src_uri, "plugin": dict(config.plugins["mkdocs-jupyter"].config)}
        key, cached = _executor.rendered_notebook(text, options)
        if cached is not None:
            page.content, page.toc = cached["content"], get_toc(cached["toc"])
            if cached["title"] is not None:
                page.title = cached["title"]
            return
        executed = _executor.tmp / "notebooks" / source.name  # same name: mkdocs-jupyter links by it
        executed.parent.mkdir(parents=True, exist_ok=True)
        executed.write_text(text, encoding="utf-8")
        title = page.title
        page.file.abs_src_path = str(executed)  # on the notebook page's file only, for this render
        try:
            original(config, files)
        finally:
            del page.file.abs_src_path  # mkdocs-jupyter's copy for download is the notebook as committed
        _executor.store_rendered_notebook(
            key,
            {
                "content": page.content,
                "toc": _toc_tokens(page.toc),
                "title": page.title if page.title != title else None,
            },
        )

    page.render = render
    return page


def _toc_tokens(items) -> list[dict]:
    """A table of contents as the tokens ``mkdocs.structure.toc.get_toc`` builds it from."""
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _toc_tokens(i.children)} for i in items]


def on_post_page(output: str, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    for item in _walk_toc(page.toc):
        if katex.leftover_tex(item.title):
            raise PluginError(
                f"docs/{page.file.src_uri}: math in a Markdown cell's heading shows as raw TeX in "
                f"the table of contents ({item.title!r}); write it in plain text or Unicode"
            )
    name = Path(page.file.src_uri).name  # mkdocs-jupyter copies the notebook next to the page
    link = (
        f'<p><a class="md-button" href="{name}" download="{name}" title="This notebook, to run '
        f'yourself">Download this notebook</a></p>'
    ) + _proof_line(page)
    anchor = '<article class="md-content__inner md-typeset">'
    if anchor not in output:
        raise PluginError(f"docs/{page.file.src_uri}: cannot place the notebook download link")
    start = output.index(anchor)
    h1_end = output.find("</h1>", start)  # under the notebook's title, as on the Markdown pages
    at = h1_end + len("</h1>") if h1_end > 0 else start + len(anchor)
    output = output[:at] + link + output[at:]
    try:
        output = katex.render_notebook_html(output)
    except katex.FormulaError as err:
        raise PluginError(
            f"docs/{page.file.src_uri}: invalid formula {err.tex!r} in a Markdown cell: {err.message}"
        ) from err
    article = output[output.index(anchor) :]
    left = katex.leftover_tex(article[: article.find("</article>")])
    if left:
        raise PluginError(
            f"docs/{page.file.src_uri}: raw TeX left in a Markdown cell, not typeset: {' '.join(left.split())[:70]!r}"
        )
    return output


def on_post_build(config):
    katex.close()
    MANIFEST.parent.mkdir(exist_ok=True)
    if not EXECUTE:
        return
    stats = _executor.stats
    log.info(
        f"proven: blocks run {stats['blocks_run']}, reused from the cache {stats['blocks_reused']}; "
        f"notebooks run {stats['notebooks_run']}, reused {stats['notebooks_reused']}"
    )
    if _executor.use_cache:
        rendered = {_blocks[i].page for i in _executed} | {B.rel(Path(config.docs_dir) / u) for u in _rendered_nb}
        execution.record_rendered({page: _executor.rendered_keys(page) for page in rendered})
    (MANIFEST.parent / "execution-stats.json").write_text(json.dumps(stats, indent=1) + "\n")
    _executor.close()
    if execution.DIRTY:
        return  # a dirty rebuild renders only some pages
    MANIFEST.write_text(
        json.dumps({"executed": _executed, "found": sorted(_blocks), "seconds": _seconds}, indent=1) + "\n"
    )
    missing = sorted(set(_blocks) - set(_executed))
    unknown = sorted(set(_executed) - set(_blocks))
    if unknown:
        raise PluginError("markdown-exec executed blocks the block parser did not find: " + ", ".join(unknown))
    log.info(f"proven: executed {len(_executed)} code blocks on {len({b.page for b in _blocks.values()})} pages")
    if missing:
        raise PluginError("blocks found but never executed by markdown-exec: " + ", ".join(missing))


# --- the home page's list of questions -------------------------------------

QUESTIONS_MARKER = "<!-- questions -->"
_questions: list[tuple[str, list[tuple[str, str, str]]]] = []  # (section, [(title, uri, answer)])


def _page_title_and_answer(file: File) -> tuple[str, str]:
    from mkdocs.utils.meta import get_data

    text = Path(file.abs_src_path).read_text(encoding="utf-8")
    if file.src_uri.endswith(".ipynb"):
        nb = json.loads(text)
        first = "".join(nb["cells"][0]["source"]) if nb.get("cells") else ""
        title = next((ln[2:].strip() for ln in first.splitlines() if ln.startswith("# ")), file.name)
        # a notebook's summary: the first paragraph under its title
        summary = next((ln.strip() for ln in first.splitlines() if ln.strip() and not ln.startswith("#")), "")
        return title, summary
    body, meta = get_data(text)
    title = next((ln[2:].strip() for ln in body.splitlines() if ln.startswith("# ")), file.name)
    return title, str(meta.get("answer", ""))


def on_nav(nav, config, files):
    _questions.clear()
    for section in nav.items:
        if not section.is_section or section.title == "About":
            continue
        entries = []
        for page in section.children:
            if not page.is_page or page.file.name == "index":
                continue
            title, answer = _page_title_and_answer(page.file)
            if not answer:
                raise PluginError(
                    f"docs/{page.file.src_uri}:1: front matter needs `answer:` "
                    "(its one-line answer, listed on the home page)"
                )
            entries.append((title, page.file.src_uri, answer))
        _questions.append((section.title, entries))
    return nav


def questions_markdown() -> str:
    out = []
    for section, entries in _questions:
        out.append(f"\n### {section}\n\n| Question | Short answer |\n| --- | --- |")
        for title, uri, answer in entries:
            out.append(f"| [{title}]({uri}) | {answer} |")
    return "\n".join(out) + "\n"


def _fill_home(markdown: str, page) -> str:
    if page.file.src_uri == "index.md":
        if QUESTIONS_MARKER not in markdown:
            raise PluginError(f"docs/index.md: the marker {QUESTIONS_MARKER} is missing")
        markdown = markdown.replace(QUESTIONS_MARKER, questions_markdown())
    return markdown
