import torch.nn.functional as F


def conv_tf_same(x, weight, bias, stride):
    """TensorFlow "SAME": pad (possibly unevenly) with F.pad, then convolve without padding."""
    k = weight.shape[-1]
    _, top, bottom = same_padding(x.shape[-2], k, stride)
    _, left, right = same_padding(x.shape[-1], k, stride)
    return F.conv2d(F.pad(x, (left, right, top, bottom)), weight, bias, stride=stride)


# A 4x4 image and a 3x3 filter of ones: each output is the sum of a window
x = torch.arange(16.0).reshape(1, 1, 4, 4)
ones = torch.ones(1, 1, 3, 3)
tf_same = conv_tf_same(x, ones, None, stride=2)
torch_pad1 = F.conv2d(x, ones, stride=2, padding=1)
print("input\n", x[0, 0].int().numpy())
print("TF SAME (pads 0 top/left, 1 bottom/right)\n", tf_same[0, 0].int().numpy())
print("PyTorch padding=1 (pads 1 on every side)\n", torch_pad1[0, 0].int().numpy())
assert tf_same.shape == torch_pad1.shape == (1, 1, 2, 2)
assert tf_same[0, 0, 0, 0] == x[0, 0, :3, :3].sum() == 45  # window rows 0-2, cols 0-2
assert torch_pad1[0, 0, 0, 0] == x[0, 0, :2, :2].sum() == 10  # window rows -1..1, cols -1..1

# The first layer of the question: same shapes, different values (200 and 300 are even: odd total padding)
w, b = net[0].weight.detach(), net[0].bias.detach()
img = torch.randn(1, 3, 200, 300)
a, c = conv_tf_same(img, w, b, 2), F.conv2d(img, w, b, stride=2, padding=1)
largest = (a - c).abs().max().item()  # random image and weights: shifted windows differ by O(1)
print(
    "200x300 input:",
    tuple(a.shape),
    "vs",
    tuple(c.shape),
    f"max |difference| {largest:.3f} (claim: above 0.5, margin {largest - 0.5:.3f})",
)
assert a.shape == c.shape == (1, 100, 100, 150)
assert largest > 0.5

# A 75x75 input: total padding 2 is split (1, 1), so both give the same values
img = torch.randn(1, 3, 75, 75)
a, c = conv_tf_same(img, w, b, 2), F.conv2d(img, w, b, stride=2, padding=1)
print(" 75x75  input:", tuple(a.shape), "vs", tuple(c.shape), f"max |difference| {(a - c).abs().max():.1e}")
assert same_padding(75, 3, 2) == (38, 1, 1)
assert a.shape == c.shape and torch.allclose(a, c, atol=1e-6)
