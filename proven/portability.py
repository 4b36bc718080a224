"""The portability run: every page's code and every notebook, under several numerical environments.

Floating-point results differ between CPUs, BLAS kernels and thread counts. A claim
proven on one machine is proven only if another machine cannot flip it. This module
emulates other machines on this one, with settings that change the bits of matrix
products, reductions and element-wise kernels (see :data:`ENVIRONMENTS`), and runs
each *unit* (a page's executable blocks, in page order and sessions; or a notebook)
under each of them in a fresh interpreter.

* ``python -m proven.portability run UNIT OUT.json`` runs one unit in the current
  environment and writes what every block or cell printed (``tests/test_portability.py``
  calls it once per unit and environment, with the environment's variables set).
* :func:`sensitivity` compares what the runs printed: for each block or cell, whether it
  is identical in every environment, and, for the numbers that move, how far (their
  spread). Numbers inside an element of class ``measured`` (timings) are set aside.
* ``python -m proven.portability report`` prints the summary of the last run and
  writes ``build/sensitivity.json``;
  ``python -m proven.portability check docs/training/batch-norm.md`` runs one unit
  under every environment, two at a time, and prints its report: the author's loop.

A result file records a key (:func:`unit_key`): the unit's code with includes
expanded, the Python and package versions, and the environment's settings. A result
whose key differs from the current one is stale and is never counted.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import subprocess
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from proven import blocks as B

#: The numerical environments, by name: the variables each sets on top of the test run's own.
#: The first is the environment as shipped (``./dev.sh`` runs everything with one thread).
ENVIRONMENTS: dict[str, dict[str, str]] = {
    "as shipped": {},
    # Intel MKL (PyTorch's BLAS on x86) takes its conditional-numerical-reproducibility
    # code path: other kernels for matrix products, as on another CPU generation.
    "MKL_CBWR=COMPATIBLE": {"MKL_CBWR": "COMPATIBLE"},
    # OpenBLAS (NumPy's and SciPy's BLAS) uses the kernels of an older CPU (AVX, no FMA).
    "OPENBLAS_CORETYPE=Sandybridge": {"OPENBLAS_CORETYPE": "Sandybridge"},
    # PyTorch's CPU kernels without vectorisation: other summation orders in reductions,
    # other approximations in exp, tanh, ...
    "ATEN_CPU_CAPABILITY=default": {"ATEN_CPU_CAPABILITY": "default"},
    # Two intra-op threads (where the code does not pin the count): reductions and matrix
    # products split in two, summed in another order.
    # (PASSIVE: idle threads sleep instead of spinning, which matters only for the time it takes when the
    # two test workers share the two cores)
    "2 threads": {
        "OMP_NUM_THREADS": "2",
        "MKL_NUM_THREADS": "2",
        "OPENBLAS_NUM_THREADS": "2",
        "OMP_WAIT_POLICY": "PASSIVE",
    },
    # A machine with AVX2 and no AVX-512 (most laptops, many CI runners), emulated on one that
    # has AVX-512; on an AVX2 machine this is close to "as shipped".
    "AVX2 machine": {"ATEN_CPU_CAPABILITY": "avx2", "MKL_ENABLE_INSTRUCTIONS": "AVX2", "OPENBLAS_CORETYPE": "Haswell"},
}

RUNS = B.ROOT / "build" / "portability"  #: one JSON file per (environment, unit)
REPORT = B.ROOT / "build" / "sensitivity.json"
#: Packages whose version is part of every result's key.
KEY_PACKAGES = ("torch", "numpy", "scipy", "scikit-learn", "matplotlib", "nbclient", "ipykernel")


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


# --- units ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    path: str  #: docs/... relative to the repository root

    @property
    def is_notebook(self) -> bool:
        return self.path.endswith(".ipynb")

    def code(self) -> str:
        """Everything that runs: each block's options and expanded code, or each code cell."""
        file = B.ROOT / self.path
        if self.is_notebook:
            nb = json.loads(file.read_text(encoding="utf-8"))
            return "\n# --- cell ---\n".join(_source(c) for c in nb["cells"] if c["cell_type"] == "code")
        return "".join(f"\n# --- {b.line} {sorted(b.options.items())} ---\n{b.code}" for b in B.executable_blocks(file))


