#!/usr/bin/env bash
# Records the sites (file, line, column, check) and fixes that a ctxlint
# binary reports on the example module, on testdata/src, on the standard
# library and on any checkouts named, one file each in OUT. Run it with
# the binary before and after a change and diff the two folders: a
# refactoring that changes no finding leaves them identical.
#
#   bench/sites.sh BIN OUT [checkout ...]
#
# It lints the example and testdata of the tree it is in. A fix is
# identified by its edits' offsets, so a change that also edits testdata
# (a // want comment, say) moves them: then run both binaries from a
# worktree of the old commit (git worktree add /tmp/old OLD; bash
# /tmp/old/bench/sites.sh NEWBIN OUT ...).
set -euo pipefail
bin=$(realpath "$1"); out=$2; shift 2
cd "$(dirname "$0")/.."
mkdir -p "$out"
go build -o "$out/.sites" ./bench/sites
s="$out/.sites"
"$s" -ctxlint "$bin" examples/operator > "$out/example.txt"
"$s" -ctxlint "$bin" -env GO111MODULE=off -env GOPATH="$PWD/testdata" testdata/src ./... > "$out/testdata.txt"
"$s" -ctxlint "$bin" -env GO111MODULE=off -env GOPATH="$PWD/testdata" testdata/src -cross-package ./... > "$out/testdata-cross.txt"
"$s" -ctxlint "$bin" . std > "$out/std.txt"
for dir in "$@"; do
	"$s" -ctxlint "$bin" "$dir" > "$out/$(basename "$dir").txt"
done
wc -l "$out"/*.txt
