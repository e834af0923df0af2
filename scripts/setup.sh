#!/usr/bin/env bash
# Installs what the project needs, only what is missing. Two levels:
#
#   bash scripts/setup.sh [serve]   building and serving (npm start, build,
#                                   bench, fuzz): the wasm32 Rust target,
#                                   wasm-bindgen-cli at exactly the version
#                                   in Cargo.lock, the npm packages (wasm-opt
#                                   among them). No browser.
#   bash scripts/setup.sh test      adds what npm test needs: Chromium and
#                                   its chromedriver, Python 3.
#
# First it checks what it cannot install by itself — Rust (rustup), Node 20
# or newer, and for tests on a system without apt-get: Chromium,
# chromedriver, Python 3 — and, when any is missing, stops before changing
# anything with the list of what to install. `--check` stops after that
# check. Idempotent; well under a second when everything is there.
#
# CHROMIUM and CHROMEDRIVER name the browser and driver (default
# /usr/bin/chromium, /usr/bin/chromedriver); APT_GET names apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=serve
check_only=
for arg in "$@"; do
  case $arg in
    serve | test) mode=$arg ;;
    --check) check_only=1 ;;
    *) echo "usage: scripts/setup.sh [serve|test] [--check]" >&2; exit 2 ;;
  esac
done

say() { echo "setup: $*" >&2; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
APT_GET=${APT_GET:-apt-get}

# apt-get, through sudo when not root; empty when there is no way to run it.
apt_cmd=()
if command -v "$APT_GET" >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt_cmd=("$APT_GET")
  elif command -v sudo >/dev/null 2>&1; then
    apt_cmd=(sudo "$APT_GET")
  fi
fi

# --- What is missing, and what can be installed here ---------------------
missing=()
apt_packages=()

if ! command -v rustup >/dev/null 2>&1 || ! command -v cargo >/dev/null 2>&1; then
  missing+=("Rust through rustup (https://rustup.rs): curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh")
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  missing+=("Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none)) from https://nodejs.org or your package manager")
fi

if [ "$mode" = test ]; then
  if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
    if [ ${#apt_cmd[@]} -gt 0 ] && [ "$CHROMIUM" = /usr/bin/chromium ] && [ "$CHROMEDRIVER" = /usr/bin/chromedriver ]; then
      apt_packages+=(chromium chromium-driver)
    else
      absent=()
      [ -x "$CHROMIUM" ] || absent+=("$CHROMIUM")
      [ -x "$CHROMEDRIVER" ] || absent+=("$CHROMEDRIVER")
      missing+=("Chromium and a chromedriver of the same version (not found: ${absent[*]}); e.g. on macOS: brew install --cask chromium chromedriver; then run with CHROMIUM=/path/to/chromium CHROMEDRIVER=/path/to/chromedriver npm test")
    fi
  fi
  # The calculator's e2e test serves www/ with `python3 -m http.server`.
  if ! command -v python3 >/dev/null 2>&1; then
    if [ ${#apt_cmd[@]} -gt 0 ]; then
      apt_packages+=(python3)
    else
      missing+=("Python 3 (python3 on the PATH): https://www.python.org or your package manager")
    fi
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "install these first, then run this again (nothing was changed):"
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  exit 1
fi
[ -z "$check_only" ] || exit 0

# --- Install what is missing ---------------------------------------------

# Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the crate exactly: the generated glue and the
# wasm's custom section are versioned together. The CLI also brings
# wasm-bindgen-test-runner.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  say "no wasm-bindgen in Cargo.lock"; exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ] || [ "$have_runner" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}')"
  cargo install wasm-bindgen-cli --version "$want"
fi

# Debian's Chromium, chromedriver and Python 3, for the tests only.
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "installing Debian ${apt_packages[*]}"
  "${apt_cmd[@]}" update
  DEBIAN_FRONTEND=noninteractive "${apt_cmd[@]}" install -y --no-install-recommends "${apt_packages[@]}"
fi

# npm dependencies: installed when node_modules is missing or older than
# the lock file. Playwright drives the system's Chromium: never download
# browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies"
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
fi
