import math

import torch
from torch import nn

torch.manual_seed(0)

# nn.Linear: bias ~ U(-1/sqrt(n_in), 1/sqrt(n_in)), not zeros. Many units, so the
# sample maximum reaches the bound and the sample std reaches bound / sqrt(3).
std_margin = 1.0
for n_in in (16, 256, 1024):
    layer = nn.Linear(n_in, 4096)
    b = layer.bias.detach()
    bound = 1 / math.sqrt(n_in)
    zeros = int((b == 0).sum())
    max_ratio = b.abs().max().item() / bound
    std_ratio = b.std().item() * math.sqrt(3) / bound
    print(
        f"Linear n_in={n_in:4d}: zero biases {zeros}/4096, max|b|*sqrt(n_in) = {max_ratio:.4f}, "
        f"std*sqrt(3)*sqrt(n_in) = {std_ratio:.3f}"
    )
    assert zeros == 0, "PyTorch's Linear bias is not zero-initialised"
    assert 0.99 < max_ratio <= 1.0, "the bound is 1/sqrt(n_in)"
    assert abs(std_ratio - 1) < 0.03, "uniform on [-bound, bound] has std bound/sqrt(3)"
    std_margin = min(std_margin, 0.03 - abs(std_ratio - 1))
print(f"std*sqrt(3)*sqrt(n_in) within 0.03 of 1: margin {std_margin:.3f}")

# nn.Conv2d: the same rule with n_in = C_in * K * K.
conv = nn.Conv2d(8, 4096, kernel_size=3)
b = conv.bias.detach()
bound = 1 / math.sqrt(8 * 3 * 3)
max_ratio = b.abs().max().item() / bound
print(f"Conv2d C_in=8, K=3: max|b|*sqrt(C_in*K*K) = {max_ratio:.4f}")
assert (b != 0).all() and 0.99 < max_ratio <= 1.0

# nn.BatchNorm and nn.LayerNorm: shift (bias, beta) zeros, scale (weight, gamma) ones.
for norm in (nn.BatchNorm2d(16), nn.LayerNorm(16)):
    print(f"{type(norm).__name__}: bias {norm.bias.unique().tolist()}, weight {norm.weight.unique().tolist()}")
    assert norm.bias.eq(0).all() and norm.weight.eq(1).all()

# nn.LSTM and nn.GRU: every parameter, both bias vectors included, ~ U(-1/sqrt(H), 1/sqrt(H)).
H = 1000
lstm = nn.LSTM(input_size=10, hidden_size=H)
for rnn in (lstm, nn.GRU(input_size=10, hidden_size=H)):
    for name in ("bias_ih_l0", "bias_hh_l0"):
        b = getattr(rnn, name).detach()
        ratio = b.abs().max().item() * math.sqrt(H)
        print(f"{type(rnn).__name__} {name}: shape {tuple(b.shape)}, max|b|*sqrt(H) = {ratio:.4f}")
        assert (b != 0).all() and 0.99 < ratio <= 1.0
forget = (lstm.bias_ih_l0 + lstm.bias_hh_l0)[H : 2 * H]  # gate order i, f, g, o
mean = forget.mean().item()
print(f"LSTM forget-gate bias: mean {mean:+.4f} (no +1 by default), margin {0.01 - abs(mean):.4f}")
assert abs(mean) < 0.01
