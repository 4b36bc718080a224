# The converted network on a 94x94 image: a 7x7 map of predictions
BIG = 94
image = torch.randn(1, 3, BIG, BIG)
with torch.no_grad():
    grid = fcn(image)  # (1, 10, rows, cols)
rows = map_size(fcn, BIG)  # the formula, layer by layer
stride = math.prod(
    m.stride if isinstance(m.stride, int) else m.stride[0] for m in fcn.modules() if hasattr(m, "stride")
)
print(f"input {BIG}x{BIG} -> predictions {tuple(grid.shape[1:])}; total stride {stride}")
assert grid.shape == (1, 10, rows, rows) and rows == (BIG - SIZE) // stride + 1 == 7

# Position (i, j) of the map is the original classifier applied to the 46x46 crop at (stride * i, stride * j)
crops = torch.stack(
    [
        image[0, :, stride * i : stride * i + SIZE, stride * j : stride * j + SIZE]
        for i in range(rows)
        for j in range(rows)
    ]
)
with torch.no_grad():
    by_crop = cnn(crops).reshape(rows, rows, 10).permute(2, 0, 1)  # (10, rows, cols)
crop_gap = (grid[0] - by_crop).abs().max().item()
print(f"{rows * rows} crops through the original network vs one pass: largest gap {crop_gap:.1e} (tolerance {tol:.1e})")
print(f"below the tolerance by a margin {tol - crop_gap:.1e}")
assert torch.allclose(grid[0], by_crop, rtol=0, atol=tol)


def multiply_adds(model, inputs):
    """Multiply-adds of the convolutions and dense layers of one forward pass, from the shapes of their outputs."""
    total = 0

    def count(m, _, out):
        nonlocal total
        per_output = m.in_features if isinstance(m, nn.Linear) else m.in_channels // m.groups * math.prod(m.kernel_size)
        total += out.numel() * per_output

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(inputs)
    for h in hooks:
        h.remove()
    return total


def multiply_adds_formula(model, n):
    """The same count for one n x n input without running the model: sizes from the output-size formula."""
    total = 0
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.MaxPool2d)):
            n = map_size(nn.Sequential(m), n)
        if isinstance(m, nn.Conv2d):
            total += n * n * m.out_channels * m.in_channels // m.groups * math.prod(m.kernel_size)
        elif isinstance(m, nn.Linear):
            total += m.in_features * m.out_features
    return total


one_pass = multiply_adds(fcn, image)
per_window = multiply_adds(cnn, crops[:1])
windows = rows * rows * per_window
print(
    f"multiply-adds: one pass {one_pass:,}; {rows * rows} windows x {per_window:,} = {windows:,} "
    f"({windows / one_pass:.1f} times more)"
)
assert windows > 2 * one_pass
assert (multiply_adds_formula(fcn, BIG), multiply_adds_formula(cnn, SIZE)) == (one_pass, per_window)
