MB, MiB = 1e6, 2**20  # 1 MB = 10^6 bytes, as Géron counts; 1 MiB = 2^20 bytes
# Hand count: map sizes from the "SAME" rule (same_padding above), channel counts read from the model
size, maps = (200, 300), []
for conv in convs:
    size = tuple(same_padding(n, conv.kernel_size[0], conv.stride[0])[0] for n in size)
    maps.append((conv.out_channels, *size))
acts = [c * h * w for c, h, w in maps]
image = 3 * 200 * 300
n_params = sum(p.numel() for p in net.parameters())
pairs = [image + acts[0], acts[0] + acts[1], acts[1] + acts[2]]  # a layer's input and output
print("parameters:", f"{n_params * 4 / MB:.4f} MB")
print("feature maps per layer (floats):", acts, "sum", f"{sum(acts):,}", f"= {sum(acts) * 4 / MB:.2f} MB")
print("input image (floats):", f"{image:,}", f"= {image * 4 / MB:.2f} MB")
print(
    "input + output of each layer (floats):", pairs, "-> largest", f"{max(pairs):,}", f"= {max(pairs) * 4 / MB:.2f} MB"
)
assert acts == [1_500_000, 750_000, 380_000] and sum(acts) == 2_630_000

# What PyTorch holds. First the tensors created by the forward pass alone (no_grad); then the same
# with the model and the input created inside the measurement, which counts what the caller holds.
x = torch.randn(1, 3, 200, 300)
peaks, totals = {}, {}
for inplace in (False, True):
    model = make_cnn(inplace)
    with torch.no_grad(), LiveTensors() as live:
        model(x)
    peaks[inplace] = live.peak // 4
    with torch.no_grad(), LiveTensors() as live:
        model, x_inside = make_cnn(inplace), torch.randn(1, 3, 200, 300)
        model(x_inside)
    totals[inplace] = live.peak // 4
    print(
        f"ReLU(inplace={inplace}): forward pass {peaks[inplace]:,} floats = {peaks[inplace] * 4 / MB:.2f} MB; "
        f"with the input and the parameters {totals[inplace]:,} floats = {totals[inplace] * 4 / MB:.2f} MB"
    )
assert peaks[True] == max(pairs) == acts[0] + acts[1]  # the largest pair: conv1 output and conv2 output
assert peaks[False] == 2 * acts[0]  # conv1 output and its ReLU copy
for inplace in (False, True):  # the input and the parameters stay alive through the whole pass
    assert totals[inplace] == peaks[inplace] + image + n_params

# Géron's figure: the two maps and the parameters, without the input
geron_bytes = (peaks[True] + n_params) * 4
print(
    f"maps at the peak + parameters: {geron_bytes:,} bytes = {geron_bytes / MB:.1f} MB (Géron's figure); "
    f"+ the input the caller holds: {totals[True] * 4 / MB:.1f} MB"
)
assert geron_bytes == 12_613_600
