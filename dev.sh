#!/usr/bin/env bash
# One entry point for contributors and CI. Usage:
#   ./dev.sh serve   set everything up, then build and serve the site on http://127.0.0.1:8000/proven-answers/
#                    (the path of site_url, as on GitHub Pages); rebuilds on every save, reusing the results
#                    of code that did not change (the edit-loop cache, .cache/proven/)
#   ./dev.sh test    set everything up, then the portability run (every block and notebook in every
#                    numerical environment), two strict builds and the rest of the test suite, all with
#                    the network cut off where the machine allows it (unshare -n, as root)
#   ./dev.sh build   set up, then one strict build into site/ (pages say they were not through the
#                    portability run unless its results for the current code are in build/portability/)
#   ./dev.sh release set up, then the portability run and one strict build that requires it (deployment)
#   ./dev.sh portability [PAGE...]  run pages or notebooks in every numerical environment and print
#                    what moved (no argument: all of them, as ./dev.sh test does)
#   ./dev.sh page PAGE...  a strict build of only these pages or notebooks, every block run, into
#                    build/pages-site/ (the quick check while writing a page)
#   ./dev.sh bench   set up, then print build and execution timings (not a test)
#   ./dev.sh clean   remove the edit-loop cache and the build outputs (.cache/, build/, site/)
#   ./dev.sh setup   only the set-up: Debian packages (as root), .venv with pinned Python packages, npm ci
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV="$ROOT/.venv"
export OMP_NUM_THREADS=1     # tiny tensors: one thread per process is faster and steadier on 2 cores
export MPLBACKEND=Agg
export PYTHONHASHSEED=0

say() { printf '\n== %s\n' "$*"; }
quiet() { grep -v -e "is ignored: it is neither a file nor a directory" || true; }  # this machine's pip.conf noise

setup() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v unshare >/dev/null || missing+=(util-linux)
  if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ]; then
      say "apt-get install ${missing[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
      echo "(the browser tests fail without chromium and chromium-driver)" >&2
    fi
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    local py
    py=$(command -v python3.11 || command -v python3)
    "$py" -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required (torch 2.13.0 CPU wheel)"'
    say "python venv in .venv"
    "$py" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed" want
  want=$(cat pyproject.toml package-lock.json | sha256sum | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "pip install -e .[test] (pinned versions; torch==2.13.0 CPU)"
    "$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | quiet
    "$VENV/bin/python" -m pip install -q -e ".[test]" 2>&1 | quiet
    say "npm ci (KaTeX, axe-core)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}

build() {  # build DIR
  "$VENV/bin/python" -m mkdocs build --strict --site-dir "$1"
}

export PROVEN_CACHE=${PROVEN_CACHE:-off}  # the edit-loop cache only where asked for (serve); never for a proof

portability() {  # every block and notebook in every numerical environment, on both cores, from nothing
  rm -rf build/portability build/sensitivity.json
  "$VENV/bin/python" -m pytest -n 2 --dist load -p no:cacheprovider tests/test_portability.py "$@"
}

offline() {  # run a command with no network: a fresh network namespace with only loopback
  if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
    echo "(network cut off: unshare -n, loopback only)"
    unshare -n bash -c 'ip link set lo up && exec "$@"' offline "$@"
  else
    echo "(network NOT cut off: unshare -n needs root; running with the network)"
    "$@"
  fi
}

checks() {
  say "portability run: every code block and notebook in every numerical environment (tests/test_portability.py)"
  portability
  say "strict build into site/ (runs every code block and notebook; requires the portability run)"
  PROVEN_REQUIRE_PORTABILITY=1 build site
  say "second clean build into build/site-2 (reproducibility check)"
  rm -rf build/site-2
  PROVEN_REQUIRE_PORTABILITY=1 build build/site-2
  say "test suite"
  PROVEN_SITE="$ROOT/site" PROVEN_SITE_2="$ROOT/build/site-2" \
    "$VENV/bin/python" -m pytest -n 2 --dist loadfile --ignore=tests/test_portability.py "$@"
}

cmd=${1:-help}
shift || true
case "$cmd" in
  setup) setup ;;
  serve) setup; PROVEN_CACHE=on exec "$VENV/bin/python" -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000 "$@" ;;
  clean) rm -rf .cache build site; echo "removed .cache/ (the edit-loop cache), build/ and site/" ;;
  build) setup; build site ;;
  release) setup; portability && PROVEN_REQUIRE_PORTABILITY=1 build site ;;
  portability)
    setup
    if (($#)); then exec "$VENV/bin/python" -m proven.portability check "$@"; fi
    portability ;;
  test) setup; offline "$0" _checks "$@" ;;
  _checks) checks "$@" ;;
  bench) setup; exec "$VENV/bin/python" tests/benchmark.py "$@" ;;
  page) setup; exec "$VENV/bin/python" tests/build_pages.py "$@" ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
