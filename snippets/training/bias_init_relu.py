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
    predicted = 0.5 * (1 + math.erf(b / s / math.sqrt(2)))  # P(z + b > 0) = Phi(b / s)
    print(f"bias {b:4}: active fraction {active[b]:.3f} (Phi(b/s) = {predicted:.3f})")
    assert abs(active[b] - predicted) < 0.01
    if b == 0.0:  # each unit on its own: none is dead, or close to it
        per_unit = on.float().mean(dim=0)  # fraction of the 2000 inputs on which each unit is active
        lo, hi = per_unit.min().item(), per_unit.max().item()
        print(
            f"  each of the 512 units is active on {lo:.1%} to {hi:.1%} of the inputs, "
            f"margin {min(lo - 0.4, 0.6 - hi):.3f} inside 40-60 %"
        )
        assert lo > 0.4 and hi < 0.6, "zero bias: every ReLU is on for about half the inputs"
off = max(abs(active[b] - 0.5 * (1 + math.erf(b / s / math.sqrt(2)))) for b in active)
print(
    f"largest distance from Phi(b/s): {off:.4f}, margin {0.01 - off:.4f}; "
    f"a bias of 0.01 adds {active[0.01] - active[0.0]:.4f}, margin {0.01 - (active[0.01] - active[0.0]):.4f}"
)
assert abs(active[0.0] - 0.5) < 0.01, "zero bias: the layer is on for about half the inputs"
assert active[0.01] - active[0.0] < 0.01, "a 0.01 bias changes almost nothing"
