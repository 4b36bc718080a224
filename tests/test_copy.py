"""What readers copy runs: each page's downloadable script runs in a fresh interpreter.

(Blocks that stand alone already run one by one in a fresh interpreter: see
tests/plugin_blocks.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from proven import blocks as B

PAGES = [p for p in B.pages() if B.executable_blocks(p)]


@pytest.mark.parametrize("page", PAGES, ids=[B.rel(p) for p in PAGES])
def test_page_script_runs_in_a_fresh_interpreter(page, tmp_path):
    script = tmp_path / (page.stem + ".py")
    script.write_text(B.page_script(page))
    env = dict(os.environ, MPLBACKEND="Agg")
    env.pop("PYTHONPATH", None)  # a reader has the site's requirements, not this repository
    done = subprocess.run(
        [sys.executable, str(script)], cwd=B.ROOT, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    assert done.returncode == 0, f"{B.rel(page)}: its downloadable script failed:\n{done.stderr[-3000:]}"


def test_every_page_with_code_offers_its_script():
    site = B.ROOT / os.environ.get("PROVEN_SITE", "site")
    assert (site / "index.html").is_file(), f"no built site in {site}: run ./dev.sh build first"
    for page in PAGES:
        uri = page.relative_to(B.DOCS).with_suffix(".py")
        assert (site / uri).read_text() == B.page_script(page), f"{B.rel(page)}: stale or missing {uri}"
        html = (site / page.relative_to(B.DOCS).with_suffix("") / "index.html").read_text()
        assert f'download="{uri.name}"' in html, f"{B.rel(page)}: no download link to {uri.name}"
