import torch
from torch import nn

torch.manual_seed(0)
C_IN, C_OUT, K, UNITS = 3, 32, 3, 1_000  # an RGB image; 32 filters of 3x3; or a dense layer of 1,000 units


def n_params(module):
    return sum(p.numel() for p in module.parameters())


rows = []
for n in (32, 64, 224):  # n x n RGB images
    n_in = C_IN * n * n  # the dense layer sees the flattened image
    conv = nn.Conv2d(C_IN, C_OUT, K, padding=1)  # padding 1: 32 maps of n x n
    dense = nn.Linear(n_in, UNITS, device="meta")  # meta device: shapes without memory
    same_shape = nn.Linear(n_in, C_OUT * n * n, device="meta")  # a dense layer with the conv's output shape
    counts = n_params(conv), n_params(dense), n_params(same_shape)
    assert counts == ((K * K * C_IN + 1) * C_OUT, (n_in + 1) * UNITS, (n_in + 1) * C_OUT * n * n), counts
    rows.append((n, *counts))
    print(
        f"{f'3x{n}x{n}':>9} image: conv 3x3, 32 filters: {counts[0]:>5,} | dense, 1,000 units: {counts[1]:>11,} | "
        f"dense, 32x{n}x{n} units: {counts[2]:>16,}"
    )

conv_counts = {r[1] for r in rows}
assert conv_counts == {896}, conv_counts  # the convolution's count does not depend on the image size
assert rows[1][2] == 12_289_000 and rows[1][3] == 1_610_743_808  # the 64 x 64 row
print(f"64x64: the dense layer of 1,000 units has {rows[1][2] / rows[1][1]:,.0f} times the conv's parameters")
