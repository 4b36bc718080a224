import matplotlib.pyplot as plt

resize_cover = F.conv2d(F.interpolate(torch.ones(1, 1, 4, 4), scale_factor=2, mode="nearest"), torch.ones(1, 1, 3, 3))
panels = [
    (coverage(3, 2, n=4), "transposed conv, K=3, S=2"),
    (coverage(4, 2, n=4), "transposed conv, K=4, S=2"),
    (resize_cover[0, 0], "nearest x2, then 3x3 conv"),
]
fig, axes = plt.subplots(1, 3, figsize=(13, 4.4))
for ax, (a, title) in zip(axes, panels, strict=True):
    im = ax.imshow(a.numpy(), cmap="viridis", vmin=0, vmax=9)
    for r, row in enumerate(a.int().tolist()):
        for c, v in enumerate(row):
            ax.text(c, r, str(v), ha="center", va="center", fontsize=9, color="white" if v < 5 else "black")
    ax.set_title(title, fontsize=10)
    ax.set_xlabel("output column")
    ax.set_ylabel("output row")
fig.colorbar(im, ax=axes, shrink=0.8, label="terms summed into the output pixel")
fig.suptitle("All-ones kernel on an all-ones 4x4 input: how many terms each output pixel sums", fontsize=11)
assert [interior(a, k, 2).unique().numel() for (a, _), k in zip(panels[:2], (3, 4), strict=True)] == [3, 1]
assert resize_cover.unique().tolist() == [9]
show(
    fig,
    "Three grids of counts. Left: a transposed convolution with kernel 3 and stride 2 gives a 9 by 9 output "
    "whose inner pixels alternate between 1, 2 and 4 covering kernel positions, a checkerboard. Middle: kernel 4 "
    "and stride 2 give a 10 by 10 output with 4 everywhere inside and smaller counts only on the border. Right: "
    "nearest-neighbour upsampling to 8 by 8 followed by a 3 by 3 convolution gives 9 at every one of its "
    "6 by 6 outputs.",
)
