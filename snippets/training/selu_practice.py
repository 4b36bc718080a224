import math

import torch

n_in = 400
w = torch.empty(512, n_in)
torch.manual_seed(0)
torch.nn.init.kaiming_normal_(w, nonlinearity="linear")  # fan_in mode: std = gain / sqrt(n_in), gain 1
print(
    f"kaiming_normal_(nonlinearity='linear'): std {w.std().item():.4f}, "
    f"LeCun normal 1/sqrt(n_in) = {1 / math.sqrt(n_in):.4f}"
)
# 204,800 draws: the standard error of their std is 0.16%, so a 1% bound leaves six standard errors
print(f"within 1% of LeCun's: margin {0.01 - abs(w.std().item() * math.sqrt(n_in) - 1):.4f}")
assert abs(w.std().item() * math.sqrt(n_in) - 1) < 0.01

gain = torch.nn.init.calculate_gain("selu")
print(f"calculate_gain('selu') = {gain}: weight variance (3/4)^2 / n_in = {gain**2:.4f} / n_in, not 1 / n_in")
assert gain == 3 / 4

# AlphaDropout: a dropped unit is set to SELU's floor -lambda*alpha, then an affine map a*x + b
# restores mean 0 and variance 1 (Klambauer et al., 2017, section on alpha dropout).
p = 0.2
lam = torch.selu(torch.tensor(1.0, dtype=torch.float64)).item()
alpha = -torch.selu(torch.tensor(-800.0, dtype=torch.float64)).item() / lam
q, a_prime = 1 - p, -lam * alpha
a = (q + a_prime**2 * q * (1 - q)) ** -0.5
b = -a * (1 - q) * a_prime
x = torch.randn(1_000_000, generator=torch.Generator().manual_seed(1))
layer = torch.nn.AlphaDropout(p)
torch.manual_seed(2)
y = layer(x)  # training mode
dropped = torch.isclose(y, torch.tensor(a * a_prime + b))
print(
    f"AlphaDropout({p}), training: mean {y.mean().item():.4f}, variance {y.var().item():.4f}, "
    f"dropped fraction {dropped.float().mean().item():.4f}, dropped value {a * a_prime + b:.4f}"
)
# 10^6 samples: standard errors about 1e-3 for the mean and the variance, 4e-4 for the dropped fraction,
# so the bounds below leave four to five standard errors
m_alpha = min(
    5e-3 - abs(y.mean().item()), 5e-3 - abs(y.var().item() - 1), 2e-3 - abs(dropped.float().mean().item() - p)
)
print(f"mean and variance within 5e-3 of 0 and 1, dropped fraction within 2e-3 of p: margin {m_alpha:.4f}")
assert abs(y.mean()) < 5e-3 and abs(y.var() - 1) < 5e-3 and abs(dropped.float().mean() - p) < 2e-3
assert torch.allclose(y[~dropped], a * x[~dropped] + b, atol=1e-5)  # kept units: the same affine map
layer.eval()
assert torch.equal(layer(x), x)  # evaluation mode: the identity
print("AlphaDropout in eval mode returns its input unchanged")
