#!/usr/bin/python3
"""Prints the comparison table from the JSON results that bench/run.sh leaves in OUT_DIR."""
import json
import os
import sys

METHODS = ["saddlecheck-dp54", "saddlecheck-dop853", "numpy-gd", "torch-gd", "scipy-dop853"]


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def process_seconds(path):
    try:
        with open(path) as f:
            return float(f.read().strip())
    except (OSError, ValueError):
        return float("nan")


def main():
    out = sys.argv[1]
    scenarios = sys.argv[2:] or ["linear", "quadratic", "attention"]
    head = ("| scenario | method | setting | gradients | worst drop error | in-process wall s "
            "| in-process CPU s | whole process s | × saddlecheck (wall) | × saddlecheck (CPU) |")
    print(head)
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in scenarios:
        base = load(os.path.join(out, s + ".saddlecheck-dp54.json"))
        for m in METHODS:
            d = load(os.path.join(out, s + "." + m + ".json"))
            if d is None:
                continue
            if d.get("failed"):
                print("| %s | %s | none within 1%% | | | | | | | |" % (s, m))
                continue
            proc = process_seconds(os.path.join(out, s + "." + m + ".process"))
            ratio = d["seconds"] / base["seconds"] if base else float("nan")
            cpu_ratio = d["cpu"] / base["cpu"] if base and base.get("cpu") else float("nan")
            print("| %s | %s | %.3g | %d | %.2e | %.3f | %.3f | %.2f | %.1f | %.1f |" % (
                s, m, d["setting"], d["gradients"], d["error"], d["seconds"], d["cpu"], proc,
                ratio, cpu_ratio))


if __name__ == "__main__":
    main()
