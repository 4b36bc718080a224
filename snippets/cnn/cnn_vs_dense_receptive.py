import torch
from torch import nn

# A VGG-like stack, without padding: (kind, kernel K, stride S). Average pooling stands in for max pooling,
# because the gradient of a maximum reaches only its largest input (the last lines).
LAYERS = [
    ("conv", 3, 1),
    ("conv", 3, 1),
    ("pool", 2, 2),
    ("conv", 3, 1),
    ("conv", 3, 1),
    ("pool", 2, 2),
    ("conv", 3, 1),
]

r, j, predicted = 1, 1, []  # r_0 = 1 pixel; j_0 = 1 pixel between neighbouring units
for _, k, s in LAYERS:
    r, j = r + (k - 1) * j, j * s  # r_l = r_{l-1} + (K_l - 1) j_{l-1},  j_l = j_{l-1} S_l
    predicted.append((r, j))

torch.manual_seed(0)
modules = []
for kind, k, s in LAYERS:
    if kind == "conv":
        layer = nn.Conv2d(1, 1, k, stride=s, bias=False)
        nn.init.uniform_(layer.weight, 0.5, 1.5)  # positive weights: no gradient cancels to zero by accident
        modules.append(layer)
    else:
        modules.append(nn.AvgPool2d(k, s))


def field_of_centre_unit(net, probe):
    """Rows and columns of the input pixels with a nonzero gradient for one output unit near the centre."""
    out = net(probe)
    (grad,) = torch.autograd.grad(out[0, 0, out.shape[-2] // 2, out.shape[-1] // 2], probe)
    return torch.nonzero(grad[0, 0], as_tuple=True)


probe = torch.randn(1, 1, 48, 48, requires_grad=True)
measured = []
for depth, (kind, k, s) in enumerate(LAYERS, start=1):
    rows, cols = field_of_centre_unit(nn.Sequential(*modules[:depth]), probe)
    side = int(rows.max() - rows.min() + 1)
    assert side == int(cols.max() - cols.min() + 1) and rows.numel() == side * side  # a full square, no holes
    measured.append(side)
    r, j = predicted[depth - 1]
    print(
        f"layer {depth} ({kind} {k}x{k}, stride {s}): nonzero gradient on {side}x{side} pixels; recurrence r={r}, j={j}"
    )
assert measured == [r for r, _ in predicted] == [3, 5, 6, 10, 14, 16, 24]

# A unit of a dense layer depends on every pixel.
dense_unit = nn.Linear(48 * 48, 10)
(grad,) = torch.autograd.grad(dense_unit(probe.flatten(1))[0, 0], probe)
print(f"dense unit: {int((grad != 0).sum())} of {48 * 48} pixels have a nonzero gradient")
assert int((grad != 0).sum()) == 48 * 48

# Max pooling as layer 3: for one input, the gradient reaches only the field of the unit that won the maximum.
rows, _ = field_of_centre_unit(nn.Sequential(*modules[:2], nn.MaxPool2d(2, 2)), probe)
print(f"max pooling as layer 3: nonzero gradient on {rows.numel()} pixels, though the field is {6 * 6}")
assert rows.numel() == predicted[1][0] ** 2 == 25 and predicted[2][0] == 6
