from math import erfc, exp, sqrt

one = torch.tensor([1.0, -800.0], dtype=torch.float64)
lam, alpha = torch.selu(one)[0].item(), -torch.selu(one)[1].item() / torch.selu(one)[0].item()
# Backward gain per layer at the fixed point: chi = tau * E[selu'(z)^2], z ~ N(0, 1), tau = 1,
# with selu'(z) = lam for z > 0 and lam * alpha * e^z for z < 0 (E[e^{2z}; z < 0] = e^2 Phi(-2)).
chi_selu = lam**2 * (0.5 + alpha**2 * exp(2) * 0.5 * erfc(2 / sqrt(2)))
predicted = {"SELU, LeCun init": sqrt(chi_selu) ** (DEPTH - 1),
             "ReLU, LeCun init": sqrt(0.5) ** (DEPTH - 1),  # chi = tau / 2 = 1/2
             "ReLU, He init": 1.0}                          # chi = tau / 2 = 1
print(f"SELU: chi = {chi_selu:.4f}, so |dL/dz| grows by sqrt(chi) = {sqrt(chi_selu):.4f} per layer backwards")
for name, pred in predicted.items():
    g = runs[name]["grad"]
    print(f"{name:18} |dL/dz| layer 1 / layer {DEPTH} = {g[0] / g[-1]:9.3g}   (mean-field prediction {pred:.3g})")

g = runs["SELU, LeCun init"]["grad"]
assert 1.07 < chi_selu < 1.072
assert 1 < g[0] / g[-1] < 10 and abs(g[0] / g[-1] / predicted["SELU, LeCun init"] - 1) < 0.25  # mild growth
g = runs["ReLU, LeCun init"]["grad"]
assert g[0] / g[-1] < 1e-6  # vanishes
g = runs["ReLU, He init"]["grad"]
assert 0.5 < g[0] / g[-1] < 2  # preserved by the initialisation alone
