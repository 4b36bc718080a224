import math

import torch
import torch.nn.functional as F
from torch import nn

g = torch.Generator().manual_seed(0)
# Integer inputs in float64: sums of quarters of integers are exact, so "equal" is bit for bit.
x = torch.randint(-50, 51, (1, 4, 8, 8), generator=g).double()

# A 2x2 convolution with stride 2 and fixed weights reproduces average pooling and subsampling exactly.
average = nn.Conv2d(4, 4, 2, stride=2, groups=4, bias=False).double()  # one 2x2 filter per channel
subsample = nn.Conv2d(4, 4, 2, stride=2, groups=4, bias=False).double()
with torch.no_grad():
    average.weight.fill_(0.25)
    subsample.weight.zero_()
    subsample.weight[:, :, 0, 0] = 1.0  # keep the top-left pixel of each window
    assert torch.equal(average(x), F.avg_pool2d(x, 2)) and torch.equal(subsample(x), x[..., ::2, ::2])
print("conv with weights 1/4 == average pooling; conv with weights [[1, 0], [0, 0]] == x[..., ::2, ::2]: True")

# No convolution reproduces max pooling: a convolution is linear, the maximum is not.
u = torch.tensor([[3.0, 0.0], [0.0, 0.0]]).reshape(1, 1, 2, 2)
v = torch.tensor([[0.0, 0.0], [0.0, 3.0]]).reshape(1, 1, 2, 2)
mx = lambda t: F.max_pool2d(t, 2).item() + 0.0  # + 0.0 turns -0.0 into 0.0
print(f"max(u + v) = {mx(u + v):g}, max(u) + max(v) = {mx(u) + mx(v):g}; max(-u) = {mx(-u):g}, -max(u) = {-mx(u):g}")
assert mx(u + v) != mx(u) + mx(v) and mx(-u) != -mx(u)
conv = nn.Conv2d(1, 1, 2, stride=2, bias=False).double()
with torch.no_grad():
    lhs, rhs = conv((u + v).double()), conv(u.double()) + conv(v.double())
    assert torch.allclose(lhs, rhs) and torch.allclose(
        conv(-u.double()), -conv(u.double())
    )  # additive, for any weights

# The best a 2x2 convolution can do, fitted by least squares to max pooling of random windows, five seeds:
unexplained, fitted_weights, biases = [], [], []
for seed in range(5):
    windows = torch.randn(20_000, 4, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)
    target = windows.amax(dim=1)  # max pooling of each window
    design = torch.cat([windows, torch.ones(20_000, 1, dtype=torch.float64)], dim=1)  # 4 weights and a bias
    solution = torch.linalg.lstsq(design, target[:, None]).solution[:, 0]
    unexplained.append(((design @ solution - target).std() / target.std()).item())
    fitted_weights += solution[:4].tolist()
    biases.append(solution[4].item())
# The mean of the largest of 4 standard normals: the integral of x * 4 phi(x) Phi(x)^3, by the trapezoidal rule
grid = torch.linspace(-12, 12, 240_001, dtype=torch.float64)
phi, Phi = torch.exp(-(grid**2) / 2) / math.sqrt(2 * math.pi), 0.5 * (1 + torch.erf(grid / math.sqrt(2)))
mean_max = torch.trapezoid(grid * 4 * phi * Phi**3, grid).item()
print(f"fitted weights (last seed) {[round(w, 3) for w in solution[:4].tolist()]}")
print(f"fitted bias per seed {' '.join(f'{b:.3f}' for b in biases)}; mean of the max of 4 normals {mean_max:.3f}")
per_seed = " ".join(f"{r:.3f}" for r in unexplained)
margin = min(min(unexplained) - 0.6, 0.8 - max(unexplained))
print(f"residual std / std of the max, per seed: {per_seed}; margin {margin:.3f}")
assert 0.6 < min(unexplained) and max(unexplained) < 0.8  # the best linear fit leaves about 70 % of the spread
assert all(abs(w - 0.25) < 0.02 for w in fitted_weights)  # on every seed: average pooling...
assert all(abs(b - mean_max) < 0.03 for b in biases)  # ...plus a constant, the mean of the maximum

# A stack of convolutions with ReLUs computes max pooling exactly, using max(p, q) = ReLU(p - q) + ReLU(q) - ReLU(-q).
layer1 = nn.Conv2d(1, 6, 2, stride=2, bias=False).double()  # window [[a, b], [c, d]] -> a-b, b, -b, c-d, d, -d
layer2 = nn.Conv2d(6, 3, 1, bias=False).double()  # m1 = max(a, b), m2 = max(c, d) -> m1 - m2, m2, -m2
layer3 = nn.Conv2d(3, 1, 1, bias=False).double()  # -> max(m1, m2)
with torch.no_grad():
    a_, b_, c_, d_ = torch.eye(4, dtype=torch.float64).reshape(4, 2, 2)
    layer1.weight.copy_(torch.stack([a_ - b_, b_, -b_, c_ - d_, d_, -d_])[:, None])
    m1, m2 = torch.tensor([1.0, 1, -1, 0, 0, 0]), torch.tensor([0.0, 0, 0, 1, 1, -1])
    layer2.weight.copy_(torch.stack([m1 - m2, m2, -m2])[:, :, None, None])
    layer3.weight.copy_(torch.tensor([1.0, 1, -1])[None, :, None, None])
    learned_max = nn.Sequential(layer1, nn.ReLU(), layer2, nn.ReLU(), layer3)
    one_channel = x[:, :1]
    exact = torch.equal(learned_max(one_channel), F.max_pool2d(one_channel, 2))
n_weights = sum(p.numel() for p in learned_max.parameters())
print(f"conv 2x2 stride 2 -> ReLU -> conv 1x1 -> ReLU -> conv 1x1 ({n_weights} weights) == max pooling: {exact}")
assert exact and n_weights == 45
