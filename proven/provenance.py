"""What a page's proof ran on: the packages its code imports, their versions, and the portability run.

Used by the build hook (``proven/mkdocs_hooks.py``) to put a "Proved with" line under every
page's title and to publish, next to each page's script and each notebook, a requirements file
that pins exactly what the build had installed: the packages the code imports and everything
they require, recursively.
"""

from __future__ import annotations

import ast
import json
import platform
import re
import sys
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

from proven import blocks as B
from proven import portability as P

#: Shown first, in this order; the other imported packages follow alphabetically.
LEADING = ("torch", "numpy")
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def _code_of(path: Path) -> list[str]:
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        return [P._source(c) for c in nb["cells"] if c["cell_type"] == "code"]
    return [b.code for b in B.executable_blocks(path)]


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module the page's (or notebook's) code imports."""
    names: set[str] = set()
    for code in _code_of(path):
        lines = [ln for ln in code.splitlines() if not ln.lstrip().startswith(("%", "!"))]  # notebook magics
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


@lru_cache(maxsize=1)
def _distributions_of_modules() -> dict[str, list[str]]:
    return metadata.packages_distributions()


@cache
def _distribution(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(name as published, version, what it requires on this platform) of an installed distribution.

    Reading a distribution's metadata is most of what listing a page's packages costs; every page asks
    for the same few, so they are read once per build (:func:`clear_caches`, called by the build hook).
    """
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None
    marker_env = dict(default_environment(), extra="")
    requires = []
    for text in dist.requires or []:
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate(marker_env):
            requires.append(req.name)
    return dist.metadata["Name"], dist.version, tuple(requires)


def clear_caches() -> None:
    _distributions_of_modules.cache_clear()
    _distribution.cache_clear()


def imported_distributions(path: Path) -> list[str]:
    """Installed distributions (PyPI names) the code imports, torch and numpy first."""
    found = set()
    for name in imported_modules(path):
        if name in sys.stdlib_module_names:
            continue
        dists = _distributions_of_modules().get(name)
        if not dists:
            raise RuntimeError(f"{B.rel(path)}: its code imports {name!r}, which no installed package provides")
        found.update(_distribution(d)[0] for d in dists)
    return sorted(found, key=lambda d: (d not in LEADING, LEADING.index(d) if d in LEADING else 0, d.lower()))


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(dists: list[str]) -> dict[str, str]:
    """Each distribution and everything it requires (recursively, on this platform), with its version."""
    seen: dict[str, str] = {}
    done: set[str] = set()
    todo = list(dists)
    while todo:
        name = todo.pop()
        key = _canonical(name)
        if key in done:
            continue
        done.add(key)
        found = _distribution(name)
        if found is None:
            continue  # an optional requirement that is not installed
        published, version, requires = found
        done.add(_canonical(published))
        seen[published] = version
        todo.extend(requires)
    return dict(sorted(seen.items(), key=lambda kv: kv[0].lower()))


def requirements_text(path: Path) -> str:
    """A requirements file pinning what the build had for this page's code."""
    direct = imported_distributions(path)
    pins = closure(direct)
    lines = [
        f"# What {B.rel(path)} was proved with, by the build of the Proven answers site:",
        f"# Python {platform.python_version()}; the packages its code imports ({', '.join(direct)})",
        "# and everything they require, at the exact versions the build had installed.",
        "#   python -m pip install -r <this file>",
        f"# For the CPU build of torch (what the site runs on), add --extra-index-url {CPU_INDEX}",
    ]
    if path.suffix == ".ipynb":
        lines.append("# A notebook also needs Jupyter (any recent version) to open it.")
    # a local label (torch's "+cpu") names the wheel's index, not the release: pin the release,
    # which both PyPI and the CPU index serve
    lines += [f"{name}=={version.split('+')[0]}" for name, version in pins.items()]
    return "\n".join(lines) + "\n"


def requirements_uri(src_uri: str) -> str:
    """Where a page's requirements file is published: next to its script (or its notebook's copy)."""
    if src_uri.endswith(".ipynb"):
        stem = src_uri[: -len(".ipynb")]
        return f"{stem}/{Path(stem).name}.requirements.txt"
    return src_uri[: -len(".md")] + ".requirements.txt"


def cpu_description() -> str:
    import torch

    return f"{platform.machine()}, PyTorch CPU kernels {torch.backends.cpu.get_cpu_capability()}"


def portability_status(unit_path: str, results: dict) -> tuple[str, list[str]]:
    """('all' | 'some' | 'none', environments that did not pass) for the page's code."""
    passed, missing = P.passed_environments(unit_path, results)
    if not missing:
        return "all", []
    return ("some" if passed else "none"), missing


def line_html(path: Path, results: dict, requirements_name: str, how_it_works: str) -> str:
    """The "Proved with" line: versions, machine, portability, requirements file."""
    import html

    direct = imported_distributions(path)
    pins = closure(direct)
    packages = ", ".join(f"{d} {pins.get(d) or metadata.version(d)}" for d in direct)
    status, missing = portability_status(B.rel(path), results)
    n = len(P.ENVIRONMENTS)
    if status == "all":
        envs = (
            f'its code passed in all <a href="{how_it_works}#the-portability-run">{n} numerical '
            f"environments</a> of the portability run"
        )
    elif status == "none":
        envs = (
            f'its code has <strong>not</strong> been through the <a href="{how_it_works}#the-portability-run">'
            "portability run</a> in this build (<code>./dev.sh test</code> runs it)"
        )
    else:
        envs = (
            f'its code passed in {n - len(missing)} of {n} <a href="{how_it_works}#the-portability-run">'
            f"numerical environments</a>; <strong>not</strong> in {html.escape(', '.join(missing))}"
        )
    return (
        f'<p class="proof-env">Proved with Python {platform.python_version()}, {html.escape(packages)} '
        f"({html.escape(cpu_description())}); {envs}. "
        f'<a href="{requirements_name}" download="{Path(requirements_name).name}" title="Pins every package this '
        f"page's code needs at the versions it was proved with\">Requirements file</a>: "
        f"<code>pip install -r {html.escape(Path(requirements_name).name)}</code></p>"
    )
