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
expected = x.sum() ** 2 / (x**2).sum()  # (sum x)^2 / sum x^2, about 0.75 * n_in for uniform inputs
rel = (ratio / expected).item()
print(
    f"predicted ratio (sum x)^2 / sum x^2 = {expected:.0f}; measured / predicted = {rel:.3f}, "
    f"margin {min(rel - 0.8, 1.25 - rel):.3f} inside [0.8, 1.25]"
)
assert 0.8 < rel < 1.25, "the copied value inflates Var(z) by (sum x)^2 / sum x^2"


def factor(xs):
    """(sum_j x_j)^2 / sum_j x_j^2 for each row of xs."""
    return xs.sum(1) ** 2 / (xs**2).sum(1)


# Over 20,000 input vectors uniform on [0, 1], the factor averages about 3/4 n_in.
uniform = factor(torch.rand(20_000, n_in)).mean().item() / (0.75 * n_in)
# Zero-mean inputs: the factor is 1 on average; but after a tied ReLU layer all inputs h_j of the
# next layer are equal, and the factor is exactly n_in.
zero_mean = factor(torch.randn(20_000, n_in)).mean().item()
h = torch.full((1, n_in), 0.37)  # the equal outputs of a tied layer
print(
    f"mean factor / (3/4 n_in), uniform inputs: {uniform:.4f}, margin {0.02 - abs(uniform - 1):.4f}; "
    f"zero-mean inputs: mean factor {zero_mean:.3f}, margin {0.05 - abs(zero_mean - 1):.3f}; "
    f"equal inputs: {factor(h).item():.0f}"
)
assert abs(uniform - 1) < 0.02, "for inputs uniform on [0, 1] the factor is about 3/4 n_in"
assert abs(zero_mean - 1) < 0.05 and torch.isclose(factor(h), torch.tensor(float(n_in)))
