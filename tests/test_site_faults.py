"""A wrong asserted value on any page fails both the tests and the strict build, naming the page.

See tests/fault_injection.py for how the value is chosen and changed. All runs go in
parallel (PROVEN_FAULT_JOBS, default: the number of CPUs), each in its own temporary
copy of the project. The numbers go to build/fault-injection.json.
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

from proven import blocks as B
from tests import fault_injection as F
from tests import site_tools as T

JOBS = int(os.environ.get("PROVEN_FAULT_JOBS") or os.cpu_count() or 2)


def pages_with_blocks() -> list:
    return [p for p in B.pages() if "includes" not in p.relative_to(B.DOCS).parts and B.executable_blocks(p)]


def notebooks() -> list:
    return sorted(B.DOCS.rglob("*.ipynb"))


def test_a_wrong_value_fails_the_tests_and_the_build_naming_the_page(tmp_path, record_property):
    start = time.perf_counter()
    pages, books = pages_with_blocks(), notebooks()
    assert pages, "no page has executable blocks: nothing to inject a fault into"
    problems, faults, jobs = [], [], []
    for page in pages:
        fault = F.find_fault(page)
        if fault is None:
            problems.append(
                f"{B.rel(page)}: no assertion compares a value with a numeric literal that can be "
                "made false (==, <, <=, >, >=, possibly under `and` or all()): no fault to inject"
            )
            continue
        root = F.make_tree(fault, tmp_path / f"tree-{len(faults):02d}")  # a name that says nothing of the page
        faults.append(fault)
        jobs += [(fault, root, "tests"), (fault, root, "build")]
    for book in books:
        fault = F.find_notebook_fault(book)
        if fault is None:
            problems.append(f"{B.rel(book)}: no mutable assertion in any code cell: no fault to inject")
            continue
        faults.append(fault)
        root = F.make_tree(fault, tmp_path / f"tree-{len(faults) - 1:02d}")
        jobs += [(fault, root, "tests"), (fault, root, "build")]
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        # notebooks first: they take longest
        order = sorted(jobs, key=lambda j: j[0].cell < 0)
        results = list(pool.map(lambda job: (job[0], job[2], F.run(*job)), order))
    outcomes: dict[str, dict[str, F.Outcome]] = {}
    for fault, what, outcome in results:
        outcomes.setdefault(fault.page, {})[what] = outcome
    entries = []
    for fault in faults:
        got = outcomes[fault.page]
        entries.append(F.report(fault, got))
        for what, outcome in got.items():
            named = f"{fault.page}:{fault.fence_line}" if fault.cell < 0 else fault.page
            if outcome.returncode == 0:
                problems.append(
                    f"{fault.page}: {what} PASSED although {fault.where} was changed from "
                    f"{fault.before!r} to {fault.after!r}\n{_tail(outcome)}"
                )
            elif not outcome.assertion:
                problems.append(
                    f"{fault.page}: {what} failed, but not on an AssertionError: not because of the "
                    f"fault at {fault.where}\n{_tail(outcome)}"
                )
            elif not outcome.names_page:
                problems.append(
                    f"{fault.page}: {what} failed but its output does not name {named} "
                    f"(fault at {fault.where}: {fault.old} -> {fault.new})\n{_tail(outcome)}"
                )
            elif fault.cell < 0 and not outcome.names_line:
                problems.append(
                    f"{fault.page}: {what} names the page but not the line that raised, "
                    f"{fault.file}:{fault.statement_line}\n{_tail(outcome)}"
                )
    md = [f for f in faults if f.cell < 0]
    nb = [f for f in faults if f.cell >= 0]
    caught = sum(all(o.caught for o in outcomes[f.page].values()) for f in md)
    nb_caught = sum(all(o.caught for o in outcomes[f.page].values()) for f in nb)
    seconds = round(time.perf_counter() - start, 1)
    summary = {
        "pages_with_blocks": len(pages),
        "faults_injected": len(md),
        "faults_caught_by_tests_and_build": caught,
        "notebooks": len(books),
        "notebook_faults_injected": len(nb),
        "notebook_faults_caught_by_tests_and_build": nb_caught,
        "seconds": seconds,
        "jobs": JOBS,
        "faults": entries,
    }
    T.BUILD.mkdir(exist_ok=True)
    (T.BUILD / "fault-injection.json").write_text(json.dumps(summary, indent=1) + "\n")
    line = (
        f"fault injection: {len(pages)} pages with blocks, {caught}/{len(md)} faults caught by both pytest and "
        f"the strict build; {len(books)} notebooks, {nb_caught}/{len(nb)} caught by both; {seconds} s"
    )
    print(line)
    record_property("site:fault_pages", len(pages))
    record_property("site:faults_caught", caught + nb_caught)
    record_property("site:faults_injected", len(faults))
    assert not problems, line + "\n" + "\n".join(problems)


def _tail(outcome: F.Outcome, lines: int = 10) -> str:
    """The lines of the output that say what failed (else its last lines)."""
    text = outcome.tail.strip().splitlines()
    telling = [ln for ln in text if any(k in ln for k in ("Error", "failed", "FAILED", "Aborted", "assert "))]
    return "    | " + "\n    | ".join((telling or text)[-lines:])
