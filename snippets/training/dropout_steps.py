import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# Digits (1797 images of 8x8 pixels, 10 classes), a fixed stratified split, standardised
# with the training statistics.
X, y = load_digits(return_X_y=True)
X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
scaler = StandardScaler().fit(X_tr)
X_tr, X_va = (torch.tensor(scaler.transform(a), dtype=torch.float32) for a in (X_tr, X_va))
y_tr, y_va = torch.tensor(y_tr), torch.tensor(y_va)
X_all, n_tr = torch.cat([X_tr, X_va]), len(X_tr)


def make_mlp(p, width=64, seed=0):
    """64 -> width -> width -> 10 ReLU MLP, dropout after each hidden activation (none if p == 0)."""
    torch.manual_seed(seed)  # same initial weights with and without dropout
    drop = (lambda: nn.Dropout(p)) if p > 0 else nn.Identity
    return nn.Sequential(
        nn.Linear(64, width), nn.ReLU(), drop(), nn.Linear(width, width), nn.ReLU(), drop(), nn.Linear(width, 10)
    )


def train(p, steps=120, seed=0):
    """Full-batch Adam; after every step, training and validation loss of the eval-mode network."""
    model = make_mlp(p, seed=seed)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    torch.manual_seed(seed + 1)  # the dropout masks
    train_loss, val_loss = [], []
    for _ in range(steps):
        model.train()
        loss = F.cross_entropy(model(X_tr), y_tr)
        opt.zero_grad()
        loss.backward()
        opt.step()
        model.eval()
        with torch.no_grad():
            out = model(X_all)  # training and validation rows in one pass
            train_loss.append(F.cross_entropy(out[:n_tr], y_tr).item())
            val_loss.append(F.cross_entropy(out[n_tr:], y_va).item())
    return np.array(train_loss), np.array(val_loss)


def steps_to(curve, target):
    """First step (1-based) at which the curve is at or below the target; inf if never (or NaN)."""
    hit = np.flatnonzero(curve <= target)
    return int(hit[0]) + 1 if hit.size else math.inf


# Five seeds fixed in advance. Per seed, both networks start from the same weights and see the
# same (full) batch; only the dropout network draws masks.
SEEDS, p = [0, 1, 2, 3, 4], 0.5
curves = {(q, s): train(q, seed=s) for s in SEEDS for q in (0.0, p)}
val_target, train_target = 0.2, 0.03
s_val = {key: steps_to(curve[1], val_target) for key, curve in curves.items()}
s_train = {key: steps_to(curve[0], train_target) for key, curve in curves.items()}
best = {key: curve[1].min() for key, curve in curves.items()}  # lowest validation loss
steps_ratio = {s: s_train[p, s] / s_train[0.0, s] for s in SEEDS}
val_gap = {s: best[0.0, s] - best[p, s] for s in SEEDS}  # > 0: lower with dropout
rise = {s: curves[0.0, s][1][-1] / best[0.0, s] for s in SEEDS}  # last / lowest, no dropout

print(
    f"seed | steps to training loss {train_target}  | steps to val. loss {val_target} "
    f"| lowest validation loss in 120 steps"
)
print(f"     | no dropout  p={p}  ratio | no dropout  p={p}   | no dropout  p={p}    gap")
for s in SEEDS:
    print(
        f"{s:>4} | {s_train[0.0, s]:>10} {s_train[p, s]:>6} {steps_ratio[s]:>6.2f} "
        f"| {s_val[0.0, s]:>10} {s_val[p, s]:>8} "
        f"| {best[0.0, s]:>10.3f} {best[p, s]:>6.3f} {val_gap[s]:>6.3f}"
    )
assert all(math.isfinite(s_train[0.0, s]) and math.isfinite(s_val[0.0, s]) for s in SEEDS), (
    "without dropout every seed reaches both targets"
)
assert all(math.isfinite(best[key]) for key in curves), "no run diverged"

# 1. Training loss: clearly more steps with dropout, on every seed.
smallest = min(steps_ratio.values())
print(
    f"training loss {train_target}: steps with / without dropout, median "
    f"{np.median(list(steps_ratio.values())):.2f}, smallest {smallest:.2f}; "
    f"bound 1.3 on every seed, margin {smallest - 1.3:.2f}"
)
assert smallest > 1.3, "dropout needs more than 1.3 times the steps to the training target"

# 2. Validation loss: at least as many steps to the first target, on every seed.
extra = min(s_val[p, s] - s_val[0.0, s] for s in SEEDS)
print(f"validation loss {val_target}: dropout needs at least {extra} more steps on every seed, margin {extra}")
assert extra >= 0

# 3. Then dropout goes lower. On some seeds the gap is small, so the claim is about the median.
median_gap = np.median(list(val_gap.values()))
print(
    f"lowest validation loss: lower with dropout on {sum(g > 0 for g in val_gap.values())} of "
    f"{len(SEEDS)} seeds; gap median {median_gap:.3f}, smallest {min(val_gap.values()):.3f}; "
    f"median above 0, margin {median_gap:.3f}"
)
assert median_gap > 0

# 4. Without dropout, how far the validation loss has risen above its minimum by step 120.
median_rise = np.median(list(rise.values()))
print(
    "no dropout, last / lowest validation loss:",
    ", ".join(f"{rise[s]:.3f}" for s in SEEDS),
    f"| median above 1, margin {median_rise - 1:.3f}",
)
assert median_rise > 1
