import math

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

z = torch.linspace(-5, 5, 400, dtype=torch.float64)  # even count: z = 0 is not on the grid
slope = 0.1  # leaky ReLU slope drawn larger than PyTorch's 0.01 so that it is visible
lam, alpha = 1.0507009873554805, 1.6732632423543772  # SELU constants (Klambauer et al., 2017)
sig = torch.sigmoid(z)
Phi = 0.5 * (1 + torch.erf(z / math.sqrt(2)))  # standard normal CDF, for GELU(z) = z Φ(z)

# name: (function, closed-form derivative)
functions = {
    "ReLU": (F.relu, (z > 0).double()),
    f"leaky ReLU (slope {slope})": (
        lambda t: F.leaky_relu(t, slope),
        torch.where(z > 0, 1.0, torch.full_like(z, slope)),
    ),
    "ELU (α = 1)": (F.elu, torch.where(z > 0, 1.0, torch.exp(z))),
    "SELU": (F.selu, torch.where(z > 0, lam, lam * alpha * torch.exp(z))),
    "GELU": (F.gelu, Phi + z * torch.exp(-(z**2) / 2) / math.sqrt(2 * math.pi)),
    "tanh": (torch.tanh, 1 - torch.tanh(z) ** 2),
    "logistic σ": (torch.sigmoid, sig * (1 - sig)),
    # softmax of the two logits (z, 0): its first output as a function of z
    "softmax, 2 classes: p₁ of (z, 0)": (
        lambda t: torch.softmax(torch.stack([t, torch.zeros_like(t)], dim=-1), dim=-1)[..., 0],
        sig * (1 - sig),
    ),
}

fig, axes = plt.subplots(2, 4, figsize=(13, 6), sharex=True)
worst = 0.0
for ax, (name, (f, closed_form)) in zip(axes.flat, functions.items(), strict=True):
    x = z.clone().requires_grad_(True)
    y = f(x)
    (dy,) = torch.autograd.grad(y.sum(), x)  # elementwise f, so d(sum)/dz_i = f'(z_i)
    err = (dy - closed_form).abs().max().item()
    assert err < 1e-12, f"{name}: autograd and closed-form derivative differ by {err}"
    worst = max(worst, err)
    ax.plot(z, y.detach(), label="φ(z)")
    ax.plot(z, dy, "--", label="φ′(z) (autograd)")
    ax.axhline(0, color="0.8", lw=0.8)
    ax.axvline(0, color="0.8", lw=0.8)
    ax.set_title(name, fontsize=10)
for ax in axes[1]:
    ax.set_xlabel("pre-activation z")
for ax in axes[:, 0]:
    ax.set_ylabel("φ(z) and φ′(z)")
fig.legend(*axes[0, 0].get_legend_handles_labels(), loc="upper right", ncols=2)
fig.suptitle("Activation functions (solid) and their derivatives (dashed)")
fig.subplots_adjust(left=0.05, right=0.99, bottom=0.08, top=0.9, wspace=0.28, hspace=0.3)

# the 2-class softmax slice is the logistic curve: p1 = e^z / (e^z + e^0) = σ(z)
p1 = functions["softmax, 2 classes: p₁ of (z, 0)"][0](z)
assert torch.allclose(p1, sig, atol=1e-15), "2-class softmax should equal the logistic"
# GELU'(z) = Φ(z) + z φ(z) has its extremes at z = ±√2 (where φ(z)(2 - z²) = 0)
r2 = torch.tensor([-math.sqrt(2), math.sqrt(2)], dtype=torch.float64, requires_grad=True)
(g_ext,) = torch.autograd.grad(F.gelu(r2).sum(), r2)
assert -0.13 < g_ext[0] < -0.12 and 1.12 < g_ext[1] < 1.13, g_ext
gelu_min = F.gelu(z).min().item()  # GELU's lowest value, near z = -0.75
assert -0.171 < gelu_min < -0.169, gelu_min
assert math.isclose(lam * alpha, 1.7580993408473766, rel_tol=1e-12)
print(
    f"<p>Largest gap between autograd and closed-form derivatives over {len(z)} points: {worst:.1e}. "
    f"GELU′(±√2) = {g_ext[0]:.4f}, {g_ext[1]:.4f}; min GELU = {gelu_min:.4f}; λα = {lam * alpha:.4f}.</p>"
)
show(
    fig,
    "Eight panels, one per activation (ReLU, leaky ReLU with slope 0.1, ELU, SELU, GELU, tanh, "
    "logistic, and the first softmax output for logits (z, 0)), each with the function as a solid line "
    "and its autograd derivative as a dashed line for z from -5 to 5. ReLU's derivative jumps from 0 to 1; "
    "leaky ReLU's from 0.1 to 1; ELU's rises continuously to 1, with a kink at 0; SELU's is about 1.05 for positive z; "
    "GELU's dips slightly below 0 (minimum about -0.13 at z = -√2) "
    "and overshoots 1 (maximum about 1.13 at z = √2); "
    "tanh's and the logistic's derivatives are bell-shaped with peaks 1 and 0.25 at z = 0; "
    "the 2-class softmax panel coincides with the logistic.",
)
