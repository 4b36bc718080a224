import torch
from torch import nn

torch.manual_seed(0)


def make_cnn(inplace=False):
    """The network of the question: three 3x3 convolutions with stride 2, ReLU after each.

    padding=1 gives TensorFlow's "SAME" output shapes for a 3x3 kernel (shown below).
    """
    return nn.Sequential(
        nn.Conv2d(3, 100, kernel_size=3, stride=2, padding=1),
        nn.ReLU(inplace),
        nn.Conv2d(100, 200, kernel_size=3, stride=2, padding=1),
        nn.ReLU(inplace),
        nn.Conv2d(200, 400, kernel_size=3, stride=2, padding=1),
        nn.ReLU(inplace),
    )


net = make_cnn()
convs = [m for m in net if isinstance(m, nn.Conv2d)]
per_layer = [sum(p.numel() for p in conv.parameters()) for conv in convs]
by_formula = [(3 * 3 * c.in_channels + 1) * c.out_channels for c in convs]
weights = sum(c.weight.numel() for c in convs)
biases = sum(c.bias.numel() for c in convs)
total = sum(p.numel() for p in net.parameters())

for conv, n in zip(convs, per_layer, strict=True):
    print(
        f"{conv.in_channels:>3} -> {conv.out_channels:>3} maps: weight {tuple(conv.weight.shape)}, "
        f"bias {tuple(conv.bias.shape)}, {n:>7,} parameters"
    )
print(f"total {total:,} = {weights:,} weights + {biases:,} biases")

assert per_layer == by_formula == [2_800, 180_200, 720_400], per_layer
assert total == 903_400, total
assert (weights, biases) == (902_700, 700), (weights, biases)
