"""Run executable blocks the way the build does, and explain their failures.

Used in-process by the pytest plugin (blocks that share a session) and as
``python -m proven.runner PAGE LINE`` in a fresh interpreter (a block that
stands alone, exactly as a reader who copies it would run it).
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from pathlib import Path
from types import ModuleType

from proven import blocks as B

PREFIX = "<code block "


def filename(block: B.Block) -> str:
    return f"{PREFIX}{block.ident}>"


def new_namespace(block: B.Block) -> dict:
    """Fresh globals, named as markdown-exec names them (not ``__main__``)."""
    name = re.sub(r"[^a-zA-Z\d]+", "_", filename(block))
    sys.modules[name] = ModuleType(name)
    return {"__name__": name}


def execute(block: B.Block, namespace: dict) -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
    code = compile(block.code, filename(block), "exec")
    cwd = Path.cwd()
    os.chdir(B.ROOT)  # markdown-exec runs blocks from the directory mkdocs runs in
    try:
        exec(code, namespace)  # noqa: S102
    finally:
        os.chdir(cwd)


def describe(block: B.Block, error: BaseException) -> str:
    """``page.md:LINE: code block failed at FILE:LINE`` with the failing lines."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename(block)]
    kind = type(error).__name__
    detail = str(error)
    head = f"{kind}: {detail}" if detail else kind
    if not frames:
        return f"{block.ident}: code block failed: {head}"
    code_lines = block.code.splitlines()
    lines = []
    for frame in frames:
        origin = block.origin(frame.lineno)
        text = code_lines[frame.lineno - 1].strip() if frame.lineno <= len(code_lines) else ""
        lines.append(f"  {origin}: {text}")
    where = block.origin(frames[-1].lineno)
    inner = traceback.extract_tb(error.__traceback__)[-1]
    tail = ""
    if inner.filename != filename(block):
        tail = f"\n  raised in {inner.filename}:{inner.lineno}: {inner.line}"
    return (f"{block.ident}: code block failed at {where}\n"
            + "\n".join(lines) + tail + f"\n{head}")


def find(page: str, line: int) -> B.Block:
    for block in B.executable_blocks(B.ROOT / page):
        if block.line == line:
            return block
    raise SystemExit(f"{page}:{line}: no executable block starts here")


def main(argv: list[str]) -> int:
    page, line = argv[0], int(argv[1])
    block = find(page, line)
    try:
        execute(block, {"__name__": "__main__"})
    except BaseException as error:  # noqa: BLE001 - report everything, exit non-zero
        print(describe(block, error), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
