import torch
import torch.nn.functional as F

# Max pooling's comparisons: the max of a 2x2 window [[a, b], [c, d]] is max(max(a, b), max(c, d)), three
# comparisons. Computed that way, one element-wise torch.maximum per comparison, with every comparison counted:
phases = [x[..., i::2, j::2] for i in (0, 1) for j in (0, 1)]  # a, b, c, d of every window
counted = []


def counted_maximum(u, v):
    counted.append(u.numel())  # one comparison per element
    return torch.maximum(u, v)


by_hand = counted_maximum(counted_maximum(phases[0], phases[1]), counted_maximum(phases[2], phases[3]))
comparisons = sum(counted)
assert torch.equal(by_hand, F.max_pool2d(x, 2))  # exactly max pooling
assert comparisons == C * (H // 2) ** 2 * (2 * 2 - 1) == 150_528  # outputs x (K^2 - 1)


def conv_as_matmul(conv, inp):
    """The convolution as (grouped) matrix products on unfold's windows; returns the output and the multiply-adds."""
    k, g = conv.kernel_size[0], conv.groups
    patches = F.unfold(inp, k, padding=conv.padding[0], stride=conv.stride[0])[0]  # (C_in K^2, L)
    patches = patches.reshape(g, conv.in_channels // g * k * k, -1)
    weights = conv.weight.reshape(g, conv.out_channels // g, -1)
    out = torch.bmm(weights, patches).reshape(conv.out_channels, -1) + conv.bias[:, None]
    return out, weights.shape[0] * weights.shape[1] * weights.shape[2] * patches.shape[-1]


costs = {"max pooling 2x2, stride 2": comparisons}
with torch.no_grad():
    for name, layer in downsamplers.items():
        if isinstance(layer, nn.Conv2d):
            out, macs = conv_as_matmul(layer, x)
            assert torch.allclose(out, layer(x).flatten(1)[0].reshape(out.shape), atol=1e-5)  # float32 rounding
            k = layer.kernel_size[0]
            assert macs == C * (H // 2) ** 2 * k * k * layer.in_channels // layer.groups  # outputs x C_in K^2 / groups
            costs[name] = macs
for name, cost in costs.items():
    kind = "comparisons" if name.startswith("max") else "multiply-adds"
    print(f"{name:>30}: {cost:>10,} {kind} ({cost / comparisons:.1f} x max pooling)")
assert costs["conv 3x3, stride 2, padding 1"] == 192 * comparisons == 28_901_376  # C K^2 / (K^2 - 1) = 64 * 9 / 3
