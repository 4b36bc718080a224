import math

import torch
from torch import nn

torch.manual_seed(0)


def out_size(n, k, s=1, p=0, d=1):
    """Output length of a convolution or pooling layer along one axis (PyTorch's formula, floor mode)."""
    return math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1


def geometry(m):
    """(K, S, P, D) of a convolution or pooling layer, read from the module."""
    return tuple(a if isinstance(a, int) else a[0] for a in (m.kernel_size, m.stride, m.padding, m.dilation))


def side_after(model, n):
    """The side of the map after the layers of model, for an n x n input, by the formula layer by layer."""
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.MaxPool2d)):
            n = out_size(n, *geometry(m))
    return n


def vgg_like(widths=(64, 128, 256, 512, 512), convs=(2, 2, 3, 3, 3), pool=nn.MaxPool2d, c_in=3, bias=True):
    """VGG16's convolutional part: stages of 3x3 convolutions (padding 1) and ReLU, each ending in 2x2 pooling."""
    stages = []
    for width, n in zip(widths, convs, strict=True):
        layers = []
        for _ in range(n):
            layers += [nn.Conv2d(c_in, width, 3, padding=1, bias=bias), nn.ReLU()]
            c_in = width
        stages.append(nn.Sequential(*layers, pool(2)))
    return nn.Sequential(*stages)


# VGG16's geometry with 8 channels per layer (the shapes do not depend on the channel counts)
net = vgg_like(widths=(8,) * 5)
x = torch.randn(1, 3, 224, 224)
sizes = [x.shape[-1]]
with torch.no_grad():
    h = x
    for stage in net:
        h = stage(h)
        sizes.append(h.shape[-1])
by_formula = [side_after(net[:i], 224) for i in range(len(net) + 1)]
total_stride = math.prod(geometry(m)[1] for m in net.modules() if isinstance(m, (nn.Conv2d, nn.MaxPool2d)))
print("VGG16-like, side of the map after each stage:", " -> ".join(map(str, sizes)), f"| output stride {total_stride}")
assert sizes == by_formula == [224, 112, 56, 28, 14, 7] and total_stride == 224 // sizes[-1] == 32

# A ResNet-like stem and stages: 7x7 stride-2 convolution, 3x3 stride-2 max pooling, then stages of stride 1, 2, 2, 2
resnet_like = nn.Sequential(
    nn.Conv2d(3, 8, 7, stride=2, padding=3),
    nn.MaxPool2d(3, stride=2, padding=1),
    *[nn.Conv2d(8, 8, 3, stride=s, padding=1) for s in (1, 2, 2, 2)],
)
res_sizes = [224]
with torch.no_grad():
    h = x
    for m in resnet_like:
        h = m(h)
        res_sizes.append(h.shape[-1])
print("ResNet-like, side of the map after each layer:", " -> ".join(map(str, res_sizes)))
assert res_sizes == [224, 112, 56, 56, 28, 14, 7]
