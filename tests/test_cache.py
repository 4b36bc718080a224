"""The edit-loop cache is never stale: a result is reused only when nothing that could change it changed.

Each test works in a temporary copy of the project (tests/fault_injection.py's ``make_project``) with
small, fast pages, and drives :class:`proven.execution.Executor` the way the build hook does; the last
tests run the real ``mkdocs build`` there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proven import blocks as B
from proven import execution as E
from tests import fault_injection as F

HOME = "---\nanswer: home\n---\n# Home\n\n<!-- questions -->\n"
PAGE = """---
answer: A page for the cache tests.
---
# A page

Some prose.

```python exec="on" session="s" source="block" result="text"
x = 21
print("first", x)
```

More prose.

```python exec="on" session="s" source="block" result="text"
--8<-- "cache/double.py"
```

```python exec="on" source="block" result="text"
--8<-- "cache/alone.py"
```
"""
DOUBLE = 'y = 2 * x\nprint("double", y)\nassert y == 42\n'
ALONE = 'print("alone", 3 * 3)\nassert 3 * 3 == 9\n'
NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# A notebook\n", "\n", "Its summary.\n"]},
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": ["print(6 * 7)\n", "assert 6 * 7 == 42"],
        },
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = F.make_project(tmp_path / "p", {"index.md": HOME, "page.md": PAGE, "nb.ipynb": json.dumps(NOTEBOOK)})
    (root / "snippets" / "cache").mkdir(parents=True)
    (root / "snippets" / "cache" / "double.py").write_text(DOUBLE)
    (root / "snippets" / "cache" / "alone.py").write_text(ALONE)
    monkeypatch.setenv("PROVEN_CACHE", "on")
    monkeypatch.delenv("CI", raising=False)
    old = B.ROOT
    B.set_root(root)
    yield root
    B.set_root(old)


def plan(root: Path) -> E.Executor:
    """What one build of ``root`` runs and reuses; waits for the runs and returns the executor."""
    executor = E.Executor(jobs=2)
    page = root / "docs" / "page.md"
    blocks = B.executable_blocks(page)
    executor.plan({B.rel(page): blocks}, [root / "docs" / "nb.ipynb"])
    for block in blocks:
        assert executor.block(block)["ok"], executor.block(block)
    assert executor.notebook("docs/nb.ipynb")["ok"]
    executor.close()
    return executor


def ran(executor: E.Executor) -> tuple[int, int]:
    return executor.stats["blocks_run"], executor.stats["notebooks_run"]


def test_a_cold_build_runs_everything_and_a_warm_one_nothing(project):
    assert ran(plan(project)) == (3, 1)
    warm = plan(project)
    assert ran(warm) == (0, 0) and warm.stats["blocks_reused"] == 3 and warm.stats["notebooks_reused"] == 1
    page = project / "docs" / "page.md"
    outputs = [warm.block(b)["output"] for b in B.executable_blocks(page)]
    assert outputs == ["first 21\n", "double 42\n", "alone 9\n"]


def test_a_prose_edit_reruns_nothing(project):
    plan(project)
    page = project / "docs" / "page.md"
    page.write_text(PAGE.replace("Some prose.", "Some prose,\nnow on two lines, which moves every block down."))
    nb = json.loads((project / "docs" / "nb.ipynb").read_text())
    nb["cells"][0]["source"].append("A new sentence in a Markdown cell.\n")
    (project / "docs" / "nb.ipynb").write_text(json.dumps(nb))
    assert ran(plan(project)) == (0, 0)


def test_editing_an_included_snippet_reruns_only_its_session(project):
    plan(project)
    (project / "snippets" / "cache" / "double.py").write_text(DOUBLE.replace("double", "twice"))
    again = plan(project)
    assert ran(again) == (2, 0)  # the session's two blocks (the first only to rebuild its state); not the third
    assert again.block(B.executable_blocks(project / "docs" / "page.md")[1])["output"] == "twice 42\n"


def test_editing_an_earlier_block_of_a_session_reruns_the_later_ones(project):
    plan(project)
    page = project / "docs" / "page.md"
    page.write_text(PAGE.replace('print("first", x)', 'print("first:", x)'))
    assert ran(plan(project)) == (2, 0)


def test_editing_a_notebook_code_cell_reruns_it(project):
    plan(project)
    nb = json.loads((project / "docs" / "nb.ipynb").read_text())
    nb["cells"][1]["source"][0] = "print(7 * 6)\n"
    (project / "docs" / "nb.ipynb").write_text(json.dumps(nb))
    assert ran(plan(project)) == (0, 1)


def test_another_package_version_reruns_everything(project, monkeypatch):
    plan(project)
    installed = E._installed()
    monkeypatch.setattr(E, "_installed", lambda: tuple((n, v + ".post1" if n == "numpy" else v) for n, v in installed))
    assert ran(plan(project)) == (3, 1)


@pytest.mark.parametrize(
    ("variable", "value"), [("OMP_NUM_THREADS", "2"), ("ATEN_CPU_CAPABILITY", "default"), ("MKL_CBWR", "COMPATIBLE")]
)
def test_another_numerical_environment_reruns_everything(project, monkeypatch, variable, value):
    plan(project)
    monkeypatch.setenv(variable, value)
    assert ran(plan(project)) == (3, 1)


def test_under_ci_or_without_the_switch_nothing_is_reused(project, monkeypatch):
    plan(project)
    monkeypatch.setenv("CI", "true")
    assert ran(plan(project)) == (3, 1)
    monkeypatch.delenv("CI")
    monkeypatch.setenv("PROVEN_CACHE", "off")
    assert ran(plan(project)) == (3, 1)


def test_a_failure_is_never_cached(project):
    snippet = project / "snippets" / "cache" / "alone.py"
    snippet.write_text(ALONE.replace("== 9", "== 10"))
    executor = E.Executor(jobs=1)
    page = project / "docs" / "page.md"
    executor.plan({B.rel(page): B.executable_blocks(page)}, [])
    result = executor.block(B.executable_blocks(page)[2])
    executor.close()
    assert not result["ok"] and "snippets/cache/alone.py:2" in result["where"]
    again = E.Executor(jobs=1)
    again.plan({B.rel(page): B.executable_blocks(page)}, [])
    again.close()
    assert again.stats["blocks_run"] == 1  # the failed block runs again; the session's two are reused


def build(root: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(F.run_env(root), PROVEN_CACHE="on")
    env.pop("CI", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_a_wrong_claim_after_a_warm_build_still_fails_the_build(project):
    first = build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "blocks run 3, reused from the cache 0" in first.stderr, first.stderr
    warm = build(project)
    assert warm.returncode == 0 and "blocks run 0, reused from the cache 3" in warm.stderr, warm.stderr
    html = (project / "site" / "page" / "index.html").read_text()
    assert "double 42" in html and "alone 9" in html
    (project / "snippets" / "cache" / "double.py").write_text(DOUBLE.replace("2 * x", "3 * x"))
    wrong = build(project)
    out = wrong.stdout + wrong.stderr
    assert wrong.returncode != 0, out
    assert "docs/page.md:15: code block failed at snippets/cache/double.py:3: AssertionError" in out, out


def test_a_dirty_rebuild_as_serve_does_passes_strict_and_shows_the_edit(project):
    """``./dev.sh serve`` runs ``mkdocs serve --dirty`` on a strict site: MkDocs's own notice that a dirty build is
    being performed must not abort it, and the edited prose and the cached results must both be on the page."""
    first = build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    page = project / "docs" / "page.md"
    page.write_text(page.read_text().replace("More prose.", "Prose edited under serve."))
    dirty = build(project, "--dirty")
    out = dirty.stdout + dirty.stderr
    assert dirty.returncode == 0, out
    assert "blocks run 0, reused from the cache 3" in out, out
    html = (project / "site" / "page" / "index.html").read_text()
    assert "Prose edited under serve." in html and "double 42" in html


def test_a_notebook_page_is_rendered_again_when_its_text_or_the_packages_change(project, monkeypatch):
    """The HTML of a notebook page is kept too (nbconvert's render is about a second a notebook): reused only for
    the same executed notebook (Markdown cells included), the same plugin options and the same packages."""
    first = build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    renders = project / ".cache" / "proven" / "renders"
    assert len(list(renders.glob("*.json"))) == 1
    page = project / "site" / "nb" / "index.html"
    html = page.read_text()
    assert "Its summary." in html and "42" in html
    warm = build(project)
    assert warm.returncode == 0 and page.read_text() == html, warm.stdout + warm.stderr
    assert len(list(renders.glob("*.json"))) == 1  # reused, not rendered again
    nb = json.loads((project / "docs" / "nb.ipynb").read_text())
    nb["cells"][0]["source"].append("A new sentence in a Markdown cell.\n")
    (project / "docs" / "nb.ipynb").write_text(json.dumps(nb))
    edited = build(project)
    out = edited.stdout + edited.stderr
    assert edited.returncode == 0 and "notebooks run 0, reused 1" in out, out
    assert "A new sentence in a Markdown cell." in page.read_text()
    assert len(list(renders.glob("*.json"))) == 2
    executor = E.Executor(jobs=1)
    key, cached = executor.rendered_notebook("{}", {"plugin": {}})
    executor.store_rendered_notebook(key, {"content": "x", "toc": [], "title": None})
    assert executor.rendered_notebook("{}", {"plugin": {}}) == (key, {"content": "x", "toc": [], "title": None})
    assert executor.rendered_notebook("{}", {"plugin": {"theme": "dark"}})[1] is None
    installed = E._installed()
    bumped = tuple((n, v + ".post1" if n == "nbconvert" else v) for n, v in installed)
    monkeypatch.setattr(E, "_installed", lambda: bumped)
    assert E.Executor(jobs=1).rendered_notebook("{}", {"plugin": {}})[1] is None
    executor.close()
