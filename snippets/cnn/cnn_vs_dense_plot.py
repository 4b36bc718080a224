import matplotlib.pyplot as plt
import numpy as np

dense_view = M.numpy().copy()
dense_view[dense_view == 0] = np.nan  # zeros left white
fig, ax = plt.subplots(figsize=(9, 6))
image = ax.imshow(dense_view, cmap="coolwarm", vmin=-54, vmax=54, interpolation="nearest")
for boundary in range(16, 48, 16):  # the three output maps
    ax.axhline(boundary - 0.5, color="grey", linewidth=0.8)
ax.axvline(36 - 0.5, color="grey", linewidth=0.8)  # the two input channels
ax.set_xlabel("input pixel (channel, row, column), flattened: 2 channels of 6x6")
ax.set_ylabel("output unit (map, row, column), flattened: 3 maps of 4x4")
title = f"{M.shape[0]}x{M.shape[1]} dense matrix: {nonzero} nonzero entries, {distinct} distinct values"
ax.set_title(f"The 3x3 convolution as a {title}", fontsize=10)
fig.colorbar(image, ax=ax, label="weight value (blank: zero)", shrink=0.8)
assert np.isnan(dense_view).sum() == M.numel() - nonzero
show(
    fig,
    "The equivalent dense matrix of a convolution with 2 input channels, 3 filters of 3 by 3 and a 6 by 6 input: "
    "48 rows (output units) by 72 columns (input pixels). Three quarters of the entries are zero (blank); each "
    "row has 18 nonzero entries in three diagonal bands per input channel, and the rows of one output map repeat "
    "the same 18 weights, shifted to the right by one column per output column and by six per output row.",
)
