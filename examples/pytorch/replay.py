#!/usr/bin/env python3
"""Replays a saddlecheck conformance vector with plain PyTorch full-batch gradient descent.

Usage: replay.py VECTOR_DIR OUT.csv [--learning-rate ETA] [--bug missing-half|init-scale|transposed]

Same conventions as examples/numpy/replay.py: L = (1/(2P)) sum |y - f|^2 (note: torch's MSELoss
has no 1/2 and also divides by D_out, so it is not used), t = step * eta, float64 throughout.
"""
import json
import sys

import numpy as np
import torch

ACT = {"linear": lambda z: z, "relu": torch.relu, "tanh": torch.tanh, "quadratic": lambda z: z * z}


def main(argv):
    folder, out = argv[1], argv[2]
    eta = float(argv[argv.index("--learning-rate") + 1]) if "--learning-rate" in argv else None
    bug = argv[argv.index("--bug") + 1] if "--bug" in argv else None
    X = torch.tensor(np.loadtxt(folder + "/X.csv", delimiter=",", ndmin=2))
    Y = torch.tensor(np.loadtxt(folder + "/Y.csv", delimiter=",", ndmin=2))
    theta = torch.tensor(np.loadtxt(folder + "/theta0.csv", delimiter=",", ndmin=2))
    expected = json.load(open(folder + "/expected.json"))
    end_time = json.load(open(folder + "/scenario.json"))["dynamics"]["endTime"]
    layout = expected["layout"]
    eta = eta or expected["gd"]["learningRate"]
    U = theta[:, :layout["uSize"]].clone()
    V = theta[:, layout["uSize"]:].clone()
    if bug == "transposed":
        U = U.reshape(-1).reshape(U.shape[1], U.shape[0]).T.clone()  # BUG: layout mix-up
    if bug == "init-scale":
        U, V = 10 * U, 10 * V  # BUG: initialization ten times too large
    U.requires_grad_(True)
    V.requires_grad_(True)
    half = 1.0 if bug == "missing-half" else 0.5  # BUG when 1.0: no 1/2
    sigma = ACT[layout["network"]]
    steps = int(round(end_time / eta))
    rows = []
    for step in range(steps + 1):
        loss = half * ((sigma(X @ U.T) @ V - Y) ** 2).sum() / X.shape[0]
        U.grad = None
        V.grad = None
        loss.backward()
        with torch.no_grad():
            if step % 5 == 0 or step == steps:
                sv = torch.linalg.svdvals(V.T @ U).tolist()
                norms = torch.sqrt((U * U).sum(1) + (V * V).sum(1)).tolist()
                rows.append([step, loss.item(), *sv, *norms])
            U -= eta * U.grad
            V -= eta * V.grad
    header = ["step", "loss"] + ["sv%d" % (j + 1) for j in range(len(sv))] \
        + ["w%d" % (i + 1) for i in range(len(norms))]
    with open(out, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(float(x)) if k else str(int(x)) for k, x in enumerate(r)) + "\n")


if __name__ == "__main__":
    main(sys.argv)
