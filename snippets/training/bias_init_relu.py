import math

import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(2000, 256)  # standardised inputs
layer = nn.Linear(256, 512)
nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")  # He initialisation
with torch.no_grad():
    z = X @ layer.weight.T  # pre-activations without bias
s = z.std().item()
print(f"std of Wx: {s:.3f}")
active = {}
for b in (0.0, 0.01, 0.1, 1.0):
    on = (z + b) > 0
    active[b] = on.float().mean().item()
    dead = int((~on.any(dim=0)).sum())  # units inactive on every one of the 2000 inputs
    predicted = 0.5 * (1 + math.erf(b / s / math.sqrt(2)))  # P(z + b > 0) = Phi(b / s)
    print(f"bias {b:4}: active fraction {active[b]:.3f} (Phi(b/s) = {predicted:.3f}), dead units {dead}/512")
    assert abs(active[b] - predicted) < 0.01 and dead == 0
off = max(abs(active[b] - 0.5 * (1 + math.erf(b / s / math.sqrt(2)))) for b in active)
print(f"largest distance from Phi(b/s): {off:.4f}, margin {0.01 - off:.4f}; "
      f"a bias of 0.01 adds {active[0.01] - active[0.0]:.4f}, margin {0.01 - (active[0.01] - active[0.0]):.4f}")
assert abs(active[0.0] - 0.5) < 0.01, "zero bias: each ReLU is on for about half the inputs"
assert active[0.01] - active[0.0] < 0.01, "a 0.01 bias changes almost nothing"
