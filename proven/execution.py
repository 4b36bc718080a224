"""Run the site's code for a build: in parallel on the machine's cores and, in the edit loop, from a cache
that is never stale.

The build hook (``proven/mkdocs_hooks.py``) hands every page's executable blocks and every notebook to
an :class:`Executor` before any page is rendered. It runs them in fresh interpreters, two at a time
(``PROVEN_JOBS``), while MkDocs renders; when a page's block is rendered, markdown-exec asks the hook for
its output (through markdown-exec's public ``formatters`` and ``base_format``) and the hook takes it
from here. So the build does not depend on markdown-exec's private functions, and the layer would
survive a move to another site generator: it needs only "give me the output of this block".

**The cache** (``PROVEN_CACHE=on``, which ``./dev.sh serve`` sets; never under ``CI``, and never in
``./dev.sh test``, ``./dev.sh build`` or ``./dev.sh release``) keeps each result under a key made of
everything that could change it:

* a block: its code with includes expanded and its options, chained through every earlier block of its
  session (a session is run again as a whole, since its state lives in the interpreter);
* a notebook: its code cells only (a Markdown cell edit runs nothing), and the kernel;
* for both, :func:`fingerprint`: the Python version, every installed distribution and its version,
  the CPU (model and PyTorch's kernel level) and the numerical environment (thread counts, BLAS and
  PyTorch kernel settings: the variables of :data:`proven.portability.ENVIRONMENTS`);
* a notebook page's HTML (nbconvert's part of the render, about a second per notebook): the executed
  notebook's whole text, Markdown cells included, the notebook plugin's options and the fingerprint.

A failure is never cached. The cache is ``.cache/proven/`` in the working tree (ignored by git);
``./dev.sh clean`` removes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from proven import blocks as B
from proven import portability as P


def cache_dir() -> Path:
    return B.ROOT / ".cache" / "proven"


ON = {"1", "true", "yes", "on"}
#: Variables that change floating-point results or their order of evaluation.
NUMERIC_VARS = sorted(
    {v for settings in P.ENVIRONMENTS.values() for v in settings}
    | {
        "OMP_NUM_THREADS",
        "MKL_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "NPY_DISABLE_CPU_FEATURES",
        "MKL_CBWR",
        "PYTHONHASHSEED",
        "MPLBACKEND",
    }
)
#: Set by the build hook's ``on_startup`` (``mkdocs serve --dirty``); kept here because MkDocs reloads
#: the hook module at every rebuild, not this one.
DIRTY = False


def cache_enabled() -> bool:
    """The cache is for the edit loop only: off unless asked for, and always off under CI."""
    return os.environ.get("PROVEN_CACHE", "").lower() in ON and not os.environ.get("CI")


def _cpu() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor()
    model = next((ln.split(":", 1)[1].strip() for ln in text.splitlines() if ln.startswith("model name")), "")
    flags = next((ln.split(":", 1)[1].split() for ln in text.splitlines() if ln.startswith("flags")), [])
    return f"{model} [{hashlib.sha256(' '.join(sorted(flags)).encode()).hexdigest()[:12]}]"


@lru_cache(maxsize=1)
def _installed() -> tuple[tuple[str, str], ...]:
    from importlib import metadata

    return tuple(
        sorted({(d.metadata["Name"].lower(), d.version) for d in metadata.distributions() if d.metadata["Name"]})
    )


def fingerprint() -> dict:
    """What, besides the code, a result depends on (see the module's docstring)."""
    import torch

    return {
        "python": sys.version,
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "cpu": _cpu(),
        "torch_kernels": torch.backends.cpu.get_cpu_capability(),
        "environment": {v: os.environ.get(v) for v in NUMERIC_VARS},
        "packages": list(_installed()),
    }


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:24]


# --- what runs together ----------------------------------------------------------------------


@dataclass
class Group:
    """Blocks that run in one namespace: a session, or one block without a session."""

    page: str
    name: str  #: "session NAME" or "line N"
    blocks: list[B.Block]
    keys: list[str] = field(default_factory=list)  #: one per block, chained through the session


