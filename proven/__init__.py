"""Build-time machinery of the Proven answers site.

`blocks` parses the executable code blocks out of the Markdown pages (the one
parser that both the docs build and the test suite use); `mkdocs_hooks` is the
MkDocs hook module named in `mkdocs.yml`; `katex` typesets formulas at build.
"""
