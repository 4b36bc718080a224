import math

import torch
import torch.nn.functional as F

# Random inputs, shifted one pixel to the right: column c of `shifted` is column c - 1 of `original`, with no
# border effect (both are cut from one wider tensor). Each read-out is compared position by position.
SEEDS = range(5)  # fixed in advance
unchanged, change = {}, {}
for seed in SEEDS:
    g = torch.Generator().manual_seed(seed)
    wide = torch.randn(1, 16, 64, 66, generator=g)
    original, shifted = wide[..., 1:65], wide[..., 0:64]
    conv2 = torch.randn(16, 16, 2, 2, generator=g)  # random weights: what a strided conv is at initialisation
    conv3 = torch.randn(16, 16, 3, 3, generator=g)
    readouts = {
        "max pooling 2x2": lambda t: F.max_pool2d(t, 2),
        "average pooling 2x2": lambda t: F.avg_pool2d(t, 2),
        "conv 2x2, stride 2": lambda t, w=conv2: F.conv2d(t, w, stride=2),
        "conv 3x3, stride 2": lambda t, w=conv3: F.conv2d(t, w, stride=2, padding=1),
    }
    for name, f in readouts.items():
        before, after = f(original), f(shifted)
        unchanged.setdefault(name, []).append((before == after).float().mean().item())
        # the typical change, in units of the output's own spread (its standard deviation)
        change.setdefault(name, []).append(((after - before).pow(2).mean().sqrt() / before.std()).item())

for name in readouts:
    print(
        f"{name:>20}: unchanged "
        + " ".join(f"{v:.3f}" for v in unchanged[name])
        + " | rms change / std "
        + " ".join(f"{v:.2f}" for v in change[name])
    )
median = sorted(unchanged["max pooling 2x2"])[2]
print(f"max pooling: median fraction unchanged {median:.3f}, theory 1/3; margin {0.03 - abs(median - 1 / 3):.3f}")
assert abs(median - 1 / 3) < 0.03
assert all(unchanged[name] == [0.0] * 5 for name in readouts if name != "max pooling 2x2")

# How large the changes are: max pooling's are no smaller than average pooling's; the random convolutions' larger.
excess = min(m - a for m, a in zip(change["max pooling 2x2"], change["average pooling 2x2"], strict=True))
conv_lead = min(min(c2, c3) - max(m, a) for m, a, c2, c3 in zip(*(change[name] for name in readouts), strict=True))
print(
    f"rms change / std: max pooling above average pooling on every seed, by at least {excess:.2f} (margin "
    f"{excess:.2f}); the strided convs above both by at least {conv_lead:.2f} (margin {conv_lead:.2f})"
)
assert excess > 0 and conv_lead > 0
# The random convolutions: two nearly independent outputs, so the rms change is about sqrt(2) standard deviations
root2_gap = max(abs(v - math.sqrt(2)) for name in ("conv 2x2, stride 2", "conv 3x3, stride 2") for v in change[name])
print(f"strided convs: rms change / std within {root2_gap:.3f} of sqrt(2) on every seed; margin {0.1 - root2_gap:.3f}")
assert root2_gap < 0.1

# A shift by the stride (2 pixels): max pooling's output moves by one position, it does not stay.
p0, p2 = F.max_pool2d(wide[..., 2:66], 2), F.max_pool2d(wide[..., 0:64], 2)
moved, in_place = torch.equal(p2[..., 1:], p0[..., :-1]), (p0 == p2).float().mean().item()
print(f"shift by 2: output shifted by one position: {moved}; unchanged in place: {in_place:.3f}")
assert moved and in_place == 0.0
