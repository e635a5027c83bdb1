#!/usr/bin/env bash
# Runs this project and its peers (NumPy GD, PyTorch GD, SciPy DOP853) on identical data and θ(0),
# each at the cheapest setting whose drop times are within 1% of a tight-tolerance reference, and
# prints a table of times, gradient evaluations and accuracy with ratios to this project.
#
#   bench/run.sh [OUT_DIR]            (default: target/peers)
#   SCENARIOS="linear quadratic" bench/run.sh
#   METHODS="numpy-gd scipy-dop853" bench/run.sh
#
# Needs Debian's python3-numpy, python3-scipy, python3-torch (run with /usr/bin/python3).
# Every run is single-threaded: the BLAS of NumPy and PyTorch get one thread, as Java uses one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/peers}"
scenarios="${SCENARIOS:-linear quadratic attention}"
methods="${METHODS:-numpy-gd torch-gd scipy-dop853}"
# this project's methods: dp54 (DormandPrince54Flow, the fast one) and dop853 (GradientFlow)
saddlecheck_methods="${SADDLECHECK_METHODS:-dp54 dop853}"
python=/usr/bin/python3
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
jar="$root/target/benchmarks.jar"
# log-spaced records per decade of this project's runs: each record inside a step costs one loss
# evaluation; 23 (10% apart in time) is enough to place the drops to 1% by interpolation.
records="${RECORDS:-23}"
java_main=(java --add-modules jdk.incubator.vector -Dsaddlecheck.records="$records" -cp "$jar")
pc=org.saddlecheck.bench.PeerComparison

if [ ! -f "$jar" ] || [ -n "$(find "$root/src" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -q -B -Pbench -DskipTests package)
fi
mkdir -p "$out"
if [ ! -f "$out/linear/reference.csv" ] || [ -n "${REEXPORT:-}" ]; then
  echo "exporting scenarios and reference runs to $out ..." >&2
  "${java_main[@]}" "$pc" export "$out" >&2 2> >(grep -v '^WARNING: Using incubator' >&2)
fi

# whole-process wall seconds of a command whose stdout (one JSON line) goes to a file
process_time() {
  local file="$1"; shift
  local t0 t1
  t0=$(date +%s%N)
  "$@" > "$file"
  t1=$(date +%s%N)
  echo "scale=3; ($t1 - $t0) / 1000000000" | bc
}

for s in $scenarios; do
  for sm in $saddlecheck_methods; do
    echo "[$s] saddlecheck-$sm ..." >&2
    "${java_main[@]}" -Dsaddlecheck.method="$sm" "$pc" search "$out" "$s" > "$out/$s.saddlecheck-$sm.json"
    r=$($python -c "import json,sys; print(json.load(open(sys.argv[1]))['setting'])" \
        "$out/$s.saddlecheck-$sm.json")
    process_time "$out/$s.saddlecheck-$sm.once.json" "${java_main[@]}" -Dsaddlecheck.method="$sm" \
      "$pc" once "$out" "$s" "$r" > "$out/$s.saddlecheck-$sm.process"
  done
  for m in $methods; do
    echo "[$s] $m ..." >&2
    $python "$root/bench/peers.py" search "$m" "$out" "$s" > "$out/$s.$m.json"
    setting=$($python -c "import json,sys; d=json.load(open(sys.argv[1])); print(d.get('setting',''))" \
        "$out/$s.$m.json")
    if [ -n "$setting" ]; then
      process_time "$out/$s.$m.once.json" $python "$root/bench/peers.py" once "$m" "$out" "$s" \
        "$setting" > "$out/$s.$m.process"
    fi
  done
done
$python "$root/bench/table.py" "$out" $scenarios
