import math

import matplotlib.pyplot as plt
import torch
from torch import nn

depth, width = 20, 64
torch.manual_seed(0)
X = torch.randn(256, width)  # standardised inputs
SEEDS = [1, 2, 3, 4, 5]  # one random network per seed (not 0: its weights would repeat the draws of X)


def backprop_signal(act, init, seed):
    """Norm of dL/dh_l for each hidden layer l = 1..depth of a plain MLP, and the per-layer factor
    n Var(W_l) E[phi'(z_l)^2] of the section Why, computed from the network's own weights and pre-activations."""
    torch.manual_seed(seed)
    h, hidden, factor = X, [], []
    for _ in range(depth):
        layer = nn.Linear(width, width)
        if init is not None:  # None keeps PyTorch's default nn.Linear initialisation
            init(layer.weight)
            nn.init.zeros_(layer.bias)
        z = layer(h)
        z_ = z.detach().requires_grad_()
        (slope,) = torch.autograd.grad(act(z_).sum(), z_)  # phi'(z) of every unit and input
        factor.append(width * layer.weight.detach().var().item() * slope.pow(2).mean().item())
        h = act(z)
        h.retain_grad()
        hidden.append(h)
    nn.Linear(width, 1)(h).pow(2).mean().backward()
    return torch.tensor([x.grad.norm().item() for x in hidden]), math.sqrt(math.prod(factor[1:]))  # layers 2..20


he = lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu")  # noqa: E731
settings = {
    "logistic σ, Glorot init": (torch.sigmoid, nn.init.xavier_normal_),
    "tanh, Glorot init": (torch.tanh, nn.init.xavier_normal_),
    "ReLU, He init": (torch.relu, he),
    "ReLU, PyTorch default init": (torch.relu, None),
}
signals = {name: [backprop_signal(act, init, seed) for seed in SEEDS] for name, (act, init) in settings.items()}
runs = {name: [g for g, _ in r] for name, r in signals.items()}
ratios = {name: [(g[0] / g[-1]).item() for g in gs] for name, gs in runs.items()}  # one per seed
mean_field = {name: [p for _, p in r] for name, r in signals.items()}  # the prediction, one per seed
for name, r in ratios.items():
    print(f"<p>{name}: ‖∂L/∂h₁‖ / ‖∂L/∂h₂₀‖ per seed = {', '.join(f'{v:.1e}' for v in r)}</p>")
# 19 layers separate h_20 from h_1; predicted factor per layer (see the derivation on the page):
# at most 1/4 for the logistic with Glorot, 1/sqrt(6) for ReLU with PyTorch's default initialisation
bound_sig, pred_default = 0.25**19, 6**-9.5
print(f"<p>(1/4)^19 = {bound_sig:.1e};  6^(-19/2) = {pred_default:.1e}</p>")


def decades(a, b):
    """How many powers of ten a lies below b (positive when a < b)."""
    return math.log10(b / a)


sig, tanh, relu_he, default = ratios.values()
m_sig = decades(max(sig), bound_sig)  # the logistic: each layer multiplies by at most 1/4 on average
m_survive = min(decades(1e-2, min(tanh)), decades(1e-1, min(relu_he)))  # tanh and ReLU + He survive 20 layers
m_default = min(decades(max(default), 5 * pred_default), decades(pred_default / 5, min(default)))  # ReLU, yet vanishing
print(
    f"<p>On all {len(SEEDS)} seeds: logistic below (1/4)^19 (margin {m_sig:.2f} decades); tanh above 1e-2 and "
    f"ReLU + He above 1e-1 (margin {m_survive:.2f} decades); ReLU + default init within a factor 5 of "
    f"6^(-19/2) (margin {m_default:.2f} decades).</p>"
)
assert max(sig) < bound_sig
assert min(tanh) > 1e-2 and min(relu_he) > 1e-1
assert pred_default / 5 < min(default) and max(default) < 5 * pred_default
# the section's formula itself, on every setting and seed: the product over layers 20 -> 2 of
# sqrt(n Var(W_l) E[phi'(z_l)^2]), from each network's weights and pre-activations, within a factor 3 (both ways)
off = max(max(r / p, p / r) for name in ratios for r, p in zip(ratios[name], mean_field[name], strict=True))
print(
    f"<p>Every setting and seed: within a factor 3 of the product of the per-layer factors "
    f"sqrt(n Var(W) E[φ′(z)²]) computed from the network itself (largest deviation a factor {off:.2f}, "
    f"margin {decades(off, 3):.2f} decades).</p>"
)
assert off < 3

fig, ax = plt.subplots(figsize=(7, 4))
for name, gs in runs.items():
    g = gs[0]  # the network of the first seed
    ax.semilogy(range(1, depth + 1), g / g[-1], marker="o", ms=3, label=name)
ax.set_xlabel("hidden layer l (1 = closest to the input)")
ax.set_ylabel(r"$\|\partial L/\partial h_l\|$ relative to layer 20")
ax.set_xticks([1, 5, 10, 15, 20])
ax.set_title(f"Backpropagated gradient through a 20-layer MLP (width 64), seed {SEEDS[0]}")
ax.legend(fontsize=8)
r = [rs[0] for rs in ratios.values()]
show(
    fig,
    f"Log-scale plot of the gradient norm at each of 20 hidden layers, relative to layer 20, for the network "
    f"of seed {SEEDS[0]}. From layer 20 down to layer 1 it is multiplied by {r[0]:.0e} with the logistic and "
    f"Glorot initialisation, {r[1]:.1f} with tanh and Glorot, {r[2]:.1f} with ReLU and He initialisation, "
    f"and {r[3]:.0e} with ReLU and PyTorch's default initialisation.",
)
