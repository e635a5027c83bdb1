#!/usr/bin/python3
"""Peer implementations of the benchmark scenarios in the tools researchers use.

Methods: numpy-gd (hand-written gradients, full-batch gradient descent), torch-gd (autograd,
full-batch gradient descent, float64), scipy-dop853 (scipy.integrate.DOP853 on dθ/dt = -∇L).
Every method reads the scenario files written by `PeerComparison export` (identical data and θ(0)),
reports drop times as the first crossings of the exported loss thresholds, and their worst relative
error against the exported reference drop times.

Usage:
  peers.py search METHOD DIR SCENARIO   loosest setting within 1% (then one timed run, warm)
  peers.py once METHOD DIR SCENARIO SETTING   one run, no warm-up (for whole-process timing)
Each prints one JSON line. All runs are single-threaded (set OPENBLAS_NUM_THREADS=1 outside;
torch.set_num_threads(1) here).
"""
import json
import os
import sys
import time

import numpy as np

ACCURACY = 0.01


def read_vec(path):
    with open(path) as f:
        return np.array([float(x) for x in f.read().strip().split(",")])


class Scenario:
    def __init__(self, directory):
        meta = {}
        with open(os.path.join(directory, "meta.txt")) as f:
            for line in f:
                k, v = line.strip().split("=")
                meta[k] = v
        self.kind = meta["kind"]
        self.width = int(meta["width"])
        self.usize = int(meta["usize"])
        self.vsize = int(meta["vsize"])
        self.horizon = float(meta["horizon"])
        self.blocks = []
        b = 0
        while os.path.exists(os.path.join(directory, "X%d.csv" % b)):
            self.blocks.append(np.loadtxt(os.path.join(directory, "X%d.csv" % b), delimiter=",",
                                          ndmin=2))
            b += 1
        self.Y = np.loadtxt(os.path.join(directory, "Y.csv"), delimiter=",", ndmin=2)
        self.theta0 = read_vec(os.path.join(directory, "theta0.csv"))
        self.thresholds = read_vec(os.path.join(directory, "thresholds.csv"))
        self.reference = read_vec(os.path.join(directory, "reference.csv"))

    def crossings(self, times, losses):
        """First times the loss falls to each threshold, linear interpolation between samples."""
        out = np.full(len(self.thresholds), np.nan)
        k = 0
        for i in range(1, len(times)):
            while k < len(self.thresholds) and losses[i] <= self.thresholds[k]:
                l0, l1 = losses[i - 1], losses[i]
                f = 1.0 if l0 == l1 else (l0 - self.thresholds[k]) / (l0 - l1)
                out[k] = times[i - 1] + min(1.0, max(0.0, f)) * (times[i] - times[i - 1])
                k += 1
            if k == len(self.thresholds):
                break
        return out

    def error(self, drops):
        e = np.abs(drops - self.reference) / self.reference
        return float("inf") if np.any(np.isnan(e)) else float(np.max(e))


# ---------------------------------------------------------------- numpy kernels (θ layout: units
# as contiguous blocks [u_i, v_i], as in the project)

def numpy_loss_grad(sc):
    H, us, vs = sc.width, sc.usize, sc.vsize
    Y = sc.Y
    P = Y.shape[0]
    if sc.kind in ("linear", "quadratic"):
        X = sc.blocks[0]
        square = sc.kind == "quadratic"

        def f(theta, grad):
            T = theta.reshape(H, us + vs)
            U, V = T[:, :us], T[:, us:]
            Z = X @ U.T
            A = Z * Z if square else Z
            R = A @ V - Y
            G = grad.reshape(H, us + vs)
            G[:, us:] = A.T @ R / P
            gZ = R @ V.T
            if square:
                gZ *= 2 * Z
            G[:, :us] = gZ.T @ X / P
            return 0.5 * np.sum(R * R) / P
        return f
    if sc.kind == "attention":
        A, Xq = sc.blocks
        d = A.shape[1]

        def f(theta, grad):
            T = theta.reshape(H, 2 * d + 1)
            K, Q, v = T[:, :d], T[:, d:2 * d], T[:, 2 * d]
            S = A @ K.T
            Tq = Xq @ Q.T
            Phi = S * Tq
            r = Phi @ v - Y[:, 0]
            G = grad.reshape(H, 2 * d + 1)
            G[:, 2 * d] = Phi.T @ r / P
            rv = np.outer(r, v)
            G[:, :d] = (rv * Tq).T @ A / P
            G[:, d:2 * d] = (rv * S).T @ Xq / P
            return 0.5 * float(r @ r) / P
        return f
    raise ValueError(sc.kind)


def numpy_loss(sc):
    g = numpy_loss_grad(sc)
    scratch = np.empty_like(sc.theta0)
    return lambda theta: g(theta, scratch)


# ---------------------------------------------------------------- methods

def gd_numpy(sc, eta):
    f = numpy_loss_grad(sc)
    theta = sc.theta0.copy()
    grad = np.empty_like(theta)
    last = sc.thresholds[-1]
    steps = int(np.ceil(sc.horizon / eta))
    losses = np.empty(steps + 1)
    n = 0
    for k in range(steps + 1):
        loss = f(theta, grad)
        n += 1
        losses[k] = loss
        if not np.isfinite(loss) or loss > 1e6:
            return None, n
        if loss <= last:
            break
        theta -= eta * grad
    losses = losses[:k + 1]
    return sc.crossings(eta * np.arange(k + 1), losses), n


