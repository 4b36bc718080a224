import math

import torch
from torch import nn

BLOCKS, N, BATCH, SEEDS = 30, 128, 16, range(5)
DT = torch.float64


def residual_growth(seed):
    """h <- h + s W2 relu(W1 h) for 30 blocks: W1 He (2/n), W2 LeCun (1/n) times s, for s = 1 and s = 1/sqrt(30),
    from the same draws. Mean h^2 after the last block over that of the input, for each s."""
    torch.manual_seed(seed)
    x = torch.randn(BATCH, N, dtype=DT)
    W1 = [nn.init.kaiming_normal_(torch.empty(N, N, dtype=DT), nonlinearity="relu") for _ in range(BLOCKS)]
    W2 = [nn.init.kaiming_normal_(torch.empty(N, N, dtype=DT), nonlinearity="linear") for _ in range(BLOCKS)]
    growth = []
    for scale in (1.0, BLOCKS**-0.5):
        h = x
        for A, B in zip(W1, W2, strict=True):
            h = h + torch.relu(h @ A.T) @ (scale * B).T
        growth.append((h.square().mean() / x.square().mean()).item())
    return growth


# Each branch preserves the second moment (He, then LeCun), so the sum adds it again: 1 + 1 per block.
# Scaling W2 by 1/sqrt(L) makes each branch add 1/L of the second moment: 1 + 1/L per block.
plain, scaled = zip(*[residual_growth(s) for s in SEEDS], strict=True)
per_block = math.exp(sum(math.log(v) for v in plain) / len(plain) / BLOCKS)
scaled_total = math.exp(sum(math.log(v) for v in scaled) / len(scaled))
print(f"{BLOCKS} residual blocks of width {N}, seeds 0-4 (geometric means)")
print(
    f"He/LeCun branches: mean h^2 x {per_block:.3f} per block (prediction 2), x {per_block**BLOCKS:.2g} in all "
    f"(prediction {2**BLOCKS:.2g})"
)
print(
    f"branches scaled by 1/sqrt({BLOCKS}): x {scaled_total:.3f} over all {BLOCKS} blocks (prediction "
    f"(1 + 1/{BLOCKS})^{BLOCKS} = {(1 + 1 / BLOCKS) ** BLOCKS:.3f})"
)
m_plain = 0.05 - abs(per_block / 2 - 1)
m_scaled = 0.2 - abs(scaled_total / (1 + 1 / BLOCKS) ** BLOCKS - 1)
print(f"within 5% per block (margin {m_plain:.3f}) and within 20% in all (margin {m_scaled:.3f})")
assert m_plain > 0 and m_scaled > 0, "a residual stack still needs its branches initialised for its depth"

# Batch norm after a layer: the forward pass no longer sees the weights' scale c, but the gradient is 1/c as
# large, so a step of a given learning rate changes W by 1/c^2 as much relative to its size.
torch.manual_seed(0)
x, W0 = torch.randn(64, 128), nn.init.kaiming_normal_(torch.empty(256, 128), nonlinearity="relu")
r = torch.randn(64, 256)
bn = nn.BatchNorm1d(256)  # training mode: batch statistics
out, grad = {}, {}
for c in (0.1, 1.0, 10.0):
    W = (c * W0).requires_grad_()
    y = bn(x @ W.T)
    (y * r).sum().backward()
    out[c], grad[c] = y.detach(), W.grad.norm().item()
for c in (0.1, 10.0):
    same = (out[c] - out[1.0]).abs().max().item()
    ratio = grad[c] * c / grad[1.0]
    step = (grad[c] / (c * W0.norm().item())) / (grad[1.0] / W0.norm().item())  # ||lr g|| / ||W||, against c = 1
    print(
        f"c = {c:4}: output differs by at most {same:.1e}; gradient norm x c / at c = 1: {ratio:.4f}; "
        f"relative step {step:.4g} (1/c^2 = {c**-2:.4g})"
    )
    assert same < 1e-2 and abs(ratio - 1) < 0.01 and abs(step * c**2 - 1) < 0.01
