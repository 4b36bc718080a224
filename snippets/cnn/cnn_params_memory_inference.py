MB = 1e6
# Hand count, in float32 (4 bytes)
maps = [(100, 100, 150), (200, 50, 75), (400, 25, 38)]
acts = [c * h * w for c, h, w in maps]
image = 3 * 200 * 300
pairs = [image + acts[0], acts[0] + acts[1], acts[1] + acts[2]]  # a layer's input and output
print("parameters:", f"{903_400 * 4 / MB:.4f} MB")
print("feature maps per layer (floats):", acts, "sum", f"{sum(acts):,}", f"= {sum(acts) * 4 / MB:.2f} MB")
print("input image (floats):", f"{image:,}", f"= {image * 4 / MB:.2f} MB")
print("input + output of each layer (floats):", pairs, "-> peak", f"{max(pairs):,}",
      f"= {max(pairs) * 4 / MB:.2f} MB")
assert acts == [1_500_000, 750_000, 380_000] and sum(acts) == 2_630_000
assert max(pairs) == 2_250_000 == acts[0] + acts[1]

# What PyTorch holds: peak of the tensors created during one forward pass (no_grad)
x = torch.randn(1, 3, 200, 300)
peaks = {}
for inplace in (False, True):
    model = make_cnn(inplace)
    with torch.no_grad(), LiveTensors() as live:
        model(x)
    peaks[inplace] = live.peak // 4
    print(f"ReLU(inplace={inplace}): peak of tensors created in the forward pass "
          f"{peaks[inplace]:,} floats = {live.peak / MB:.2f} MB")
assert peaks[True] == acts[0] + acts[1]   # conv1 output and conv2 output
assert peaks[False] == 2 * acts[0]        # conv1 output and its ReLU copy
