import math

SEEDS = range(5)
ARMS = {"one He value, copied": (same_he_value, 0.0, True), "independent He draws": (independent_he, 0.0, True),
        "one He value + dropout": (same_he_value, 0.2, True), "one He value, random b": (same_he_value, 0.0, False)}
runs = [(arm, seed) for seed in SEEDS for arm in ARMS]
nets = []
for arm, seed in runs:
    torch.manual_seed(seed)  # for a given seed, the three arms with a copied value copy the same values
    nets.append(make_mlp(*ARMS[arm]))

# The 20 networks side by side: one tensor per parameter, with the run as first dimension.
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
# trains 20 independent runs; the summed loss gives each run the gradient of its own loss.
optimiser = torch.optim.SGD(P, lr=0.001, momentum=0.9)
masks_rng = torch.Generator().manual_seed(0)
for _ in range(1000):
    optimiser.zero_grad()
    masks = torch.ones(2, len(runs), 256, 16)
    masks[:, dropout] = (torch.rand(2, int(dropout.sum()), 256, 16, generator=masks_rng) > 0.2) / 0.8  # p = 0.2
    ((forward(P, masks)[0] - y) ** 2).mean(dim=(1, 2)).sum().backward()
    optimiser.step()
end = losses()
z2 = forward(P)[1].detach()

res = {}
for r, (arm, seed) in enumerate(runs):
    layers = [(P[0][r], P[3][r]), (P[1][r], P[4][r])]  # (weights, biases) of the two hidden layers
    res[arm, seed] = {"start": start[r].item(), "end": end[r].item(),
                      "units": [distinct_rows(w, b) for w, b in layers],
                      "distances": [unit_distances(w, b) for w, b in layers],
                      "dead": bool((z2[r] <= 0).all()), "largest z2": z2[r].max().item()}
baseline = y.var(correction=0).item()  # the loss of always predicting the mean of y
print(f"{'':24s} final loss, seeds 0-4{'':17s} distinct units per hidden layer")
for arm in ARMS:
    ends = " ".join(f"{res[arm, s]['end']:.3f}" for s in SEEDS)
    print(f"{arm:24s} {ends}   {sorted({str(res[arm, s]['units']) for s in SEEDS})}")
print(f"loss of predicting the mean: {baseline:.3f}")

assert all(math.isfinite(v["end"]) for v in res.values()), "a run diverged"
tied, indep = "one He value, copied", "independent He draws"
assert all(res[tied, s]["units"] == [1, 1] for s in SEEDS), "copied value: the 16 units of each layer stay one"
others = [arm for arm in ARMS if arm != tied]
assert all(res[a, s]["units"] == [16, 16] for a in others for s in SEEDS), "independent draws, dropout, random b"
tie = max(d[0] for s in SEEDS for d in res[tied, s]["distances"])
apart = min(d[1] for a in others for s in SEEDS for d in res[a, s]["distances"])
print(f"tied runs: units differ by at most {tie:.1e}, margin {RTOL - tie:.1e}; the others: by at least "
      f"{apart:.1e}, margin {apart - RTOL:.1e} (relative to the layer's largest entry; tolerance {RTOL:.0e})")

ratios = [res[a, s]["end"] / res[indep, s]["end"] for a in ARMS if a != indep for s in SEEDS]
print(f"copied value, with or without dropout or random b: final loss / independent draws' on the same "
      f"seed >= {min(ratios):.2f} on every seed, margin {min(ratios) - 2:.2f} over 2")
assert min(ratios) > 2, "tied, or tie broken from a copied value: far worse than independent draws"

learned = [s for s in SEEDS if res[tied, s]["end"] < 0.9 * baseline]
died = [s for s in SEEDS if res[tied, s]["dead"]]
print(f"tied: learns (final loss < 0.9 x the mean's) on seeds {learned}, margin "
      f"{0.9 - max(res[tied, s]['end'] / baseline for s in learned):.2f}; its second layer is dead on every input "
      f"on seeds {died}, margin {-max(res[tied, s]['largest z2'] for s in died):.2f} (largest pre-activation)")
assert sorted(learned + died) == list(SEEDS), "each tied run either learns or has lost its one unit"
assert learned and died  # it depends on the copied values: some seeds learn, some lose their unit
assert all(abs(res[tied, s]["end"] / baseline - 1) < 0.01 for s in died), "dead: it ends predicting the mean"
