import numpy as np

# Noisy gradients on f = h x^2 / 2: g = h x + noise (std sigma). Many independent runs at once.
rng = np.random.default_rng(0)
h, lr, sigma, runs, steps = 1.0, 0.01, 1.0, 5000, 2000
var = {}
for beta in (0.0, 0.9, 0.99):
    x, v = np.zeros(runs), np.zeros(runs)
    for _ in range(steps):
        v = beta * v + h * x + sigma * rng.standard_normal(runs)
        x = x - lr * v
    formula = lr * sigma**2 * (1 + beta) / (h * (1 - beta) * (2 * (1 + beta) - lr * h))
    var[beta] = x.var()
    print(f"beta = {beta:<4}: stationary Var(x) simulated {x.var():.5f}, formula {formula:.5f}")
    assert abs(x.var() / formula - 1) < 0.06
print(f"Var(beta=0.9)/Var(beta=0) = {var[0.9] / var[0.0]:.1f}, Var(beta=0.99)/Var(beta=0) = {var[0.99] / var[0.0]:.1f}")
assert 8 < var[0.9] / var[0.0] < 12 and 85 < var[0.99] / var[0.0] < 115