def groups(page_blocks: list[B.Block], base: str) -> list[Group]:
    out: dict[str, Group] = {}
    for block in page_blocks:
        name = f"session {block.session}" if block.session else f"line {block.line}"
        out.setdefault(name, Group(block.page, name, [])).blocks.append(block)
    for group in out.values():
        key = base
        for block in group.blocks:  # the key of a block names the code of every earlier block of its session
            options = {k: v for k, v in sorted(block.options.items()) if k != "id"}
            key = _digest(key, block.code, options)
            group.keys.append(key)
    return list(out.values())


def notebook_key(path: Path, base: str) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name", "python3")
    return _digest(base, kernel, [P._source(c) for c in nb["cells"] if c["cell_type"] == "code"])


# --- running in a fresh interpreter (the child process) ---------------------------------------


def run_page_groups(page: str, names: list[str]) -> list[dict]:
    from proven import runner

    chosen = [
        b
        for b in B.executable_blocks(B.ROOT / page)
        if (f"session {b.session}" if b.session else f"line {b.line}") in names
    ]
    return runner.run_blocks(chosen)


def run_notebook(path: str) -> dict:
    nb, error = P.execute_notebook(B.ROOT / path)
    failed = next(
        (i for i, c in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))), None
    )
    cells = [c for c in nb.cells if c.cell_type == "code"]
    return {
        "ok": error is None,
        "error": error,
        "failed_cell": failed,
        "outputs": [c.get("outputs", []) for c in cells],
        "execution_counts": [c.get("execution_count") for c in cells],
    }


def _child(argv: list[str]) -> int:
    kind, target, out = argv[0], argv[1], Path(argv[2])
    start = time.perf_counter()
    result = run_notebook(target) if kind == "notebook" else {"blocks": run_page_groups(target, argv[3:])}
    result["seconds"] = round(time.perf_counter() - start, 3)
    out.write_text(json.dumps(result), encoding="utf-8")
    return 0


# --- the executor (in the build's process) ------------------------------------------------------


class ExecutionFailed(Exception):
    pass


