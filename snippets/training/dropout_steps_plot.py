import matplotlib.pyplot as plt
from matplotlib.ticker import FormatStrFormatter, NullFormatter

rise = curves[0.0][1][-1] / best[0.0]
print(f"<p>Without dropout the validation loss ends {rise:.2f} times above its minimum.</p>")
assert rise > 1.05, "the network without dropout overfits: its validation loss rises again"

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
steps = np.arange(1, len(curves[0.0][0]) + 1)
for ax, k, target, hits, name, ticks in [
        (axes[0], 0, train_target, s_train, "training loss", [0.01, 0.03, 0.1, 0.3, 1, 2]),
        (axes[1], 1, val_target, s_val, "validation loss", [0.1, 0.2, 0.5, 1, 2])]:
    for q, colour in [(0.0, "C0"), (p, "C1")]:
        label = "no dropout" if q == 0 else f"dropout p = {q}"
        ax.plot(steps, curves[q][k], color=colour, label=f"{label} (target at step {hits[q]})")
        ax.plot(hits[q], target, "o", color=colour)
    ax.axhline(target, color="0.5", ls=":", lw=1, label=f"target {target}")
    ax.set_yscale("log")
    ax.set_yticks(ticks)
    ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("full-batch Adam step")
    ax.set_ylabel(f"{name} (eval mode, log scale)")
    ax.set_title(name)
    ax.legend(fontsize=8)
fig.suptitle("Digits MLP 64-64-64-10, same initial weights, with and without dropout")
fig.tight_layout()
show(fig, f"Two panels of loss against training step for the digits MLP. Left, training loss: the network "
          f"with dropout p = {p} falls more slowly and reaches {train_target} at step {s_train[p]} instead of "
          f"{s_train[0.0]}. Right, validation loss: dropout reaches {val_target} a few steps later "
          f"({s_val[p]} against {s_val[0.0]}) but then goes lower, while the network without dropout "
          f"levels off and rises.")
