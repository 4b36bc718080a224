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


def where(block: B.Block, error: BaseException) -> tuple[str, str]:
    """(the file:line that raised, as far as the block's own code goes; ``Kind: message``)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename(block)]
    detail = str(error)
    head = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return (str(block.origin(frames[-1].lineno)) if frames else block.ident), head


def run_blocks(blocks: list[B.Block]) -> list[dict]:
    """Run blocks as the build does, in order: a session's blocks share a namespace, other blocks
    start from a fresh one; what each prints is captured. A failure is recorded, not raised, and the
    later blocks of its session are not run."""
    import contextlib
    import io
    import time

    out, sessions, failed = [], {}, {}
    for block in blocks:
        entry = {"id": block.ident, "line": block.line, "ok": True, "error": None, "output": ""}
        start = time.perf_counter()
        if block.session in failed:
            entry.update(
                ok=False,
                where=block.ident,
                head="not run",
                error=f"{block.ident}: not run: an earlier block of session "
                f"{block.session!r} failed ({failed[block.session]})",
            )
        else:
            namespace = (
                sessions.setdefault(block.session, new_namespace(block)) if block.session else new_namespace(block)
            )
            buffer = io.StringIO()
            try:
                with contextlib.redirect_stdout(buffer):
                    execute(block, namespace)
            except Exception as error:  # noqa: BLE001 - a failing block is the result
                origin, head = where(block, error)
                entry.update(ok=False, error=describe(block, error), where=origin, head=head)
                if block.session:
                    failed[block.session] = block.ident
            entry["output"] = buffer.getvalue()
        entry["seconds"] = round(time.perf_counter() - start, 3)
        out.append(entry)
    return out


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
    return f"{block.ident}: code block failed at {where}\n" + "\n".join(lines) + tail + f"\n{head}"


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
