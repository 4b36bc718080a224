x = np.maximum(np.random.default_rng(5).normal(0.0, 200.0, size=(2, 10, 4, 4)), 0.0)
# 1. AlexNet in PyTorch: alpha = n * 1e-4
assert np.allclose(alexnet_lrn(torch.from_numpy(x)).numpy(), lrn_paper(x), rtol=1e-12, atol=0)
# 2. PyTorch's defaults with size 5, in the summed formula: k = 1, alpha = 1e-4 / 5
default = nn.LocalResponseNorm(5)(torch.from_numpy(x)).numpy()
same = np.allclose(default, lrn_paper(x, k=1.0, alpha=2e-5), rtol=1e-12, atol=0)
print(f"nn.LocalResponseNorm(5) is the summed formula with k = 1, alpha = 2e-05: {same}")
assert same
# 3. beta = 0.5: a lone activity's output keeps growing, towards 1 / sqrt(alpha) = 100
half = nn.LocalResponseNorm(5, alpha=5 * ALPHA, beta=0.5, k=K)
grid = torch.linspace(0.0, 1e4, 10_001, dtype=torch.float64)
b = half(grid.view(1, 1, -1))[0, 0]
print(f"beta = 0.5: increasing everywhere: {bool((b.diff() > 0).all())}; at a = 10,000: b = {b[-1].item():.2f}")
assert (b.diff() > 0).all() and 99 < b[-1].item() < 100
