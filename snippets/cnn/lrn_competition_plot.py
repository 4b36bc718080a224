import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 3.4))
maps = range(C)
ax.axvspan(ACTIVE - N_MAPS // 2 - 0.5, ACTIVE + N_MAPS // 2 + 0.5, color="tab:orange", alpha=0.12, linewidth=0)
ax.bar([m - 0.2 for m in maps], before.tolist(), width=0.4, label="all maps at activity 10")
ax.bar([m + 0.2 for m in maps], after.tolist(), width=0.4, label=f"map {ACTIVE} raised to 100")
ax.set(
    xlabel="feature map (channel) index",
    ylabel="LRN output at the position",
    xticks=list(maps),
    title="AlexNet's LRN (k=2, n=5, α=1e-4, β=0.75) at one position",
)
ax.legend(fontsize=8, loc="upper left")
fig.tight_layout()
assert after[ACTIVE] > before[ACTIVE] and (after[near] < before[near]).all()  # what the figure shows
show(
    fig,
    f"LRN outputs of 16 feature maps at one position. With every map at activity 10 all outputs are equal. "
    f"When map {ACTIVE} is raised to 100 its own output grows, the four maps within two channels of it "
    f"(shaded) drop by {100 * suppression.min():.0f} %, and the maps farther away do not change.",
)
