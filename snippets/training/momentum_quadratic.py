import math

import numpy as np
import torch


def iteration_matrix(beta, a):
    """Heavy ball on f = h x^2 / 2 with a = lr * h, state (x, lr * v): (x, lr v)_{t+1} = M (x, lr v)_t."""
    return np.array([[1 - a, -beta], [a, beta]])


# 1. M is what torch.optim.SGD does: three steps on f = h x^2 / 2 against M^3.
h, lr, beta = 4.0, 0.1, 0.9


def sgd_steps(beta, steps=3, **options):
    """x after `steps` steps of torch.optim.SGD (learning rate lr, momentum beta) from x = 1 on f = h x^2 / 2."""
    x = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([x], lr=lr, momentum=beta, **options)
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * h * x**2).sum().backward()
        opt.step()
    return x


x = sgd_steps(beta)
s = np.linalg.matrix_power(iteration_matrix(beta, lr * h), 3) @ np.array([1.0, 0.0])
print(f"x after 3 steps: torch {x.item():.10f}, M^3 {s[0]:.10f}")
assert abs(x.item() - s[0]) < 1e-12

# 2. Over a grid of beta in [0, 1) and a = lr*h in (0, 5): converges iff a < 2(1 + beta),
#    and the spectral radius is never below sqrt(beta) (the eigenvalues multiply to beta).
B, A = np.meshgrid(np.linspace(0, 0.999, 200), np.linspace(0.001, 5, 500))
B, A = B.ravel(), A.ravel()
keep = np.abs(A - 2 * (1 + B)) > 1e-6  # leave out the boundary itself
B, A = B[keep], A[keep]
M = np.stack([np.stack([1 - A, -B], -1), np.stack([A, B], -1)], -2)  # one 2x2 matrix per pair
lam = np.linalg.eigvals(M)
rho = np.abs(lam).max(axis=1)
complex_pair = np.abs(lam.imag).max(axis=1) > 0
assert np.array_equal(rho < 1, A < 2 * (1 + B)), "converges iff lr*h < 2(1 + beta)"
assert (rho >= np.sqrt(B) - 1e-9).all(), "the spectral radius is never below sqrt(beta)"
assert np.allclose(rho[complex_pair], np.sqrt(B[complex_pair]), atol=1e-9, rtol=0)
print(
    f"{len(B)} (beta, lr*h) pairs: converges iff lr*h < 2(1+beta); spectral radius >= sqrt(beta), "
    f"= sqrt(beta) for the {complex_pair.sum()} pairs with complex eigenvalues"
)

# 3. beta = 0.99999, lr*h = 0.5: damping factor per step and the steps needed to shrink 10x.
beta, a = 0.99999, 0.5
rho = np.abs(np.linalg.eigvals(iteration_matrix(beta, a))).max()
n10 = math.log(10) / -math.log(rho)
print(
    f"beta = {beta}: spectral radius {rho:.7f} (sqrt(beta) = {math.sqrt(beta):.7f}), steps to shrink 10x = {n10:,.0f}, "
    f"about {round(n10, -4):,.0f}"
)
assert abs(rho - math.sqrt(beta)) < 1e-12 and 460_000 < n10 < 461_000

# Simulation: the amplitude (largest |x| over 100 steps) after n10 steps is a tenth of the start.
x, u = 1.0, 0.0  # u = lr * v
n = int(round(n10))
peaks = []
for t in range(n + 100):
    u = beta * u + a * x
    x = x - u
    if t < 100 or t >= n:
        peaks.append(abs(x))
ratio = max(peaks[100:]) / max(peaks[:100])
print(f"simulated amplitude after {n:,} steps / at the start = {ratio:.4f}, margin {0.002 - abs(ratio - 0.1):.4f}")
assert abs(ratio - 0.1) < 0.002

# 4. beta = 1 never damps; beta > 1 diverges, whatever the learning rate.
for beta in (1.0, 1.01):
    for a in (0.01, 0.5, 1.9):
        rho = np.abs(np.linalg.eigvals(iteration_matrix(beta, a))).max()
        assert (abs(rho - 1) < 1e-9) if beta == 1 else rho > 1
    print(f"beta = {beta}: spectral radius {rho:.6f} at lr*h = {a}")

