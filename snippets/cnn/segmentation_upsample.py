import itertools

# Fixed upsampling of a coarse 7x7 map back to 224x224
coarse = torch.randn(1, 1, 7, 7)
nearest = F.interpolate(coarse, scale_factor=32, mode="nearest")
bilinear = F.interpolate(coarse, scale_factor=32, mode="bilinear", align_corners=False)
print("7x7 ->", tuple(nearest.shape[-2:]), "nearest and", tuple(bilinear.shape[-2:]), "bilinear")
assert torch.equal(nearest, coarse.repeat_interleave(32, dim=2).repeat_interleave(32, dim=3))  # 32x32 copies
assert coarse.min() <= bilinear.min() and bilinear.max() <= coarse.max()  # weighted averages of the coarse values


def t_out(n, k, s=1, p=0, d=1, op=0):
    """Output length of a transposed convolution (PyTorch's documented formula)."""
    return (n - 1) * s - 2 * p + d * (k - 1) + op + 1


checked = 0
for n, k, s, p, d in itertools.product((1, 4), range(1, 5), (1, 2, 3), (0, 1, 2), (1, 2)):
    for op in range(max(s, d)):  # PyTorch requires output_padding < stride or < dilation
        if t_out(n, k, s, p, d, op) < 1:
            continue
        up = F.conv_transpose2d(
            torch.zeros(1, 1, n, n), torch.zeros(1, 1, k, k), stride=s, padding=p, output_padding=op, dilation=d
        )
        assert up.shape[-1] == t_out(n, k, s, p, d, op), (n, k, s, p, d, op)
        checked += 1
print(f"H_out = (H_in - 1) S - 2P + D (K - 1) + output_padding + 1: equal to nn.ConvTranspose2d in {checked} settings")
assert checked == 263  # the settings of the grid above whose output has at least one pixel

try:
    nn.ConvTranspose2d(1, 1, 3, stride=2, output_padding=2)(torch.zeros(1, 1, 4, 4))
    refused = None
except RuntimeError as err:
    refused = str(err).splitlines()[0]
print("output_padding=2 with stride 2:", refused)
assert "output padding must be smaller than either stride or dilation" in refused

# With the parameters of the convolution it follows, a transposed convolution restores the input's size,
# output_padding choosing among the sizes that the strided convolution maps to the same output
k, s, p = 3, 2, 1
for n in range(1, 41):
    down = out_size(n, k, s, p)
    op = (n + 2 * p - (k - 1) - 1) % s  # what the floor of the convolution's formula dropped
    restored = F.conv_transpose2d(
        torch.zeros(1, 1, down, down), torch.zeros(1, 1, k, k), stride=s, padding=p, output_padding=op
    )
    assert restored.shape[-1] == t_out(down, k, s, p, 1, op) == n
print("K=3, S=2, P=1: sizes 1 to 40 -> convolution -> transposed convolution -> the same size again")
