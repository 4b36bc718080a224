"""The block parser: every malformed fence is an error naming its file and line."""

from __future__ import annotations

import json
import os

import pytest

from proven import blocks as B

PAGE = "docs/example.md"


def error_for(text: str) -> str:
    with pytest.raises(B.BlockError) as info:
        B.parse_text(text, B.ROOT / PAGE)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("intro\n\n```python\nx = 1\n```\n", 3, 'python fence without exec="on"'),
        ('```py exec="on"\nx = 1\n```\n', 1, "fence language 'py'"),
        ("```pycon\n>>> 1\n```\n", 1, "fence language 'pycon'"),
        ('a\n```pyhton exec="on"\nx = 1\n```\n', 2, "unknown fence language 'pyhton'"),
        ('```python exec="on" sesion="a"\nx = 1\n```\n', 1, "unknown option sesion='a'"),
        ('```python exec="yes"\nx = 1\n```\n', 1, "option exec='yes'"),
        ('```python exec="on" source="material"\nx = 1\n```\n', 1, "option source='material'"),
        ('```text exec="on"\nx = 1\n```\n', 1, "only python fences execute"),
        ("```\nplain\n```\n", 1, "fence without a language"),
        ('x\n\n```python exec="on"\nx = 1\n', 3, "never closed"),
        ('```python exec="on" session=""\nx = 1\n```\n', 1, "empty session name"),
    ],
)
def test_malformed_fences_name_file_and_line(text, line, message):
    error = error_for(text)
    assert error.startswith(f"{PAGE}:{line}: "), error
    assert message in error, error


def test_missing_include_names_page_line_and_file():
    error = error_for('# t\n\n```python exec="on"\nimport math\n--8<-- "training/no_such_file.py"\n```\n')
    assert error.startswith(f"{PAGE}:5: include 'training/no_such_file.py' not found under snippets"), error


def test_malformed_include_is_reported():
    error = error_for('```python exec="on"\n--8< "training/x.py"\n```\n')
    assert error.startswith(f"{PAGE}:2: malformed include"), error


def test_include_expands_and_maps_lines(tmp_path):
    blocks = B.parse_text('# t\n\n```python exec="on" source="block"\n--8<-- "figure.py"\nshow\n```\n', B.ROOT / PAGE)
    (block,) = blocks
    figure = (B.ROOT / "snippets" / "figure.py").read_text().splitlines()
    # pymdownx.snippets keeps the empty line after the file's final newline; so does the parser
    assert block.code.splitlines() == figure + ["", "show"]
    assert str(block.origin(1)) == "snippets/figure.py:1"
    assert str(block.origin(len(figure) + 2)) == f"{PAGE}:5"
    assert block.includes() == ["snippets/figure.py"]


def test_fences_inside_a_longer_fence_are_text():
    text = '````markdown\n```python exec="on"\nraise SystemExit\n```\n````\n'
    (block,) = B.parse_text(text, B.ROOT / PAGE)
    assert block.language == "markdown" and not block.executable


def test_indented_fence_in_admonition_is_found():
    text = '!!! note\n    ```python exec="on" session="s"\n    x = 1\n    ```\n'
    (block,) = B.parse_text(text, B.ROOT / PAGE)
    assert block.executable and block.session == "s" and block.code == "x = 1\n"


def test_every_page_parses():
    """A malformed fence anywhere in docs/ fails here too, not only in the build."""
    errors = []
    for page in B.pages():
        try:
            B.parse_page(page)
        except B.BlockError as err:
            errors.append(str(err))
    assert not errors, "\n".join(errors)


def test_no_placeholder_left():
    left = [B.rel(p) for p in B.pages() if "PLACEHOLDER" in p.read_text(encoding="utf-8")]
    assert not left, f"pages still marked PLACEHOLDER: {left}"


def test_collected_every_block(request):
    """The test run collected every executable block of docs/, and the build executed the same ones."""
    found = {b.ident for page in B.pages() for b in B.executable_blocks(page)}
    collected = {item.obj.ident for item in request.config._proven_blocks}
    assert found, "no executable block found in docs/"
    if not collected and not os.environ.get("CI"):
        pytest.skip("docs/ was not part of this run: run the whole suite (./dev.sh test) for this check")
    assert collected == found, f"not collected: {sorted(found - collected)}; extra: {sorted(collected - found)}"
    manifest = B.ROOT / "build" / "executed-blocks.json"
    assert manifest.is_file(), "no build manifest: run the strict build first (./dev.sh test does)"
    built = json.loads(manifest.read_text())
    assert sorted(built["executed"]) == sorted(found), (
        "the last build executed other blocks than the pages hold: rebuild; "
        f"missing {sorted(found - set(built['executed']))}, extra {sorted(set(built['executed']) - found)}"
    )
    print(
        f"{len(found)} executable blocks on {len({i.split(':')[0] for i in found})} pages; "
        f"the build executed {len(built['executed'])}"
    )


def test_pytest_codeblocks_alone_would_miss_them():
    """Why the plugin exists: pytest-codeblocks 0.18 ignores every fence this site executes."""
    from pytest_codeblocks.main import extract_from_file

    page = B.ROOT / "docs" / "training" / "same-value-init.md"
    ours = B.executable_blocks(page)
    theirs = [b for b in extract_from_file(page) if b.syntax == "python"]
    assert len(ours) >= 3 and theirs == []