# 5. Not the same as plain SGD with lr / (1 - beta): in a curved direction (lr * h = 0.01) heavy
#    ball with beta = 0.99999 is stable (it oscillates), plain SGD with a 100,000x larger lr diverges.
beta, a = 0.99999, 0.01
rho_heavy = np.abs(np.linalg.eigvals(iteration_matrix(beta, a))).max()
rho_sgd = abs(1 - a / (1 - beta))  # plain SGD: x <- (1 - lr h) x
print(f"lr*h = {a}: heavy ball beta = {beta} rho = {rho_heavy:.6f}; plain SGD with lr/(1-beta): rho = {rho_sgd:.0f}")
assert rho_heavy < 1 < rho_sgd


# 6. Nesterov (nesterov=True): the step is lr (g + beta v), so on f = h x^2 / 2 the matrix is
#    [[1 - a(1 + beta), -beta^2], [a, beta]]; its eigenvalues multiply to beta (1 - a), not beta.
def nesterov_matrix(beta, a):
    return np.array([[1 - a * (1 + beta), -(beta**2)], [a, beta]])


beta = 0.9
x = sgd_steps(beta, nesterov=True)
s = np.linalg.matrix_power(nesterov_matrix(beta, lr * h), 3) @ np.array([1.0, 0.0])
print(f"Nesterov, x after 3 steps: torch {x.item():.10f}, matrix^3 {s[0]:.10f}")
assert abs(x.item() - s[0]) < 1e-12
MN = np.stack([np.stack([1 - A * (1 + B), -(B**2)], -1), np.stack([A, B], -1)], -2)
lamN = np.linalg.eigvals(MN)
rhoN = np.abs(lamN).max(axis=1)
edge = 2 * (1 + B) / (1 + 2 * B)
keepN = np.abs(A - edge) > 1e-6  # leave out the boundary itself
assert np.allclose(lamN.prod(axis=1).real, B * (1 - A), atol=1e-12, rtol=0), "eigenvalues multiply to beta(1 - a)"
assert np.array_equal((rhoN < 1)[keepN], (A < edge)[keepN]), "stable iff lr*h < 2(1 + beta)/(1 + 2 beta)"
assert (rhoN >= np.sqrt(B * np.abs(1 - A)) - 1e-9).all()
print(
    f"Nesterov on the same {len(B)} pairs: eigenvalues multiply to beta(1 - lr*h); converges iff "
    f"lr*h < 2(1+beta)/(1+2 beta) ({keepN.sum()} pairs off the boundary); spectral radius >= sqrt(beta |1 - lr*h|)"
)
# At beta = 0.99999 the floor sqrt(beta (1 - a)) is about sqrt(1 - a): two Nesterov steps do about what
# one step of plain gradient descent (rho = 1 - a) does. Steps to shrink 10x in three directions:
beta = 0.99999
for a in (0.5, 0.02, 1e-4):
    rN = np.abs(np.linalg.eigvals(nesterov_matrix(beta, a))).max()
    rH = np.abs(np.linalg.eigvals(iteration_matrix(beta, a))).max()
    r9 = np.abs(np.linalg.eigvals(iteration_matrix(0.9, a))).max()
    n = {name: math.log(10) / -math.log(r) for name, r in (("N", rN), ("H", rH), ("H9", r9), ("GD", 1 - a))}
    print(
        f"lr*h = {a}: steps to shrink 10x, Nesterov beta = {beta}: {n['N']:,.0f}; heavy ball beta = {beta}: "
        f"{n['H']:,.0f}; heavy ball beta = 0.9: {n['H9']:,.0f}; plain gradient descent: {n['GD']:,.0f}"
    )
    assert abs(rN - math.sqrt(beta * (1 - a))) < 1e-9 and n["GD"] < n["N"] < n["H"]
# Slower than plain gradient descent in every direction with lr*h > 1 - beta, faster only in the flatter ones.
a = np.logspace(-7, 0, 701)[:-1]
a = a[np.abs(a / (1 - beta) - 1) > 1e-3]  # leave out the boundary lr*h = 1 - beta itself
rN = np.abs(np.linalg.eigvals(np.stack([nesterov_matrix(beta, x) for x in a]))).max(axis=1)
assert np.array_equal(rN > 1 - a, a > 1 - beta), "Nesterov near beta = 1 is slower than plain GD iff lr*h > 1 - beta"
print(
    f"Nesterov, beta = {beta}: rho > 1 - lr*h (plain gradient descent) exactly where lr*h > 1 - beta, "
    f"on {len(a)} values of lr*h from 1e-7 to 1"
)
