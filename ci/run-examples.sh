#!/usr/bin/env bash
# Runs the worked examples: exports a conformance vector, replays it with plain NumPy gradient
# descent and checks that saddlecheck accepts it (exit 0), then runs each typical bug and checks
# that saddlecheck rejects it (exit 1) with a message naming the bug.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py=/usr/bin/python3
if ! "$py" -c 'import numpy' 2>/dev/null; then
  echo "run-examples: installing python3-numpy" >&2
  apt-get install -y python3-numpy >/dev/null || { apt-get update >/dev/null && apt-get install -y python3-numpy >/dev/null; }
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sc="$root/saddlecheck"
eta=0.05
"$sc" export-vectors --out "$work/vectors" --case linear >/dev/null
vec="$work/vectors/linear"

expect() { # expect STATUS PATTERN -- command...
  local want="$1" pattern="$2"; shift 3
  set +e; out="$("$@" 2>&1)"; got=$?; set -e
  if [ "$got" != "$want" ] || ! grep -q -- "$pattern" <<<"$out"; then
    echo "run-examples: FAILED: $* exited $got (wanted $want) or lacks '$pattern':" >&2
    echo "$out" >&2
    exit 1
  fi
}

"$py" "$root/examples/numpy/replay.py" "$vec" "$work/run.csv" --learning-rate "$eta"
expect 0 "HOLDS" -- "$sc" check --trajectory "$work/run.csv" --scenario "$vec/scenario.json" --learning-rate "$eta"
echo "run-examples: the NumPy replay passes"

check_bug() { # check_bug BUG PATTERN
  "$py" "$root/examples/numpy/buggy.py" "$vec" "$work/$1.csv" --bug "$1" --learning-rate "$eta"
  expect 1 "$2" -- "$sc" check --trajectory "$work/$1.csv" --scenario "$vec/scenario.json" --learning-rate "$eta"
  echo "run-examples: bug '$1' is caught"
}
check_bug missing-half "has no ½"
check_bug init-scale "initialization scale"
check_bug transposed "layer is transposed"

if "$py" -c 'import torch' 2>/dev/null; then
  "$py" "$root/examples/pytorch/replay.py" "$vec" "$work/torch.csv" --learning-rate "$eta"
  expect 0 "HOLDS" -- "$sc" check --trajectory "$work/torch.csv" --scenario "$vec/scenario.json" --learning-rate "$eta"
  echo "run-examples: the PyTorch replay passes"
else
  echo "run-examples: PyTorch is not installed; its example is skipped"
fi
echo "run-examples: all examples behave as expected"
