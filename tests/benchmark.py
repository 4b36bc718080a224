"""Benchmark (not a test): what the build costs, cold and in the edit loop.

Works in a temporary copy of the project (so the edits it makes never touch the real pages), with
the edit-loop cache on (``PROVEN_CACHE=on``) and its own empty cache, and prints:

* the plain build: the same strict build with execution off (``PROVEN_EXECUTE=false``);
* the cold build: cache empty, every block and notebook runs (in parallel, ``PROVEN_JOBS``);
* the code's own run time: the runs' seconds, pages and notebooks, as measured inside them;
* a warm rebuild after a prose edit (a sentence added to a page): nothing runs;
* a warm rebuild after a snippet edit (a line added to one included snippet): its session runs;
* the same two edits as ``mkdocs serve --dirty`` rebuilds them (only the changed pages);
* the ratios against the targets: warm prose rebuild <= 0.1 x cold; cold <= 1.2 x (plain + code).

Timings on a shared 2-core machine are noisy: compare the ratios, not the seconds. ``./dev.sh bench``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".git", ".venv", "venv", "node_modules", "site", "build", ".cache", ".pytest_cache"}
PROSE_PAGE, PROSE_ANCHOR = "docs/training/momentum.md", "## Why"
SNIPPET = "snippets/training/momentum_rule.py"


def copy_project(dest: Path) -> Path:
    for entry in ROOT.iterdir():
        if entry.name in SKIP or entry.name.endswith(".egg-info"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, dest / entry.name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def build(root: Path, *extra: str, execute: bool = True) -> tuple[float, dict]:
    env = dict(
        os.environ,
        PROVEN_CACHE="on",
        PROVEN_EXECUTE="true" if execute else "false",
        NO_MKDOCS_2_WARNING="1",
        PYTHONPATH=str(root),
    )
    env.pop("CI", None)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *extra, "--site-dir", str(root / "site")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"build failed (exit {done.returncode}):\n{(done.stdout + done.stderr)[-3000:]}")
    stats_file = root / "build" / "execution-stats.json"
    stats = json.loads(stats_file.read_text()) if execute and stats_file.is_file() else {}
    return seconds, stats


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line(label: str, seconds: float, stats: dict | None = None) -> None:
    ran = ""
    if stats:
        ran = (
            f"  (blocks run {stats['blocks_run']}, reused {stats['blocks_reused']}; "
            f"notebooks run {stats['notebooks_run']}, reused {stats['notebooks_reused']})"
        )
    print(f"{label:44} {seconds:7.1f} s{ran}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp))
        plain, _ = build(root, execute=False)
        cold, stats = build(root, "--strict")
        code = stats["seconds_pages"] + stats["seconds_notebooks"]
        edit(root, PROSE_PAGE, PROSE_ANCHOR, "A sentence added by the benchmark.\n\n" + PROSE_ANCHOR)
        prose, prose_stats = build(root, "--strict")
        edit(root, SNIPPET, "\n", "\n# a comment added by the benchmark: a snippet edit\n")
        snippet, snippet_stats = build(root, "--strict")
        # as mkdocs serve --dirty rebuilds: only the pages whose source or results changed
        edit(root, PROSE_PAGE, "A sentence added by the benchmark.", "A sentence edited by the benchmark.")
        dirty_prose, _ = build(root, "--dirty")
        edit(root, SNIPPET, "# a comment added by the benchmark", "# a comment edited by the benchmark")
        dirty_snippet, _ = build(root, "--dirty")

    line("plain build (execution off)", plain)
    line("cold build (empty cache, everything runs)", cold, stats)
    line("  the code's own run time: pages", stats["seconds_pages"])
    line("  the code's own run time: notebooks", stats["seconds_notebooks"])
    for name, seconds in sorted(stats["runs"].items(), key=lambda kv: -kv[1])[:8]:
        line(f"    {name}", seconds)
    line("warm rebuild after a prose edit", prose, prose_stats)
    line("warm rebuild after a snippet edit", snippet, snippet_stats)
    line("dirty rebuild (serve) after a prose edit", dirty_prose)
    line("dirty rebuild (serve) after a snippet edit", dirty_snippet)
    print(f"ratio warm prose / cold:                     {prose / cold:7.3f}  (target <= 0.1)")
    print(f"ratio cold / (plain + code's own run time):  {cold / (plain + code):7.3f}  (target <= 1.2)")
    print(f"ratio cold / (plain + code's time / {stats_jobs()} jobs):   {cold / (plain + code / stats_jobs()):7.3f}")


def stats_jobs() -> int:
    return int(os.environ.get("PROVEN_JOBS") or min(2, os.cpu_count() or 1))


if __name__ == "__main__":
    main()
