import math

import torch

z = torch.tensor([0.0, 2.0, 5.0, 10.0], dtype=torch.float64, requires_grad=True)
(d_sig,) = torch.autograd.grad(torch.sigmoid(z).sum(), z)
(d_tanh,) = torch.autograd.grad(torch.tanh(z).sum(), z)
for zi, ds, dt in zip(z.tolist(), d_sig.tolist(), d_tanh.tolist(), strict=True):
    print(f"z = {zi:4.0f}:  σ'(z) = {ds:.3e}   tanh'(z) = {dt:.3e}")

# closed forms at z = 10: σ' = e^-10 / (1 + e^-10)^2 and tanh' = 4 / (e^10 + e^-10)^2
assert math.isclose(d_sig[3].item(), math.exp(-10) / (1 + math.exp(-10)) ** 2, rel_tol=1e-12)
assert math.isclose(d_tanh[3].item(), 4 / (math.exp(10) + math.exp(-10)) ** 2, rel_tol=1e-6)  # 1 - tanh² cancels
assert 4.5e-5 < d_sig[3] < 4.6e-5 and 8.2e-9 < d_tanh[3] < 8.3e-9
# the largest slopes, at z = 0: 1/4 for the logistic and 1 for tanh
grid = (torch.arange(-1000, 1001, dtype=torch.float64) / 100).requires_grad_(True)  # z = -10, -9.99, ..., 10
(g_sig,) = torch.autograd.grad(torch.sigmoid(grid).sum(), grid)
(g_tanh,) = torch.autograd.grad(torch.tanh(grid).sum(), grid)
print(
    f"max σ' = {g_sig.max():.4f} at z = {grid[g_sig.argmax()]:.1f};  "
    f"max tanh' = {g_tanh.max():.4f} at z = {grid[g_tanh.argmax()]:.1f}"
)
assert g_sig.max() == 0.25 and g_tanh.max() == 1.0 and grid[g_sig.argmax()] == 0 == grid[g_tanh.argmax()]

# ELU's slope just left and right of 0: alpha and 1, so only alpha = 1 (PyTorch's default) is smooth.
for alpha in (1.0, 0.5):
    near = torch.tensor([-1e-9, 1e-9], dtype=torch.float64, requires_grad=True)
    (slopes,) = torch.autograd.grad(torch.nn.functional.elu(near, alpha=alpha).sum(), near)
    print(f"ELU, alpha = {alpha}: slope left of 0 {slopes[0]:.4f}, right of 0 {slopes[1]:.4f}")
    assert abs(slopes[0] - alpha) < 1e-6 and slopes[1] == 1
