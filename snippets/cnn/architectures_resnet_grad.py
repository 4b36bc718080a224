import math

import torch
from torch import nn


class Basic(nn.Module):
    """ResNet's basic block: conv 3x3, (BN), ReLU, conv 3x3, (BN), then + x if skip, then ReLU (He et al., 2016)."""

    def __init__(self, c, skip, bn, he=False):
        super().__init__()
        self.conv1, self.conv2 = nn.Conv2d(c, c, 3, padding=1, bias=not bn), nn.Conv2d(c, c, 3, padding=1, bias=not bn)
        self.bn1, self.bn2 = (nn.BatchNorm2d(c), nn.BatchNorm2d(c)) if bn else (nn.Identity(), nn.Identity())
        self.skip = skip
        if he:  # He initialisation instead of PyTorch's default
            for conv in (self.conv1, self.conv2):
                nn.init.kaiming_normal_(conv.weight, nonlinearity="relu")
                nn.init.zeros_(conv.bias)

    def forward(self, x):
        f = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu(f + x if self.skip else f)


def gradient_ratio(seed, skip, bn, he=False, blocks=50, c=8):
    """||dL/dx_0|| / ||dL/dx_50|| for L = <g, x_50>, g random: how the backward signal changes over 50 blocks."""
    torch.manual_seed(seed)
    net = nn.Sequential(*[Basic(c, skip, bn, he) for _ in range(blocks)]).double()  # float64: no underflow
    x = torch.randn(4, c, 8, 8, dtype=torch.float64, requires_grad=True)
    y = net(x)  # training mode: BN uses the batch statistics
    g = torch.randn_like(y)
    (dx,) = torch.autograd.grad(y, x, g)
    return (dx.norm() / g.norm()).item()


def log10(r):
    return math.log10(r) if r > 0 else -math.inf  # an exactly zero gradient: every unit of some layer inactive


print("seeds 0-4, 50 blocks (100 convolutions), ratio ||dL/dx_0|| / ||dL/dx_50||")
ratios = {}
for bn in (False, True):
    for skip in (True, False):
        ratios[bn, skip] = [gradient_ratio(s, skip=skip, bn=bn) for s in range(5)]
for bn, name in ((False, "no BN, PyTorch's default init"), (True, "BN after each conv (the paper)")):
    print(f"{name}:")
    for skip in (True, False):
        print(f"  {'with skips   ' if skip else 'without skips'} {' '.join(f'{r:9.2e}' for r in ratios[bn, skip])}")
residual = ratios[False, True] + ratios[True, True]
worst = max(abs(log10(r)) for r in residual)
print(f"with skips: |log10 ratio| <= {worst:.2f} on every seed, margin {3 - worst:.2f}")
assert worst < 3  # within a factor 1000 of 1
# without skips: vanishes below 1e-5 without BN, explodes above 1e5 with BN, on every seed
vanish, explode = max(log10(r) for r in ratios[False, False]), min(log10(r) for r in ratios[True, False])
print(f"without skips: log10 ratio <= {vanish:.1f} without BN, >= {explode:.2f} with BN")
print(f"margin {min(-5 - vanish, explode - 5):.2f}")
assert vanish < -5 and explode > 5

# the identity path alone does not bound the gradient: He initialisation without BN makes every branch as large
# as its input, the variance roughly doubles at each block, and the residual stack's gradient explodes
he = [gradient_ratio(s, skip=True, bn=False, he=True) for s in range(5)]
print(f"with skips, He init, no BN: {' '.join(f'{r:9.2e}' for r in he)}; margin {min(log10(r) for r in he) - 3:.2f}")
assert all(log10(r) > 3 for r in he)
