torch.manual_seed(0)
model = make_cnn()
peak = {}
for batch in (1, 2):
    x = torch.randn(batch, 3, 200, 300)
    with LiveTensors() as live:
        model(x).square().mean().backward()
    peak[batch] = live.peak // 4
    model.zero_grad(set_to_none=True)
slope = peak[2] - peak[1]
print(f"peak of tensors created by forward + backward: batch 1 {peak[1]:,}, batch 2 {peak[2]:,} floats")
print(f"per image: {slope:,} floats = {slope * 4 / MB:.0f} MB; the rest ({peak[1] - slope:,} floats) "
      f"are weight gradients already computed")
assert slope == 3 * 1_500_000          # saved ReLU-1 output, its gradient, the gradient before the ReLU
assert peak[1] - slope == 720_400 + 180_200 + 2   # gradients of layers 3 and 2 (and two scalars)

batch = 50
total = batch * (slope + 3 * 200 * 300) + 2 * 903_400
print(f"batch {batch}: about {total * 4 / MB:.0f} MB at the peak "
      f"(activations and their gradients, inputs, parameters, weight gradients)")
