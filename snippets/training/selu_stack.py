import math

import torch

N, DEPTH, BATCH = 256, 50, 256  # width n_in = n_out, number of layers, samples
x = torch.randn(BATCH, N, generator=torch.Generator().manual_seed(0))  # standardised input
SEEDS = [1, 2, 3, 4, 5]  # one set of random weights per seed (not 0: W would repeat the draws of x)


def stack(act, weight_std, x, between=None, residual=False, backward=True, seed=SEEDS[0], depth=DEPTH):
    """Send x through depth dense layers z = W h (zero bias), W_ij ~ N(0, weight_std^2 / n_in).

    Returns the mean and variance of the activations of every layer (over all units and
    samples) and the norm of the gradient dL/dz of every layer for a random linear loss."""
    g = torch.Generator().manual_seed(seed)
    h = x.clone().requires_grad_(backward)
    mean, var, zs = [], [], []
    for _ in range(depth):
        W = torch.randn(N, N, generator=g) * weight_std / math.sqrt(N)
        z = h @ W.T
        if backward:
            z.retain_grad()
        zs.append(z)
        a = act(z)
        if between is not None:  # e.g. dropout after the activation
            a = between(a)
        h = h + a if residual else a
        mean.append(h.mean().item())
        var.append(h.var().item())
    grad = []
    if backward:
        (h * torch.randn(h.shape, generator=g)).sum().backward()
        grad = [z.grad.norm().item() for z in zs]
    return {"mean": mean, "var": var, "grad": grad}


LECUN, HE = 1.0, math.sqrt(2)  # weight std times sqrt(n_in)
settings = {  # activation, weight std, whether the gradients are needed (on this page)
    "SELU, LeCun init": (torch.selu, LECUN, True),
    "ReLU, LeCun init": (torch.relu, LECUN, True),
    "SELU, He init": (torch.selu, HE, False),
    "ReLU, He init": (torch.relu, HE, True),
}
seeded = {
    name: [stack(act, std, x, backward=grad, seed=s) for s in SEEDS] for name, (act, std, grad) in settings.items()
}
runs = {name: r[0] for name, r in seeded.items()}  # the weights of the first seed: the table and the figure
print(f"seed {SEEDS[0]}:{'':13} {'layer 1':>18} {'layer 10':>18} {'layer 50':>18}   (mean / variance)")
for name, r in runs.items():
    cells = [f"{r['mean'][k]:8.3f} /{r['var'][k]:9.3g}" for k in (0, 9, DEPTH - 1)]
    print(f"{name:18} " + " ".join(f"{c:>18}" for c in cells))
for name, rs in seeded.items():
    last = ", ".join(f"{r['var'][-1]:.3g}" for r in rs)
    print(f"{name:18} variance at layer 50, seeds {SEEDS[0]} to {SEEDS[-1]}: {last}")

selu = seeded["SELU, LeCun init"]  # self-normalised at layer 50, and at every layer, on every seed
m_last = min(min(0.05 - abs(r["mean"][-1]), 0.1 - abs(r["var"][-1] - 1)) for r in selu)
m_every = min(min(0.1 - max(map(abs, r["mean"])), min(r["var"]) - 0.85, 1.15 - max(r["var"])) for r in selu)
print(
    f"SELU, LeCun init, every seed: layer 50 |mean| < 0.05 and |variance - 1| < 0.1, margin {m_last:.3f}; "
    f"every layer |mean| < 0.1 and variance in (0.85, 1.15), margin {m_every:.3f}"
)
assert all(abs(r["mean"][-1]) < 0.05 and abs(r["var"][-1] - 1) < 0.1 for r in selu)
assert all(all(abs(m) < 0.1 for m in r["mean"]) and all(0.85 < v < 1.15 for v in r["var"]) for r in selu)


def per_layer(r):  # geometric mean of var_{l+1} / var_l over the 49 steps from layer 1 to layer 50
    return (r["var"][-1] / r["var"][0]) ** (1 / (DEPTH - 1))


relu = [per_layer(r) for r in seeded["ReLU, LeCun init"]]
print(
    f"ReLU, LeCun init: variance multiplied by {min(relu):.3f} to {max(relu):.3f} per layer, in (0.45, 0.55) "
    f"on every seed, margin {min(min(relu) - 0.45, 0.55 - max(relu)):.3f}"
)
assert all(0.45 < f < 0.55 for f in relu) and all(r["var"][-1] < 1e-10 for r in seeded["ReLU, LeCun init"])
he = [per_layer(r) for r in seeded["ReLU, He init"]]
print(
    f"ReLU, He init: variance multiplied by {min(he):.3f} to {max(he):.3f} per layer, in (0.95, 1.05) "
    f"on every seed, margin {min(min(he) - 0.95, 1.05 - max(he)):.3f}"
)
assert all(0.95 < f < 1.05 for f in he)  # kept on average...
drift = [r["var"][-1] for r in seeded["ReLU, He init"]]
settle = [r["var"][-1] for r in selu]
print(
    f"layer-50 variance, largest / smallest over the seeds: ReLU + He {max(drift) / min(drift):.2f} (above 2, "
    f"margin {max(drift) / min(drift) - 2:.2f}); SELU + LeCun {max(settle) / min(settle):.3f} (below 1.2, "
    f"margin {1.2 - max(settle) / min(settle):.3f})"
)
assert max(drift) / min(drift) > 2 and max(settle) / min(settle) < 1.2  # ...but not restored: it drifts
blow = min(r["var"][-1] for r in seeded["SELU, He init"])
print(f"SELU, He init: layer-50 variance above 100 on every seed, margin {math.log10(blow / 100):.2f} decades")
assert blow > 100  # too wide weights: the variance blows up
assert all(min(r["mean"]) > 0 for r in seeded["ReLU, He init"] + seeded["ReLU, LeCun init"])  # ReLU: mean > 0
