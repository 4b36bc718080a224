"""Fault injection: make one asserted value of a page wrong, and see who notices.

For each page with executable blocks, :func:`find_fault` picks one assertion
deterministically: the first ``assert`` line, in page order (the page's own blocks
and the snippet files they include), that compares something with a numeric literal
in a way the engine can turn false. :func:`mutate` rewrites that literal:

* ``x == 3`` (or a literal inside a list or tuple compared with ``==``): 3 becomes 4;
* a lower bound (``x > 0.5``, ``x >= 0.5``, ``0.5 < x``, ``0.5 <= x``) becomes
  ``(|0.5| + 1) * 1000``, far above any value the page computes;
* an upper bound (``x < 0.5``, ...) becomes ``-(|0.5| + 1) * 1000``.

Only comparisons that must hold for the assertion to pass are used: the assertion
itself, an ``and`` of them, or the element of ``all(...)``; never ``or``, ``not``,
``!=``, ``in``, nor a literal inside a call such as ``isclose(x, 0.5)``.

:func:`make_tree` writes a temporary copy of the project in which the page is the
only page, truncated after the faulty block (the blocks before it still run, for
the state of their session; what follows cannot change the outcome and would only
cost time), with ``mkdocs.yml``'s hooks and plugins but a ``nav`` of that page and
link validation relaxed to ``info`` (its links to other pages point outside the
temporary site). :func:`run` then runs ``pytest`` on the page and ``mkdocs build
--strict`` on the tree; both must fail, and both must name the page and the fence
line of the faulty block (``docs/<section>/<page>.md:LINE``).

Notebooks: the first mutable assertion of the last code cell that has one; the
notebook test (``tests/test_notebooks.py``, executing it with nbclient) and the
strict build are run, and both must fail naming the notebook.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from proven import blocks as B

ROOT = B.ROOT
LOWER = {ast.Gt, ast.GtE}  # x > L: L is a lower bound of x
UPPER = {ast.Lt, ast.LtE}  # x < L: L is an upper bound of x


# --- choosing and rewriting the literal ----------------------------------------------


@dataclass
class Mutation:
    line_offset: int  #: line of the statement (0 = its first line) holding the literal
    start: int  #: character columns of the literal on that line
    end: int
    old: str
    new: str
    why: str  #: e.g. "upper bound of a <"


def _number(node: ast.AST) -> float | int | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _number(node.operand)
        if inner is not None:
            return -inner if isinstance(node.op, ast.USub) else inner
    return None


def _required_compares(test: ast.AST) -> list[ast.Compare]:
    """Comparisons that must all be true for ``assert test`` to pass."""
    if isinstance(test, ast.Compare):
        return [test]
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return [c for value in test.values for c in _required_compares(value)]
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "all"
        and len(test.args) == 1
        and isinstance(test.args[0], (ast.GeneratorExp, ast.ListComp))
    ):
        return _required_compares(test.args[0].elt)
    return []


def _format(value: float | int, like: str) -> str:
    if isinstance(value, int):
        return f"{value:_}" if "_" in like else str(value)
    return repr(float(f"{value:.6g}"))


def _candidates(compare: ast.Compare):
    """(node, new value, reason) for each numeric literal of a comparison that can be made false."""
    operands = [compare.left, *compare.comparators]
    for i, node in enumerate(operands):
        before = type(compare.ops[i - 1]) if i > 0 else None  # operand is the right side of this op
        after = type(compare.ops[i]) if i < len(compare.ops) else None  # ... the left side of this one
        value = _number(node)
        if ast.Eq in (before, after):
            if value is not None:
                yield node, value + 1, "value compared with =="
            elif isinstance(node, (ast.List, ast.Tuple)):
                for element in node.elts:
                    inner = _number(element)
                    if inner is not None:
                        yield element, inner + 1, "element of a sequence compared with =="
                        break
            continue
        if value is None:
            continue
        lower = before in LOWER or after in UPPER  # x > L or L < x: L bounds x from below
        upper = before in UPPER or after in LOWER  # x < L or L > x: L bounds x from above
        big = (abs(value) + 1) * 1000
        if lower:
            yield node, big, "lower bound"
        elif upper:
            yield node, -big, "upper bound"


def _statement(lines: list[str], start: int) -> tuple[ast.Assert, int] | None:
    """The assert statement starting at ``lines[start]`` and how many lines it spans."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    for n in range(1, min(15, len(lines) - start) + 1):
        chunk = "\n".join(
            line[indent:] if line[:indent].strip() == "" else line.lstrip() for line in lines[start : start + n]
        )
        try:
            tree = ast.parse(chunk)
        except SyntaxError:
            continue
        if tree.body and isinstance(tree.body[0], ast.Assert):
            return tree.body[0], n
        return None
    return None


