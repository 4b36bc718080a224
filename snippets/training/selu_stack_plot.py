import matplotlib.pyplot as plt

fig, (ax_mean, ax_var) = plt.subplots(1, 2, figsize=(10, 3.8))
layers = range(1, DEPTH + 1)
for (name, r), style in zip(runs.items(), ["-", "--", "-.", ":"], strict=True):
    ax_mean.plot(layers, r["mean"], style, label=name)
    ax_var.plot(layers, r["var"], style, label=name)
ax_mean.set(xlabel="layer", ylabel="mean of the activations", title="Mean per layer", ylim=(-0.5, 3))
ax_var.set(xlabel="layer", ylabel="variance of the activations (log scale)", title="Variance per layer", yscale="log")
ax_var.axhline(1.0, color="grey", linewidth=0.8)
ax_var.legend(fontsize=8)
fig.suptitle(f"{DEPTH} dense layers of width {N}, standardised input, zero bias, weights of seed {SEEDS[0]}")
fig.tight_layout()
assert runs["SELU, LeCun init"]["var"][-1] / runs["ReLU, LeCun init"]["var"][-1] > 1e10  # the gap drawn
show(
    fig,
    "Two panels over 50 layers, for the weights of the first seed. With LeCun initialisation "
    "the SELU stack keeps its mean near 0 "
    "and its variance near 1 at every layer; the ReLU stack's variance falls by about half per layer "
    "to below 1e-10; SELU with He initialisation drifts to a large positive mean (off the panel) and "
    "a variance above 100; ReLU with He initialisation keeps a positive mean and a variance of "
    "order 1 that no layer pulls back to 1.",
)
