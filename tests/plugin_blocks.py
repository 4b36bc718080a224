"""pytest plugin: run exactly the code blocks the docs build runs.

pytest-codeblocks collects only fences whose info string is exactly ``python``;
it skips ``python exec="on"``, the fences this site executes. This plugin
extends it: its collector and items subclass pytest-codeblocks' own, but find
blocks with :mod:`proven.blocks`, the parser the MkDocs hook uses, so the
build and the tests see the same blocks, with the same includes expanded.

* A block in a ``session`` runs in-process, in the session's namespace, in
  page order, like markdown-exec runs it.
* A block without a session runs in a fresh interpreter
  (``python -m proven.runner PAGE LINE``), as a reader who copies it would.
* A failure names the Markdown file and line of the fence, and the file and
  line that raised (a snippet file for an included line).
* The summary says how many blocks ran, and compares with the build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytest_codeblocks.plugin import MarkdownFile, TestBlock

from proven import blocks as B
from proven import runner


class BlockFailure(Exception):
    """A block failed; the message already says where."""


def pytest_configure(config):
    B.set_root(config.rootpath)
    config._proven_blocks = []  # items collected, in order


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix == ".md" and B.DOCS in file_path.resolve().parents:
        return DocPage.from_parent(parent, path=file_path)
    return None


class DocPage(MarkdownFile):
    """A Markdown page of docs/, whose items are its executable blocks."""

    def collect(self):
        self.sessions: dict[str, dict] = {}
        self.failed: dict[str, str] = {}
        try:
            found = B.executable_blocks(self.path)
        except B.BlockError as err:
            raise self.CollectError(str(err)) from err
        for block in found:
            item = DocBlock.from_parent(self, name=f"line {block.line}", obj=block)
            self.config._proven_blocks.append(item)
            yield item

    class CollectError(Exception):
        pass

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, self.CollectError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class DocBlock(TestBlock):
    """One ``python exec="on"`` block."""

    obj: B.Block

    def runtest(self):
        block = self.obj
        if block.session is None:
            self._run_fresh(block)
        else:
            self._run_in_session(block)

    def _run_fresh(self, block: B.Block) -> None:
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(B.ROOT))
        done = subprocess.run(
            [sys.executable, "-m", "proven.runner", block.page, str(block.line)],
            cwd=B.ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        sys.stdout.write(done.stdout)
        if done.returncode:
            raise BlockFailure(done.stderr.strip() or f"{block.ident}: exited with {done.returncode}")

    def _run_in_session(self, block: B.Block) -> None:
        page: DocPage = self.parent
        if block.session in page.failed:
            raise BlockFailure(
                f"{block.ident}: not run: an earlier block of session "
                f"{block.session!r} failed ({page.failed[block.session]})"
            )
        namespace = page.sessions.setdefault(block.session, runner.new_namespace(block))
        try:
            runner.execute(block, namespace)
        except Exception as error:
            page.failed[block.session] = block.ident
            raise BlockFailure(runner.describe(block, error)) from error

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, BlockFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.obj.line - 1, f"code block {self.obj.ident}"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]
    ran = {r.nodeid for r in reports if r.when == "call" and r.nodeid.startswith("docs/") and ".md::" in r.nodeid}
    pages = {n.split("::")[0] for n in ran}
    line = f"proven: ran {len(ran)} code blocks from {len(pages)} pages"
    manifest = B.ROOT / "build" / "executed-blocks.json"
    if manifest.is_file():
        built = json.loads(manifest.read_text())["executed"]
        line += f"; the last docs build executed {len(built)}"
    terminalreporter.write_sep("-", line)
