import math

import torch
from torch import nn

z = torch.tensor([-3.0, 2.0], dtype=torch.float64)

leaky = nn.LeakyReLU()
print(f"nn.LeakyReLU(): negative_slope = {leaky.negative_slope}; LeakyReLU(-3) = {leaky(z)[0]:.2f}")
assert leaky.negative_slope == 0.01 and leaky(z)[0] == -0.03

elu = nn.ELU()
print(f"nn.ELU(): alpha = {elu.alpha}; ELU(-3) = {elu(z)[0]:.4f} = exp(-3) - 1")
assert elu.alpha == 1.0 and math.isclose(elu(z)[0].item(), math.expm1(-3), rel_tol=1e-12)

prelu = nn.PReLU()
print(f"nn.PReLU(): one learnt slope, initial value {prelu.weight.item()}")
assert prelu.weight.numel() == 1 and prelu.weight.item() == 0.25 and prelu.weight.requires_grad

rnn = nn.RNN(3, 4)
print(f"nn.RNN(3, 4): nonlinearity = {rnn.nonlinearity!r}")
assert rnn.nonlinearity == "tanh"

# SELU has no arguments: read its two constants off its outputs
selu = nn.SELU()
lam = (selu(z)[1] / z[1]).item()  # for z > 0, SELU(z) = λ z
lam_alpha = -selu(torch.tensor([-50.0], dtype=torch.float64)).item()  # for z → -∞, SELU(z) → -λα
alpha = lam_alpha / lam
print(f"nn.SELU(): λ = {lam:.10f}, α = {alpha:.10f}")
# Klambauer et al. (2017): λ ≈ 1.0507009873554804934, α ≈ 1.6732632423543772848
assert abs(lam - 1.0507009873554805) < 1e-12 and abs(alpha - 1.6732632423543772) < 1e-12

# ... and they are the values for which mean 0 and variance 1 is a fixed point: for z ~ N(0, 1),
# E[SELU(z)] = 0 and E[SELU(z)^2] = 1 (numerical integration on a fine grid)
grid = torch.linspace(-12, 12, 240_001, dtype=torch.float64)
density = torch.exp(-(grid**2) / 2) / math.sqrt(2 * math.pi)
step = (grid[1] - grid[0]).item()
mean = (selu(grid) * density).sum().item() * step
second = (selu(grid) ** 2 * density).sum().item() * step
print(f"z ~ N(0, 1): E[SELU(z)] = {mean:.1e}, E[SELU(z)²] = {second:.8f}")
assert abs(mean) < 1e-6 and abs(second - 1) < 1e-6

gelu = nn.GELU()
print(f"nn.GELU(): approximate = {gelu.approximate!r}; GELU(2) = {gelu(z)[1]:.6f} = 2 Φ(2)")
assert gelu.approximate == "none"
assert math.isclose(gelu(z)[1].item(), 2 * 0.5 * (1 + math.erf(2 / math.sqrt(2))), rel_tol=1e-12)

silu = nn.SiLU()  # also called Swish: z * sigmoid(z)
print(f"nn.SiLU(): SiLU(2) = {silu(z)[1]:.6f} = 2 σ(2)")
assert math.isclose(silu(z)[1].item(), 2 / (1 + math.exp(-2)), rel_tol=1e-12)

# PyTorch's transformer layers still default to ReLU; "gelu" is an option
layer = nn.TransformerEncoderLayer(d_model=16, nhead=2)
print(
    f"nn.TransformerEncoderLayer: default activation {layer.activation.__name__}; "
    f"activation='gelu' gives {nn.TransformerEncoderLayer(16, 2, activation='gelu').activation.__name__}"
)
assert layer.activation is torch.nn.functional.relu
assert nn.TransformerDecoderLayer(d_model=16, nhead=2).activation is torch.nn.functional.relu
assert nn.TransformerEncoderLayer(16, 2, activation="gelu").activation is torch.nn.functional.gelu
