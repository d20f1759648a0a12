#!/usr/bin/env bash
# Times ctxlint against go vet (and a no-op analyzer, the floor) on a Go
# module checkout. Usage, from the ctxlint repository:
#
#   bench/run.sh [-runs N] [-gcl path/to/custom-gcl] /path/to/module [patterns]
#
# See bench/main.go for the method; docs/scale.md for results.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench "$@"
