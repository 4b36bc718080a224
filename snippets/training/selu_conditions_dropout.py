p = 0.2
drop = {"Dropout(0.2)": [], "AlphaDropout(0.2)": []}
for s in SEEDS:
    torch.manual_seed(s)  # dropout masks come from the global generator
    for name, layer in [("Dropout(0.2)", torch.nn.Dropout(p)), ("AlphaDropout(0.2)", torch.nn.AlphaDropout(p))]:
        drop[name].append(stack(torch.selu, LECUN, x, between=layer, backward=False, seed=s))
for name, rs in drop.items():
    r = rs[0]
    print(
        f"SELU + {name:18} seed {SEEDS[0]}, layer 1: {r['mean'][0]:6.3f} / {r['var'][0]:.3f}   "
        f"layer 50: {r['mean'][-1]:6.3f} / {r['var'][-1]:.3f}   (mean / variance, training mode)"
    )
    last = ", ".join(f"{r['var'][-1]:.3f}" for r in rs)
    print(f"{'':25} layer 50 variance, seeds {SEEDS[0]} to {SEEDS[-1]}: {last}")
print(f"one dropout on mean 0, variance 1: variance 1/(1-p) = {1 / (1 - p):.2f}")
dropout, alpha = drop["Dropout(0.2)"], drop["AlphaDropout(0.2)"]
m_first = 0.05 - max(abs(r["var"][0] - 1 / (1 - p)) for r in dropout)
m_shift = min(r["var"][-1] for r in dropout) - 1.5
m_alpha = min(min(0.1 - abs(r["mean"][-1]), 0.1 - abs(r["var"][-1] - 1)) for r in alpha)
print(
    f"every seed: Dropout layer 1 within 0.05 of 1/(1-p), margin {m_first:.3f}; layer 50 above 1.5, "
    f"margin {m_shift:.3f}; AlphaDropout layer 50 within 0.1 of (0, 1), margin {m_alpha:.3f}"
)
assert all(abs(r["var"][0] - 1 / (1 - p)) < 0.05 for r in dropout)
assert all(r["var"][-1] > 1.5 for r in dropout)  # a new, shifted fixed point
assert all(abs(r["mean"][-1]) < 0.1 and abs(r["var"][-1] - 1) < 0.1 for r in alpha)  # alpha dropout keeps (0, 1)
