import math

import torch

N, DEPTH, BATCH = 256, 50, 256  # width n_in = n_out, number of layers, samples
x = torch.randn(BATCH, N, generator=torch.Generator().manual_seed(0))  # standardised input


def stack(act, weight_std, x, between=None, residual=False, backward=True, seed=1):
    """Send x through DEPTH dense layers z = W h (zero bias), W_ij ~ N(0, weight_std^2 / n_in).

    Returns the mean and variance of the activations of every layer (over all units and
    samples) and the norm of the gradient dL/dz of every layer for a random linear loss."""
    g = torch.Generator().manual_seed(seed)
    h = x.clone().requires_grad_(backward)
    mean, var, zs = [], [], []
    for _ in range(DEPTH):
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
runs = {
    "SELU, LeCun init": stack(torch.selu, LECUN, x),
    "ReLU, LeCun init": stack(torch.relu, LECUN, x),
    "SELU, He init": stack(torch.selu, HE, x),
    "ReLU, He init": stack(torch.relu, HE, x),
}
print(f"{'':18} {'layer 1':>18} {'layer 10':>18} {'layer 50':>18}   (mean / variance)")
for name, r in runs.items():
    cells = [f"{r['mean'][k]:8.3f} /{r['var'][k]:9.3g}" for k in (0, 9, DEPTH - 1)]
    print(f"{name:18} " + " ".join(f"{c:>18}" for c in cells))

selu = runs["SELU, LeCun init"]
assert abs(selu["mean"][-1]) < 0.05 and abs(selu["var"][-1] - 1) < 0.1  # self-normalised at layer 50
assert all(abs(m) < 0.1 for m in selu["mean"]) and all(0.85 < v < 1.15 for v in selu["var"])  # every layer

relu = runs["ReLU, LeCun init"]
ratio = (relu["var"][-1] / relu["var"][0]) ** (1 / (DEPTH - 1))  # geometric mean of var_{l+1} / var_l
print(f"ReLU, LeCun init: variance shrinks by a factor {ratio:.3f} per layer, to {relu['var'][-1]:.1e} at layer 50")
assert 0.45 < ratio < 0.55 and relu["var"][-1] < 1e-10  # collapse, about 1/2 per layer

assert runs["SELU, He init"]["var"][-1] > 100  # too wide weights: the variance blows up
assert 0.2 < min(runs["ReLU, He init"]["var"]) and max(runs["ReLU, He init"]["var"]) < 5  # kept, not restored
assert min(runs["ReLU, He init"]["mean"]) > 0 and min(runs["ReLU, LeCun init"]["mean"]) > 0  # ReLU: mean > 0
