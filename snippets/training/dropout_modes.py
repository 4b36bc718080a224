import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
p = 0.3
x = torch.rand(1000, 1000) + 0.5  # strictly positive, so a zero can only come from the mask
drop = nn.Dropout(p)

# Training mode: each element is zeroed with probability p, survivors are scaled by 1/(1-p).
drop.train()
y = drop(x)
kept = y != 0
assert torch.all(y[~kept] == 0)
assert torch.allclose(y[kept], x[kept] / (1 - p)), "survivors are x/(1-p)"
kept_fraction = kept.float().mean().item()
print(
    f"train mode: kept fraction = {kept_fraction:.4f} (1 - p = {1 - p}), "
    f"bound 0.003 on the difference, margin {0.003 - abs(kept_fraction - (1 - p)):.4f}"
)
assert abs(kept_fraction - (1 - p)) < 0.003, "about 1-p of the elements survive"

# E[output] = x: the same small input under 200000 independent masks (one mask per row).
x_small = torch.tensor([1.0, -2.0, 3.0])
mean = drop(x_small.expand(200_000, 3)).mean(0)
print(
    "train mode: mean over 200000 masks =",
    [round(v, 3) for v in mean.tolist()],
    "input =",
    x_small.tolist(),
    f"| bound 0.03, margin {0.03 - (mean - x_small).abs().max().item():.3f}",
)
assert torch.allclose(mean, x_small, atol=0.03), "inverted dropout keeps the expectation"

# Evaluation mode: the identity, bit for bit.
drop.eval()
assert torch.equal(drop(x), x)
assert torch.equal(F.dropout(x, p=p, training=False), x)
print("eval mode and F.dropout(training=False): output equal to input:", torch.equal(drop(x), x))
