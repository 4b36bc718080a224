import torch
import torch.nn.functional as F

# A conv layer with circular padding and a ReLU, then three read-outs: the feature maps themselves,
# 2x2 max pooling (stride 2), and global max pooling. The image is shifted one pixel to the right.
SEEDS = range(5)  # fixed in advance


def unchanged_fractions(seed):
    g = torch.Generator().manual_seed(seed)
    # Gaussian values rounded to a grid of 1/256, in float64: every sum is exact, so "unchanged" is bit for bit
    image = torch.round(256 * torch.randn(1, 3, 32, 32, generator=g, dtype=torch.float64)) / 256
    filters = torch.round(256 * torch.randn(16, 3, 3, 3, generator=g, dtype=torch.float64)) / 256
    features = lambda t: F.relu(F.conv2d(F.pad(t, (1, 1, 1, 1), mode="circular"), filters))
    a, b = features(image), features(torch.roll(image, 1, dims=-1))
    readouts = {
        "feature maps": (a, b),
        "2x2 max pooling": (F.max_pool2d(a, 2), F.max_pool2d(b, 2)),
        "global max pooling": (a.amax(dim=(-2, -1)), b.amax(dim=(-2, -1))),
    }
    # a ReLU zero that stays zero is no evidence of invariance: count the positive outputs only
    return {name: (u[u > 0] == v[u > 0]).float().mean().item() for name, (u, v) in readouts.items()}


per_seed = [unchanged_fractions(seed) for seed in SEEDS]
fractions = {name: [f[name] for f in per_seed] for name in per_seed[0]}
for name, values in fractions.items():
    print(
        f"{name:>18}: positive outputs unchanged by a 1-pixel shift, per seed: " + " ".join(f"{v:.3f}" for v in values)
    )
assert max(fractions["feature maps"]) < 0.05  # equivariance: the values move with the image, they do not stay
low, high = min(fractions["2x2 max pooling"]), max(fractions["2x2 max pooling"])
print(f"2x2 max pooling: between {low:.2f} and {high:.2f} unchanged; margin {min(low - 0.2, 0.5 - high):.3f}")
assert 0.2 < low and high < 0.5  # partly invariant: some outputs survive, most change, on every seed
assert fractions["global max pooling"] == [1.0] * 5  # a circular shift does not change a map's maximum
