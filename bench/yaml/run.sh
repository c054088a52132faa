#!/usr/bin/env bash
# Emit/parse throughput of the Swift YAML layer against PyYAML's C path (CDumper/CLoader), on the
# same ~10 MB CloudFormation-like file. Release build in its own scratch path.
#
# Usage: bench/yaml/run.sh [--size-mb N] [--runs N]
set -euo pipefail

size_mb=10
runs=5
while [[ $# -gt 0 ]]; do
    case "$1" in
        --size-mb) size_mb="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "usage: $0 [--size-mb N] [--runs N]" >&2; exit 2 ;;
    esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$repo"

echo "== building yaml-bench (release)"
swift build -c release --scratch-path .build-yaml-release --product yaml-bench >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
bench="$(swift build -c release --scratch-path .build-yaml-release --show-bin-path)/yaml-bench"

echo "== swift (InfraYAML over libyaml)"
"$bench" throughput --size-mb "$size_mb" --runs "$runs" --output "$work/template.yaml" | tee "$work/swift.out"

echo "== python (PyYAML CLoader/CDumper)"
python3 bench/yaml/pyyaml_bench.py "$work/template.yaml" --runs "$runs" | tee "$work/pyyaml.out"

value() { # value FILE KEY: the number after KEY= on the RESULT line
    sed -n "s/^RESULT .*$2=\([0-9.]*\).*/\1/p" "$1"
}
python3 - "$(value "$work/swift.out" emit_mb_s)" "$(value "$work/pyyaml.out" emit_mb_s)" \
    "$(value "$work/swift.out" parse_mb_s)" "$(value "$work/pyyaml.out" parse_mb_s)" <<'PY'
import sys
swift_emit, py_emit, swift_parse, py_parse = map(float, sys.argv[1:])
print("== ratio (Swift / PyYAML C path; above 1 means Swift is faster)")
print(f"emit:  {swift_emit:8.1f} MB/s vs {py_emit:6.1f} MB/s  -> {swift_emit / py_emit:5.1f}x")
print(f"parse: {swift_parse:8.1f} MB/s vs {py_parse:6.1f} MB/s  -> {swift_parse / py_parse:5.1f}x")
sys.exit(0 if swift_emit >= py_emit and swift_parse >= py_parse else 1)
PY
