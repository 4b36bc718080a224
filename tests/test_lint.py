"""Lint what readers copy: the build machinery, the tests, the snippets and the code in the pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from proven import blocks as B


def ruff() -> str:
    path = shutil.which("ruff", path=os.path.dirname(sys.executable)) or shutil.which("ruff")
    assert path, "ruff is not installed: pip install -e '.[test]'"
    return path


def test_ruff_on_files():
    done = subprocess.run([ruff(), "check", "--no-cache", "proven", "tests", "snippets"], cwd=B.ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_on_the_code_blocks_of_the_pages():
    problems = []
    for page in B.pages():
        for block in B.executable_blocks(page):
            if block.includes() and all(o.path != block.page for o in block.origins):
                continue  # only included files: linted as files above
            done = subprocess.run(
                [ruff(), "check", "--no-cache", "--extend-ignore", "F821,E402,I001", "--output-format", "concise",
                 "--stdin-filename", "block.py", "-"],
                cwd=B.ROOT, input=block.code, capture_output=True, text=True, check=False)
            if done.returncode:
                for line in done.stdout.splitlines():
                    if line.startswith("block.py:"):
                        n = int(line.split(":")[1])
                        problems.append(f"{block.origin(n)}: {line.split(':', 3)[-1].strip()}")
    assert not problems, "\n".join(problems)
