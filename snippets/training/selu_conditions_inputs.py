# Unstandardised input: every feature has mean 3 and standard deviation 5.
x_raw = 3 + 5 * torch.randn(BATCH, N, generator=torch.Generator().manual_seed(0))
raw = {
    "SELU, LeCun init": [stack(torch.selu, LECUN, x_raw, backward=False, seed=s) for s in SEEDS],
    "ReLU, He init": [stack(torch.relu, HE, x_raw, backward=False, seed=s) for s in SEEDS],
}
for name, rs in raw.items():
    r = rs[0]
    cells = " ".join(f"L{k + 1}: {r['mean'][k]:.2f}/{r['var'][k]:.3g}" for k in (0, 4, 9, 19, 49))
    print(f"{name}, seed {SEEDS[0]}: {cells}")


def back(r):  # the first layer within 0.1 of mean 0 and 0.2 of variance 1
    return next(k + 1 for k in range(DEPTH) if abs(r["var"][k] - 1) < 0.2 and abs(r["mean"][k]) < 0.1)


selu_raw = raw["SELU, LeCun init"]
print(
    f"SELU is back within 0.1 of mean 0 and 0.2 of variance 1 at layer {[back(r) for r in selu_raw]} "
    f"(seeds {SEEDS[0]} to {SEEDS[-1]})"
)
m_back = min(min(0.1 - abs(r["mean"][-1]), 0.1 - abs(r["var"][-1] - 1)) for r in selu_raw)
print(
    f"SELU, every seed: layer 50 |mean| < 0.1 and |variance - 1| < 0.1, margin {m_back:.3f}; layer 1 variance "
    f"above 10, margin {min(r['var'][0] for r in selu_raw) - 10:.2f}; back after more than 5 layers, "
    f"margin {min(back(r) for r in selu_raw) - 5} layers"
)
assert all(abs(r["mean"][-1]) < 0.1 and abs(r["var"][-1] - 1) < 0.1 for r in selu_raw)  # pulled back to (0, 1)
assert all(r["var"][0] > 10 and back(r) > 5 for r in selu_raw)  # ...but only after several layers
# ReLU keeps whatever scale it was given: with the same weights, layer 50 on the raw input against
# layer 50 on the standardised input
kept = [r["var"][-1] / s["var"][-1] for r, s in zip(raw["ReLU, He init"], seeded["ReLU, He init"], strict=True)]
print(
    "ReLU + He, variance at layer 50, raw input / standardised input, per seed: "
    + ", ".join(f"{k:.1f}" for k in kept)
    + f"; above 10 on every seed, margin {math.log10(min(kept) / 10):.2f} decades"
)
assert min(kept) > 10
