import torch
import torch.nn.functional as F
from torch import nn

g = torch.Generator().manual_seed(0)
# 1. Different inputs, the same pooled output: change every value except each window's maximum.
a = torch.randint(0, 10, (1, 1, 4, 4), generator=g).double()
keep = torch.zeros_like(a, dtype=torch.bool)
for i in range(0, 4, 2):
    for j in range(0, 4, 2):
        window = a[0, 0, i : i + 2, j : j + 2]
        r, c = divmod(int(window.argmax()), 2)  # one maximum per window
        keep[0, 0, i + r, j + c] = True
b = torch.where(keep, a, a - 1 - torch.randint(0, 5, a.shape, generator=g).double())  # lowered: still below the max
print("input a:", a[0, 0].int().tolist(), "\ninput b:", b[0, 0].int().tolist())
print("max pooling of both:", F.max_pool2d(a, 2)[0, 0].int().tolist())
changed, same = int((a != b).sum()), torch.equal(F.max_pool2d(a, 2), F.max_pool2d(b, 2))
print(f"{changed} of {a.numel()} values differ; the pooled outputs are equal: {same}")
assert changed == 12 and same

# The gradient tells the same story: one input per window gets it, the other three get zero.
x = torch.randn(1, 8, 16, 16, generator=g, requires_grad=True)
F.max_pool2d(x, 2).sum().backward()
print(f"inputs with a nonzero gradient: {int((x.grad != 0).sum())} of {x.numel()}")
assert int((x.grad != 0).sum()) * 4 == x.numel()

# 2. A strided convolution keeps everything if it has 4x the channels: one-hot 2x2 filters are a space-to-depth.
C = 3
unshuffle = nn.Conv2d(C, 4 * C, 2, stride=2, bias=False).double()
with torch.no_grad():
    unshuffle.weight.zero_()
    for c in range(C):
        for k in range(4):  # filter 4c + k copies pixel (k // 2, k % 2) of channel c's window
            unshuffle.weight[4 * c + k, c, k // 2, k % 2] = 1.0
    image = torch.randint(-9, 10, (1, C, 8, 8), generator=g).double()
    packed = unshuffle(image)
assert torch.equal(packed, F.pixel_unshuffle(image, 2)) and torch.equal(F.pixel_shuffle(packed, 2), image)
print(
    f"conv {C} -> {4 * C} channels, 2x2, stride 2: output {tuple(packed.shape)}, and pixel_shuffle recovers the input"
)

# With as many channels out as in, any strided convolution maps the 4C numbers of a window to C: it loses
# information too, but which 3C directions it discards is learned. One such direction, for a random conv:
same_width = nn.Conv2d(C, C, 2, stride=2, bias=False).double()
_, _, vh = torch.linalg.svd(same_width.weight.detach().reshape(C, 4 * C))
lost = vh[-1].reshape(1, C, 2, 2)  # a unit-norm window in the null space of the C x 4C matrix
with torch.no_grad():
    response = same_width(lost).abs().max().item()
print(f"conv {C} -> {C}: a nonzero window (norm 1) it maps to {response:.1e}")
assert response < 1e-12
