"""A strict build of some pages only, in a temporary copy of the project: the quick check of a page being written.

    .venv/bin/python tests/build_pages.py docs/cnn/max-pooling.md [docs/...]

Every block and notebook of those pages runs (no cache), every formula is typeset, and the strict build
fails naming the page and line, as the full build would. Links to pages left out of this build are
reported at info level only. The site goes to ``build/pages-site/``; the whole site is built by
``./dev.sh build`` and checked by ``./dev.sh test``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proven import blocks as B  # noqa: E402
from tests import fault_injection as F  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    pages = {}
    for arg in argv:
        path = (Path.cwd() / arg).resolve()
        if not path.is_file() or B.DOCS not in path.parents:
            print(f"{arg}: not a page under docs/", file=sys.stderr)
            return 2
        pages[path.relative_to(B.DOCS).as_posix()] = path.read_text(encoding="utf-8")
    out = B.ROOT / "build" / "pages-site"
    with tempfile.TemporaryDirectory(prefix="proven-pages-") as tmp:
        root = F.make_project(Path(tmp) / "project", pages, relax_links=True)
        args = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")]
        done = subprocess.run(args, cwd=root, env=F.run_env(root), check=False)
        if done.returncode == 0:
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(root / "site", out)
            print(f"built {len(pages)} page(s) into {out.relative_to(B.ROOT)}")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
