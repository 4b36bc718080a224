import inspect

import torch
import torch.nn as nn
import torch.nn.functional as F

# Defaults.
assert nn.Dropout().p == 0.5 and nn.Dropout().inplace is False
sig = inspect.signature(F.dropout).parameters
print(
    "nn.Dropout().p =",
    nn.Dropout().p,
    "| F.dropout defaults: p =",
    sig["p"].default,
    ", training =",
    sig["training"].default,
)
assert sig["p"].default == 0.5 and sig["training"].default is True  # F.dropout is ON unless told

# model.train() / model.eval() set .training on every submodule, dropout included.
model = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Dropout(0.5))
x = torch.randn(64, 4)
model.eval()
assert not model[2].training and torch.equal(model(x), model(x))
model.train()
assert model[2].training and not torch.equal(model(x), model(x))
print("eval(): two passes identical; train(): two passes differ")

# After ReLU or before it: the same thing (the mask is >= 0, 1/(1-p) > 0, relu(c h) = c relu(h)).
# Not for tanh, which does not commute with the scaling.
h = torch.randn(1000, 100)
drop = nn.Dropout(0.3)
torch.manual_seed(0)
after = drop(torch.relu(h))
torch.manual_seed(0)
before = torch.relu(drop(h))
print("dropout(relu(h)) == relu(dropout(h)) with the same mask:", torch.equal(after, before))
assert torch.equal(after, before)
torch.manual_seed(0)
after = drop(torch.tanh(h))
torch.manual_seed(0)
before = torch.tanh(drop(h))
print("dropout(tanh(h)) == tanh(dropout(h)) with the same mask:", torch.equal(after, before))
assert not torch.allclose(after, before)

# Variance shift (the reason dropout before batch norm is troublesome): for zero-mean, unit-variance
# inputs the training-mode variance is 1/(1-p), the eval-mode variance is 1. Each estimate below,
# from one million draws, must lie within 5 standard errors of its formula.


def var_and_se(v):
    """Sample variance and its standard error, sqrt((m4 - var^2) / n)."""
    var = v.var().item()
    return var, (((v - v.mean()) ** 4).mean().item() - var**2) ** 0.5 / len(v) ** 0.5


torch.manual_seed(0)
z = torch.randn(1_000_000)
errors = []  # |estimate - formula| in standard errors
for p in (0.2, 0.5):
    v_train, se = var_and_se(F.dropout(z, p, training=True))
    print(
        f"p={p}: variance in training mode {v_train:.3f} ± {se:.3f} (1/(1-p) = {1 / (1 - p):.3f}), "
        f"in eval mode {z.var().item():.3f}"
    )
    errors.append(abs(v_train - 1 / (1 - p)) / se)
# With mean mu and variance s2 the training-mode variance is (s2 + mu^2) / (1-p) - mu^2.
mu, s2, p = 2.0, 2.25, 0.2
v_train, se = var_and_se(F.dropout(mu + s2**0.5 * z, p, training=True))
formula = (s2 + mu**2) / (1 - p) - mu**2
print(f"mean {mu}, variance {s2}, p={p}: training-mode variance {v_train:.3f} ± {se:.3f}, formula {formula:.3f}")
errors.append(abs(v_train - formula) / se)

# AlphaDropout (for SELU networks) keeps mean 0 and variance 1 in training mode instead.
a = nn.AlphaDropout(0.2).train()(z)
v_alpha, se = var_and_se(a)
se_mean = a.std().item() / len(a) ** 0.5
print(f"AlphaDropout(0.2), training mode: mean {a.mean():.3f} ± {se_mean:.3f}, variance {v_alpha:.3f} ± {se:.3f}")
errors += [abs(a.mean().item()) / se_mean, abs(v_alpha - 1) / se]
print(
    "distance from the formula in standard errors:",
    ", ".join(f"{e:.1f}" for e in errors),
    f"| bound 5, margin {5 - max(errors):.1f}",
)
assert max(errors) < 5
