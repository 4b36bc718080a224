import math

import torch
from sklearn.datasets import load_digits

X, y = load_digits(return_X_y=True)
X = torch.tensor(X / 16.0, dtype=torch.float64)  # pixels in [0, 1]; float64 keeps the result
# the same whatever the number of CPU threads
y = torch.tensor(y)
DEPTH, WIDTH = 15, 64


class ShiftNoise(torch.nn.Module):
    """Random per-unit scale in [0.5, 2] and shift in [-1, 1], redrawn at every training step:
    a deliberate, large change of the distribution seen by the next layer."""

    def __init__(self, width, generator):
        super().__init__()
        self.width, self.generator = width, generator

    def forward(self, h):
        if not self.training:
            return h
        scale = torch.empty(self.width, dtype=h.dtype).uniform_(0.5, 2.0, generator=self.generator)
        shift = torch.empty(self.width, dtype=h.dtype).uniform_(-1.0, 1.0, generator=self.generator)
        return scale * h + shift


def mlp(kind):
    """DEPTH hidden layers with He-normal weights and zero bias; kind says where BN goes."""
    torch.manual_seed(0)
    noise_gen = torch.Generator().manual_seed(1)
    layers, n = [], X.shape[1]
    for _ in range(DEPTH):
        linear = torch.nn.Linear(n, WIDTH)
        torch.nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
        torch.nn.init.zeros_(linear.bias)
        layers.append(linear)
        if kind in ("BN before ReLU", "BN + noise"):
            layers.append(torch.nn.BatchNorm1d(WIDTH))
        if kind == "BN + noise":
            layers.append(ShiftNoise(WIDTH, noise_gen))
        layers.append(torch.nn.ReLU())
        if kind == "BN after ReLU":
            layers.append(torch.nn.BatchNorm1d(WIDTH))
        n = WIDTH
    return torch.nn.Sequential(*layers, torch.nn.Linear(n, 10)).double()


LR = 0.5
runs = [("no BN", LR), ("BN before ReLU", LR), ("BN after ReLU", LR), ("BN + noise", LR), ("no BN", 0.03)]
models = {(kind, lr): mlp(kind) for kind, lr in runs}
curves = {(kind, lr): sgd_losses(models[kind, lr], X, y, lr, steps=100) for kind, lr in runs}  # 100 steps of 64


def final(kind, lr=LR):  # mean training loss of the last 20 steps (nan if it diverged)
    return sum(curves[kind, lr][-20:]) / 20


for kind, lr in runs:
    print(f"{DEPTH} hidden layers, {kind:15} lr {lr:<5}: final training loss {final(kind, lr):.3f}")
print(f"chance level: ln 10 = {math.log(10):.3f}")
assert not math.isfinite(final("no BN")) or final("no BN") > 2.0     # fails at lr 0.5
assert final("BN before ReLU") < 0.6 and final("BN after ReLU") < 0.6  # BN trains at lr 0.5, either placement
assert final("BN + noise") < 1.6                                      # still trains with shifting inputs
assert final("no BN", 0.03) < 2.0                                     # the plain net is trainable, slowly
