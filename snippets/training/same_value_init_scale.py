import torch

torch.manual_seed(4)
n_in, n_out, draws = 256, 256, 2000
x = torch.rand(n_in)  # inputs in [0, 1], like pixel intensities: positively correlated terms

# He: every weight drawn independently from N(0, 2 / n_in)
z_he = torch.stack([torch.randn(n_out, n_in) * (2 / n_in) ** 0.5 @ x for _ in range(draws // 100)])
# the trap: one value c ~ N(0, 2 / n_in) copied into every weight, so z = c * sum(x)
c = torch.randn(draws) * (2 / n_in) ** 0.5
z_same = c * x.sum()

ratio = z_same.var() / z_he.var()
print(f"Var(z): independent He {z_he.var():.3f}, one copied value {z_same.var():.3f}, ratio {ratio:.0f}")
expected = x.sum() ** 2 / (x ** 2).sum()  # (sum x)^2 / sum x^2, about 0.75 * n_in for uniform inputs
print(f"predicted ratio (sum x)^2 / sum x^2 = {expected:.0f}")
assert 0.8 * expected < ratio < 1.25 * expected, "the copied value inflates Var(z) by (sum x)^2 / sum x^2"
assert abs(expected / (0.75 * n_in) - 1) < 0.1, "for inputs uniform on [0, 1] the factor is about 3/4 n_in"

# Zero-mean inputs: the factor is about 1 on average over inputs; but after a tied ReLU layer all
# inputs h_j of the next layer are equal, and the factor is exactly n_in.
xs = torch.randn(2000, n_in)
factor = (xs.sum(1) ** 2 / (xs**2).sum(1)).mean().item()
h = torch.full((n_in,), 0.37)  # the equal outputs of a tied layer
print(f"zero-mean inputs: mean factor {factor:.2f}; equal inputs: {(h.sum() ** 2 / (h**2).sum()).item():.0f}")
assert abs(factor - 1) < 0.1 and torch.isclose(h.sum() ** 2 / (h**2).sum(), torch.tensor(float(n_in)))
