"""Lint what readers copy: the build machinery, the tests, the snippets and the code in the pages."""

from __future__ import annotations

import subprocess

import pytest

from proven import blocks as B
from proven import lint


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_on_files(command):
    done = subprocess.run(
        [lint.ruff(), *command, "--no-cache", "proven", "tests", "snippets"],
        cwd=B.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_on_the_code_blocks_of_the_pages():
    problems = lint.problems()
    assert not problems, "\n".join(problems)
