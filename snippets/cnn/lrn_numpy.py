import numpy as np
import torch
from torch import nn

K, N_MAPS, ALPHA, BETA = 2.0, 5, 1e-4, 0.75  # AlexNet's constants, for the summed formula (section 3.3)


def lrn_paper(a, n=N_MAPS, k=K, alpha=ALPHA, beta=BETA):
    """b^i = a^i / (k + alpha * sum_j (a^j)^2)^beta, the sum over maps j = i - n//2 .. i + (n-1)//2
    clipped to 0 .. C-1 (for odd n: the n maps centred on i), at every position. a: (batch, C, ...)."""
    C = a.shape[1]
    b = np.empty_like(a)
    for i in range(C):
        lo, hi = max(0, i - n // 2), min(C - 1, i + (n - 1) // 2)
        b[:, i] = a[:, i] / (k + alpha * (a[:, lo : hi + 1] ** 2).sum(axis=1)) ** beta
    return b


rng = np.random.default_rng(0)
a = np.maximum(rng.normal(0.0, 60.0, size=(2, 12, 5, 5)), 0.0)  # ReLU outputs, 12 maps of 5x5, two images
window_sums = ALPHA * np.stack([(a[:, max(0, i - 2) : i + 3] ** 2).sum(1) for i in range(12)], 1)
print(f"alpha * sum of squares over the window: from {window_sums.min():.2f} to {window_sums.max():.2f}")
assert window_sums.max() > 1.0  # the test exercises the sum, not only the constant k

ours = lrn_paper(a)
converted = nn.LocalResponseNorm(N_MAPS, alpha=N_MAPS * ALPHA, beta=BETA, k=K)  # PyTorch averages: alpha * n
theirs = converted(torch.from_numpy(a)).numpy()
print(f"{converted}: max |difference| from the paper's formula = {np.abs(theirs - ours).max():.1e} (float64)")
assert np.allclose(theirs, ours, rtol=1e-12, atol=0)

unconverted = nn.LocalResponseNorm(N_MAPS, alpha=ALPHA, beta=BETA, k=K)  # the paper's alpha copied as it is
plain = unconverted(torch.from_numpy(a)).numpy()
active = a > 0
gap = np.abs(plain[active] / ours[active] - 1).max()
print(f"{unconverted}: up to {100 * gap:.0f} % away from the paper's formula")
assert gap > 0.2
# ... because it is the paper's formula with alpha / n: PyTorch divides alpha by the window size
assert np.allclose(plain, lrn_paper(a, alpha=ALPHA / N_MAPS), rtol=1e-12, atol=0)

# an even window is not centred: PyTorch takes n // 2 maps before i and (n - 1) // 2 after it
even = nn.LocalResponseNorm(4, alpha=4 * ALPHA, beta=BETA, k=K)(torch.from_numpy(a)).numpy()
assert np.allclose(even, lrn_paper(a, n=4), rtol=1e-12, atol=0)
print("size=4: the window of map i is maps i-2 .. i+1, as in lrn_paper")
