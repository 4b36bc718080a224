"""Every number in a page's "Short answer" comes from that page's own printed output.

The Short answer is the part of a page students memorise, so it must not drift from the evidence.
The build hook collects what each executable block printed; this module finds the numbers of the
Short answer (prose and math alike) and checks each against the numbers the page's blocks printed.

In math, only what a formula gives as its value is checked: the numbers after ``=``, ``\approx``
or ``\to`` (``$1/(1-\beta) = 100{,}000$``, ``$200\times300 \to 100\times150$``); the rest of a formula
is its definition. Citations (links to the references page) are not numbers of the answer.

A number matches a printed number that, rounded to the number of decimals written in the Short
answer, gives the same value (so "about 1.7 times" matches a printed 1.72). Thousands separators
(``903,400``, ``100{,}000``, ``903_400``) are ignored, and a percentage matches its fraction too
(``85 %`` matches 0.85). A number that cannot come from code (a figure from a paper, a definition)
is marked as cited, with its source in the title::

    <span class="cited" title="Géron (2019), chapter 14">12.6 MB</span>
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

SHORT_ANSWER = re.compile(r'^!!! abstract "Short answer"\s*$')
#: A number in prose or TeX: digits with optional thousands separators and decimals, optional sign.
NUMBER = re.compile(
    r"(?<![\w.^_])(?P<sign>[-−])?(?P<int>\d{1,3}(?:(?:,|\{,\}|_)\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?![\w.]*[A-Za-z_(])(?P<pct>\s?%)?"
)
CITED = re.compile(r'<span class="cited" title="(?P<source>[^"]*)">(?P<text>.*?)</span>', re.DOTALL)
CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
CITATION = re.compile(r"\[[^\]]*\]\([^)]*references(?:\.md|/)[^)]*\)")
MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$]+)\$", re.DOTALL)
#: the value a formula gives: after =, \approx or \to, numbers joined by \times, thousands separators, spaces
MATH_VALUE = re.compile(r"(?:=|\\approx|\\to)\s*(?P<value>[-−]?\d[\d.]*(?:\{,\}\d{3})*(?:\s*\\times\s*\d[\d.]*)*)")
TEX_COMMAND = re.compile(r"\\[A-Za-z]+")
PRINTED = re.compile(r"(?<![\w.])[-−]?(?:\d{1,3}(?:[,_]\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass
class Number:
    line: int  #: line of the page source
    text: str  #: as written
    value: Decimal
    decimals: int
    percent: bool


def short_answer_lines(source: str) -> list[tuple[int, str]]:
    """(line number, text) of the Short answer admonition's body."""
    lines = source.splitlines()
    for i, line in enumerate(lines):
        if SHORT_ANSWER.match(line):
            body = []
            for n in range(i + 1, len(lines)):
                if lines[n].strip() and not lines[n].startswith(("    ", "\t")):
                    break
                body.append((n + 1, lines[n]))
            return body
    return []


def numbers(source: str) -> tuple[list[Number], list[tuple[int, str]]]:
    """The Short answer's numbers to check, and (line, problem) for cited numbers without a source."""
    found, problems = [], []
    for line_no, text in short_answer_lines(source):
        for m in CITED.finditer(text):
            if not m["source"].strip():
                problems.append((line_no, f"cited number {m['text']!r} has no source in its title"))
        text = CITATION.sub(" ", CITED.sub(" ", text))
        text = LINK_TARGET.sub("]", CODE.sub(" ", text))  # code is API spelling; link targets are addresses
        text = MATH.sub(
            lambda m: " " + " ".join(v["value"] for v in MATH_VALUE.finditer(m["display"] or m["inline"])) + " ", text
        )
        text = TEX_COMMAND.sub(" ", text)  # 100\times150 -> "100 150"
        for m in NUMBER.finditer(text):
            digits = re.sub(r"\{,\}|[,_]", "", m["int"]) + (m["frac"] or "")
            value = Decimal(digits) * (-1 if m["sign"] else 1)
            found.append(
                Number(line_no, m.group(0).strip(), value, len(m["frac"] or "") - 1 if m["frac"] else 0, bool(m["pct"]))
            )
    return found, problems


def printed_values(outputs: list[str]) -> list[Decimal]:
    values = []
    for output in outputs:
        text = html.unescape(re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", " ", output))
        for token in PRINTED.findall(text):
            try:
                values.append(Decimal(token.replace(",", "").replace("_", "").replace("−", "-")))
            except ArithmeticError:
                continue
    return values


def matches(number: Number, printed: list[Decimal]) -> bool:
    """Some printed value, rounded to the decimals written, is the number (or, for a percentage, its fraction)."""
    candidates = [(number.value, number.decimals)]
    if number.percent:
        candidates.append((number.value / 100, number.decimals + 2))
    for target, decimals in candidates:
        quantum = Decimal(1).scaleb(-decimals)
        for value in printed:
            for rounding in (ROUND_HALF_EVEN, ROUND_HALF_UP):
                try:
                    if value.quantize(quantum, rounding=rounding) == target:
                        return True
                except ArithmeticError:  # a value too large to round to that many decimals
                    break
    return False


def unmatched(source: str, outputs: list[str]) -> list[tuple[int, str]]:
    """(line, message) for each Short-answer number no block of the page printed."""
    found, problems = numbers(source)
    printed = printed_values(outputs)
    for number in found:
        if not matches(number, printed):
            problems.append(
                (
                    number.line,
                    f"the Short answer's number {number.text!r} is not in anything this "
                    "page's code printed: print it from the code that proves it, or mark it "
                    '<span class="cited" title="its source">…</span>',
                )
            )
    return problems


def main(argv: list[str]) -> int:
    """``python -m proven.short_answer PAGE...``: run each page's blocks here and check its Short answer."""
    from pathlib import Path

    from proven import blocks as B
    from proven import portability as P

    status = 0
    for name in argv:
        path = Path(name).resolve()
        entries = P._run_page(P.Unit(B.rel(path)))
        failed = [e["error"] for e in entries if not e["ok"]]
        if failed:
            print("\n".join(failed))
            status = 1
            continue
        problems = unmatched(path.read_text(encoding="utf-8"), [e["output"] for e in entries])
        for line, message in problems:
            print(f"{B.rel(path)}:{line}: {message}")
        checked = len(numbers(path.read_text(encoding="utf-8"))[0])
        print(f"{B.rel(path)}: {checked} numbers in the Short answer, {len(problems)} problems")
        status = status or bool(problems)
    return status


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
