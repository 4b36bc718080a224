class Bottleneck(nn.Module):
    """ResNet-50's block: 1x1 (reduce), 3x3, 1x1 (expand x4), BN after each; a projection when the shape changes."""

    def __init__(self, c_in, mid, stride=1, shortcut="auto"):
        super().__init__()
        c_out = 4 * mid
        self.branch = nn.Sequential(
            nn.Conv2d(c_in, mid, 1, bias=False), nn.BatchNorm2d(mid), nn.ReLU(),
            nn.Conv2d(mid, mid, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(mid), nn.ReLU(),
            nn.Conv2d(mid, c_out, 1, bias=False), nn.BatchNorm2d(c_out),
        )  # fmt: skip
        if shortcut == "auto":
            shortcut = "identity" if stride == 1 and c_in == c_out else "projection"
        if shortcut == "projection":  # option B: 1x1 convolution with the block's stride, then BN
            self.shortcut = nn.Sequential(nn.Conv2d(c_in, c_out, 1, stride=stride, bias=False), nn.BatchNorm2d(c_out))
        else:
            self.shortcut = nn.Identity()  # no parameters

    def forward(self, x):
        return torch.relu(self.branch(x) + self.shortcut(x))


torch.manual_seed(0)
same = Bottleneck(256, 64)  # 256 -> 256 channels, stride 1: identity shortcut
down = Bottleneck(256, 128, stride=2)  # 256 -> 512 channels, stride 2: projection
forced = Bottleneck(256, 128, stride=2, shortcut="identity")
x = torch.randn(2, 256, 14, 14)
try:
    forced(x)
except RuntimeError as error:
    mismatch = str(error).split("\n")[0]
print("identity shortcut across a change of shape:", mismatch)
proj = sum(p.numel() for p in down.shortcut.parameters())
print(f"identity shortcut: {n_params(same.shortcut)} parameters; projection 256 -> 512, stride 2: {proj:,} parameters")
print(f"block output shapes: {tuple(same(x).shape[1:])}, {tuple(down(x).shape[1:])}")
assert "must match the size" in mismatch and n_params(same.shortcut) == 0
assert proj == 256 * 512 + 2 * 512 and down(x).shape == (2, 512, 7, 7)
