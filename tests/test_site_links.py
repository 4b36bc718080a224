"""Links of the built site: no broken internal link or anchor; every page reachable from the navigation."""

from __future__ import annotations

from tests import site_tools as T


def test_no_broken_internal_link_or_anchor(site, record_property):
    """Every href/src of every built HTML file that stays on the site: the file exists, and so does the #id."""
    problems, checked = T.broken_links(site)
    record_property("site:internal_links_checked", checked)
    record_property("site:broken_links", len(problems))
    assert checked, f"no internal link found in {site}: is it a complete build?"
    assert not problems, (
        f"{len(problems)} broken internal link(s) or anchor(s) in {site} "
        f"(built file:line: attribute=link):\n  " + "\n  ".join(problems[:60])
    )


def test_every_page_is_reachable_from_the_navigation(site, record_property):
    pages = set(T.site_pages(site))
    in_nav = T.nav_pages(site)
    record_property("site:pages_in_nav", len(pages & in_nav))
    orphans = sorted(pages - in_nav)
    assert not orphans, "pages no navigation link leads to (add them to nav: in mkdocs.yml):\n  " + "\n  ".join(
        T.describe_page(p) for p in orphans
    )


def test_the_sitemap_lists_every_page(site):
    pages, listed = set(T.site_pages(site)), set(T.sitemap_pages(site))
    assert pages == listed, (
        f"sitemap.xml and the built pages differ: not in the sitemap "
        f"{sorted(pages - listed)}, in the sitemap but not built {sorted(listed - pages)}"
    )


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    """broken_links itself, on a two-page site: a good link, a missing file, a missing #id."""
    (tmp_path / "a").mkdir()
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://x.org/s/</loc></url></urlset>")
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a>\n<a href="a/#gone">anchor</a>\n<a href="b/">page</a>\n'
        '<img src="img.png">\n<a href="https://elsewhere.org/x">external</a>\n<a href="/s/a/">absolute</a>\n'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><a href="../#top">top</a>')
    problems, checked = T.broken_links(tmp_path)
    assert checked == 6, (checked, problems)
    assert len(problems) == 4, problems
    assert "index.html:2: a[href]='a/#gone': no id 'gone' in a/index.html" in problems
    assert "index.html:3: a[href]='b/': no file b/index.html" in problems
    assert any("img.png" in p for p in problems) and any("'#top'" in p or "../#top" in p for p in problems)
