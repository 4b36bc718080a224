import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), sharey=True)
xs = x_grid.squeeze(1).numpy()
panels = [
    (mean_1, std_1, f"1 hidden layer, seed 0: far/inside spread {ratio_1:.1f}"),
    (mean_2, std_2, f"2 hidden layers, seed 0: far/inside spread {ratio_2:.1f}"),
]
for ax, (mean, std, title) in zip(axes, panels, strict=True):
    m, s = mean.numpy(), std.numpy()
    ax.axvspan(-3, 3, color="0.93", label="training range")
    ax.fill_between(xs, m - 2 * s, m + 2 * s, alpha=0.35, label="MC mean ± 2 std")
    ax.plot(xs, m, lw=1.5, label="MC mean (T = 200)")
    ax.plot(xs, np.sin(xs), "k--", lw=1, label="sin(x)")
    ax.scatter(x_np, y_np, s=8, color="C3", label="training points", zorder=3)
    ax.set_xlabel("x")
    ax.set_title(title)
    ax.set_ylim(-4, 4)
axes[0].set_ylabel("prediction")
axes[1].legend(loc="lower right", fontsize=8)
fig.suptitle("MC dropout (p = 0.1) on 1-D regression: predictive mean ± 2 std")
show(
    fig,
    "Two panels of MC-dropout predictions for a 1-D regression trained on sin(x) for x in [-3, 3], "
    "training seed 0. "
    "Left, one hidden layer: the band of mean plus or minus two standard deviations is narrow over "
    "the training points and widens steadily for |x| above 3. Right, two hidden layers: the band "
    "widens far less outside the training range.",
)
