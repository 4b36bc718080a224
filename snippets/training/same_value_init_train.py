import math

from sklearn.linear_model import LinearRegression

SEEDS = range(5)
ARMS = {
    "one He value, copied": (same_he_value, 0.0, True),
    "independent He draws": (independent_he, 0.0, True),
    "one He value + dropout": (same_he_value, 0.2, True),
    "one He value, random b": (same_he_value, 0.0, False),
    "independent He + dropout": (independent_he, 0.2, True),
    "orthogonal": (orthogonal, 0.0, True),
}
runs = [(arm, seed) for seed in SEEDS for arm in ARMS]
nets = []
for arm, seed in runs:
    torch.manual_seed(seed)  # for a given seed, the arms with a copied value copy the same values
    nets.append(make_mlp(*ARMS[arm]))

# The 30 networks side by side: one tensor per parameter, with the run as first dimension.
P = [torch.stack([net[i].weight.detach() for net in nets]).requires_grad_() for i in (0, 3, 6)]
P += [torch.stack([net[i].bias.detach() for net in nets]).requires_grad_() for i in (0, 3, 6)]
dropout = torch.tensor([ARMS[arm][1] > 0 for arm, _ in runs])


def forward(P, masks=None):
    """make_mlp's network with every run's weights at once: outputs (runs, 256, 1), second pre-activations."""
    W1, W2, W3, b1, b2, b3 = P
    h1 = torch.relu(X @ W1.mT + b1[:, None])
    h1 = h1 if masks is None else h1 * masks[0]
    z2 = h1 @ W2.mT + b2[:, None]
    h2 = torch.relu(z2) if masks is None else torch.relu(z2) * masks[1]
    return h2 @ W3.mT + b3[:, None], z2


def losses():
    with torch.no_grad():
        return ((forward(P)[0] - y) ** 2).mean(dim=(1, 2))


start = losses()
for r, net in enumerate(nets):  # the stacked forward pass is each network's own
    assert torch.allclose(forward(P)[0][r], net.eval()(X), rtol=1e-5, atol=1e-5)
# SGD with momentum updates every entry on its own, so one optimiser over the stacked tensors
# trains 30 independent runs; the summed loss gives each run the gradient of its own loss.
optimiser = torch.optim.SGD(P, lr=0.001, momentum=0.9)
masks_rng = torch.Generator().manual_seed(0)
seed_of = torch.tensor([SEEDS.index(seed) for _, seed in runs])
for _ in range(1000):
    optimiser.zero_grad()
    masks = torch.ones(2, len(runs), 256, 16)
    # p = 0.2; one mask draw per seed, shared by the two dropout arms of that seed (paired)
    per_seed = (torch.rand(2, len(SEEDS), 256, 16, generator=masks_rng) > 0.2) / 0.8
    masks[:, dropout] = per_seed[:, seed_of[dropout]]
    ((forward(P, masks)[0] - y) ** 2).mean(dim=(1, 2)).sum().backward()
    optimiser.step()
end = losses()
z2 = forward(P)[1].detach()

res = {}
for r, (arm, seed) in enumerate(runs):
    layers = [(P[0][r], P[3][r]), (P[1][r], P[4][r])]  # (weights, biases) of the two hidden layers
    res[arm, seed] = {
        "start": start[r].item(),
        "end": end[r].item(),
        "units": [distinct_rows(w, b) for w, b in layers],
        "distances": [unit_distances(w, b) for w, b in layers],
        "dead": bool((z2[r] <= 0).all()),
        "largest z2": z2[r].max().item(),
    }
baseline = y.var(correction=0).item()  # the loss of always predicting the mean of y
# Plain linear regression (least squares with an intercept, float64), checked against scikit-learn's.
A = torch.cat([X, torch.ones(len(X), 1)], dim=1).double()
linear = ((A @ torch.linalg.lstsq(A, y.double()).solution - y.double()) ** 2).mean().item()
sk = LinearRegression().fit(X.double().numpy(), y.double().numpy())
assert abs(((sk.predict(X.double().numpy()) - y.double().numpy()) ** 2).mean() - linear) < 1e-9, "two fits agree"
print(f"{'':26s} final loss, seeds 0-4{'':17s} distinct units per hidden layer")
for arm in ARMS:
    ends = " ".join(f"{res[arm, s]['end']:.3f}" for s in SEEDS)
    print(f"{arm:26s} {ends}   {sorted({str(res[arm, s]['units']) for s in SEEDS})}")
print(f"loss of predicting the mean: {baseline:.3f}; of plain linear regression (least squares): {linear:.3f}")