def units() -> list[Unit]:
    """Every page with executable blocks, then every notebook, in path order."""
    pages = [
        Unit(B.rel(p)) for p in B.pages() if "includes" not in p.relative_to(B.DOCS).parts and B.executable_blocks(p)
    ]
    books = [Unit(B.rel(p)) for p in sorted(B.DOCS.rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts]
    return pages + books


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def versions() -> dict[str, str]:
    from importlib import metadata

    out = {"python": sys.version.split()[0]}
    for name in KEY_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def unit_key(unit: Unit, env_name: str, code: str | None = None, installed: dict | None = None) -> str:
    """What a result depends on: the code, the versions, the environment's settings.

    ``code`` and ``installed`` default to ``unit.code()`` and :func:`versions` (a caller checking many
    results passes them once: reading package metadata is what the check costs)."""
    code = unit.code() if code is None else code
    installed = versions() if installed is None else installed
    payload = json.dumps([unit.path, code, installed, env_name, ENVIRONMENTS[env_name]], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


def environment(env_name: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The process environment of a run in ``env_name``."""
    env = dict(os.environ if base is None else base)
    for var in {v for settings in ENVIRONMENTS.values() for v in settings}:
        env.pop(var, None)  # no setting of another environment leaks in
    env.setdefault("OMP_NUM_THREADS", "1")
    env.update({"MKL_NUM_THREADS": env["OMP_NUM_THREADS"], "OPENBLAS_NUM_THREADS": env["OMP_NUM_THREADS"]})
    env.update(ENVIRONMENTS[env_name], MPLBACKEND="Agg", PYTHONHASHSEED="0", PYTHONPATH=str(B.ROOT))
    return env


def result_path(unit: Unit, env_name: str) -> Path:
    return RUNS / slug(env_name) / (slug(unit.path) + ".json")


# --- running one unit (in the child process) ---------------------------------------------


def _run_page(unit: Unit) -> list[dict]:
    from proven import runner

    return runner.run_blocks(B.executable_blocks(B.ROOT / unit.path))


def _cell_output(cell) -> str:
    parts = []
    for o in cell.get("outputs", []):
        kind = o.get("output_type")
        if kind == "stream":
            parts.append(o.get("text", ""))
        elif kind in ("execute_result", "display_data"):
            data = o.get("data", {})
            for mime in sorted(data):
                if mime.startswith("image/"):
                    digest = hashlib.sha256(str(data[mime]).encode()).hexdigest()[:12]
                    parts.append(f"[{mime} {digest}]\n")
            if "text/plain" in data and not any(m.startswith("image/") for m in data):
                parts.append(str(data["text/plain"]) + "\n")
        elif kind == "error":
            parts.append(f"{o.get('ename')}: {o.get('evalue')}\n")
    return "".join(parts)


def execute_notebook(path: Path):
    """Execute a notebook with nbclient in a fresh kernel, as the build does; (the notebook, error or None)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    # coalesce_streams: a cell's printed chunks as one output, however the kernel split them in time
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        allow_errors=False,
        coalesce_streams=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as err:
        return nb, str(err)
    return nb, None


def _run_notebook(unit: Unit) -> list[dict]:
    path = B.ROOT / unit.path
    start = time.perf_counter()
    nb, error = execute_notebook(path)
    out = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        failed = any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        out.append(
            {
                "id": f"{unit.path} cell {index}",
                "line": index,
                "ok": not failed,
                "error": (f"{unit.path}: cell {index} failed:\n{error[-2500:]}" if failed and error else None),
                "output": _cell_output(cell),
            }
        )
    if error and all(e["ok"] for e in out):
        out.append(
            {"id": f"{unit.path}", "line": 0, "ok": False, "error": f"{unit.path}: {error[-2500:]}", "output": ""}
        )
    out.append(
        {
            "id": f"{unit.path} (whole notebook)",
            "line": -1,
            "ok": True,
            "error": None,
            "output": "",
            "seconds": round(time.perf_counter() - start, 3),
            "summary": True,
        }
    )
    return out


def run_unit(unit: Unit, env_name: str, out: Path) -> dict:
    """Run ``unit`` here (the environment is the caller's) and write its result to ``out``."""
    start = time.perf_counter()
    try:
        entries = _run_notebook(unit) if unit.is_notebook else _run_page(unit)
    except Exception:  # noqa: BLE001 - a unit that cannot even start is a failure of the unit
        entries = [{"id": unit.path, "line": 0, "ok": False, "error": traceback.format_exc(limit=5), "output": ""}]
    import torch  # what the run really had, for the record

    result = {
        "unit": unit.path,
        "env": env_name,
        "key": unit_key(unit, env_name),
        "settings": ENVIRONMENTS[env_name],
        "threads": torch.get_num_threads(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "seconds": round(time.perf_counter() - start, 2),
        "ok": all(e["ok"] for e in entries),
        "entries": entries,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def run_in_environment(unit: Unit, env_name: str, timeout: float = 1200) -> dict:
    """Run ``unit`` in a fresh interpreter under ``env_name``; its result (also written to disk)."""
    out = result_path(unit, env_name)
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "proven.portability", "run", unit.path, env_name, str(out)],
        cwd=B.ROOT,
        env=environment(env_name),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if not out.is_file():
        return {
            "unit": unit.path,
            "env": env_name,
            "ok": False,
            "seconds": None,
            "entries": [
                {
                    "id": unit.path,
                    "line": 0,
                    "ok": False,
                    "output": "",
                    "error": f"{unit.path}: the run under {env_name} wrote no result (exit {done.returncode}):\n"
                    f"{done.stderr[-2500:]}",
                }
            ],
        }
    return json.loads(out.read_text(encoding="utf-8"))


def failures(result: dict) -> list[str]:
    """One message per failed block or cell, each naming the environment, the page and the line."""
    env = result["env"]
    settings = " ".join(f"{k}={v}" for k, v in ENVIRONMENTS.get(env, {}).items()) or "no extra settings"
    return [f"[{env}: {settings}] {e['error']}" for e in result["entries"] if not e["ok"]]


# --- reading the results -----------------------------------------------------------------


def fresh_results() -> dict[str, dict[str, dict]]:
    """unit -> environment -> result, for results whose key matches the current code and versions."""
    out: dict[str, dict[str, dict]] = {}
    installed = versions()
    for unit in units():
        code = None
        for env_name in ENVIRONMENTS:
            path = result_path(unit, env_name)
            if not path.is_file():
                continue
            result = json.loads(path.read_text(encoding="utf-8"))
            code = unit.code() if code is None else code
            if result.get("key") == unit_key(unit, env_name, code, installed):
                out.setdefault(unit.path, {})[env_name] = result
    return out


def passed_environments(unit_path: str, results: dict | None = None) -> tuple[list[str], list[str]]:
    """(environments whose fresh result passed, environments failed or not run) for one unit."""
    results = fresh_results() if results is None else results
    runs = results.get(unit_path, {})
    passed = [e for e in ENVIRONMENTS if e in runs and runs[e]["ok"]]
    return passed, [e for e in ENVIRONMENTS if e not in passed]


# --- the sensitivity report --------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+(?:_\d{3})*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?|\bnan\b|\binf\b|NaN")
DATA_URI = re.compile(r"data:(?P<mime>[\w/+.-]+);base64,(?P<data>[A-Za-z0-9+/=]+)")
MEASURED = re.compile(
    r"""<(?P<tag>span|div|td)\b[^>]*\bclass=["'][^"']*\bmeasured\b[^"']*["'][^>]*>.*?</(?P=tag)>""", re.DOTALL
)
RESIDUAL = 1e-5  #: moving numbers all smaller than this in magnitude are rounding residuals
MARGIN = re.compile(r"\bmargin\b[^0-9\n-]{0,40}(?P<value>[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)")


def _figures(text: str) -> tuple[str, list[str]]:
    digests = []

    def one(m: re.Match) -> str:
        digests.append(hashlib.sha256(m["data"].encode()).hexdigest()[:12])
        return f"[figure {m['mime']}]"

    return DATA_URI.sub(one, text), digests


def _value(token: str) -> float:
    token = token.replace("_", "").rstrip("%")
    return float(token)


def _template(text: str) -> tuple[str, list[str]]:
    """The text with every number replaced by ``#``, and the numbers in order."""
    return NUMBER.sub("#", text), NUMBER.findall(text)


def _context(text: str, index: int) -> str:
    """The line holding the ``index``-th number of ``text``, the number marked."""
    for n, m in enumerate(NUMBER.finditer(text)):
        if n == index:
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            line = text[start : m.start()] + "⟨" + m.group() + "⟩" + text[m.end() : end]
            return " ".join(line.split())[:160]
    return ""


def compare_outputs(outputs: dict[str, str]) -> dict:
    """Compare one block's (or cell's) output across environments."""
    cleaned, figures = {}, {}
    measured_count = 0
    for env, text in outputs.items():
        measured_count = max(measured_count, len(MEASURED.findall(text)))
        text = MEASURED.sub("[measured]", text)
        cleaned[env], figures[env] = _figures(text)
    texts = set(cleaned.values())
    fig_sets = {tuple(f) for f in figures.values()}
    entry: dict = {"status": "identical", "measured_values_set_aside": measured_count}
    if len(texts) == 1:
        if len(fig_sets) > 1:
            entry["status"] = "figures differ"
        return entry
    templates = {env: _template(text) for env, text in cleaned.items()}
    shapes = {t for t, _ in templates.values()}
    if len(shapes) > 1:
        reference = next(iter(cleaned))
        entry["status"] = "text differs"
        entry["detail"] = {
            env: _first_line_differing(cleaned[reference], text)
            for env, text in cleaned.items()
            if text != cleaned[reference]
        }
        return entry
    entry["status"] = "numbers move"
    envs = list(templates)
    columns = list(zip(*(templates[e][1] for e in envs), strict=True))
    moving = []
    for i, column in enumerate(columns):
        if len(set(column)) == 1:
            continue
        try:
            values = [_value(v) for v in column]
        except ValueError:
            values = []
        finite = [v for v in values if math.isfinite(v)]
        spread = (max(finite) - min(finite)) if len(finite) == len(values) and values else None
        scale = max((abs(v) for v in finite), default=0.0)
        moving.append(
            {
                "context": _context(cleaned[envs[0]], i),
                "values": dict(zip(envs, column, strict=True)),
                "spread": spread,
                "relative_spread": (spread / scale) if spread and scale else None,
                # a residual: a difference or error at rounding level, not a result
                "kind": "residual" if values and len(finite) == len(values) and scale < RESIDUAL else "value",
            }
        )
    entry["numbers"] = len(columns)
    entry["moving"] = moving
    if len(fig_sets) > 1:
        entry["figures_differ"] = True
    return entry


def _first_line_differing(a: str, b: str) -> str:
    for x, y in zip(a.splitlines(), b.splitlines(), strict=False):
        if x != y:
            return f"{x[:120]!r} vs {y[:120]!r}"
    return f"{len(a.splitlines())} lines vs {len(b.splitlines())}"


def margins(outputs: dict[str, str]) -> list[dict]:
    """Each printed ``margin <number>``: its smallest value across the environments."""
    per_env = {
        env: [(m.group(0), float(m["value"])) for m in MARGIN.finditer(MEASURED.sub("", text))]
        for env, text in outputs.items()
    }
    counts = {len(v) for v in per_env.values()}
    if len(counts) != 1:
        return []
    out = []
    for i in range(counts.pop()):
        values = {env: v[i][1] for env, v in per_env.items()}
        label = _margin_label(outputs[next(iter(outputs))], i)
        worst = min(values, key=values.get)
        spread = max(values.values()) - values[worst]
        out.append(
            {
                "claim": label,
                "smallest": values[worst],
                "in": worst,
                "largest": max(values.values()),
                "spread": spread,
                # how many times its own spread across the environments the margin is (None: it did not move)
                "margin_over_spread": (values[worst] / spread) if spread > 0 else None,
            }
        )
    return out


def _margin_label(text: str, index: int) -> str:
    for n, m in enumerate(MARGIN.finditer(MEASURED.sub("", text))):
        if n == index:
            start = text.rfind("\n", 0, m.start()) + 1
            return " ".join(text[start : m.start()].split())[-110:] or "margin"
    return "margin"


def sensitivity(results: dict[str, dict[str, dict]] | None = None) -> dict:
    """The report: per unit and per block or cell, identical or how far its numbers move."""
    results = fresh_results() if results is None else results
    report = {
        "environments": {name: settings for name, settings in ENVIRONMENTS.items()},
        "versions": versions(),
        "units": {},
    }
    for unit in units():
        runs = results.get(unit.path, {})
        unit_entry: dict = {
            "environments_run": list(runs),
            "passed": [e for e in runs if runs[e]["ok"]],
            "seconds": {e: r.get("seconds") for e, r in runs.items()},
            "blocks": {},
        }
        if len(runs) >= 2:
            ids = [e["id"] for e in next(iter(runs.values()))["entries"] if not e.get("summary")]
            for ident in ids:
                outputs = {}
                for env, r in runs.items():
                    match = [e for e in r["entries"] if e["id"] == ident]
                    if match and match[0]["ok"]:
                        outputs[env] = match[0]["output"]
                if len(outputs) < 2:
                    unit_entry["blocks"][ident] = {"status": "not compared (failed)"}
                    continue
                entry = compare_outputs(outputs)
                found = margins(outputs)
                if found:
                    entry["margins"] = found
                unit_entry["blocks"][ident] = entry
        report["units"][unit.path] = unit_entry
    report["summary"] = _summary(report)
    return report


def _summary(report: dict) -> dict:
    blocks = [(u, i, b) for u, entry in report["units"].items() for i, b in entry["blocks"].items()]
    by_status: dict[str, int] = {}
    for _, _, b in blocks:
        by_status[b["status"]] = by_status.get(b["status"], 0) + 1
    units_identical = [
        u
        for u, e in report["units"].items()
        if e["blocks"] and all(b["status"] == "identical" for b in e["blocks"].values())
    ]
    all_margins = [dict(m, block=i) for _, i, b in blocks for m in b.get("margins", [])]
    return {
        "units": len(report["units"]),
        "units_identical": len(units_identical),
        "blocks_compared": len(blocks),
        "by_status": by_status,
        "environments": len(report["environments"]),
        "units_passing_everywhere": sum(
            len(e["passed"]) == len(report["environments"]) for e in report["units"].values()
        ),
        "margins": len(all_margins),
        "margins_not_positive": [m for m in all_margins if m["smallest"] <= 0],
        "margins_that_move": sum(m["spread"] > 0 for m in all_margins),
        # the margins closest to their own spread: where another machine could come nearest to failing
        "tightest_margins": sorted((m for m in all_margins if m["spread"] > 0), key=lambda m: m["margin_over_spread"])[
            :12
        ],
    }


def summary_lines(report: dict, limit: int = 40) -> list[str]:
    s = report["summary"]
    lines = [
        f"portability: {s['units_passing_everywhere']}/{s['units']} units passed in all "
        f"{s['environments']} numerical environments ({', '.join(report['environments'])})",
        f"sensitivity: {s['blocks_compared']} blocks and cells compared: "
        + ", ".join(f"{n} {k}" for k, n in sorted(s["by_status"].items()))
        + f"; {s['units_identical']} units print identically everywhere",
    ]
    shown = 0
    for unit, entry in report["units"].items():
        missing = [e for e in report["environments"] if e not in entry["passed"]]
        if missing:
            lines.append(f"  {unit}: NOT passed in {', '.join(missing)}")
        for ident, b in entry["blocks"].items():
            if b["status"] == "identical" or shown >= limit:
                continue
            shown += 1
            if b["status"] == "numbers move":
                values = [m for m in b["moving"] if m["kind"] == "value"]
                residuals = [m for m in b["moving"] if m["kind"] == "residual"]
                if not values:
                    top = max(max(abs(_value(v)) for v in m["values"].values()) for m in residuals)
                    lines.append(f"  {ident}: only rounding residuals move ({len(residuals)}, all below {top:.1e})")
                    continue
                worst = max(values, key=lambda m: m["relative_spread"] or 0.0)
                rel = worst["relative_spread"]
                lines.append(
                    f"  {ident}: {len(values)}/{b['numbers']} values move (+{len(residuals)} residuals); "
                    f"widest {'relative spread ' + format(rel, '.1e') if rel is not None else 'spread'} "
                    f"at {worst['context'][:90]!r}"
                )
            elif b["status"] == "text differs":
                first = next(iter(b["detail"].items()))
                lines.append(f"  {ident}: text differs ({first[0]}: {first[1][:110]})")
            else:
                lines.append(f"  {ident}: {b['status']}")
    lines.append(
        f"margins: {s['margins']} printed, {s['margins_that_move']} move between environments, "
        f"{len(s['margins_not_positive'])} not positive"
    )
    for m in s["margins_not_positive"]:
        lines.append(f"  NOT POSITIVE: {m['smallest']:.4g} ({m['in']}) {m['block']}: {m['claim'][-80:]}")
    if s["tightest_margins"]:
        lines.append("margins closest to their own spread (smallest margin / spread across environments):")
        for m in s["tightest_margins"][:8]:
            lines.append(
                f"  {m['margin_over_spread']:6.1f}x  margin {m['smallest']:.4g} ({m['in']}), spread "
                f"{m['spread']:.3g}  {m['block']}: {m['claim'][-70:]}"
            )
    return lines


def write_report(report: dict | None = None) -> dict:
    report = sensitivity() if report is None else report
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


# --- command line --------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"]:
        unit, env_name, out = Unit(argv[1]), argv[2], Path(argv[3])
        return 0 if run_unit(unit, env_name, out)["ok"] else 1
    if argv[:1] == ["report"]:
        report = write_report()
        print("\n".join(summary_lines(report, limit=10_000)))
        print(f"written to {B.rel(REPORT)}")
        return 0
    if argv[:1] == ["check"] and len(argv) >= 2:
        chosen = [Unit(B.rel(Path(p).resolve())) for p in argv[1:]]
        jobs = [(u, e) for u in chosen for e in ENVIRONMENTS]
        with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
            results = list(pool.map(lambda job: run_in_environment(*job), jobs))
        problems = [m for r in results for m in failures(r)]
        report = sensitivity()
        report["units"] = {k: v for k, v in report["units"].items() if k in {u.path for u in chosen}}
        report["summary"] = _summary(report)
        print("\n".join(summary_lines(report, limit=10_000)))
        print("\n".join(problems))
        return 1 if problems else 0
    print(__doc__.split("\n\n")[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
