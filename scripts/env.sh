# Sourced by the scripts: puts the project's tools on PATH (wasm-opt from tests/e2e).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$root/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
