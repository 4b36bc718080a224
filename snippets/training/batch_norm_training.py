import math
import statistics

import torch
from sklearn.datasets import load_digits

X, y = load_digits(return_X_y=True)
X = torch.tensor(X / 16.0, dtype=torch.float32)  # pixels in [0, 1]
y = torch.tensor(y)
DEPTH, WIDTH, STEPS, LR, SLOW_LR = 15, 64, 100, 0.5, 0.03
SEEDS = range(5)  # seed s sets run s's initial weights, its batches and its injected noise


class ShiftNoise(torch.nn.Module):
    """Random per-unit scale in [0.5, 2] and shift in [-1, 1], redrawn at every training step:
    a deliberate, large change of the distribution seen by the next layer."""

    def __init__(self, width, generator):
        super().__init__()
        self.width, self.generator = width, generator

    def forward(self, h):
        if not self.training:
            return h
        scale = torch.empty(self.width).uniform_(0.5, 2.0, generator=self.generator)
        shift = torch.empty(self.width).uniform_(-1.0, 1.0, generator=self.generator)
        return scale * h + shift


def mlp(kind, seed):
    """DEPTH hidden layers with He-normal weights and zero bias; kind says where BN goes."""
    torch.manual_seed(seed)
    noise_gen = torch.Generator().manual_seed(1000 + seed)
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
    return torch.nn.Sequential(*layers, torch.nn.Linear(n, 10))


runs = [("no BN", LR), ("BN before ReLU", LR), ("BN after ReLU", LR), ("BN + noise", LR), ("no BN", SLOW_LR)]
models = {(kind, lr, s): mlp(kind, s) for kind, lr in runs for s in SEEDS}
curves = {key: sgd_losses(model, X, y, key[1], steps=STEPS, seed=key[2]) for key, model in models.items()}


def final(kind, lr=LR):
    """Each seed's mean training loss over the last 20 steps; a diverged run (nan or inf) counts as inf."""
    values = [sum(curves[kind, lr, s][-20:]) / 20 for s in SEEDS]
    return [v if math.isfinite(v) else math.inf for v in values]


def median(kind, lr=LR):
    return statistics.median(final(kind, lr))


def count(condition, values):
    return sum(bool(condition(v)) for v in values)


for kind, lr in runs:
    print(
        f"{kind:15} lr {lr:<4}: final training loss per seed "
        + " ".join(f"{v:6.3f}" for v in final(kind, lr))
        + f"   median {median(kind, lr):.3f}"
    )
print(f"chance level: ln 10 = {math.log(10):.3f}")
n = len(SEEDS)
fails = count(lambda v: v >= 2.0, final("no BN"))  # at chance, or diverged
print(
    f"no BN at lr {LR}: at chance or diverged on {fails} of {n} seeds (claim: at least {n - 1}; "
    f"margin {fails - (n - 1)} seeds)"
)
assert fails >= n - 1
for kind in ("BN before ReLU", "BN after ReLU"):
    gaps = [p - b for p, b in zip(final("no BN"), final(kind), strict=True)]  # paired: same seed
    below = count(lambda g: g > 1.0, gaps)
    print(
        f"{kind} at lr {LR}: median {median(kind):.3f} (claim: below 0.6, margin {0.6 - median(kind):.3f}); "
        f"more than 1.0 below no BN on {below} of {n} seeds (margin {below - (n - 1)} seeds)"
    )
    assert median(kind) < 0.6 and below >= n - 1  # BN trains at lr 0.5, either placement
slow = median("no BN", SLOW_LR)
print(f"no BN at lr {SLOW_LR}: median {slow:.3f} (claim: below 2.0, margin {2.0 - slow:.3f})")
assert slow < 2.0  # the plain network is trainable, slowly, at a smaller learning rate
