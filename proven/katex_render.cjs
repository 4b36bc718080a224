// Typeset TeX with KaTeX at build time. One process serves a whole build: each line on stdin is a
// JSON list of {"tex": "...", "display": true|false}; for each, one line is written on stdout: a JSON
// list of {"html": "..."} or {"error": "..."}, in the same order. (JSON.stringify never writes a raw
// newline, so a line is a whole answer.) The process ends when stdin is closed.
"use strict";
const path = require("path");
const readline = require("readline");
const katex = require(path.join(__dirname, "..", "node_modules", "katex"));

function render({ tex, display }) {
  try {
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error", output: "htmlAndMathml" }) };
  } catch (err) {
    return { error: String(err.message || err) };
  }
}

readline.createInterface({ input: process.stdin, terminal: false }).on("line", (line) => {
  if (line.trim()) process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n");
});