class Executor:
    """Starts every run a build needs as soon as the pages are known, and hands out the results."""

    def __init__(self, jobs: int | None = None, use_cache: bool | None = None) -> None:
        self.use_cache = cache_enabled() if use_cache is None else use_cache
        self.jobs = jobs or int(os.environ.get("PROVEN_JOBS") or min(2, os.cpu_count() or 1))
        self.pool = ThreadPoolExecutor(max_workers=self.jobs)
        self.base = _digest(fingerprint())
        self.block_groups: dict[str, Group] = {}  # block ident -> its group
        self.page_runs: dict[tuple[str, str], Future] = {}  # (page, group name) -> run of the page's groups
        self.cached: dict[str, dict] = {}  # block ident -> cached result
        self.notebooks: dict[str, Future | dict] = {}
        self.notebook_keys: dict[str, str] = {}
        self.stats = {
            "blocks_reused": 0,
            "blocks_run": 0,
            "notebooks_reused": 0,
            "notebooks_run": 0,
            "seconds_pages": 0.0,
            "seconds_notebooks": 0.0,
            "runs": {},
        }  # the runs' own time
        self.tmp = B.ROOT / "build" / "execution"
        self.tmp.mkdir(parents=True, exist_ok=True)

    # cache files
    def _entry(self, kind: str, key: str) -> Path:
        return cache_dir() / kind / f"{key}.json"

    def _load(self, kind: str, key: str) -> dict | None:
        if not self.use_cache:
            return None
        path = self._entry(kind, key)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _store(self, kind: str, key: str, value: dict) -> None:
        if self.use_cache:
            path = self._entry(kind, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(value), encoding="utf-8")
            tmp.replace(path)

    def _child_run(self, args: list[str], timeout: float = 1800) -> dict:
        out = self.tmp / f"{_digest(args, time.time_ns())}.json"
        env = dict(os.environ, PYTHONPATH=str(B.ROOT), MPLBACKEND="Agg")
        done = subprocess.run(
            [sys.executable, "-m", "proven.execution", *args[:2], str(out), *args[2:]],
            cwd=B.ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if not out.is_file():
            raise ExecutionFailed(
                f"{args[1]}: the run wrote no result (exit {done.returncode}):\n{done.stderr[-3000:]}"
            )
        result = json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
        return result

    def plan(self, page_blocks: dict[str, list[B.Block]], notebooks: list[Path]) -> None:
        """Start every run that no cached result answers: notebooks first (they take longest)."""
        for path in notebooks:
            rel = B.rel(path)
            key = self.notebook_keys[rel] = notebook_key(path, self.base)
            cached = self._load("notebooks", key)
            if cached is not None:
                self.notebooks[rel] = cached
                self.stats["notebooks_reused"] += 1
            else:
                self.notebooks[rel] = self.pool.submit(self._run_notebook, rel, key)
        for page, blocks in page_blocks.items():
            stale = []
            for group in groups(blocks, self.base):
                for block in group.blocks:
                    self.block_groups[block.ident] = group
                hits = [self._load("blocks", key) for key in group.keys]
                if all(h is not None for h in hits):
                    for block, hit in zip(group.blocks, hits, strict=True):
                        self.cached[block.ident] = hit
                    self.stats["blocks_reused"] += len(group.blocks)
                else:
                    stale.append(group)
            if stale:
                future = self.pool.submit(self._run_page, page, stale)
                for group in stale:
                    self.page_runs[page, group.name] = future

    def _run_page(self, page: str, stale: list[Group]) -> dict[str, dict]:
        result = self._child_run(["page", page, *[g.name for g in stale]])
        self.stats["seconds_pages"] += result["seconds"]
        self.stats["runs"][page] = result["seconds"]
        by_id = {e["id"]: e for e in result["blocks"]}
        for group in stale:
            self.stats["blocks_run"] += len(group.blocks)
            for block, key in zip(group.blocks, group.keys, strict=True):
                entry = by_id.get(block.ident)
                if entry and entry["ok"]:
                    self._store("blocks", key, {"output": entry["output"], "seconds": entry["seconds"]})
        return by_id

    def _run_notebook(self, rel: str, key: str) -> dict:
        result = self._child_run(["notebook", rel])
        self.stats["notebooks_run"] += 1
        self.stats["seconds_notebooks"] += result["seconds"]
        self.stats["runs"][rel] = result["seconds"]
        if result["ok"]:
            self._store("notebooks", key, result)
        return result

    def block(self, block: B.Block) -> dict:
        """The result of a block: ``ok``, ``output``, ``seconds``; ``error``, ``where``, ``head`` if it failed."""
        if block.ident in self.cached:
            return dict(self.cached[block.ident], ok=True, reused=True)
        group = self.block_groups.get(block.ident)
        if group is None or (block.page, group.name) not in self.page_runs:
            raise ExecutionFailed(f"{block.ident}: this block was not planned for execution")
        entry = self.page_runs[block.page, group.name].result().get(block.ident)
        if entry is None:
            raise ExecutionFailed(f"{block.ident}: the run of its page returned nothing for it")
        return entry

    def notebook(self, rel: str) -> dict:
        value = self.notebooks[rel]
        return value.result() if isinstance(value, Future) else value

    def rendered_notebook(self, executed: str, options: dict) -> tuple[str, dict | None]:
        """(key, cached render or None) of a notebook page's HTML, in the edit loop only.

        The key is the executed notebook's whole text (Markdown cells, code and outputs), the notebook
        plugin's options and :func:`fingerprint` (nbconvert, Pygments and mkdocs-jupyter versions
        among the installed packages): everything its HTML is made from."""
        key = _digest(self.base, executed, options)
        return key, self._load("renders", key)

    def store_rendered_notebook(self, key: str, value: dict) -> None:
        self._store("renders", key, value)

    def needs_render(self, page: str) -> bool:
        """For a dirty rebuild: does the page show results other than those it was last rendered with?"""
        return self.rendered_keys(page) != _read_rendered().get(page)

    def rendered_keys(self, page: str) -> list[str]:
        if page in self.notebook_keys:
            return [self.notebook_keys[page]]
        seen = {id(g): g for g in self.block_groups.values() if g.page == page}
        return [k for g in seen.values() for k in g.keys]

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _rendered_file() -> Path:
    """page -> the result keys its HTML in the site was last rendered with (for dirty rebuilds)."""
    return cache_dir() / "rendered.json"


def _read_rendered() -> dict:
    try:
        return json.loads(_rendered_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record_rendered(keys: dict[str, list[str]]) -> None:
    if not cache_enabled():
        return
    _rendered_file().parent.mkdir(parents=True, exist_ok=True)
    _rendered_file().write_text(json.dumps(dict(_read_rendered(), **keys), indent=0), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(_child(sys.argv[1:]))
