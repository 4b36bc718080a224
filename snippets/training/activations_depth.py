import matplotlib.pyplot as plt
import torch
from torch import nn

depth, width = 20, 64
torch.manual_seed(0)
X = torch.randn(256, width)  # standardised inputs


def backprop_signal(act, init):
    """Norm of dL/dh_l for each hidden layer l = 1..depth of a plain MLP."""
    torch.manual_seed(0)
    h, hidden = X, []
    for _ in range(depth):
        layer = nn.Linear(width, width)
        if init is not None:  # None keeps PyTorch's default nn.Linear initialisation
            init(layer.weight)
            nn.init.zeros_(layer.bias)
        h = act(layer(h))
        h.retain_grad()
        hidden.append(h)
    nn.Linear(width, 1)(h).pow(2).mean().backward()
    return torch.tensor([x.grad.norm().item() for x in hidden])


he = lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu")  # noqa: E731
runs = {
    "logistic σ, Glorot init": backprop_signal(torch.sigmoid, nn.init.xavier_normal_),
    "tanh, Glorot init": backprop_signal(torch.tanh, nn.init.xavier_normal_),
    "ReLU, He init": backprop_signal(torch.relu, he),
    "ReLU, PyTorch default init": backprop_signal(torch.relu, None),
}
ratio = {name: (g[0] / g[-1]).item() for name, g in runs.items()}
for name, r in ratio.items():
    print(f"<p>{name}: ‖∂L/∂h₁‖ / ‖∂L/∂h₂₀‖ = {r:.1e}</p>")
# 19 layers separate h_20 from h_1; predicted factor per layer (see the derivation on the page):
# at most 1/4 for the logistic with Glorot, 1/sqrt(6) for ReLU with PyTorch's default initialisation
bound_sig, pred_default = 0.25**19, 6**-9.5
print(f"<p>(1/4)^19 = {bound_sig:.1e};  6^(-19/2) = {pred_default:.1e}</p>")

assert ratio["logistic σ, Glorot init"] < 3 * bound_sig  # vanishes: each layer multiplies by σ' ≤ 1/4
assert ratio["tanh, Glorot init"] > 1e-2 and ratio["ReLU, He init"] > 1e-1  # survive 20 layers
assert pred_default / 5 < ratio["ReLU, PyTorch default init"] < 5 * pred_default  # ReLU, yet vanishing

fig, ax = plt.subplots(figsize=(7, 4))
for name, g in runs.items():
    ax.semilogy(range(1, depth + 1), g / g[-1], marker="o", ms=3, label=name)
ax.set_xlabel("hidden layer l (1 = closest to the input)")
ax.set_ylabel(r"$\|\partial L/\partial h_l\|$ relative to layer 20")
ax.set_xticks([1, 5, 10, 15, 20])
ax.set_title("Backpropagated gradient through a 20-layer MLP (width 64)")
ax.legend(fontsize=8)
r = list(ratio.values())
show(
    fig,
    "Log-scale plot of the gradient norm at each of 20 hidden layers, relative to layer 20. "
    f"From layer 20 down to layer 1 it is multiplied by {r[0]:.0e} with the logistic and Glorot "
    f"initialisation, {r[1]:.1f} with tanh and Glorot, {r[2]:.1f} with ReLU and He initialisation, "
    f"and {r[3]:.0e} with ReLU and PyTorch's default initialisation.",
)
