"""Readers can tell what a proof ran on: every page with code says so, from the build itself.

Each page with executable blocks and each notebook carries, under its title, a "Proved with" line
(written by the build hook from :mod:`proven.provenance`): the Python version and the versions of the
packages its code imports, the CPU kernels, and in how many numerical environments of the portability
run its code passed. Next to it, a requirements file pins what the build had installed.
"""

from __future__ import annotations

import os
import platform
import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from proven import blocks as B
from proven import portability as P
from proven import provenance

UNITS = P.units()


def built_page(site: Path, unit: P.Unit) -> Path:
    rel = Path(unit.path).relative_to("docs")
    return site / rel.with_suffix("") / "index.html"


def proof_line(html: str) -> str:
    found = re.findall(r'<p class="proof-env">(.*?)</p>', html, re.DOTALL)
    assert len(found) == 1, f"expected one 'Proved with' line, found {len(found)}"
    return found[0]


@pytest.mark.parametrize("unit", UNITS, ids=[u.path for u in UNITS])
def test_page_states_versions_and_portability(unit, site):
    html = built_page(site, unit).read_text(encoding="utf-8")
    line = proof_line(html)
    text = re.sub(r"<[^>]+>", "", line)
    assert f"Python {platform.python_version()}" in text, text
    for dist in provenance.imported_distributions(B.ROOT / unit.path):
        assert f"{dist} {metadata.version(dist)}" in text, f"{unit.path}: {dist} missing from {text!r}"
    assert "torch" in text, text  # every page here proves its claims with torch
    status, missing = provenance.portability_status(unit.path, P.fresh_results())
    n = len(P.ENVIRONMENTS)
    if status == "all":
        assert f"passed in all {n} numerical environments" in text, text
    elif status == "none":
        assert "not been through" in text, text
    else:
        assert f"not in {', '.join(missing)}" in text, text
    if os.environ.get("CI"):
        assert status == "all", f"{unit.path}: under CI the site must be built after a complete portability run"
    # the line sits right under the title (after the download button)
    assert html.index("</h1>") < html.index('class="proof-env"'), f"{unit.path}: the line is not under the title"


@pytest.mark.parametrize("unit", UNITS, ids=[u.path for u in UNITS])
def test_requirements_file_pins_what_the_build_had(unit, site):
    built = built_page(site, unit)
    href = re.search(r'<p class="proof-env">.*?<a href="([^"]+\.requirements\.txt)"', built.read_text(), re.DOTALL)
    assert href, f"{unit.path}: no link to a requirements file"
    target = (built.parent / href[1]).resolve()
    assert target.is_file(), f"{unit.path}: {href[1]} is not in the site"
    pins = dict(line.split("==") for line in target.read_text().splitlines() if line and not line.startswith("#"))
    for name, version in pins.items():
        assert metadata.version(name).split("+")[0] == version, f"{target.name}: {name}=={version} is not installed"
    wanted = provenance.imported_distributions(B.ROOT / unit.path)
    assert set(wanted) <= set(pins), f"{target.name}: lacks {set(wanted) - set(pins)}"
    # and what those require: scikit-learn needs scipy, matplotlib needs pillow, and so on
    canonical = {re.sub(r"[-_.]+", "-", p).lower() for p in pins}
    for name in wanted:
        for text in metadata.requires(name) or []:
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue  # an extra, or another platform's requirement
            assert re.sub(r"[-_.]+", "-", req.name).lower() in canonical, (
                f"{target.name}: {name} requires {req.name}, not pinned"
            )


def test_imports_are_read_from_the_code(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        '```python exec="on"\nimport math\nimport numpy as np\nfrom torch import nn\n'
        "from sklearn.datasets import load_digits\n```\n"
    )
    assert provenance.imported_distributions(page) == ["torch", "numpy", "scikit-learn"]
    assert provenance.imported_modules(page) == {"math", "numpy", "torch", "sklearn"}
