#!/usr/bin/env bash
# Runs every test tier: type checks, build, pure logic and synthetic-model tests (vitest), and end to
# end through the real renderer (Playwright + Chromium against the browser host). Ends with one line:
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
results=.cache/test-results
rm -rf "$results" && mkdir -p "$results"
status=0

step() {
    echo "::: $1"
    shift
    "$@" || { echo "::: FAILED: $*"; status=1; }
}

step "type check" npm run --silent typecheck
step "lint (incl. import boundaries)" npm run --silent lint
step "build" npx electron-vite build
step "synthetic models" npx tsx tests/support/gguf/cli.ts tiny
step "unit and model tests" npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" step "end-to-end tests" npx playwright test --reporter=list,json

node .ci/summarize.mjs "$results/vitest.json" "$results/playwright.json" || status=1
exit $status
