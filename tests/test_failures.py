"""End to end: a wrong claim fails both the build and the tests, each naming file and line.

Each test writes a one-page project into a temporary directory (with this
repository's hooks, plugin and KaTeX), runs the real `mkdocs build --strict`
or `pytest` on it, and reads what they print.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import fault_injection as F

SNIPPET = """import math

value = math.sqrt(16)
assert value == 5, f"sqrt(16) is {value}, not 5"
"""

PAGE = """---
answer: A page with one wrong claim.
---
# A page

$$
a^2 + b^2 = c^2
$$

```python exec="on" source="block" result="text"
import math
print(math.pi)
```

```python exec="on" session="s" source="block" result="text"
x = 1
--8<-- "bad/wrong.py"
```

```python exec="on" session="s" source="block" result="text"
print(x)
```
"""


HOME = "---\nanswer: home\n---\n# Home\n\n<!-- questions -->\n"


def make_project(root: Path, page: str, snippet: str = SNIPPET) -> Path:
    """The project with two pages, a home page and ``page``, and ``snippet`` as snippets/bad/wrong.py."""
    F.make_project(root, {"index.md": HOME, "page.md": page})
    (root / "snippets" / "bad").mkdir(parents=True)
    (root / "snippets" / "bad" / "wrong.py").write_text(snippet)
    return root


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        env=F.run_env(root),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_wrong_claim_fails_the_build_naming_page_and_snippet_line(tmp_path):
    root = make_project(tmp_path, PAGE)
    done = run(root, "mkdocs", "build", "--strict")
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    expected = "docs/page.md:15: code block failed at snippets/bad/wrong.py:4: AssertionError: sqrt(16) is 4.0, not 5"
    assert expected in out, out
    assert "Aborted with" in out


def test_wrong_claim_fails_the_tests_naming_page_and_snippet_line(tmp_path):
    root = make_project(tmp_path, PAGE)
    done = run(root, "pytest", "docs/page.md", "-p", "no:cacheprovider")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "docs/page.md:15: code block failed at snippets/bad/wrong.py:4" in out, out
    assert "snippets/bad/wrong.py:4: assert value == 5" in out, out
    assert "AssertionError: sqrt(16) is 4.0, not 5" in out, out
    # the next block of the same session is not silently passed
    assert "docs/page.md:20: not run: an earlier block of session 's' failed (docs/page.md:15)" in out, out
    assert "2 failed, 1 passed" in out, out
    assert "proven: ran 3 code blocks from 1 pages" in out, out


def test_an_error_inside_a_library_still_names_the_block_line(tmp_path):
    root = make_project(tmp_path, PAGE, snippet="import torch\n\ntorch.zeros(2) @ torch.zeros(3)\n")
    done = run(root, "pytest", "docs/page.md", "-p", "no:cacheprovider")
    out = done.stdout + done.stderr
    assert "docs/page.md:15: code block failed at snippets/bad/wrong.py:3" in out, out
    assert "RuntimeError" in out, out


def test_invalid_formula_fails_the_build_naming_page_and_line(tmp_path):
    page = PAGE.replace("a^2 + b^2 = c^2", r"\frac{a}{b") + "\nInline $\\sqrt{x}$ is fine.\n"
    root = make_project(tmp_path, page, snippet="x = 1\n")
    done = run(root, "mkdocs", "build", "--strict")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "docs/page.md:7: invalid formula '\\\\frac{a}{b'" in out, out


def test_missing_include_fails_the_build_naming_page_and_line(tmp_path):
    root = make_project(tmp_path, PAGE.replace("bad/wrong.py", "bad/gone.py"))
    done = run(root, "mkdocs", "build", "--strict")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "docs/page.md:17: include 'bad/gone.py' not found under snippets, docs/includes" in out, out


@pytest.mark.parametrize("fence", ['```python exce="on"', '```pyhton exec="on"', "```python"])
def test_a_fence_the_build_would_not_run_fails_the_build(tmp_path, fence):
    page = PAGE.replace('```python exec="on" source="block" result="text"\nimport math', f"{fence}\nimport math")
    root = make_project(tmp_path, page, snippet="x = 1\n")
    done = run(root, "mkdocs", "build", "--strict")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "docs/page.md:10: " in out, out


MARKUP_FAULTS = {
    # a $$ block glued to the paragraph above it is not display math for arithmatex
    "raw TeX": ("# A page\n\nThe theorem:\n$$", "docs/page.md:8: raw TeX left on the page, not typeset"),
    # the table of contents would show the heading's TeX raw
    "math in a heading": (
        "# A page\n\n## The case $n = 1$\n\n$$",
        "docs/page.md:6: math in a heading shows as raw TeX in the table of contents",
    ),
    "list glued to a paragraph": (
        "# A page\n\nTwo cases:\n* the first case\n* the second case\n\n$$",
        "docs/page.md:7: a list item runs into the paragraph above it",
    ),
}


@pytest.mark.parametrize("fault", MARKUP_FAULTS)
def test_markup_that_would_show_wrongly_fails_the_build_naming_page_and_line(tmp_path, fault):
    replacement, expected = MARKUP_FAULTS[fault]
    root = make_project(tmp_path, PAGE.replace("# A page\n\n$$", replacement), snippet="x = 1\n")
    done = run(root, "mkdocs", "build", "--strict")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert expected in out, out


SHORT_ANSWER = """---
answer: A page with a short answer.
---
# A page

