import matplotlib.pyplot as plt
from matplotlib.ticker import FormatStrFormatter, NullFormatter

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
steps = np.arange(1, len(curves[0.0, 0][0]) + 1)
for ax, k, target, hits, name, ticks in [
    (axes[0], 0, train_target, s_train, "training loss", [0.01, 0.03, 0.1, 0.3, 1, 2]),
    (axes[1], 1, val_target, s_val, "validation loss", [0.1, 0.2, 0.5, 1, 2]),
]:
    for q, colour in [(0.0, "C0"), (p, "C1")]:
        label = "no dropout" if q == 0 else f"dropout p = {q}"
        for s in SEEDS:
            ax.plot(
                steps,
                curves[q, s][k],
                color=colour,
                lw=1,
                alpha=0.7,
                label=f"{label}, seeds {SEEDS[0]} to {SEEDS[-1]}" if s == SEEDS[0] else None,
            )
            if math.isfinite(hits[q, s]):
                ax.plot(hits[q, s], target, "o", ms=4, color=colour)
    ax.axhline(target, color="0.5", ls=":", lw=1, label=f"target {target}")
    ax.set_yscale("log")
    ax.set_yticks(ticks)
    ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("full-batch Adam step")
    ax.set_ylabel(f"{name} (eval mode, log scale)")
    ax.set_title(f"{name} (dots: target reached)")
    ax.legend(fontsize=8)
fig.suptitle(
    f"Digits MLP 64-64-64-10, seeds {SEEDS[0]} to {SEEDS[-1]}: per seed the same initial weights "
    "with and without dropout"
)
fig.tight_layout()


def span(values):
    return f"{min(values)} to {max(values)}"


show(
    fig,
    f"Two panels of loss against training step for the digits MLP, five seeds with and five without "
    f"dropout. Left, training loss: the networks with dropout p = {p} fall more slowly and reach "
    f"{train_target} after {span([s_train[p, s] for s in SEEDS])} steps instead of "
    f"{span([s_train[0.0, s] for s in SEEDS])}. Right, validation loss: dropout reaches {val_target} "
    f"a few steps later ({span([s_val[p, s] for s in SEEDS])} against "
    f"{span([s_val[0.0, s] for s in SEEDS])}) and then goes on to lower values on most seeds, while "
    f"the networks without dropout level off.",
)
