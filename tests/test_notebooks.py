"""The experiment notebooks: executed here too (errors fatal), committed without outputs, cross-linked."""

from __future__ import annotations

import json
import re
import time

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from proven import blocks as B

NOTEBOOKS = sorted((B.DOCS / "experiments").glob("*.ipynb"))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 4, [B.rel(n) for n in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[B.rel(n) for n in NOTEBOOKS])
def test_notebook_executes_without_error(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", allow_errors=False, resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as err:
        index = next(
            (
                i
                for i, c in enumerate(nb.cells)
                if c.get("outputs") and any(o.get("output_type") == "error" for o in c["outputs"])
            ),
            "?",
        )
        pytest.fail(f"{B.rel(path)}: cell {index} failed:\n{str(err)[-2500:]}", pytrace=False)
    print(f"{B.rel(path)} executed in {time.perf_counter() - start:.1f} s")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[B.rel(n) for n in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text())
    dirty = [
        i
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert not dirty, f"{B.rel(path)}: cells {dirty} carry outputs; clear them (outputs come from the build)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[B.rel(n) for n in NOTEBOOKS])
def test_notebook_and_answer_pages_link_both_ways(path):
    nb = json.loads(path.read_text())
    text = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    back = set(re.findall(r"\]\(\.\./\.\./((?:training|cnn)/[\w-]+)/", text))
    assert back, f"{B.rel(path)}: no link back to an answer page (../../training/<page>/)"
    for target in back:
        page = B.DOCS / f"{target}.md"
        assert page.is_file(), f"{B.rel(path)} links to missing page {target}"
        assert f"experiments/{path.name}" in page.read_text(), (
            f"{B.rel(page)} does not link to the notebook that supports it ({path.name})"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[B.rel(n) for n in NOTEBOOKS])
def test_notebook_page_offers_the_notebook_under_its_title(path, site):
    built = site / path.relative_to(B.DOCS).with_suffix("") / "index.html"
    page = built.read_text(encoding="utf-8")
    link = f'href="{path.name}" download="{path.name}"'
    assert link in page, f"{built}: no download link for {path.name}"
    assert page.index("</h1>") < page.index(link), f"{built}: the download link is not under the title"
    offered = built.parent / path.name
    assert offered.is_file() and json.loads(offered.read_text()) == json.loads(path.read_text()), (
        f"{offered}: missing, or not the notebook of {B.rel(path)}"
    )
