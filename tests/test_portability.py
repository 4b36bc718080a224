"""The portability run: every page's blocks and every notebook, in every numerical environment.

A claim is proven only if another CPU, BLAS or thread count cannot flip it. Each test runs one
unit (a page's executable blocks in page order and sessions, or a notebook) in a fresh interpreter
under one environment of :data:`proven.portability.ENVIRONMENTS`, and fails naming the
environment, the page and the line. The results go to ``build/portability/``; the run's
sensitivity report (what moved between the environments, and by how much) is printed at the
end and written to ``build/sensitivity.json`` (see ``pytest_terminal_summary`` in
``tests/plugin_blocks.py``).

``./dev.sh test`` runs this module first, on both cores, before the strict builds: the builds
read its results to say on each page in how many environments its code passed.
"""

from __future__ import annotations

import pytest

from proven import portability as P

UNITS = P.units()
# notebooks first: they take longest, so the two workers finish together
JOBS = [(u, e) for u in sorted(UNITS, key=lambda u: not u.is_notebook) for e in P.ENVIRONMENTS]


def test_every_unit_is_run_in_every_environment():
    assert len(P.ENVIRONMENTS) >= 5 and "as shipped" in P.ENVIRONMENTS
    assert any(u.is_notebook for u in UNITS) and any(not u.is_notebook for u in UNITS), [u.path for u in UNITS]


@pytest.mark.portability
@pytest.mark.parametrize(("unit", "env_name"), JOBS, ids=[f"{e}::{u.path}" for u, e in JOBS])
def test_unit_holds_in_environment(unit, env_name):
    result = P.run_in_environment(unit, env_name)
    problems = P.failures(result)
    assert not problems, "\n".join(problems)


def test_environments_differ_from_each_other():
    """Each environment's settings are its own (else two names would test the same thing)."""
    seen = {}
    for name, settings in P.ENVIRONMENTS.items():
        key = tuple(sorted(settings.items()))
        assert key not in seen, f"{name} and {seen[key]} set the same variables"
        seen[key] = name


def test_a_result_of_other_code_is_stale(tmp_path, monkeypatch):
    """A result counts only for the code and versions it was run with."""
    unit = UNITS[0]
    key = P.unit_key(unit, "as shipped")
    assert key == P.unit_key(unit, "as shipped")
    assert key != P.unit_key(unit, "2 threads")
    monkeypatch.setattr(P, "versions", lambda: {"python": "3.11.0", "torch": "0.0"})
    assert key != P.unit_key(unit, "as shipped")


def test_the_comparison_sees_moving_numbers_and_sets_measured_values_aside():
    same = P.compare_outputs({"a": "loss 0.25\n", "b": "loss 0.25\n"})
    assert same["status"] == "identical"
    moved = P.compare_outputs(
        {"a": "loss 0.25, margin 0.30\n", "b": "loss 0.27, margin 0.30\n", "c": "loss 0.24, margin 0.30\n"}
    )
    assert moved["status"] == "numbers move" and len(moved["moving"]) == 1
    assert moved["moving"][0]["spread"] == pytest.approx(0.03)
    assert "⟨0.25⟩" in moved["moving"][0]["context"]
    timing = P.compare_outputs(
        {"a": '<span class="measured">1.3×</span> ok', "b": '<span class="measured">2.9×</span> ok'}
    )
    assert timing["status"] == "identical" and timing["measured_values_set_aside"] == 1
    changed = P.compare_outputs({"a": "trains\n", "b": "diverged\n"})
    assert changed["status"] == "text differs"
    found = P.margins({"a": "BN below plain on every seed: margin 0.42\n", "b": "… margin 0.38\n"})
    assert found[0]["smallest"] == pytest.approx(0.38) and found[0]["in"] == "b"
    assert found[0]["margin_over_spread"] == pytest.approx(0.38 / 0.04)
