def per_image(channels=CHANNELS, strides=STRIDES):
    """Saved bytes per image (measured at batch 4, less the one scalar) and parameter count of a variant."""
    torch.manual_seed(0)
    variant = make_cnn(channels, strides)
    acts = saved_by_autograd(variant, *batch(4))[0]
    assert acts == hand_count(channels, strides, n=4)  # the hand count holds for every variant
    return (acts - 4) // 4, sum(p.numel() for p in variant.parameters())


base_bytes, base_params = per_image()
variants = {
    "stride 4 in layer 1": (CHANNELS, (4, 2, 2)),
    "8 maps in layer 1": ((8, 32, 64), STRIDES),
    "32 maps in layer 3": ((16, 32, 32), STRIDES),
}
print(f"{'':<22}saved per image   parameters   (the page's network: {base_bytes:,} B, {base_params:,})")
change = {}
for name, (channels, strides) in variants.items():
    nbytes, n_par = per_image(channels, strides)
    change[name] = (base_bytes - nbytes, base_params - n_par)
    print(
        f"{name:<22}{nbytes:>10,} B ({change[name][0] / base_bytes:.0%} less)  "
        f"{n_par:>7,} ({change[name][1] / base_params:.0%} fewer)"
    )

# a larger first stride shrinks every later map by S^2 = 4 (here the sizes divide exactly); the input stays
assert sum(map_sizes(strides=(4, 2, 2))) * 4 == sum(maps)
assert change["stride 4 in layer 1"][1] == 0  # and costs no parameter
assert image > max(map_sizes(strides=(4, 2, 2)))  # the input image is now the largest saved tensor

# but a 3x3 window with stride 4 skips pixels: count the input pixels no window of layer 1 reads
pixels = torch.ones(1, 1, *SIZE, requires_grad=True)
F.conv2d(pixels, torch.ones(1, 1, 3, 3), stride=4, padding=1).sum().backward()
unread = int((pixels.grad == 0).sum())


def read_along(n, k=3, s=4, p=1):
    """Positions along an axis of length n that some window covers: window i covers s*i - p ... s*i - p + k - 1."""
    return len({s * i - p + t for i in range((n + 2 * p - k) // s + 1) for t in range(k)} & set(range(n)))


rows_read, cols_read = read_along(SIZE[0]), read_along(SIZE[1])
print(
    f"stride 4, 3x3 kernel: {rows_read} of {SIZE[0]} rows and {cols_read} of {SIZE[1]} columns are read; "
    f"{unread:,} of {image // 3:,} pixel positions never are ({unread / (image // 3):.0%})"
)
assert unread == image // 3 - rows_read * cols_read
