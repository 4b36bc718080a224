"""The pre-commit hooks a contributor runs are the ones CI runs: they pass on every file, and they catch.

The hooks (``.pre-commit-config.yaml``) are all local and take their tools from the virtual environment,
so they run offline, here as on a contributor's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from proven import blocks as B

VENV = Path(sys.executable).parent.parent


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    tool = shutil.which("pre-commit", path=str(VENV / "bin"))
    assert tool, "pre-commit is not installed: pip install -e '.[test]'"
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [tool, "run", "--all-files", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )


def clone(tmp_path: Path) -> Path:
    """A clone of the repository's committed state, with the virtual environment linked in."""
    if not (B.ROOT / ".git").exists():
        pytest.fail(f"{B.ROOT} is not a git checkout: pre-commit runs on the files git tracks", pytrace=False)
    dest = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(B.ROOT), str(dest)], check=True)
    (dest / ".venv").symlink_to(VENV)
    return dest


def test_the_hooks_pass_on_every_committed_file(tmp_path):
    root = clone(tmp_path)
    done = pre_commit(root, tmp_path / "home", "--show-diff-on-failure")
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    for hook in (
        "ruff check",
        "ruff format",
        "Python inside the pages",
        "spelling",
        "zizmor",
        "trailing whitespace",
        "final newline",
        "YAML syntax",
    ):
        assert hook in done.stdout, f"hook {hook!r} did not run:\n{done.stdout}"


def test_the_hooks_catch_what_they_are_for(tmp_path):
    root = clone(tmp_path)
    (root / "snippets" / "training" / "sgd_losses.py").write_text("import torch\nx = [1,2,  3]  \n")
    page = root / "docs" / "training" / "momentum.md"
    typo = "sen" + "tense"  # spelled out in two, or the spelling hook would flag this file
    page.write_text(page.read_text().replace("## Why", f"## Why\n\nThis {typo} has a typo.", 1))
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "nav: [unclosed\n")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    done = pre_commit(root, tmp_path / "home")
    out = done.stdout
    assert done.returncode != 0, out
    assert "unformatted: File would be reformatted\n --> snippets/training/sgd_losses.py" in out, out  # ruff format
    assert "Fixing snippets/training/sgd_losses.py" in out, out  # trailing whitespace
    assert "docs/training/momentum.md:" in out and f"{typo} ==> sentence" in out, out
    assert "mkdocs.yml" in out, out
