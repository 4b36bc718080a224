from math import erfc, exp, log10, sqrt

one = torch.tensor([1.0, -800.0], dtype=torch.float64)
lam, alpha = torch.selu(one)[0].item(), -torch.selu(one)[1].item() / torch.selu(one)[0].item()
# Backward gain per layer at the fixed point: chi = tau * E[selu'(z)^2], z ~ N(0, 1), tau = 1,
# with selu'(z) = lam for z > 0 and lam * alpha * e^z for z < 0 (E[e^{2z}; z < 0] = e^2 Phi(-2)).
chi_selu = lam**2 * (0.5 + alpha**2 * exp(2) * 0.5 * erfc(2 / sqrt(2)))
predicted = {
    "SELU, LeCun init": sqrt(chi_selu) ** (DEPTH - 1),
    "ReLU, LeCun init": sqrt(0.5) ** (DEPTH - 1),  # chi = tau / 2 = 1/2
    "ReLU, He init": 1.0,
}  # chi = tau / 2 = 1
print(f"SELU: chi = {chi_selu:.4f}, so |dL/dz| grows by sqrt(chi) = {sqrt(chi_selu):.4f} per layer backwards")
grow = {name: [r["grad"][0] / r["grad"][-1] for r in seeded[name]] for name in predicted}  # one per seed
for name, pred in predicted.items():
    print(
        f"{name:18} |dL/dz| layer 1 / layer {DEPTH}, seeds {SEEDS[0]} to {SEEDS[-1]}: "
        + ", ".join(f"{g:.3g}" for g in grow[name])
        + f"   (mean-field prediction {pred:.3g})"
    )

assert 1.07 < chi_selu < 1.072
g = grow["SELU, LeCun init"]  # mild growth, as predicted
off = max(abs(v / predicted["SELU, LeCun init"] - 1) for v in g)
print(
    f"SELU + LeCun: within 25% of the prediction on every seed (largest deviation {off:.1%}), margin {0.25 - off:.3f}"
)
assert all(1 < v < 10 for v in g) and off < 0.25
g = grow["ReLU, LeCun init"]  # vanishes
print(f"ReLU + LeCun: below 1e-6 on every seed, margin {log10(1e-6 / max(g)):.2f} decades")
assert max(g) < 1e-6
g = grow["ReLU, He init"]  # preserved by the initialisation alone
print(f"ReLU + He: within a factor 2 of 1 on every seed, margin {log10(min(2 / max(g), min(g) / 0.5)):.2f} decades")
assert all(0.5 < v < 2 for v in g)

# Slow growth, not preservation: the same prediction over 200 layers, measured on five 200-layer stacks
deep = [stack(torch.selu, LECUN, x, seed=s, depth=200)["grad"] for s in SEEDS]
deep = [g[0] / g[-1] for g in deep]
pred_200 = sqrt(chi_selu) ** 199
print(
    f"SELU + LeCun over 50 layers: predicted growth {predicted['SELU, LeCun init']:.2f}; over 200 layers "
    f"{pred_200:.0f}, measured " + ", ".join(f"{v:.3g}" for v in deep)
)
dev_200 = max(max(v / pred_200, pred_200 / v) for v in deep)
print(f"200 layers: within a factor 3 of the prediction on every seed, margin {log10(3 / dev_200):.2f} decades")
assert dev_200 < 3 and min(deep) > 100  # grows by orders of magnitude over 200 layers

# The fair baseline is ReLU + He, which keeps the gradient at its exact scale (above). The difference is
# the sensitivity to that scale: the same draws with every weight 10% smaller or larger, paired per seed.
change = {}
for name, act, std in [("SELU + LeCun", torch.selu, LECUN), ("ReLU + He", torch.relu, HE)]:
    at_scale = grow["SELU, LeCun init" if act is torch.selu else "ReLU, He init"]
    for k in (0.9, 1.1):
        off_scale = [stack(act, k * std, x, seed=s)["grad"] for s in SEEDS]
        change[name, k] = [(g[0] / g[-1]) / r for g, r in zip(off_scale, at_scale, strict=True)]
for (name, k), c in change.items():
    print(
        f"{name}, weights x {k} ({abs(k - 1):.0%} off): |dL/dz| layer 1 / layer {DEPTH} changes by a factor "
        + ", ".join(f"{v:.3g}" for v in c)
    )
# ReLU is positively homogeneous: scaling every weight by k scales each of the 49 backward steps by k
# (exactly in exact arithmetic; float32 rounding can flip the sign of a few pre-activations near 0)
homogeneous = max(abs(v / k ** (DEPTH - 1) - 1) for (name, k), c in change.items() if name == "ReLU + He" for v in c)
print(
    f"ReLU + He: the factor is k^49 to within {homogeneous:.1e} (relative) on every seed, bound 1e-2, "
    f"margin {1e-2 - homogeneous:.4f}"
)
assert homogeneous < 1e-2
relu_least = min(max(v, 1 / v) for (name, _), c in change.items() if name == "ReLU + He" for v in c)
selu_most = max(max(v, 1 / v) for (name, _), c in change.items() if name == "SELU + LeCun" for v in c)
print(
    f"weights 10% off, every seed: ReLU + He changes by more than 100 (0.9^49 = 1/{0.9**-49:.0f}, 1.1^49 = "
    f"{1.1**49:.0f}), margin {log10(relu_least / 100):.2f} decades; SELU + LeCun by less than 10, "
    f"largest {selu_most:.2f}, margin {log10(10 / selu_most):.2f} decades"
)
assert relu_least > 100 and selu_most < 10
