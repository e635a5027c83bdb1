#!/usr/bin/env python3
"""The replay with one typical bug, selected by flag, to show that saddlecheck catches it.

Usage: buggy.py VECTOR_DIR OUT.csv --bug missing-half|init-scale|transposed [--learning-rate ETA]

missing-half  the loss has no 1/2 (initial loss exactly twice the expected, drops twice as early)
init-scale    theta(0) ten times too large (drops earlier by ln(100)/(2 s_k))
transposed    the first layer read as D_in x H instead of H x D_in (a different theta(0))
"""
import sys

import replay

if __name__ == "__main__":
    if "--bug" not in sys.argv:
        sys.exit("buggy.py needs --bug missing-half|init-scale|transposed")
    replay.main(sys.argv)
