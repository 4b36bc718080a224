import math
import statistics

import torch
from sklearn.datasets import load_digits

X, y = load_digits(return_X_y=True)
X = torch.tensor((X - X.mean(0)) / (X.std(0) + 1e-8), dtype=torch.float64)  # standardised
y = torch.tensor(y)
CHANCE = math.log(10)  # the loss of a uniform prediction over the 10 classes

DEPTH, LR, STEPS = 20, 0.05, 60
SEEDS = [0, 1, 2, 3, 4]  # each seed: the initial weights and the order of the mini-batches, the same for every arm


def mlp(act, weight_gain, seed, depth=DEPTH, width=64):
    """depth hidden layers, W ~ N(0, gain^2 / n_in), zero bias; PyTorch's default output layer."""
    torch.manual_seed(seed)  # the same normal draws for every gain: only their scale differs
    layers, n = [], X.shape[1]
    for _ in range(depth):
        linear = torch.nn.Linear(n, width)
        torch.nn.init.normal_(linear.weight, 0.0, weight_gain / math.sqrt(n))
        torch.nn.init.zeros_(linear.bias)
        layers += [linear, act()]
        n = width
    return torch.nn.Sequential(*layers, torch.nn.Linear(n, 10)).double()


def train(act, weight_gain, seed, lr=LR):
    """The loss on all 1797 digits after STEPS steps, and the first step whose mini-batch loss is not
    finite (None if there is none)."""
    model = mlp(act, weight_gain, seed)
    losses = sgd_losses(model, X, y, lr, STEPS, seed=seed)
    blown = next((step for step, value in enumerate(losses, 1) if not math.isfinite(value)), None)
    with torch.no_grad():
        return torch.nn.functional.cross_entropy(model(X), y).item(), blown


arms = {
    "SELU, LeCun init": (torch.nn.SELU, 1.0, LR),
    "SELU, He init": (torch.nn.SELU, math.sqrt(2), LR),
    "ReLU, He init": (torch.nn.ReLU, math.sqrt(2), LR),
    f"SELU, LeCun, lr {4 * LR:g}": (torch.nn.SELU, 1.0, 4 * LR),  # SELU in its conditions, 4x the rate...
    f"ReLU, He, lr {4 * LR:g}": (torch.nn.ReLU, math.sqrt(2), 4 * LR),
}  # ...and the control at the same rate
runs = {name: [train(act, gain, seed, lr) for seed in SEEDS] for name, (act, gain, lr) in arms.items()}
loss = {name: [value for value, _ in r] for name, r in runs.items()}
print(
    f"{DEPTH} hidden layers, SGD, {STEPS} steps of 64 samples, seeds {SEEDS[0]} to {SEEDS[-1]}; "
    f"loss on all digits (chance level ln 10 = {CHANCE:.3f}):"
)
for name, r in runs.items():
    cells = [f"{value:.3f}" if blown is None else f"diverged at step {blown}" for value, blown in r]
    print(f"  {name:19} " + ", ".join(cells))

selu = loss["SELU, LeCun init"]  # SELU in its conditions: trains well on every seed
print(f"SELU, LeCun init: below 1.0 on every seed, margin {1.0 - max(selu):.3f}")
assert all(math.isfinite(v) and v < 1.0 for v in selu)
for name in ["SELU, He init", f"SELU, LeCun, lr {4 * LR:g}"]:  # diverged on every seed, well before the end
    latest = max(blown or math.inf for _, blown in runs[name])
    print(f"{name}: diverged on every seed, by step {latest} of {STEPS}, margin {STEPS - latest} steps")
    assert latest <= STEPS
relu = loss["ReLU, He init"]  # ReLU, He init, same settings: does not diverge, and learns (slowly)
print(
    f"ReLU, He init: finite on every seed; median {statistics.median(relu):.3f} below chance, "
    f"margin {CHANCE - statistics.median(relu):.3f}"
)
assert all(math.isfinite(v) for v in relu) and statistics.median(relu) < CHANCE
gap = min(r - s for s, r in zip(selu, relu, strict=True))  # here, in its conditions, SELU does better
print(
    f"SELU (LeCun) below ReLU (He) on every seed, same initial draws and batches: smallest gap {gap:.3f}, "
    f"margin {gap:.3f}"
)
assert gap > 0
fast = [v if math.isfinite(v) else math.inf for v in loss[f"ReLU, He, lr {4 * LR:g}"]]  # diverged: no better
floor = CHANCE - 0.1  # within 0.1 of chance: it has not learnt
print(
    f"ReLU, He init, lr {4 * LR:g}: does not learn either, median {statistics.median(fast):.3f} above {floor:.3f} "
    f"(chance - 0.1; {sum(v == math.inf for v in fast)} diverged), margin {statistics.median(fast) - floor:.3f}"
)
assert statistics.median(fast) > floor  # at 4x the rate neither network trains: not a SELU condition