def mutate(lines: list[str], start: int) -> Mutation | None:
    """The mutation of the assert statement at ``lines[start]``, or None if it has no usable literal."""
    if not lines[start].lstrip().startswith("assert"):
        return None
    found = _statement(lines, start)
    if found is None:
        return None
    stmt, _ = found
    indent = len(lines[start]) - len(lines[start].lstrip())
    candidates = [c for compare in _required_compares(stmt.test) for c in _candidates(compare)]
    if not candidates:
        return None
    node, value, why = min(candidates, key=lambda c: (c[0].lineno, c[0].col_offset))
    offset = node.lineno - 1
    line = lines[start + offset]
    base = indent if offset == 0 or line[:indent].strip() == "" else len(line) - len(line.lstrip())
    text = line[base:].encode("utf-8")  # ast columns count UTF-8 bytes
    begin = base + len(text[: node.col_offset].decode("utf-8"))
    end = base + len(text[: node.end_col_offset].decode("utf-8"))
    old = line[begin:end]
    return Mutation(offset, begin, end, old, _format(value, old), why)


# --- the fault of a page -------------------------------------------------------------------


@dataclass
class Fault:
    page: str  #: docs/... path of the page (or notebook)
    fence_line: int  #: line of the faulty block's opening fence (0 for a notebook)
    file: str  #: file where the literal was changed
    line: int  #: its line there (1-based)
    statement_line: int  #: line of the assert statement's start in that file (what a traceback names)
    before: str
    after: str
    old: str
    new: str
    why: str
    keep_lines: int = 0  #: lines of the page kept in the temporary tree (up to the faulty block)
    cell: int = -1  #: notebook cell index

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def _replace(line: str, m: Mutation) -> str:
    return line[: m.start] + m.new + line[m.end :]


def _file_line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


def find_fault(page: Path) -> Fault | None:
    """The first mutable assertion of a Markdown page's executable blocks (page order), or None."""
    for block in B.executable_blocks(page):
        code = block.code.splitlines()
        for i in range(len(code)):
            m = mutate(code, i)
            if m is None:
                continue
            origin = block.origin(i + 1 + m.line_offset)
            start = block.origin(i + 1)
            source = B.ROOT / origin.path
            file_line = _file_line(source, origin.line)
            new_code_line = _replace(code[i + m.line_offset], m)
            # the code line is the file line with an indentation added (include) or removed (fence)
            shift = len(code[i + m.line_offset]) - len(file_line)
            if shift >= 0:
                new_file_line = new_code_line[shift:]
            else:
                new_file_line = file_line[:-shift] + new_code_line
            if new_file_line == file_line:
                continue
            return Fault(
                page=B.rel(page),
                fence_line=block.line,
                file=origin.path,
                line=origin.line,
                statement_line=start.line,
                before=file_line.strip(),
                after=new_file_line.strip(),
                old=m.old,
                new=m.new,
                why=m.why,
                keep_lines=block.line + len(block.body) + 1,
            )
    return None


