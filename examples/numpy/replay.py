#!/usr/bin/env python3
"""Replays a saddlecheck conformance vector with plain full-batch gradient descent (NumPy only).

Usage: replay.py VECTOR_DIR OUT.csv [--learning-rate ETA] [--bug missing-half|init-scale|transposed]

Reads X.csv, Y.csv, theta0.csv and expected.json of one exported case (a fully connected network
without bias: linear, relu, tanh or quadratic), trains with the paper's conventions
L = (1/(2P)) sum_mu |y_mu - f(x_mu)|^2 and t = step * eta, and writes step,loss,sv1,... (singular
values of W = sum_i v_i u_i^T) and w1,... (unit norms |theta_i|) to OUT.csv.
"""
import json
import sys

import numpy as np

ACTIVATIONS = {
    "linear": (lambda z: z, lambda z: np.ones_like(z)),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
    "quadratic": (lambda z: z * z, lambda z: 2.0 * z),
}


def load(folder):
    X = np.loadtxt(folder + "/X.csv", delimiter=",", ndmin=2)
    Y = np.loadtxt(folder + "/Y.csv", delimiter=",", ndmin=2)
    theta = np.loadtxt(folder + "/theta0.csv", delimiter=",", ndmin=2)
    with open(folder + "/expected.json") as f:
        expected = json.load(f)
    return X, Y, theta, expected


def split(theta, layout, bug):
    """Rows of theta are units: u_i (uSize entries) then v_i."""
    U = theta[:, :layout["uSize"]].copy()
    V = theta[:, layout["uSize"]:].copy()
    if bug == "transposed":
        # BUG: reads the first layer as a D_in x H matrix stored row-major (a common layout mix-up).
        U = U.reshape(-1).reshape(U.shape[1], U.shape[0]).T.copy()
    if bug == "init-scale":
        # BUG: initialization ten times too large.
        U, V = 10.0 * U, 10.0 * V
    return U, V


def loss_and_grad(U, V, X, Y, kind, bug):
    sigma, dsigma = ACTIVATIONS[kind]
    P = X.shape[0]
    Z = X @ U.T                      # pre-activations, P x H
    A = sigma(Z)                     # P x H
    R = A @ V - Y                    # residuals f - y, P x D_out
    half = 1.0 if bug == "missing-half" else 0.5  # BUG when 1.0: no 1/2 in the loss
    loss = half * np.sum(R * R) / P
    gV = 2.0 * half * A.T @ R / P
    gU = 2.0 * half * ((R @ V.T) * dsigma(Z)).T @ X / P
    return loss, gU, gV


def main(argv):
    folder, out = argv[1], argv[2]
    eta, bug = None, None
    if "--learning-rate" in argv:
        eta = float(argv[argv.index("--learning-rate") + 1])
    if "--bug" in argv:
        bug = argv[argv.index("--bug") + 1]
    X, Y, theta, expected = load(folder)
    layout = expected["layout"]
    if layout["network"] not in ACTIVATIONS:
        sys.exit("replay.py handles fully connected linear, relu, tanh and quadratic networks only")
    eta = eta or expected["gd"]["learningRate"]
    with open(folder + "/scenario.json") as f:
        end_time = json.load(f)["dynamics"]["endTime"]
    U, V = split(theta, layout, bug)
    steps = int(round(end_time / eta))
    rows = []
    for step in range(steps + 1):
        loss, gU, gV = loss_and_grad(U, V, X, Y, layout["network"], bug)
        if step % 5 == 0 or step == steps:
            sv = np.linalg.svd(V.T @ U, compute_uv=False)
            norms = np.sqrt(np.sum(U * U, axis=1) + np.sum(V * V, axis=1))
            rows.append([step, loss, *sv, *norms])
        U, V = U - eta * gU, V - eta * gV
    header = ["step", "loss"] + ["sv%d" % (j + 1) for j in range(len(sv))] \
        + ["w%d" % (i + 1) for i in range(len(norms))]
    with open(out, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(float(x)) if k else str(int(x)) for k, x in enumerate(r)) + "\n")


if __name__ == "__main__":
    main(sys.argv)
