STEPS, PRUNE_AT, LAM, TAU = 400, 300, 1e-2, 1e-3
ARMS = {  # the keyword arguments of fit() for each way of training
    "dense": {},
    "dropout p=0.5": {"p_drop": 0.5},
    "l1, SGD, subgradient": {"lam": LAM},
    "l1, SGD, soft-threshold": {"lam": LAM, "prox": 1.0},
    "l1, Adam, subgradient": {"lam": LAM, "adam": 1.0},
}
runs = [(arm, s) for arm in ARMS for s in SEEDS]  # 25 runs; the 5 arms of seed s share its start and batches
P = stack([make_mlp(s) for _, s in runs])
spec = {key: [ARMS[arm].get(key, 0.0) for arm, _ in runs] for key in ("lam", "prox", "adam", "p_drop")}
P_300 = fit(P, runs_order([s for _, s in runs], STEPS), keep_at=PRUNE_AT, **spec)  # P_300: after 300 steps
acc, W = accuracy(P), weights(P)


def rows(arm):
    return [r for r, (a, _) in enumerate(runs) if a == arm]


exact = {arm: (W[rows(arm)] == 0).float().mean(1) for arm in ARMS}  # fraction of weights exactly 0, per seed
small = {arm: (W[rows(arm)].abs() < TAU).float().mean(1) for arm in ARMS}  # fraction with |w| < 1e-3
dense_acc = acc[rows("dense")]
print(f"{STEPS} steps, batch {BATCH}, lambda {LAM}; per seed 0-4")
print(f"{'':24} {'test accuracy':>30} | {'w == 0 exactly':>30} | {'|w| < 1e-3':>30}")
for arm in ARMS:
    line = " ".join(f"{a:.3f}" for a in acc[rows(arm)])
    print(f"{arm:24} {line} | {' '.join(f'{e:.3f}' for e in exact[arm])} | {' '.join(f'{e:.3f}' for e in small[arm])}")

# 1. The subgradient runs: most weights within 1e-3 of zero, yet (almost) none exactly zero.
for arm in ("l1, SGD, subgradient", "l1, Adam, subgradient"):
    n_exact = int((W[rows(arm)] == 0).sum())
    print(
        f"{arm}: {n_exact} weights exactly zero in the 5 runs of 9472 (largest fraction {exact[arm].max():.4f}, "
        f"margin {0.01 - exact[arm].max():.4f} below 0.01); |w| < 1e-3: at least {small[arm].min():.3f} "
        f"(margin {small[arm].min() - 0.5:.3f} over 0.5)"
    )
    assert exact[arm].max() < 0.01 and small[arm].min() > 0.5
# 2. The same penalty applied by soft-thresholding: most weights exactly zero.
prox = exact["l1, SGD, soft-threshold"]
print(f"soft-threshold: exactly zero at least {prox.min():.3f} of the weights, margin {prox.min() - 0.8:.3f} over 0.8")
assert prox.min() > 0.8
# 3. Without ell_1, with or without dropout: no exact zeros, and few weights near zero.
for arm in ("dense", "dropout p=0.5"):
    print(
        f"{arm}: {int((W[rows(arm)] == 0).sum())} weights exactly zero in the 5 runs; |w| < 1e-3 at most "
        f"{small[arm].max():.4f} (margin {0.02 - small[arm].max():.4f} below 0.02)"
    )
    assert exact[arm].max() < 0.001 and small[arm].max() < 0.02
# 4. The same lambda with Adam: a much stronger effect on accuracy.
gap_adam = acc[rows("l1, SGD, subgradient")] - acc[rows("l1, Adam, subgradient")]
print(
    f"accuracy, l1 with SGD minus l1 with Adam: smallest {100 * gap_adam.min():.2f} points, "
    f"margin {100 * (gap_adam.min() - 0.02):.2f} over 2"
)
assert gap_adam.min() > 0.02
