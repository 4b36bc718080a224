"""Find, check and expand the executable code blocks of the Markdown pages.

One parser serves the docs build (``proven/mkdocs_hooks.py``) and the test
suite (``tests/plugin_blocks.py``), so the two can never disagree about which
blocks exist, what code they run, or where a line of that code came from.

A block is executable when its fence reads ``python exec="on"``. Its code is the
fence body with every ``--8<-- "path"`` line replaced by that file (found under
the ``pymdownx.snippets`` base paths of ``mkdocs.yml``), recursively. Each line
of the expanded code remembers its origin, so a failure can name the Markdown
line or the snippet line that raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: Languages a fence may name. Anything else is reported, because a typo such
#: as ``pyhton`` would otherwise turn an executable block into dead text.
DISPLAY_LANGUAGES = {
    "text",
    "console",
    "bash",
    "sh",
    "yaml",
    "json",
    "toml",
    "ini",
    "latex",
    "tex",
    "markdown",
    "md",
    "diff",
    "html",
    "css",
    "javascript",
    "js",
}
#: Languages that look like Python: they must be written ``python exec="on"``.
PYTHON_LIKE = {"python", "py", "python3", "pycon", "ipython", "ipython3"}

#: Options markdown-exec understands that this project uses, with the values
#: allowed for each (``None``: any value).
EXEC_OPTIONS: dict[str, set[str] | None] = {
    "exec": {"on"},
    "session": None,
    "source": {"above", "below", "block", "tabbed-left", "tabbed-right"},
    "result": {"text", "python", "console"},
    "html": {"on"},
    "title": None,
}
#: Options a display fence may carry (pymdownx.highlight / superfences).
DISPLAY_OPTIONS = {"title", "linenums", "hl_lines"}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
OPTION = re.compile(r'(?P<key>[A-Za-z_][\w-]*)=(?P<q>["\']?)(?P<value>.*?)(?P=q)(?=\s|$)')
INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+(?P<q>["\'])(?P<path>[^"\']+)(?P=q)[ \t]*$')
LOOSE_INCLUDE = re.compile(r"^[ \t]*-{1,3}8<")


class BlockError(Exception):
    """A malformed block, reported as ``file:line: message``."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path, self.line, self.message = rel(path), line, message
        super().__init__(f"{self.path}:{line}: {message}")


def rel(path: Path | str) -> str:
    """A path relative to the repository root, for messages."""
    path = Path(path)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Origin:
    """Where one line of expanded code was written."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Block:
    """One fenced code block of a Markdown page."""

    page: str  #: page path relative to the repository root
    line: int  #: 1-based line of the opening fence
    language: str
    options: dict[str, str]
    body: list[str]  #: lines between the fences, indentation removed
    code: str = ""  #: executable code with includes expanded
    origins: list[Origin] = field(default_factory=list)  #: one per line of ``code``

    @property
    def executable(self) -> bool:
        return self.options.get("exec") == "on"

    @property
    def session(self) -> str | None:
        return self.options.get("session")

    @property
    def ident(self) -> str:
        """The name a failure reports: page and fence line."""
        return f"{self.page}:{self.line}"

    def origin(self, code_line: int) -> Origin:
        """The file and line that wrote line ``code_line`` (1-based) of ``code``."""
        if 1 <= code_line <= len(self.origins):
            return self.origins[code_line - 1]
        return Origin(self.page, self.line)

    def includes(self) -> list[str]:
        return sorted({o.path for o in self.origins if o.path != self.page})


@lru_cache(maxsize=1)
def snippet_base_paths() -> tuple[Path, ...]:
    """The ``base_path`` list of ``pymdownx.snippets`` in ``mkdocs.yml``."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !!python/name tags (e.g. for superfences); read them as text.
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    for ext in config.get("markdown_extensions", []):
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            base = ext["pymdownx.snippets"].get("base_path", ["."])
            base = [base] if isinstance(base, str) else base
            return tuple((ROOT / b).resolve() for b in base)
    return (ROOT,)


def resolve_include(name: str) -> Path | None:
    for base in snippet_base_paths():
        candidate = base / name
        if candidate.is_file():
            return candidate
    return None


def expand(lines: list[str], origins: list[Origin], depth: int = 0) -> tuple[list[str], list[Origin]]:
    """Replace every include line by the lines of its file, recursively."""
    out_lines: list[str] = []
    out_origins: list[Origin] = []
    for text, origin in zip(lines, origins, strict=True):
        match = INCLUDE.match(text)
        if not match:
            if LOOSE_INCLUDE.match(text):
                raise BlockError(
                    origin.path, origin.line, f'malformed include {text.strip()!r}: write --8<-- "path/to/file.py"'
                )
            out_lines.append(text)
            out_origins.append(origin)
            continue
        name = match["path"]
        if ":" in name:
            raise BlockError(
                origin.path, origin.line, f"include {name!r}: line ranges are not supported; include a whole file"
            )
        target = resolve_include(name)
        if target is None:
            bases = ", ".join(rel(b) for b in snippet_base_paths())
            raise BlockError(origin.path, origin.line, f"include {name!r} not found under {bases}")
        if depth > 8:
            raise BlockError(origin.path, origin.line, f"include {name!r} nests too deeply")
        indent = text[: len(text) - len(text.lstrip())]
        # as pymdownx.snippets does: a file ending in a newline leaves one empty line after its text
        text_of_file = target.read_text(encoding="utf-8")
        sub = text_of_file.split("\n") if text_of_file else []
        sub_lines = [indent + s if s else s for s in sub]
        where = rel(target)
        sub_origins = [Origin(where, i + 1) for i in range(len(sub))]
        more_lines, more_origins = expand(sub_lines, sub_origins, depth + 1)
        out_lines += more_lines
        out_origins += more_origins
    return out_lines, out_origins


