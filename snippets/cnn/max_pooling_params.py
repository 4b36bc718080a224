import torch
from torch import nn

torch.manual_seed(0)
C, H = 64, 56  # 64 feature maps of 56x56 (the size of ResNet's first stage)
x = torch.randn(1, C, H, H)


def n_params(module):
    return sum(p.numel() for p in module.parameters())


pool = nn.MaxPool2d(2)  # 2x2 windows; the stride defaults to the window size, 2
downsamplers = {
    "max pooling 2x2, stride 2": pool,
    "conv 2x2, stride 2": nn.Conv2d(C, C, 2, stride=2),
    "conv 3x3, stride 2, padding 1": nn.Conv2d(C, C, 3, stride=2, padding=1),
    "depthwise conv 2x2, stride 2": nn.Conv2d(C, C, 2, stride=2, groups=C),
}
for name, layer in downsamplers.items():
    out = layer(x)
    if isinstance(layer, nn.Conv2d):  # (K^2 C_in / groups + 1) C_out
        k = layer.kernel_size[0]
        assert n_params(layer) == (k * k * layer.in_channels // layer.groups + 1) * layer.out_channels
    print(f"{name:>30}: {n_params(layer):>6,} parameters, output {tuple(out.shape)}")
    assert out.shape == (1, C, H // 2, H // 2)  # the same output shape for all four
assert n_params(pool) == 0 and list(pool.parameters()) == [] and pool.state_dict() == {}
assert [n_params(m) for m in downsamplers.values()] == [0, 16_448, 36_928, 320]
