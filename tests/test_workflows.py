"""The GitHub Actions workflows pass zizmor (installed from PyPI) with no finding."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from proven import blocks as B

WORKFLOWS = B.ROOT / ".github" / "workflows"


def test_zizmor_finds_nothing():
    zizmor = shutil.which("zizmor", path=os.path.dirname(sys.executable)) or shutil.which("zizmor")
    assert zizmor, "zizmor is not installed: pip install -e '.[test]'"
    done = subprocess.run(
        [zizmor, "--offline", "--no-progress", str(B.ROOT / ".github")], capture_output=True, text=True, check=False
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0 and "No findings to report" in out, out


def test_third_party_actions_are_pinned_to_full_shas():
    uses = []
    for wf in sorted(WORKFLOWS.glob("*.yml")):
        uses += [(wf.name, m[1]) for m in re.finditer(r"uses:\s*(\S+)", wf.read_text())]
    assert uses
    unpinned = [(f, u) for f, u in uses if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u)]
    assert not unpinned, f"actions not pinned to a commit SHA: {unpinned}"


def test_every_job_has_a_timeout_and_least_privilege():
    for wf in sorted(WORKFLOWS.glob("*.yml")):
        text = wf.read_text()
        assert re.search(r"^permissions: \{\}$", text, re.M), f"{wf.name}: top-level permissions must be {{}}"
        jobs = re.findall(r"^  (\w[\w-]*):\n", text.split("\njobs:\n", 1)[1], re.M)
        assert jobs, wf.name
        assert text.count("timeout-minutes:") >= len(jobs), f"{wf.name}: a job has no timeout-minutes"
        assert text.count("    permissions:") >= len(jobs), f"{wf.name}: a job has no permissions block"
