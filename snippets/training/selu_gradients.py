from math import erfc, exp, log10, sqrt

one = torch.tensor([1.0, -800.0], dtype=torch.float64)
lam, alpha = torch.selu(one)[0].item(), -torch.selu(one)[1].item() / torch.selu(one)[0].item()
# Backward gain per layer at the fixed point: chi = tau * E[selu'(z)^2], z ~ N(0, 1), tau = 1,
# with selu'(z) = lam for z > 0 and lam * alpha * e^z for z < 0 (E[e^{2z}; z < 0] = e^2 Phi(-2)).
chi_selu = lam**2 * (0.5 + alpha**2 * exp(2) * 0.5 * erfc(2 / sqrt(2)))
predicted = {"SELU, LeCun init": sqrt(chi_selu) ** (DEPTH - 1),
             "ReLU, LeCun init": sqrt(0.5) ** (DEPTH - 1),  # chi = tau / 2 = 1/2
             "ReLU, He init": 1.0}                          # chi = tau / 2 = 1
print(f"SELU: chi = {chi_selu:.4f}, so |dL/dz| grows by sqrt(chi) = {sqrt(chi_selu):.4f} per layer backwards")
grow = {name: [r["grad"][0] / r["grad"][-1] for r in seeded[name]] for name in predicted}  # one per seed
for name, pred in predicted.items():
    print(f"{name:18} |dL/dz| layer 1 / layer {DEPTH}, seeds {SEEDS[0]} to {SEEDS[-1]}: "
          + ", ".join(f"{g:.3g}" for g in grow[name]) + f"   (mean-field prediction {pred:.3g})")

assert 1.07 < chi_selu < 1.072
g = grow["SELU, LeCun init"]  # mild growth, as predicted
off = max(abs(v / predicted["SELU, LeCun init"] - 1) for v in g)
print(f"SELU + LeCun: within 25% of the prediction on every seed (largest deviation {off:.1%}), "
      f"margin {0.25 - off:.3f}")
assert all(1 < v < 10 for v in g) and off < 0.25
g = grow["ReLU, LeCun init"]  # vanishes
print(f"ReLU + LeCun: below 1e-6 on every seed, margin {log10(1e-6 / max(g)):.2f} decades")
assert max(g) < 1e-6
g = grow["ReLU, He init"]  # preserved by the initialisation alone
print(f"ReLU + He: within a factor 2 of 1 on every seed, margin {log10(min(2 / max(g), min(g) / 0.5)):.2f} decades")
assert all(0.5 < v < 2 for v in g)
