import inspect

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
