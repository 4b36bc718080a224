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
    return nn.Sequential(nn.Linear(64, width), nn.ReLU(), drop(),
                         nn.Linear(width, width), nn.ReLU(), drop(),
                         nn.Linear(width, 10))


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
    """First step (1-based) at which the curve is at or below the target."""
    hit = np.flatnonzero(curve <= target)
    assert hit.size, f"target {target} never reached"
    return int(hit[0]) + 1


p = 0.5
curves = {0.0: train(0.0), p: train(p)}
val_target, train_target = 0.2, 0.03
s_val = {q: steps_to(curves[q][1], val_target) for q in curves}
s_train = {q: steps_to(curves[q][0], train_target) for q in curves}
print(f"steps to validation loss {val_target}: without dropout {s_val[0.0]}, with p={p} {s_val[p]}")
print(f"steps to training loss {train_target}:   without dropout {s_train[0.0]}, with p={p} {s_train[p]}")
assert s_val[p] >= s_val[0.0], "dropout needs at least as many steps to the validation target"
assert s_train[p] > 1.3 * s_train[0.0], "and clearly more steps to the training target"
best = {q: curves[q][1].min() for q in curves}
print(f"lowest validation loss in 120 steps: without dropout {best[0.0]:.3f}, with p={p} {best[p]:.3f}")
assert best[p] < best[0.0]
