import math

import torch
from torch import nn

depth, width = 32, 128
torch.manual_seed(0)
X = torch.randn(256, width)  # standardised inputs: mean 0, variance 1


def last_layer(init, dropout=None):
    """Mean and variance of the output of a 32-layer SELU MLP (training mode for the dropout)."""
    torch.manual_seed(1)
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


with torch.no_grad():
    runs = {
        "LeCun normal": last_layer("LeCun normal"),
        "PyTorch default init": last_layer("default"),
        "LeCun normal + Dropout(0.1)": last_layer("LeCun normal", nn.Dropout(0.1)),
        "LeCun normal + AlphaDropout(0.1)": last_layer("LeCun normal", nn.AlphaDropout(0.1)),
    }
for name, (m, v) in runs.items():
    print(f"{name:33}: after {depth} SELU layers, mean {m:+.3f}, variance {v:.3f}")

assert all(
    abs(runs[k][0]) < 0.1 and 0.8 < runs[k][1] < 1.25 for k in ["LeCun normal", "LeCun normal + AlphaDropout(0.1)"]
)  # self-normalising
assert runs["PyTorch default init"][1] < 0.05  # variance collapses: the fixed point is lost
assert runs["LeCun normal + Dropout(0.1)"][1] > 1.3  # ordinary dropout breaks it the other way
