import torch
import torch.nn.functional as F
from torch import nn

g = torch.Generator().manual_seed(1)
# Integer-valued images and kernels in float64: every sum is exact, so "equal" means bit for bit.
img = torch.randint(-3, 4, (1, 2, 12, 12), generator=g).double()
kern = torch.randint(-3, 4, (4, 2, 3, 3), generator=g).double()
dy, dx = 2, 3  # the shift, in pixels (down, right)


def shift(t, a=dy, b=dx):
    return torch.roll(t, shifts=(a, b), dims=(-2, -1))  # circular shift of the last two axes


def conv_img(t, padding_mode="circular", stride=1):
    padded = F.pad(t, (1, 1, 1, 1), mode="circular") if padding_mode == "circular" else F.pad(t, (1, 1, 1, 1))
    return F.conv2d(padded, kern, stride=stride)


# 1. Circular padding: convolving the shifted image = shifting the feature maps, exactly.
assert torch.equal(conv_img(shift(img)), shift(conv_img(img)))
print(f"circular padding: conv(shift(x)) == shift(conv(x)) for the shift ({dy}, {dx}): True")

# A dense layer (12*12 -> 12*12 units on one channel) with random integer weights is not equivariant.
dense_eq = nn.Linear(144, 144, bias=False).double()
with torch.no_grad():
    dense_eq.weight.copy_(torch.randint(-3, 4, (144, 144), generator=g).double())
    dense_map = lambda t: dense_eq(t[:, :1].flatten(1)).reshape(1, 1, 12, 12)
    gap_dense = (dense_map(shift(img)) - shift(dense_map(img))).abs().max().item()
print(f"dense layer: largest |f(shift(x)) - shift(f(x))| = {gap_dense:.0f}")
assert gap_dense > 0

# 2. Zero padding: equal away from the border, different near it.
diff = conv_img(shift(img), "zeros") - shift(conv_img(img, "zeros"))
inside = torch.zeros(12, 12, dtype=torch.bool)
inside[dy + 1 : 11, dx + 1 : 11] = True  # windows inside the image before and after the shift, no wrap-around
differ = (diff != 0).any(dim=1)[0]
print(
    f"zero padding: {int(differ.sum())} of 144 positions differ, none in the interior "
    f"(rows {dy + 1} to 10, columns {dx + 1} to 10)"
)
assert differ.any() and not differ[inside].any()

# 3. Stride 2: an even shift moves the output by half as much; an odd shift gives maps that no shift reproduces.
y = conv_img(img, stride=2)  # 6x6 maps
assert torch.equal(conv_img(shift(img, 2, 2), stride=2), shift(y, 1, 1))
y_odd = conv_img(shift(img, 1, 0), stride=2)
matches = [(a, c) for a in range(6) for c in range(6) if torch.equal(y_odd, shift(y, a, c))]
print(f"stride 2: shift by (2, 2) -> output shifted by (1, 1); shift by (1, 0) -> matching output shifts: {matches}")
assert matches == []