!!! abstract "Short answer"
    The square root of 16 is 4, and $\\sqrt{2} \\approx 1.41$ ([Pythagoras, 2015](references.md#p)).
    {extra}

```python exec="on" source="block" result="text"
import math
print(f"sqrt(16) = {math.sqrt(16)}, sqrt(2) = {math.sqrt(2):.3f}")
assert math.sqrt(16) == 4
```
"""


@pytest.mark.parametrize(
    ("extra", "fails"),
    [
        ("", None),
        (
            "It has 7 digits.",
            "docs/page.md:8: the Short answer's number '7' is not in anything this page's code printed",
        ),
        ('Geron gives <span class="cited" title="Geron (2019), ch. 14">12.6 MB</span>.', None),
        (
            'Geron gives <span class="cited" title="">12.6 MB</span>.',
            "docs/page.md:8: cited number '12.6 MB' has no source",
        ),
    ],
)
def test_every_number_of_the_short_answer_is_printed_by_the_page(tmp_path, extra, fails):
    page = SHORT_ANSWER.replace("{extra}", extra)
    refs = '---\nanswer: refs\n---\n# References\n\n- <a id="p"></a>Pythagoras (2015).\n'
    root = F.make_project(tmp_path, {"index.md": HOME, "page.md": page, "references.md": refs})
    done = run(root, "mkdocs", "build", "--strict")
    out = done.stdout + done.stderr
    if fails is None:
        assert done.returncode == 0, out
    else:
        assert done.returncode != 0 and fails in out, out


def test_math_in_a_notebook_heading_fails_the_build_naming_the_notebook(tmp_path):
    cell = {"cell_type": "markdown", "metadata": {}, "source": ["# A notebook\n", "\n", "## The case $n = 1$\n"]}
    code = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ["print(1)"]}
    nb = {
        "cells": [cell, code],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    root = F.make_project(tmp_path, {"index.md": HOME, "nb.ipynb": json.dumps(nb)})
    done = run(root, "mkdocs", "build", "--strict")
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "docs/nb.ipynb: math in a Markdown cell's heading shows as raw TeX" in out, out


def test_one_katex_process_serves_a_build_and_a_dead_one_is_reported(monkeypatch):
    """The build typesets every page through one Node.js process; an invalid formula is an answer, not a crash,
    and a renderer that dies says so (with its exit status) instead of hanging or returning nothing."""
    from proven import katex

    katex.close()
    first = katex.typeset([("x^2", False), (r"\frac{1", True)])
    process = katex._renderer.proc
    second = katex.typeset([(r"\beta", False)])
    assert katex._renderer.proc is process and process.poll() is None
    assert "katex" in first[0]["html"] and "error" in first[1] and "katex" in second[0]["html"]
    katex.close()
    assert process.poll() is not None and katex._renderer.proc is None
    monkeypatch.setattr(katex, "SCRIPT", katex.SCRIPT.with_name("no-such-renderer.cjs"))
    with pytest.raises(RuntimeError, match=r"(?s)KaTeX renderer failed \(exit 1\).*no-such-renderer"):
        katex.typeset([("x", False)])
    katex.close()
