import numpy as np

# Noisy gradients on f = h x^2 / 2: g = h x + noise (std sigma). Many independent runs at once.
# Var(x) is measured over the runs and over the last 1000 steps, once the variance is stationary.
rng = np.random.default_rng(0)
h, lr, sigma, runs, steps, burn_in = 1.0, 0.01, 1.0, 5000, 2000, 1000
var = {}
for beta in (0.0, 0.9, 0.99):
    x, v, second_moment = np.zeros(runs), np.zeros(runs), 0.0
    for t in range(steps):
        v = beta * v + h * x + sigma * rng.standard_normal(runs)
        x = x - lr * v
        if t >= burn_in:
            second_moment += np.mean(x**2) / (steps - burn_in)  # the mean of x is 0
    formula = lr * sigma**2 * (1 + beta) / (h * (1 - beta) * (2 * (1 + beta) - lr * h))
    var[beta] = second_moment
    print(
        f"beta = {beta:<4}: stationary Var(x) simulated {var[beta]:.5f}, formula {formula:.5f}, "
        f"margin {0.06 - abs(var[beta] / formula - 1):.3f} (relative error below 0.06)"
    )
    assert abs(var[beta] / formula - 1) < 0.06
r9, r99 = var[0.9] / var[0.0], var[0.99] / var[0.0]
print(
    f"Var(beta=0.9)/Var(beta=0) = {r9:.1f}, Var(beta=0.99)/Var(beta=0) = {r99:.1f}; "
    f"margins {min(r9 - 8, 12 - r9):.1f} inside (8, 12) and {min(r99 - 85, 115 - r99):.1f} inside (85, 115)"
)
assert 8 < r9 < 12 and 85 < r99 < 115
