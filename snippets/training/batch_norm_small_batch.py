import torch

# One sample, x0 = 0.5, from a feature whose population has mean 0 and variance 1: with population
# statistics it would be normalised to 0.5. In training mode BN uses the batch instead. Put 4000
# random batches side by side as 4000 channels, so one BatchNorm1d call normalises each separately.
g = torch.Generator().manual_seed(0)
bn = torch.nn.BatchNorm1d(4000, affine=False, track_running_stats=False)
spread = {}
for m_B in (2, 4, 16, 64, 256):
    batch = torch.cat([torch.full((1, 4000), 0.5), torch.randn(m_B - 1, 4000, generator=g)])
    out = bn(batch)[0]  # what x0 becomes in each of the 4000 batches
    spread[m_B] = (out - 0.5).pow(2).mean().sqrt().item()
    print(
        f"m_B = {m_B:3}: BN output of x0 ranges {out.min().item():6.3f} .. {out.max().item():6.3f}, "
        f"RMS distance from 0.5 = {spread[m_B]:.3f}"
    )
values = list(spread.values())
assert all(a > b for a, b in zip(values, values[1:], strict=False))  # noisier the smaller the batch
assert spread[2] > 0.4 and spread[256] < 0.1

# m_B = 2: the two values become -d/sqrt(d^2 + eps) and +d/sqrt(d^2 + eps), d half their difference:
# +-1 unless the two values nearly coincide.
pairs = torch.tensor([[0.0, 0.0], [10.0, 1e-3]])  # channel 1: d = 5; channel 2: d = 5e-4
out = torch.nn.BatchNorm1d(2, affine=False, track_running_stats=False)(pairs)
d = torch.tensor([5.0, 5e-4])
print("m_B = 2, d = 5 and d = 5e-4:", out[1].tolist())
assert torch.allclose(out[1], d / (d**2 + 1e-5).sqrt(), atol=1e-6) and out[1, 0] > 0.9999 and out[1, 1] < 0.2