def find_notebook_fault(notebook: Path) -> Fault | None:
    """The first mutable assertion of the last code cell that has one."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = [(i, c) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"]
    for index, cell in reversed(cells):
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        lines = source.splitlines()
        for i in range(len(lines)):
            m = mutate(lines, i)
            if m is None:
                continue
            n = i + m.line_offset
            return Fault(
                page=B.rel(notebook),
                fence_line=0,
                file=B.rel(notebook),
                line=n + 1,
                statement_line=i + 1,
                before=lines[n].strip(),
                after=_replace(lines[n], m).strip(),
                old=m.old,
                new=m.new,
                why=m.why,
                cell=index,
            )
    return None


# --- the temporary tree ----------------------------------------------------------------------


def _without_key(config: str, key: str) -> str:
    """mkdocs.yml without the top-level ``key:`` and its indented body."""
    out, skipping = [], False
    for line in config.splitlines():
        if re.match(rf"^{re.escape(key)}\s*:", line):
            skipping = True
            continue
        if skipping and (not line.strip() or line[0] in " \t#"):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out) + "\n"


def _config(page_uris: list[str], relax_links: bool) -> str:
    config = _without_key((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), "nav")
    config += "\nnav:\n" + "".join(f"  - {uri}\n" for uri in page_uris)
    if not relax_links:
        return config
    return _without_key(config, "validation") + (
        "\n# these pages only: their links to other pages lead outside this build\n"
        "validation:\n  nav:\n    omitted_files: info\n    not_found: info\n    absolute_links: info\n"
        "  links:\n    not_found: info\n    anchors: info\n    absolute_links: info\n    unrecognized_links: info\n"
    )


def _ignore_pages(directory: str, names: list[str]) -> set[str]:
    if Path(directory).resolve() == (ROOT / "docs" / "includes").resolve():
        return set()
    return {n for n in names if n.endswith((".md", ".ipynb"))} | {"__pycache__", ".ipynb_checkpoints"}


#: Top-level entries of the project not copied into a temporary tree (tests/ gets the plugin and the notebook test).
NOT_COPIED = {
    ".git",
    ".venv",
    "venv",
    "node_modules",
    "site",
    "build",
    "tests",
    "docs",
    ".pytest_cache",
    ".cache",
    ".github",
    ".ci",
}


def make_project(root: Path, pages: dict[str, str], relax_links: bool = False) -> Path:
    """A temporary project in ``root`` whose only pages are ``pages`` (docs-relative path: text), in that nav order.

    Everything ``mkdocs.yml`` may refer to is copied (proven/, snippets/, a theme's custom_dir...),
    docs/ without its other pages, node_modules/ as a link, tests/ with the pytest plugin and the notebook test.
    ``relax_links`` turns link validation down to ``info``, for pages whose links lead to pages left out.
    """
    root.mkdir(parents=True, exist_ok=True)
    for entry in ROOT.iterdir():
        if entry.name in NOT_COPIED or entry.name.endswith(".egg-info"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, root / entry.name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(entry, root / entry.name)
    (root / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "plugin_blocks.py", root / "tests")
    shutil.copy(ROOT / "tests" / "test_notebooks.py", root / "tests")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=_ignore_pages)  # assets, includes: no pages
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    (root / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\npythonpath = ["."]\naddopts = "-p tests.plugin_blocks"\n'
    )
    for uri, text in pages.items():
        (root / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / uri).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(_config(list(pages), relax_links), encoding="utf-8")
    return root


def make_tree(fault: Fault, root: Path) -> Path:
    """A temporary project in ``root`` whose only page is the faulty one (see :func:`make_project`)."""
    uri = Path(fault.page).relative_to("docs").as_posix()
    if fault.cell >= 0:
        nb = json.loads((ROOT / fault.page).read_text(encoding="utf-8"))
        cell = nb["cells"][fault.cell]
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        lines = source.splitlines(keepends=True)
        old = lines[fault.line - 1]
        lines[fault.line - 1] = old.replace(fault.before, fault.after, 1)
        cell["source"] = lines
        return make_project(root, {uri: json.dumps(nb, indent=1, ensure_ascii=False) + "\n"}, relax_links=True)
    text = (ROOT / fault.page).read_text(encoding="utf-8").splitlines(keepends=True)
    make_project(root, {uri: "".join(text[: fault.keep_lines])}, relax_links=True)
    target = root / fault.file
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    old = lines[fault.line - 1]
    assert fault.before in old, f"{fault.where}: expected {fault.before!r}"
    lines[fault.line - 1] = old.replace(fault.before, fault.after, 1)
    target.write_text("".join(lines), encoding="utf-8")
    return root


# --- running the build and the tests --------------------------------------------------------


@dataclass
class Outcome:
    command: str
    returncode: int
    seconds: float
    names_page: bool  #: the output names page:FENCE_LINE (the page itself for a notebook)
    names_line: bool  #: ... and the file:line of the faulty assertion
    assertion: bool  #: it failed on an AssertionError (not, say, a configuration error)
    tail: str = field(repr=False, default="")

    @property
    def caught(self) -> bool:
        return self.returncode != 0 and self.assertion and self.names_page


def run_env(root: Path) -> dict[str, str]:
    """The environment of a build or test run in the temporary project ``root``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST_", "PROVEN_SITE", "COV_")) and k != "PYTHONPATH"
    }
    env.update(
        PYTHONPATH=str(root),
        NO_MKDOCS_2_WARNING="1",
        OMP_NUM_THREADS="1",
        MPLBACKEND="Agg",
        PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def run(fault: Fault, root: Path, what: str, timeout: float = 300) -> Outcome:
    """Run ``what`` ('tests' or 'build') in the temporary tree ``root``."""
    if what == "tests" and fault.cell >= 0:  # the test that executes each notebook
        args = [
            sys.executable,
            "-m",
            "pytest",
            "tests/test_notebooks.py",
            "-k",
            "executes",
            "-q",
            "-p",
            "no:cacheprovider",
        ]
    elif what == "tests":
        args = [sys.executable, "-m", "pytest", fault.page, "-x", "-q", "-p", "no:cacheprovider"]
    else:
        args = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            args, cwd=root, env=run_env(root), capture_output=True, text=True, timeout=timeout, check=False
        )
        output, code = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired as err:
        output, code = f"timed out after {timeout} s\n{err.stdout or ''}{err.stderr or ''}", -9
    seconds = time.perf_counter() - start
    if fault.cell >= 0:
        uri = Path(fault.page).relative_to("docs").as_posix()  # mkdocs-jupyter names docs/-relative paths
        names_page = fault.page in output or re.search(rf"(?<![\w/.-]){re.escape(uri)}", output) is not None
        names_line = names_page
    else:
        names_page = f"{fault.page}:{fault.fence_line}" in output
        names_line = f"{fault.file}:{fault.statement_line}" in output
    return Outcome(
        " ".join(["pytest" if what == "tests" else "mkdocs build --strict", fault.page]),
        code,
        round(seconds, 1),
        names_page,
        names_line,
        "AssertionError" in output,
        output[-3000:],
    )


def report(fault: Fault, outcomes: dict[str, Outcome]) -> dict:
    out = asdict(fault)
    out["outcomes"] = {k: {**asdict(o), "caught": o.caught} for k, o in outcomes.items()}
    for o in out["outcomes"].values():
        o.pop("tail")
    return out
