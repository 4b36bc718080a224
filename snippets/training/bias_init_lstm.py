import math

import torch
from torch import nn

torch.manual_seed(0)
H = 256
cell = nn.LSTMCell(input_size=32, hidden_size=H)
x = torch.randn(500, 32)
h0 = torch.zeros(500, H)
c0 = torch.ones(500, H)


def set_forget_bias(value):
    """PyTorch has two bias vectors (b_ih, b_hh); their sum is the gate's bias. Rows H:2H are f."""
    with torch.no_grad():
        cell.bias_ih[H : 2 * H].fill_(value)
        cell.bias_hh[H : 2 * H].zero_()


# Check that rows H:2H are the forget gate: a forget gate forced open and an input gate
# forced shut keep the cell state unchanged.
with torch.no_grad():
    saved = cell.bias_ih[:H].clone()
    cell.bias_ih[:H].fill_(-30.0)  # input gate i ~ 0
    set_forget_bias(30.0)  # forget gate f ~ 1
    _, c1 = cell(x, (h0, c0))
    cell.bias_ih[:H].copy_(saved)
print(f"f forced to 1, i forced to 0: max |c1 - c0| = {(c1 - c0).abs().max().item():.1e}")
assert (c1 - c0).abs().max().item() < 1e-6


def forget_gate(bias):
    set_forget_bias(bias)
    with torch.no_grad():
        pre = x @ cell.weight_ih[H : 2 * H].T + cell.bias_ih[H : 2 * H] + cell.bias_hh[H : 2 * H]
    return torch.sigmoid(pre).mean().item()


for bias, target in ((0.0, 0.5), (1.0, 1 / (1 + math.exp(-1)))):
    f = forget_gate(bias)
    print(
        f"forget bias {bias}: mean forget gate {f:.3f}; share of the cell state left after "
        f"10 steps ~ f^10 = {f**10:.4f}"
    )
    print(f"  sigma({bias}) = {target:.3f}: margin {0.01 - abs(f - target):.4f}")
    assert abs(f - target) < 0.01
