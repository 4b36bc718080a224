import math

import torch

# 1. Ordinary dropout (p = 0.1, training mode) on activations of mean 0 and variance 1.
p = 0.1
h = torch.randn(1_000_000, generator=torch.Generator().manual_seed(0))
torch.manual_seed(1)
v = torch.nn.Dropout(p)(h).var().item()
print(f"1. variance after Dropout({p}): {v:.4f}; 1/(1-p) = {1 / (1 - p):.4f}")
print(f"   within 5e-3 (about three standard errors of 10^6 samples): margin {5e-3 - abs(v - 1 / (1 - p)):.4f}")
assert abs(v - 1 / (1 - p)) < 5e-3

# 2. nn.Linear(300, 100) before nn.SELU: LeCun normal std, and the default std.
torch.manual_seed(0)
layer = torch.nn.Linear(300, 100)
print(
    f"2. LeCun normal: 1/sqrt(300) = {1 / math.sqrt(300):.4f}; default nn.Linear: "
    f"{layer.weight.std().item():.4f} (1/sqrt(900) = {1 / math.sqrt(900):.4f})"
)
relative = abs(layer.weight.std().item() * math.sqrt(900) - 1)  # 30,000 draws: standard error 0.26%
print(f"   within 3% of 1/sqrt(900): margin {0.03 - relative:.4f}")
assert abs(layer.weight.std().item() - 1 / math.sqrt(900)) < 0.03 / math.sqrt(900)

# 3. The smallest value SELU can output, and its slope there.
z = torch.tensor(-50.0, dtype=torch.float64, requires_grad=True)
out = torch.selu(z)
(slope,) = torch.autograd.grad(out, z)
print(f"3. selu(-50) = {out.item():.4f}, slope {slope.item():.1e}")
assert abs(out.item() + 1.7581) < 1e-4 and slope.item() < 1e-20