def gd_torch(sc, eta):
    import torch
    torch.set_num_threads(1)
    H, us, vs = sc.width, sc.usize, sc.vsize
    T0 = torch.tensor(sc.theta0.reshape(H, us + vs), dtype=torch.float64)
    blocks = [torch.tensor(b, dtype=torch.float64) for b in sc.blocks]
    Y = torch.tensor(sc.Y, dtype=torch.float64)
    if sc.kind in ("linear", "quadratic"):
        U = T0[:, :us].clone().requires_grad_(True)
        V = T0[:, us:].clone().requires_grad_(True)
        params = [U, V]
        X = blocks[0]
        square = sc.kind == "quadratic"

        def loss_fn():
            Z = X @ U.T
            A = Z * Z if square else Z
            return 0.5 * ((A @ V - Y) ** 2).sum() / Y.shape[0]
    else:
        A, Xq = blocks
        d = A.shape[1]
        K = T0[:, :d].clone().requires_grad_(True)
        Q = T0[:, d:2 * d].clone().requires_grad_(True)
        v = T0[:, 2 * d].clone().requires_grad_(True)
        params = [K, Q, v]
        y = Y[:, 0]

        def loss_fn():
            pred = ((A @ K.T) * (Xq @ Q.T)) @ v
            return 0.5 * ((pred - y) ** 2).sum() / y.shape[0]
    last = sc.thresholds[-1]
    steps = int(np.ceil(sc.horizon / eta))
    losses = []
    n = 0
    for k in range(steps + 1):
        loss = loss_fn()
        for p in params:
            p.grad = None
        loss.backward()
        n += 1
        value = loss.item()
        losses.append(value)
        if not np.isfinite(value) or value > 1e6:
            return None, n
        if value <= last:
            break
        with torch.no_grad():
            for p in params:
                p -= eta * p.grad
    return sc.crossings(eta * np.arange(len(losses)), np.array(losses)), n


def flow_scipy(sc, rtol):
    """DOP853 stepped by hand; each step-end loss comes from the FSAL evaluation; a step where the
    loss crosses a threshold is refined on the dense output (3 more gradients) by brentq."""
    from scipy.integrate import DOP853
    from scipy.optimize import brentq
    g = numpy_loss_grad(sc)
    loss_only = numpy_loss(sc)
    state = {"loss": np.nan, "n": 0}

    def rhs(t, y):
        grad = np.empty_like(y)
        state["loss"] = g(y, grad)
        state["n"] += 1
        return -grad

    rho = np.sqrt(np.mean(sc.theta0 ** 2))
    solver = DOP853(rhs, 0.0, sc.theta0.copy(), sc.horizon, rtol=rtol, atol=rtol * rho)
    th = sc.thresholds
    drops = np.full(len(th), np.nan)
    k = 0
    previous = loss_only(sc.theta0)
    losses_n = 1
    while solver.status == "running" and k < len(th):
        solver.step()
        if solver.status == "failed":
            return None, state["n"]
        current = state["loss"]
        if not np.isfinite(current):
            return None, state["n"]
        if current <= th[k]:
            dense = solver.dense_output()
            while k < len(th) and current <= th[k]:
                def h(t):
                    return loss_only(dense(t)) - th[k]
                a, b = solver.t_old, solver.t
                if previous <= th[k]:
                    drops[k] = a
                else:
                    drops[k] = brentq(h, a, b, xtol=1e-7 * b, rtol=1e-12)
                k += 1
        previous = current
    return drops, state["n"]


METHODS = {"numpy-gd": gd_numpy, "torch-gd": gd_torch, "scipy-dop853": flow_scipy}
LADDERS = {
    "numpy-gd": [2.0 ** (-j / 2) for j in range(0, 40)],
    "torch-gd": [2.0 ** (-j / 2) for j in range(0, 40)],
    "scipy-dop853": [1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6, 3e-7,
                     1e-7, 3e-8, 1e-8, 1e-9, 1e-10],
}


def timed(method, sc, setting):
    cpu = time.process_time()
    start = time.perf_counter()
    drops, n = METHODS[method](sc, setting)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    error = float("inf") if drops is None else sc.error(drops)
    return seconds, cpu, n, error


def main():
    np.seterr(all="ignore")  # a diverging setting is reported as a failed try, not as warnings
    command, method, directory, name = sys.argv[1:5]
    sc = Scenario(os.path.join(directory, name))
    if command == "search":
        tried = []
        for setting in LADDERS[method]:
            seconds, cpu, n, error = timed(method, sc, setting)
            tried.append([setting, error])
            if error <= ACCURACY:
                seconds, cpu, n, error = timed(method, sc, setting)
                print(json.dumps({"scenario": name, "method": method, "setting": setting,
                                  "seconds": seconds, "cpu": cpu, "gradients": n, "error": error,
                                  "tried": tried}))
                return
        print(json.dumps({"scenario": name, "method": method, "failed": True, "tried": tried}))
    else:
        setting = float(sys.argv[5])
        seconds, cpu, n, error = timed(method, sc, setting)
        print(json.dumps({"scenario": name, "method": method, "setting": setting,
                          "seconds": seconds, "cpu": cpu, "gradients": n,
                          "error": error}))


if __name__ == "__main__":
    main()
