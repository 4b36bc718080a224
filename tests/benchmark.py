"""Benchmark (not a test): what executing the code costs the docs build.

Prints the full strict build time, the time of the same build with execution
switched off (PROVEN_EXECUTE=false: no code block and no notebook runs), the
code blocks' own run time (recorded by the build hook), and each notebook's
run time (executed with nbclient, as the build does). Timings on a shared
2-core machine are noisy: compare the ratios, not the seconds.

Run it with ./dev.sh bench.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def timed_build(execute: bool) -> float:
    env = dict(os.environ, PROVEN_EXECUTE="true" if execute else "false", NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", site] + (["--strict"] if execute else [])
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> None:
    full = timed_build(execute=True)
    blocks = json.loads((ROOT / "build" / "executed-blocks.json").read_text())["seconds"]
    bare = timed_build(execute=False)
    snippets = sum(blocks.values())
    print(f"full strict build:            {full:7.1f} s")
    print(f"build with execution off:     {bare:7.1f} s")
    print(f"code blocks' own run time:    {snippets:7.1f} s  ({len(blocks)} blocks)")
    print(f"ratio full / execution off:   {full / bare:7.1f}")
    print(f"blocks' share of the build:   {snippets / full:7.1%}")
    print("slowest blocks:")
    for ident, seconds in sorted(blocks.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {seconds:6.2f} s  {ident}")
    print("notebooks (nbclient, fresh kernel):")
    for path in sorted((ROOT / "docs" / "experiments").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        print(f"  {time.perf_counter() - start:6.1f} s  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
