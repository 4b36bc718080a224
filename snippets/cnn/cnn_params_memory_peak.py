torch.manual_seed(0)
model = make_cnn()
x = torch.randn(1, 3, 200, 300)
with LiveTensors() as live:
    model(x).square().mean().backward()
peak = live.peak // 4
grads_so_far = 720_400 + 180_200 + 2   # weight and bias gradients of layers 3 and 2, the loss and its gradient
print(f"one image: peak of tensors created by forward + backward {peak:,} floats")
print(f"  = 3 x 1,500,000 (layer-1 maps) + {grads_so_far:,} (gradients already computed)")
assert peak == 3 * 1_500_000 + grads_so_far

batch = 50
at_peak = batch * (3 * 1_500_000 + 3 * 200 * 300) + grads_so_far + 903_400  # + inputs and parameters
print(f"batch {batch}: {at_peak:,} floats = {at_peak * 4 / MB:.0f} MB at the peak")
assert round(at_peak * 4 / MB) == 943
