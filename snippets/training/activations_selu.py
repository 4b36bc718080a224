import math

import torch
from torch import nn

depth, width = 32, 128
torch.manual_seed(0)
X = torch.randn(256, width)  # standardised inputs: mean 0, variance 1
SEEDS = [1, 2, 3, 4, 5]  # one random network (and dropout masks) per seed


def last_layer(init, seed, dropout=None):
    """Mean and variance of the output of a 32-layer SELU MLP (training mode for the dropout)."""
    torch.manual_seed(seed)
    h = X
    for _ in range(depth):
        layer = nn.Linear(width, width)
        if init == "LeCun normal":  # N(0, 1/n_in), bias 0: the initialisation SELU assumes
            nn.init.normal_(layer.weight, std=1 / math.sqrt(width))
            nn.init.zeros_(layer.bias)
        h = torch.selu(layer(h))
        if dropout is not None:
            h = dropout(h)
    return h.mean().item(), h.var().item()


settings = {
    "LeCun normal": ("LeCun normal", None),
    "PyTorch default init": ("default", None),
    "LeCun normal + Dropout(0.1)": ("LeCun normal", nn.Dropout(0.1)),
    "LeCun normal + AlphaDropout(0.1)": ("LeCun normal", nn.AlphaDropout(0.1)),
}
with torch.no_grad():
    runs = {name: [last_layer(init, seed, drop) for seed in SEEDS] for name, (init, drop) in settings.items()}
print(f"after {depth} SELU layers, mean / variance for seeds {SEEDS[0]} to {SEEDS[-1]}:")
for name, r in runs.items():
    print(f"{name:33}: " + "  ".join(f"{m:+.3f} / {v:.3f}" for m, v in r))

normalised = [mv for k in ["LeCun normal", "LeCun normal + AlphaDropout(0.1)"] for mv in runs[k]]
m_self = min(min(0.1 - abs(m), v - 0.8, 1.25 - v) for m, v in normalised)
m_default = 0.05 - max(v for _, v in runs["PyTorch default init"])
m_dropout = min(v for _, v in runs["LeCun normal + Dropout(0.1)"]) - 1.3
print(
    f"every seed: LeCun normal (with or without alpha dropout) |mean| < 0.1 and variance in (0.8, 1.25), "
    f"margin {m_self:.3f}; default init variance < 0.05, margin {m_default:.3f}; "
    f"with Dropout(0.1) variance > 1.3, margin {m_dropout:.3f}"
)
assert all(abs(m) < 0.1 and 0.8 < v < 1.25 for m, v in normalised)  # self-normalising
assert all(v < 0.05 for _, v in runs["PyTorch default init"])  # variance collapses: the fixed point is lost
assert all(v > 1.3 for _, v in runs["LeCun normal + Dropout(0.1)"])  # ordinary dropout breaks it the other way
