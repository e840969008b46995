#!/bin/sh
# The pre-commit framework's hook (.pre-commit-hooks.yaml, language: script). pre-commit runs this
# file from its own clone of this repository, in the user's repository, with the changed Markdown
# files as arguments. The clone has sources only: the first run installs and builds it there
# (npm ci and the build, about a minute), later runs reuse the build.
set -e
clone=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$clone/dist/cli.js" ]; then
  echo "council-notes: first run: installing and building in $clone" >&2
  (cd "$clone" && npm ci --no-audit --no-fund --loglevel=error >&2 && node scripts/build.mjs >&2)
fi
exec node "$clone/bin/council-notes.js" check "$@"
