import math

from torch import nn


def out_size(n, k, s=1, p=0, d=1):
    return math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1


cases = [  # (input, K, S, P, D)
    (7, 3, 1, 0, 1),
    (7, 3, 2, 0, 1),
    (7, 3, 2, 1, 1),
    (8, 3, 2, 0, 1),
    (8, 3, 2, 1, 1),
    (7, 3, 1, 1, 1),
    (8, 2, 2, 0, 1),
    (7, 5, 2, 2, 1),
    (7, 3, 1, 0, 2),
    (9, 3, 2, 2, 2),
    (6, 3, 3, 0, 1),
    (224, 7, 2, 3, 1),
    (200, 3, 2, 1, 1),
    (75, 3, 2, 1, 1),
]
print(" in   K  S  P  D | formula  PyTorch")
for n, k, s, p, d in cases:
    conv = nn.Conv2d(1, 1, k, stride=s, padding=p, dilation=d)
    with torch.no_grad():
        got = conv(torch.zeros(1, 1, n, n)).shape[-1]
    print(f"{n:>3} {k:>3} {s:>2} {p:>2} {d:>2} | {out_size(n, k, s, p, d):>7} {got:>8}")
    assert got == out_size(n, k, s, p, d)
assert [out_size(*c) for c in cases] == [5, 3, 4, 3, 4, 7, 4, 4, 3, 5, 2, 112, 100, 38]

# Transposed convolution (nn.ConvTranspose2d) goes the other way:
# out = (in - 1) S - 2P + D (K - 1) + output_padding + 1
for n, k, s, p, op in [(3, 3, 2, 0, 0), (4, 3, 2, 1, 0), (4, 3, 2, 1, 1)]:
    up = nn.ConvTranspose2d(1, 1, k, stride=s, padding=p, output_padding=op)
    with torch.no_grad():
        got = up(torch.zeros(1, 1, n, n)).shape[-1]
    formula = (n - 1) * s - 2 * p + (k - 1) + op + 1
    print(f"transposed: in {n}, K {k}, S {s}, P {p}, output_padding {op} -> {got}")
    assert got == formula
