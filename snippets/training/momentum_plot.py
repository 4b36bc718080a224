import html

import matplotlib.pyplot as plt
import numpy as np

# f(x) = (h1 x1^2 + h2 x2^2) / 2 with h = (1, 50): condition number 50. PyTorch's rule, lr = 0.02.
h = np.array([1.0, 50.0])
lr, budget, x0 = 0.02, 5000, np.array([-3.0, 1.0])
tol = 1e-4 * np.linalg.norm(x0)
betas = (0.0, 0.5, 0.9, 0.99, 0.99999)


def trajectory(beta, steps=budget, lr=lr, h=h, x0=x0, tol=tol):
    """PyTorch's heavy-ball rule from x0: the path, and the step from which it stays within tol (None: never)."""
    x, v, path = x0.copy(), np.zeros(2), [x0.copy()]
    for _ in range(steps):
        v = beta * v + h * x
        x = x - lr * v
        path.append(x.copy())
    path = np.array(path)
    last_out = np.nonzero(np.linalg.norm(path, axis=1) > tol)[0][-1]  # last step outside the tolerance ball
    return path, (int(last_out + 1) if last_out < steps else None)


paths, converged, crossings = {}, {}, {}
energy_gap, cap_used = 0.0, 0.0  # checks of the bound that keeps each path near its start (see below)
report = []  # printed lines, shown as preformatted text above the figure
for beta in betas:
    path, converged[beta] = trajectory(beta)
    dist = np.linalg.norm(path, axis=1)
    end = converged[beta] or budget + 1
    crossings[beta] = int(np.sum(np.sign(path[1:end, 0]) != np.sign(path[: end - 1, 0])))
    paths[beta] = path
    when = f"from step {converged[beta]} on" if converged[beta] else f"never within {budget} steps"
    report.append(
        f"beta = {beta:<7}: distance below 1e-4 x start {when}; x1 changes sign "
        f"{crossings[beta]} times before; farthest point {dist.max() / dist[0]:.3f} x start"
    )
    # Built in, not found: from rest on a quadratic, each coordinate keeps
    # E_t = x_t^2 - (1 + beta - a) x_t x_(t-1) + beta x_(t-1)^2 = beta^t a x_0^2 (a = lr h, x_(-1) = x_0),
    # which bounds |x_t| by 2 / sqrt(4 - a) |x_0| (a <= 1 here). The path must obey both.
    a = lr * h
    prev = np.vstack([path[:1], path[:-1]])  # x_(t-1), with x_(-1) = x_0 (start at rest)
    energy = path**2 - (1 + beta - a) * path * prev + beta * prev**2
    expected = beta ** np.arange(budget + 1)[:, None] * a * x0**2
    energy_gap = max(energy_gap, np.abs(energy - expected).max() / (a * x0**2).max())
    cap_used = max(cap_used, (np.abs(path).max(axis=0) / (2 / np.sqrt(4 - a) * np.abs(x0))).max())
report.append(
    f"every path: E_t = beta^t E_0 to {energy_gap:.0e} of E_0; largest |x_i| at most {cap_used:.4f} "
    "of its bound 2/sqrt(4 - lr h_i) |x_i(0)|"
)
assert energy_gap < 1e-9, "E_t = beta^t E_0 along every path"
assert cap_used <= 1 + 1e-12, "no coordinate beyond 2/sqrt(4 - lr h) times its start"

# Theory: the slower direction contracts by rho = max |eigenvalue| per step, so the distance
# falls by 10^4 after about ln(10^4) / -ln(rho) steps.
for beta in betas:
    rho = max(np.abs(np.roots([1, -(1 + beta - lr * hi), beta])).max() for hi in h)
    predicted = np.log(1e4) / -np.log(rho)
    report.append(f"beta = {beta:<7}: rho = {rho:.6f}, predicted steps to 1e-4: {predicted:,.0f}")
    if converged[beta] is not None:
        assert abs(converged[beta] / predicted - 1) < 0.05
    else:
        assert 1.8e6 < predicted < 1.9e6  # about 1.8 million steps for beta = 0.99999

assert converged[0.0] == 454 and converged[0.5] == 216 and converged[0.9] == 170
assert converged[0.99] == 1820 and converged[0.99999] is None
counts = [crossings[b] for b in betas]
assert counts == [0, 0, 7, 82, 225], "sign changes grow with beta"
# Room for rounding: each count is decided by values far from the threshold they are compared with.
room = []  # relative distance from the tolerance of the distances that decide each convergence step
for beta in betas:
    d = np.linalg.norm(paths[beta], axis=1) / tol
    if converged[beta] is None:
        room.append(d[-1] - 1)
    else:
        room.append(min(d[converged[beta] - 1] - 1, 1 - d[converged[beta] :].max()))