def parse_info(info: str) -> tuple[str, dict[str, str], str]:
    """Split a fence info string into language, options and leftover text."""
    info = info.strip()
    language, _, rest = info.partition(" ")
    language = language.strip("{}.")
    options = {m["key"]: m["value"] for m in OPTION.finditer(rest)}
    leftover = OPTION.sub("", rest).strip()
    return language, options, leftover


def check(block: Block, leftover: str) -> None:
    """Reject a fence the build would not run as its author meant."""
    lang, opts = block.language, block.options
    where = (block.page, block.line)
    if not lang:
        raise BlockError(*where, "fence without a language: write ```text for plain text")
    if leftover:
        raise BlockError(*where, f'fence {lang!r}: cannot read {leftover!r} (options are key="value")')
    if lang in PYTHON_LIKE:
        if lang != "python":
            raise BlockError(*where, f'fence language {lang!r}: write python exec="on" (or text for code not to run)')
        if "exec" not in opts:
            raise BlockError(
                *where,
                'python fence without exec="on": every Python block on this site runs; '
                "use ```text for code that must not run",
            )
        for key, value in opts.items():
            if key not in EXEC_OPTIONS:
                known = ", ".join(sorted(EXEC_OPTIONS))
                raise BlockError(*where, f"unknown option {key}={value!r} (known: {known})")
            allowed = EXEC_OPTIONS[key]
            if allowed is not None and value not in allowed:
                raise BlockError(*where, f"option {key}={value!r}: expected one of {sorted(allowed)}")
        if opts.get("session") == "":
            raise BlockError(*where, "empty session name")
        return
    if lang not in DISPLAY_LANGUAGES:
        known = ", ".join(sorted(DISPLAY_LANGUAGES))
        raise BlockError(*where, f"unknown fence language {lang!r} (known: python, {known})")
    for key in opts:
        if key not in DISPLAY_OPTIONS:
            raise BlockError(
                *where,
                f"option {key!r} on a {lang!r} fence: only python fences execute; "
                f"display fences take {sorted(DISPLAY_OPTIONS)}",
            )


def parse_text(text: str, page: Path | str) -> list[Block]:
    """All fenced blocks of a Markdown text, checked, with includes expanded."""
    page = rel(page)
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"]
        start = i + 1
        body: list[str] = []
        i += 1
        closed = False
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
                closed = True
                break
            body.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i].lstrip())
            i += 1
        if not closed:
            raise BlockError(page, start, f"fence {fence}{info.strip()} is never closed")
        i += 1
        language, options, leftover = parse_info(info)
        block = Block(page, start, language, options, body)
        check(block, leftover)
        if block.executable:
            origins = [Origin(page, start + 1 + k) for k in range(len(body))]
            code_lines, block.origins = expand(body, origins)
            block.code = "\n".join(code_lines) + "\n"
        blocks.append(block)
    return blocks


def parse_page(path: Path) -> list[Block]:
    return parse_text(path.read_text(encoding="utf-8"), path)


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def executable_blocks(path: Path) -> list[Block]:
    return [b for b in parse_page(path) if b.executable]


def page_script(path: Path) -> str:
    """All executable code of a page as one script.

    On the page, each session (and each block without one) has its own namespace,
    so two sessions may both define ``X``. In one script they share a namespace;
    to run as on the page, a session's blocks are kept together, placed where the
    session first appears, and blocks of other sessions never come between them.
    """
    groups: dict[str, list[Block]] = {}
    for block in executable_blocks(path):
        groups.setdefault(f"session {block.session}" if block.session else block.ident, []).append(block)
    parts = [
        f'"""Every code block of {rel(path)}, each session\'s blocks together, in page order.\n\n'
        'Downloaded from the Proven answers site; runs with the site\'s requirements.\n"""\n'
    ]
    for blocks in groups.values():
        for block in blocks:
            session = f" (session {block.session})" if block.session else ""
            parts.append(f"\n# --- {block.ident}{session} ---\n{block.code}")
    return "".join(parts)


def set_root(root: Path | str) -> None:
    """Point the parser at another checkout (the plugin's own tests use a temporary one)."""
    global ROOT, DOCS
    ROOT = Path(root).resolve()
    DOCS = ROOT / "docs"
    snippet_base_paths.cache_clear()
