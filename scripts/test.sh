#!/usr/bin/env bash
# The whole test suite, from any machine scripts/setup.sh can prepare: sets up what is missing (Node 22, the
# Debian packages, npm ci; see scripts/setup.sh), then runs `npm test` (type-check, lint, format check, build,
# vitest, Playwright). The reports land in reports/vitest.json and reports/playwright.json.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_node || exit 1
setup_debian || { say "install the packages above, then run scripts/test.sh again"; exit 1; }
setup_npm || exit 1
cd "$SETUP_ROOT" || exit 1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json
npm test
