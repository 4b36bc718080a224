import math

import torch

n, depth = 256, 50
torch.manual_seed(0)
x = torch.randn(256, n)  # standardised input
default = torch.nn.Sequential(*[m for _ in range(depth) for m in (torch.nn.Linear(n, n), torch.nn.SELU())])
w_std = default[0].weight.std().item()
print(
    f"nn.Linear's default weight std = {w_std:.4f} = 1/sqrt(3 n_in) = {1 / math.sqrt(3 * n):.4f}, "
    f"not LeCun's 1/sqrt(n_in) = {1 / math.sqrt(n):.4f}"
)
print(
    f"within 2% of 1/sqrt(3 n_in) (65,536 draws: standard error 0.2%): "
    f"margin {0.02 - abs(w_std * math.sqrt(3 * n) - 1):.4f}"
)
assert abs(w_std * math.sqrt(3 * n) - 1) < 0.02

with torch.no_grad():
    h_default = default(x)
    for m in default:  # the same network with LeCun-normal weights and zero bias
        if isinstance(m, torch.nn.Linear):
            torch.nn.init.kaiming_normal_(m.weight, nonlinearity="linear")
            torch.nn.init.zeros_(m.bias)
    h_lecun = default(x)
print(
    f"after {depth} Linear+SELU layers: default init mean {h_default.mean().item():.3f}, "
    f"variance {h_default.var().item():.4f};  LeCun init mean {h_lecun.mean().item():.3f}, "
    f"variance {h_lecun.var().item():.3f}"
)
m_lecun = min(0.1 - abs(h_lecun.mean().item()), 0.1 - abs(h_lecun.var().item() - 1))
print(
    f"default: variance below 0.05, margin {0.05 - h_default.var().item():.3f}; "
    f"LeCun: within 0.1 of mean 0 and variance 1, margin {m_lecun:.3f}"
)
assert h_default.var() < 0.05  # not normalised: BN would be needed
assert abs(h_lecun.mean()) < 0.1 and abs(h_lecun.var() - 1) < 0.1  # self-normalised
