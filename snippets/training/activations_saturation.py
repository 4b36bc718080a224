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

# ELU's slope just left and right of 0: alpha and 1, so only alpha = 1 (PyTorch's default) has a continuous slope.
F = torch.nn.functional
for alpha in (1.0, 0.5):
    near = torch.tensor([-1e-9, 1e-9], dtype=torch.float64, requires_grad=True)
    (slopes,) = torch.autograd.grad(F.elu(near, alpha=alpha).sum(), near)
    print(f"ELU, alpha = {alpha}: slope left of 0 {slopes[0]:.4f}, right of 0 {slopes[1]:.4f}")
    assert abs(slopes[0] - alpha) < 1e-6 and slopes[1] == 1

# ...but even with alpha = 1 ELU is only once continuously differentiable (C1), not smooth: its second
# derivative is alpha e^z -> 1 on the left and 0 on the right. Autograd's second derivative, and independently a
# central second difference of the function itself, at z = -1e-3 and +1e-3:
z2 = torch.tensor([-1e-9, 1e-9], dtype=torch.float64, requires_grad=True)
(d1,) = torch.autograd.grad(F.elu(z2).sum(), z2, create_graph=True)
(d2,) = torch.autograd.grad(d1.sum(), z2)
h, at = 1e-4, torch.tensor([-1e-3, 1e-3], dtype=torch.float64)
second_difference = (F.elu(at + h) - 2 * F.elu(at) + F.elu(at - h)) / h**2
print(
    f"ELU, alpha = 1: second derivative (autograd) left of 0 {d2[0]:.4f}, right of 0 {d2[1]:.4f}; "
    f"second difference at -1e-3 {second_difference[0]:.4f}, at +1e-3 {second_difference[1]:.4f}"
)
assert abs(d2[0] - 1) < 1e-6 and d2[1] == 0  # a jump of 1 at z = 0
assert abs(second_difference[0] - math.exp(-1e-3)) < 1e-4 and abs(second_difference[1]) < 1e-4
