import inspect
import math

import torch
from torch import nn

adam = inspect.signature(torch.optim.Adam.__init__).parameters["betas"].default
print("torch.optim.Adam betas default:", adam)
assert adam == (0.9, 0.999)

# Batch norm's "momentum" is not the optimiser's beta: in PyTorch it is the weight of the NEW
# batch statistic in the running average, 0.1 by default.
bn = nn.BatchNorm1d(1)
x = torch.full((8, 1), 5.0) + torch.linspace(-1, 1, 8).unsqueeze(1)  # batch mean 5
bn(x)
print(
    f"BatchNorm1d momentum = {bn.momentum}; running mean after one batch with mean 5: "
    f"{bn.running_mean.item():.2f} = 0.9 * 0 + 0.1 * 5"
)
assert bn.momentum == 0.1 and abs(bn.running_mean.item() - 0.5) < 1e-6


# Sutskever et al. (2013) raised the momentum with mu_t = min(1 - 2^(-1 - log2(floor(t / 250) + 1)), mu_max),
# that is 1 - 1 / (2 (floor(t / 250) + 1)). The first update at which each cap is reached:
def schedule(t, mu_max):
    return min(1 - 2 ** (-1 - math.log2(t // 250 + 1)), mu_max)


first = {}
for mu_max in (0.9, 0.99, 0.995, 0.999):
    first[mu_max] = next(t for t in range(0, 10**6, 250) if schedule(t, mu_max) >= mu_max - 1e-12)
print("Sutskever et al.'s schedule reaches its cap mu_max after", {m: f"{t:,} updates" for m, t in first.items()})
assert first == {0.9: 1000, 0.99: 12_250, 0.995: 24_750, 0.999: 124_750}
