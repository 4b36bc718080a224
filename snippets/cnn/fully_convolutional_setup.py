import math

import torch
from torch import nn

torch.manual_seed(0)


def out_size(n, k, s=1, p=0, d=1):
    """Output length of a convolution or a pooling layer along one axis (PyTorch's formula, floor mode)."""
    return math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1


def map_size(layers, n):
    """Push an input length n through a network with the formula, reading K, S, P, D from each layer."""
    for m in layers.modules():
        if isinstance(m, (nn.Conv2d, nn.MaxPool2d)):
            k, s, p, d = (a if isinstance(a, int) else a[0] for a in (m.kernel_size, m.stride, m.padding, m.dilation))
            n = out_size(n, k, s, p, d)
    return n


# A small classifier for 46x46 RGB images: three "valid" 3x3 convolutions, each with ReLU and 2x2 max pooling,
# then two dense layers (32 hidden units, 10 classes)
features = nn.Sequential(
    nn.Conv2d(3, 8, 3),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(8, 16, 3),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 16, 3),
    nn.ReLU(),
    nn.MaxPool2d(2),
)
SIZE = 46  # the input size the classifier is built for
C, H = 16, map_size(features, SIZE)  # channels and side of the last feature map
classifier = nn.Sequential(nn.Flatten(), nn.Linear(C * H * H, 32), nn.ReLU(), nn.Linear(32, 10))
cnn = nn.Sequential(features, classifier).eval()

x = torch.randn(100, 3, SIZE, SIZE)
with torch.no_grad():
    maps = features(x)
print(f"input {SIZE}x{SIZE} -> feature map {tuple(maps.shape[1:])} -> flattened {C * H * H} -> 32 -> 10")
assert maps.shape == (100, C, H, H) and H == 4
assert cnn(x).shape == (100, 10)
