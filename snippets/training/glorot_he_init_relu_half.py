import math

import torch
from torch import nn

torch.manual_seed(0)
M = 1_000_000
symmetric = {  # zero-mean distributions symmetric about 0
    "normal": torch.randn(M),
    "uniform": torch.rand(M) * 2 - 1,
    "Laplace": torch.distributions.Laplace(0.0, 1.0).sample((M,)),
}
# A real layer: He-normal weights on ReLU outputs (all >= 0, mean about 0.4), zero bias. z is symmetric
# because W is, whatever the sign of its inputs. Each unit's z shares an offset w_i . mean(h), so one layer is
# a noisy sample: five layers of 8192 units (seeds 0-4), averaged.
layer = []
for seed in range(5):
    torch.manual_seed(seed)
    h = torch.relu(torch.randn(64, 256))
    z = h @ nn.init.kaiming_normal_(torch.empty(8192, 256), nonlinearity="relu").T
    layer.append(((torch.relu(z) ** 2).mean() / (z**2).mean(), (z > 0).float().mean()))

worst = 0.0
for name, z in symmetric.items():
    half = (torch.relu(z) ** 2).mean() / (z**2).mean()  # E[relu(z)^2] / E[z^2]
    active = (z > 0).float().mean()  # E[relu'(z)^2] = P(z > 0)
    worst = max(worst, abs(half.item() - 0.5), abs(active.item() - 0.5))
    print(f"{name:14s} E[relu(z)^2] / E[z^2] = {half:.4f}   P(z > 0) = {active:.4f}")
half, active = (sum(v[k].item() for v in layer) / len(layer) for k in (0, 1))
worst = max(worst, abs(half - 0.5), abs(active - 0.5))
print(f"{'z = W relu(x)':14s} E[relu(z)^2] / E[z^2] = {half:.4f}   P(z > 0) = {active:.4f}   (mean of 5 layers)")
print(f"all within 0.01 of 1/2: margin {0.01 - worst:.4f}")
assert worst < 0.01, "for symmetric z, ReLU keeps half the second moment and passes half the gradient"

# Not symmetric: z ~ N(1, 1) (a bias of 1). Closed form E[relu(z)^2] = (mu^2 + 1) Phi(mu) + mu phi(mu).
mu = 1.0
z = torch.randn(M) + mu
half = ((torch.relu(z) ** 2).mean() / (z**2).mean()).item()
Phi, phi = 0.5 * (1 + math.erf(mu / math.sqrt(2))), math.exp(-(mu**2) / 2) / math.sqrt(2 * math.pi)
exact = ((mu**2 + 1) * Phi + mu * phi) / (mu**2 + 1)
print(
    f"z ~ N(1, 1): E[relu(z)^2] / E[z^2] = {half:.4f} (closed form {exact:.4f}, margin {0.01 - abs(half - exact):.4f}"
    " inside 0.01), not 1/2"
)
assert abs(half - exact) < 0.01 and half > 0.9

# Leaky ReLU with slope a keeps (1 + a^2) / 2 of it: the gain sqrt(2 / (1 + a^2)) restores it.
z, worst = symmetric["normal"], 0.0
for a in (0.01, 0.2, math.sqrt(5)):
    kept = (nn.functional.leaky_relu(z, a) ** 2).mean().item() / (z**2).mean().item()
    gain = nn.init.calculate_gain("leaky_relu", a)
    print(
        f"slope {a:.3f}: keeps {kept:.4f} (formula {(1 + a**2) / 2:.4f}); 1 / sqrt(kept) = {kept**-0.5:.4f}, "
        f"calculate_gain = {gain:.4f}"
    )
    worst = max(worst, abs(kept / ((1 + a**2) / 2) - 1), abs(kept**-0.5 / gain - 1))
print(f"kept fraction and gain within 1% of the formulas: margin {0.01 - worst:.4f}")
assert worst < 0.01
