"""Two clean builds give the same site, apart from dates and measured values.

``./dev.sh test`` builds the site twice, into ``site/`` and ``build/site-2``, and
passes the second as ``PROVEN_SITE_2``. What may differ is set aside by
:func:`tests.site_tools.compare_sites`: the sitemap's ``<lastmod>`` dates and the
content of elements with class ``measured`` (and those values in the search index).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests import site_tools as T


def test_two_clean_builds_are_identical_but_for_dates_and_measured_values(site, record_property):
    second = os.environ.get("PROVEN_SITE_2")
    if not second:
        pytest.fail(
            "PROVEN_SITE_2 is not set: build the site a second time into another directory and point "
            "PROVEN_SITE_2 at it (./dev.sh test does: mkdocs build --strict --site-dir build/site-2)",
            pytrace=False,
        )
    second = Path(second).resolve()
    problem = T.site_problem(second)
    if problem:
        pytest.fail(f"PROVEN_SITE_2: {problem}", pytrace=False)
    assert second != site.resolve(), f"PROVEN_SITE_2 and the site under test are the same directory: {site}"
    differences = T.compare_sites(site, second)
    record_property("site:files_compared", sum(1 for p in site.rglob("*") if p.is_file()))
    record_property("site:files_differing", len(differences))
    assert not differences, (
        f"{len(differences)} file(s) differ between {site} and {second} (dates in the "
        f"sitemap and elements with class 'measured' set aside):\n" + "\n".join(str(d) for d in differences[:20])
    )


def test_the_comparison_sets_aside_only_dates_and_measured_values(tmp_path):
    """compare_sites itself: dates and measured elements are ignored, any other change is reported."""
    a, b = tmp_path / "a", tmp_path / "b"
    for root, date, value, word in ((a, "2026-01-01", "1.3×", "same"), (b, "2027-02-02", "1.7×", "same")):
        (root / "p").mkdir(parents=True)
        (root / "sitemap.xml").write_text(f"<urlset><url><loc>https://x/</loc><lastmod>{date}</lastmod></url></urlset>")
        (root / "p" / "index.html").write_text(
            f'<p>ratio <span class="measured">{value}</span>, '
            f'<span class="x measured y"><b>{value}</b></span> {word}</p>\n'
        )
        (root / "search").mkdir()
        (root / "search" / "search_index.json").write_text(
            f'{{"docs": [{{"location": "p/", "title": "P", "text": "ratio {value}, {value} {word}"}}]}}'
        )
    assert T.compare_sites(a, b) == []
    (b / "p" / "index.html").write_text(
        '<p>ratio <span class="measured">1.7×</span>, <span class="x measured y"><b>1.7×</b></span> changed</p>\n'
    )
    (b / "extra.txt").write_text("x")
    found = {d.path: d.message for d in T.compare_sites(a, b)}
    assert set(found) == {"p/index.html", "extra.txt"}, found
    assert "line 1" in found["p/index.html"] and "changed" in found["p/index.html"], found


def _one_page_site(root: Path, value: str, earlier: str) -> None:
    (root / "p").mkdir(parents=True)
    (root / "p" / "index.html").write_text(
        f'<p>mean {earlier}</p>\n<p>ratio = <span class="measured">{value}</span>;</p>\n'
    )
    (root / "search").mkdir()
    entries = [
        {"location": "p/", "title": "P", "text": f"mean {earlier}"},
        {"location": "p/#b", "title": "B", "text": f"ratio = {value};"},
    ]
    (root / "search" / "search_index.json").write_text(json.dumps({"docs": entries}))


@pytest.mark.parametrize(
    ("earlier_a", "earlier_b", "differs"),
    [("-2.002", "-2.002", False), ("-2.002", "-2.003", True), ("2.00 ms", "2.00 ms", False), ("2.00", "2.01", True)],
)
def test_a_measured_value_is_masked_in_the_index_only_where_it_is(tmp_path, earlier_a, earlier_b, differs):
    """The index holds text without markup, so the same digits can come earlier on the page ("2.00" in "-2.002"):
    a measured value is masked only where both builds have their own value at the same place, and a real change
    of those earlier digits is still reported."""
    a, b = tmp_path / "a", tmp_path / "b"
    _one_page_site(a, "2.00", earlier_a)
    _one_page_site(b, "1.83", earlier_b)
    found = {d.path: d.message for d in T.compare_sites(a, b)}
    if differs:
        assert set(found) == {"p/index.html", "search/search_index.json"}, found
        assert earlier_b in found["search/search_index.json"], found
    else:
        assert found == {}, found
