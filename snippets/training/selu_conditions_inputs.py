# Unstandardised input: every feature has mean 3 and standard deviation 5.
x_raw = 3 + 5 * torch.randn(BATCH, N, generator=torch.Generator().manual_seed(0))
raw = {"SELU, LeCun init": stack(torch.selu, LECUN, x_raw, backward=False),
       "ReLU, He init": stack(torch.relu, HE, x_raw, backward=False)}
for name, r in raw.items():
    print(name, " ".join(f"L{k + 1}: {r['mean'][k]:.2f}/{r['var'][k]:.3g}" for k in (0, 4, 9, 19, 49)))
selu_raw = raw["SELU, LeCun init"]
back = next(k + 1 for k in range(DEPTH) if abs(selu_raw["var"][k] - 1) < 0.2 and abs(selu_raw["mean"][k]) < 0.1)
print(f"SELU is back within 0.1 of mean 0 and 0.2 of variance 1 at layer {back}")
assert abs(selu_raw["mean"][-1]) < 0.1 and abs(selu_raw["var"][-1] - 1) < 0.1  # pulled back to (0, 1)
assert selu_raw["var"][0] > 10 and back > 5  # ...but only after several layers
assert raw["ReLU, He init"]["var"][-1] > 10  # ReLU keeps whatever scale it was given
