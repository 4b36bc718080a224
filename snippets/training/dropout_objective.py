import itertools

import torch

# Linear regression with inverted dropout (p = 0.3) on its 6 inputs; 50 examples, float64.
torch.manual_seed(0)
p, n, d = 0.3, 50, 6
X = torch.randn(n, d, dtype=torch.float64) * torch.linspace(0.5, 2.0, d, dtype=torch.float64)  # unequal scales
y = X @ torch.randn(d, dtype=torch.float64) + 0.5 * torch.randn(n, dtype=torch.float64)
masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=d)), dtype=torch.float64)  # all 2^6 masks
prob = (1 - p) ** masks.sum(1) * p ** (d - masks.sum(1))


def loss(w):
    """L: the loss of the full model, as evaluation mode computes it."""
    return ((X @ w - y) ** 2).mean()


def dropout_objective(w):
    """E_m[L], exactly: each example's squared error averaged over all its masks (one mask per example)."""
    pred = (masks[:, None, :] * X) @ w / (1 - p)  # (masks, examples)
    return (prob @ (pred - y) ** 2).mean()


penalty = p / (1 - p) * (X**2).mean(0)  # an L2 weight per input: p/(1-p) times its mean square
w = torch.randn(d, dtype=torch.float64)
exact, formula = dropout_objective(w).item(), (loss(w) + (penalty * w**2).sum()).item()
print(f"at a random w: E_m[L] = {exact:.6f}, L + sum_j p/(1-p) mean(x_j^2) w_j^2 = {formula:.6f}")
assert abs(exact - formula) < 1e-12 * formula, "the dropout objective is the loss plus an L2 penalty"

# A dropout step's gradient, averaged over every mask of every example, is the gradient of E_m[L], not of L.
pred = (masks[:, None, :] * X) @ w / (1 - p)
per_mask = 2 * (pred - y)[..., None] * masks[:, None, :] * X / (1 - p)  # gradient of each example's error
mean_step = torch.einsum("m,mnd->d", prob, per_mask) / n
grad_L = 2 * X.T @ (X @ w - y) / n
assert torch.allclose(mean_step, grad_L + 2 * penalty * w, rtol=1e-10, atol=1e-10)
print(
    f"mean dropout gradient - gradient of L: {(mean_step - grad_L).norm():.3f} in norm; "
    f"equal to the penalty's gradient to {(mean_step - grad_L - 2 * penalty * w).abs().max():.0e}"
)

# Their minimisers differ: least squares for L, a ridge solution for E_m[L].
w_plain = torch.linalg.lstsq(X, y[:, None]).solution[:, 0]
w_drop = torch.linalg.solve(X.T @ X / n + torch.diag(penalty), X.T @ y / n)
assert torch.allclose(2 * X.T @ (X @ w_drop - y) / n + 2 * penalty * w_drop, torch.zeros_like(w_drop), atol=1e-10)
higher = (loss(w_drop) / loss(w_plain)).item()
lower = (dropout_objective(w_drop) / dropout_objective(w_plain)).item()
shrink = (w_drop.norm() / w_plain.norm()).item()
print(
    f"minimiser of E_m[L]: its L is {higher:.3f} times the least-squares L (margin {higher - 1:.3f} over 1), "
    f"its E_m[L] {lower:.3f} times (margin {1 - lower:.3f} below 1); weight norm {shrink:.3f} times"
)
assert higher > 1 > lower and shrink < 1, "dropout's optimum is a shrunk model with a higher training loss"
