"""Lint and format-check the Python inside the Markdown pages, naming page and line.

``python -m proven.lint`` runs ``ruff check`` and ``ruff format --check`` on every executable block's own
code (the lines written in the page; included snippet files are checked as files) and prints one
``page.md:LINE: message`` per problem. The pre-commit hook and ``tests/test_lint.py`` call it;
``python -m proven.lint --fix`` rewrites the blocks as ``ruff format`` would.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys

from proven import blocks as B

#: Names a block may use from the earlier blocks of its session or from an include (F821), imports
#: after an include (E402), import order across an include (I001).
BLOCK_IGNORES = "F821,E402,I001"


def ruff() -> str:
    path = shutil.which("ruff", path=os.path.dirname(sys.executable)) or shutil.which("ruff")
    if not path:
        raise SystemExit("ruff is not installed: pip install -e '.[test]'")
    return path


def _own_code(block: B.Block) -> str | None:
    """The block's code if it has lines of its own (a block of includes only is checked as files)."""
    if block.includes() and all(o.path != block.page for o in block.origins):
        return None
    return block.code


def check_block(block: B.Block) -> list[str]:
    code = _own_code(block)
    if code is None:
        return []
    problems = []
    done = subprocess.run(
        [
            ruff(),
            "check",
            "--no-cache",
            "--extend-ignore",
            BLOCK_IGNORES,
            "--output-format",
            "concise",
            "--stdin-filename",
            "block.py",
            "-",
        ],
        cwd=B.ROOT,
        input=code,
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("block.py:"):
            n = int(line.split(":")[1])
            problems.append(f"{block.origin(n)}: {line.split(':', 3)[-1].strip()}")
    if block.includes():
        return problems  # an included file is formatted as a file; a mixed block is not reformatted as one
    done = subprocess.run(
        [ruff(), "format", "--no-cache", "--stdin-filename", "block.py", "-"],
        cwd=B.ROOT,
        input=code,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 0 and done.stdout != code:
        diff = difflib.unified_diff(code.splitlines(), done.stdout.splitlines(), lineterm="", n=0)
        first = next((d for d in diff if d.startswith("@@")), "@@ -1 @@")
        n = int(first.split()[1].lstrip("-").split(",")[0] or 1)
        problems.append(f"{block.origin(max(n, 1))}: not formatted as `ruff format` would format it")
    elif done.returncode:
        problems.append(f"{block.ident}: ruff format failed: {done.stderr.strip()[:200]}")
    return problems


def fix_page(page) -> int:
    """Rewrite the page's blocks (those with no include) as ``ruff format`` formats them; how many changed."""
    lines = page.read_text(encoding="utf-8").split("\n")
    changed = 0
    for block in reversed(B.executable_blocks(page)):
        if block.includes():
            continue
        done = subprocess.run(
            [ruff(), "format", "--no-cache", "--stdin-filename", "block.py", "-"],
            cwd=B.ROOT,
            input=block.code,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode or done.stdout == block.code:
            continue
        fence = lines[block.line - 1]
        indent = fence[: len(fence) - len(fence.lstrip())]
        new = [indent + ln if ln else ln for ln in done.stdout.rstrip("\n").split("\n")]
        lines[block.line : block.line + len(block.body)] = new
        changed += 1
    if changed:
        page.write_text("\n".join(lines), encoding="utf-8")
    return changed


def problems() -> list[str]:
    return [p for page in B.pages() for block in B.executable_blocks(page) for p in check_block(block)]


def main() -> int:
    if sys.argv[1:] == ["--fix"]:
        for page in B.pages():
            if n := fix_page(page):
                print(f"{B.rel(page)}: {n} block(s) reformatted")
    found = problems()
    print("\n".join(found) if found else "the Python in the pages is clean (ruff check, ruff format)")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