assert all(math.isfinite(v["end"]) for v in res.values()), "a run diverged"
tied, indep = "one He value, copied", "independent He draws"
assert all(res[tied, s]["units"] == [1, 1] for s in SEEDS), "copied value: the 16 units of each layer stay one"
others = [arm for arm in ARMS if arm != tied]
assert all(res[a, s]["units"] == [16, 16] for a in others for s in SEEDS), "every other arm: 16 distinct units"
tie = max(d[0] for s in SEEDS for d in res[tied, s]["distances"])
apart = min(d[1] for a in others for s in SEEDS for d in res[a, s]["distances"])
print(
    f"tied runs: units differ by at most {tie:.1e}, margin {RTOL - tie:.1e}; the others: by at least "
    f"{apart:.1e}, margin {apart - RTOL:.1e} (relative to the layer's largest entry; tolerance {RTOL:.0e})"
)

# The tie is broken, but how far apart do the units get in 1000 steps? Per seed and hidden layer: the median
# distance between two of its units, relative to the layer's largest entry.
spread = {
    a: [d[2] for s in SEEDS for d in res[a, s]["distances"]]
    for a in ("one He value + dropout", "one He value, random b", "independent He + dropout")
}
for arm, values in spread.items():
    print(
        f"{arm}: median distance between two units, per seed and layer, from {min(values):.3f} to "
        f"{max(values):.3f} (median {sorted(values)[len(values) // 2]:.3f})"
    )
closer = max(a / b for a, b in zip(spread["one He value + dropout"], spread["independent He + dropout"], strict=True))
print(
    f"one He value + dropout / independent He + dropout, paired by seed and layer: at most {closer:.2f}, "
    f"margin {1 - closer:.2f} below 1"
)
assert closer < 1, "from a copied start, dropout leaves the units closer together than independent draws"

copied = ["one He value, copied", "one He value, random b"]
ratios = [res[a, s]["end"] / res[indep, s]["end"] for a in copied for s in SEEDS]
print(
    f"copied value, with or without random b: final loss / independent draws' on the same "
    f"seed >= {min(ratios):.2f} on every seed, margin {min(ratios) - 2:.2f} over 2"
)
assert min(ratios) > 2, "tied, or tie broken by random biases: far worse than independent draws"
# Dropout raises the final training loss on its own: independent He draws with and without it.
own = min(res["independent He + dropout", s]["end"] / res[indep, s]["end"] for s in SEEDS)
print(f"independent He + dropout / independent He draws: >= {own:.2f} on every seed, margin {own - 1:.2f} over 1")
assert own > 1, "dropout raises the training loss of independent draws too"
# Dropout against its control: dropout from independent He draws, with the same masks, seed for seed.
control = {s: res["one He value + dropout", s]["end"] / res["independent He + dropout", s]["end"] for s in SEEDS}
worse = [s for s in SEEDS if control[s] > 2]
print(
    "one He value + dropout / independent He + dropout (same masks), seeds 0-4:",
    ", ".join(f"{control[s]:.2f}" for s in SEEDS),
    f"| above 2 on seeds {worse}, margin {len(worse) - 3} seeds over 3 of 5",
)
assert len(worse) >= 3, "from a copied start dropout does not catch up with dropout from independent draws"
ortho = [res["orthogonal", s]["end"] / res[indep, s]["end"] for s in SEEDS]
print(
    f"orthogonal / independent He draws: from {min(ortho):.2f} to {max(ortho):.2f}, "
    f"margin {min(min(ortho) - 0.5, 2 - max(ortho)):.2f} inside [0.5, 2]"
)
assert 0.5 < min(ortho) and max(ortho) < 2, "dependent entries, distinct units: trains like independent draws"

below = max(res[indep, s]["end"] / linear for s in SEEDS)
at_best = min(res[tied, s]["end"] / linear for s in SEEDS)
print(
    f"final loss / linear regression's: independent He draws at most {below:.2f} (margin {1 - below:.2f} below 1); "
    f"tied network at least {at_best:.2f} (margin {at_best - 0.9:.2f} over 0.9)"
)
assert below < 1 and at_best > 0.9, "independent draws beat a linear model; the tied network at best matches it"

learned = [s for s in SEEDS if res[tied, s]["end"] < 0.9 * baseline]
died = [s for s in SEEDS if res[tied, s]["dead"]]
print(
    f"tied: learns (final loss < 0.9 x the mean's) on seeds {learned}, margin "
    f"{0.9 - max(res[tied, s]['end'] / baseline for s in learned):.2f}; its second layer is dead on every input "
    f"on seeds {died}, margin {-max(res[tied, s]['largest z2'] for s in died):.2f} (largest pre-activation)"
)
assert sorted(learned + died) == list(SEEDS), "each tied run either learns or has lost its one unit"
assert learned and died  # it depends on the copied values: some seeds learn, some lose their unit
assert all(abs(res[tied, s]["end"] / baseline - 1) < 0.01 for s in died), "dead: it ends predicting the mean"
