import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle


def draw(ax, a, title, cmap, vmin, vmax):
    ax.imshow(a, cmap=cmap, vmin=vmin, vmax=vmax)
    for (r, c), v in np.ndenumerate(a):
        dark = (v - vmin) / (vmax - vmin) > 0.6 if cmap == "Greys" else abs(v) / max(abs(vmin), vmax) > 0.6
        ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=10, color="white" if dark else "black")
    ax.set_xticks(range(a.shape[1]))
    ax.set_yticks(range(a.shape[0]))
    ax.set_xlabel("column")
    ax.set_ylabel("row")
    ax.set_title(title, fontsize=10)


fig, axes = plt.subplots(1, 4, figsize=(13, 4))
draw(axes[0], image, "input (7×7)", "Greys", 0, 1.5)
draw(axes[1], kernel, f"filter (3×3), bias {bias:g}", "RdBu", -1.5, 1.5)
draw(axes[2], z, "z = sum(window × filter) + bias\n(stride 2, no padding)", "RdBu", -3.5, 3.5)
draw(axes[3], out, "output = ReLU(z)", "Greys", 0, 4.5)
# the window that gives output (1, 1): rows 2-4, columns 2-4
axes[0].add_patch(
    Rectangle((1.5, 1.5), 3, 3, fill=False, edgecolor="tab:orange", linewidth=2.5, label="window of output (1, 1)")
)
axes[3].add_patch(Rectangle((0.5, 0.5), 1, 1, fill=False, edgecolor="tab:orange", linewidth=2.5))
axes[0].legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=9, frameon=False)
fig.suptitle("A 3×3 filter with stride 2 on a 7×7 binary image", fontsize=11)
fig.tight_layout()
assert out[1, 1] == np.sum(image[2:5, 2:5] * kernel) + bias == 3  # the highlighted window
show(
    fig,
    "Four panels. The 7 by 7 binary input image of a letter T; the 3 by 3 filter, +1 on a T shape "
    "and -1 beside the stem, with bias -2; the 3 by 3 pre-activation, values between -3 and 3; "
    "and the 3 by 3 output after ReLU, which is 3 where the window (rows 2 to 4, columns 2 to 4, "
    "outlined) contains the T junction, 1 below it, and 0 elsewhere.",
)
