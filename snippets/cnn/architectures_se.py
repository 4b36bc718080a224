from fractions import Fraction


class SE(nn.Module):
    """Squeeze-and-excitation: s = sigmoid(W2 relu(W1 z)), z the channel means; each channel c is multiplied by s_c."""

    def __init__(self, c, r=16, bias=True):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(c, c // r, bias=bias), nn.Linear(c // r, c, bias=bias)

    def forward(self, u):
        z = u.mean(dim=(2, 3))  # squeeze: one number per channel
        s = torch.sigmoid(self.fc2(torch.relu(self.fc1(z))))  # excitation: one weight in (0, 1) per channel
        return u * s[:, :, None, None]


torch.manual_seed(0)
se = SE(256).double()
u = torch.randn(2, 256, 14, 14, dtype=torch.float64)
u[1] = u[0] + 1  # the second image: the first with every value raised by 1
y = se(u)
ratio = y / u  # per position: what each value was multiplied by
w1, b1, w2, b2 = se.fc1.weight, se.fc1.bias, se.fc2.weight, se.fc2.bias
by_hand = torch.sigmoid(torch.relu(u.mean((2, 3)) @ w1.T + b1) @ w2.T + b2)  # from the channel averages
spread = (ratio.amax((2, 3)) - ratio.amin((2, 3))).max().item()
print(f"scale within a channel: max spread {spread:.1e}; scales in [{by_hand.min():.3f}, {by_hand.max():.3f}]")
print(f"image 2 = image 1 + 1: the scales change by up to {(by_hand[0] - by_hand[1]).abs().max():.3f}")
assert spread < 1e-12 and torch.allclose(ratio[..., 0, 0], by_hand, rtol=1e-12, atol=0)
assert 0 < by_hand.min() and by_hand.max() < 1 and (by_hand[0] - by_hand[1]).abs().max() > 0.05

# its cost: two dense layers, 2C^2/r weights (+ C/r + C biases), against the bottleneck block it wraps
block = Bottleneck(256, 64)
conv_w = sum(m.weight.numel() for m in block.branch if isinstance(m, nn.Conv2d))
se_w = se.fc1.weight.numel() + se.fc2.weight.numel()
print(f"SE(256, r=16): {se_w:,} weights + {n_params(se) - se_w} biases; the block's convolutions: {conv_w:,} weights")
print(f"ratio {se_w / conv_w:.4f} = 2/17 for every bottleneck with C/4 middle channels")
print(f"SE with biases against all the block's parameters (with BN): {n_params(se) / n_params(block):.1%}")
assert se_w == 2 * 256**2 // 16 and n_params(se) == se_w + 256 // 16 + 256
assert Fraction(se_w, conv_w) == Fraction(2, 17)

# multiply-adds at 56x56 (ResNet-50's first stage): the SE block's dense layers against the block's convolutions
block_macs, _ = count_macs(block, torch.randn(1, 256, 56, 56))
se_macs = count_macs(SE(256), torch.randn(1, 256, 56, 56))[0]
print(f"multiply-adds at 56x56: block {block_macs / 1e6:.1f} M, SE's dense layers {se_macs:,}")
print(f"  that is {se_macs / block_macs:.4%} more")
assert se_macs == se_w and se_macs / block_macs < 1e-4


def resnet50(se=False):
    """ResNet-50 (He et al., 2016, Table 1, projection shortcuts where the shape changes); se: SE-ResNet-50,
    SE blocks with r = 16 on each block's branch before the addition, without biases (as the paper's count)."""
    stages, c_in, layers = [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)], 64, []
    for mid, n, stride in stages:
        for i in range(n):
            block = Bottleneck(c_in, mid, stride if i == 0 else 1)
            if se:
                block.branch.append(SE(4 * mid, bias=False))
            layers.append(block)
            c_in = 4 * mid
    stem = [nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1)]
    return nn.Sequential(*stem, *layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2048, 1000))


with torch.device("meta"):  # parameter counts only
    base, with_se = resnet50(), resnet50(se=True)
added = n_params(with_se) - n_params(base)
formula = sum(n * 2 * (4 * mid) ** 2 // 16 for mid, n in [(64, 3), (128, 4), (256, 6), (512, 3)])  # (2/r) sum N_s C_s^2
print(f"ResNet-50 {n_params(base):,}, SE-ResNet-50 {n_params(with_se):,}: +{added:,} ({added / n_params(base):.1%})")
assert n_params(base) == 25_557_032 and added == formula == 2_514_944 and 0.09 < added / n_params(base) < 0.11