smallest_x1 = min(np.abs(paths[b][: (converged[b] or budget + 1), 0]).min() for b in betas) / abs(x0[0])
report.append(
    f"closest calls: a distance {min(room):.2%} from the tolerance next to a convergence step, margin "
    f"{min(room):.4f}; |x1| >= {smallest_x1:.1e} x |x1(0)| at every step counted, margin {smallest_x1:.1e} "
    "(float64 rounds at 1e-16)"
)
assert min(room) > 1e-6 and smallest_x1 > 1e-9, "a count could flip with rounding"
# beta = 0.99999 on the flat direction: x1 ~ cos(theta t), a sign change every pi/theta steps.
theta = np.arccos((1 + 0.99999 - lr * h[0]) / (2 * np.sqrt(0.99999)))
report.append(
    f"beta = 0.99999: theta = {theta:.4f}, predicted sign changes in {budget} steps: {budget * theta / np.pi:.1f}"
)
assert abs(crossings[0.99999] - budget * theta / np.pi) < 2
d = np.linalg.norm(paths[0.99999], axis=1)
report.append(
    f"beta = 0.99999 after {budget} steps: largest distance over the last 100 steps = "
    f"{d[-100:].max() / d[0]:.3f} x start distance"
)
assert d[-100:].max() > 0.9 * d[0]

print("<pre>" + html.escape("\n".join(report)) + "</pre>")

fig = plt.figure(figsize=(13, 7.5))
grid = fig.add_gridspec(2, 5, height_ratios=[1, 1.2], hspace=0.45, wspace=0.3)
g1, g2 = np.meshgrid(np.linspace(-3.5, 3.5, 200), np.linspace(-1.2, 1.2, 200))
for i, beta in enumerate(betas):
    ax = fig.add_subplot(grid[0, i])
    ax.contour(g1, g2, 0.5 * (h[0] * g1**2 + h[1] * g2**2), levels=[0.1, 0.5, 1.5, 4, 8], colors="0.8", linewidths=0.6)
    p = paths[beta][:300]
    ax.plot(p[:, 0], p[:, 1], lw=0.7, color=f"C{i}")
    ax.plot(*x0, "ko", ms=3)
    ax.plot(0, 0, "k+", ms=8)
    ax.set_xlim(-3.5, 3.5)
    ax.set_ylim(-1.2, 1.2)
    ax.set_title(f"β = {beta}", fontsize=10)
    ax.set_xlabel("$x_1$ (flat, $h_1 = 1$)")
    if i == 0:
        ax.set_ylabel("$x_2$ (steep, $h_2 = 50$)")
ax = fig.add_subplot(grid[1, :])
for i, beta in enumerate(betas):
    dist = np.linalg.norm(paths[beta], axis=1)
    label = f"β = {beta}: " + (f"converged at step {converged[beta]}" if converged[beta] else "not converged")
    ax.semilogy(np.arange(0, budget + 1, 5), np.maximum(dist[::5], 1e-13), lw=1, color=f"C{i}", label=label)
ax.axhline(tol, color="k", ls=":", lw=0.8, label="tolerance $10^{-4}\\,\\|x_0\\|$")
ax.set_ylim(1e-12, 1e2)
ax.set_xlabel("step $t$")
ax.set_ylabel("distance to the minimum $\\|x_t\\|$")
ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
fig.suptitle(
    "Heavy-ball momentum on $f = (x_1^2 + 50 x_2^2)/2$, lr = 0.02: first 300 steps (top), "
    "distance to the minimum over 5000 steps (bottom)",
    fontsize=11,
)
show(
    fig,
    "Top: five trajectories on an elongated quadratic bowl, for momentum 0, 0.5, 0.9, 0.99 and "
    "0.99999. With 0 and 0.5 the path slides to the minimum; with 0.9 it spirals in quickly; with 0.99 "
    "it swings back and forth many times; with 0.99999 it keeps sweeping the whole bowl. Bottom: "
    "distance to the minimum on a log scale over 5000 steps; momentum 0.9 converges first (170 steps), "
    "0.99 needs 1820 steps, and 0.99999 stays at about the starting distance.",
)
