from itertools import pairwise

# 1. and 3.: twenty layers of the 50-layer stacks above (seeds 0-4): mean z^2 at layer 20 over layer 1
for (act, init), per_layer, name in (
    (("ReLU", "PyTorch default"), 1 / 6, "1. PyTorch default"),
    (("ReLU", "LeCun = Glorot"), 1 / 2, "3. Glorot (Keras' default)"),
):
    over20 = gmean([(v["q"][19] / v["q"][0]).item() for v in res[act, init]])
    print(f"{name}: layer 20 / layer 1 = {over20:.2e}, prediction {per_layer:.4f}^19 = {per_layer**19:.2e}")
    assert 1 / 3 < over20 / per_layer**19 < 3, "within a factor 3 of the prediction"

# 2.: a ReLU stack that widens 64 -> 128 -> 256 -> 512 -> 1024, He (fan-in) weights, seeds 0-4
widths, per_unit, norm = [64, 128, 256, 512, 1024], [], []
for seed in range(5):
    torch.manual_seed(seed)
    x = torch.randn(256, widths[0], requires_grad=True)
    h = x
    for n_in, n_out in pairwise(widths):
        h = torch.relu(h @ nn.init.kaiming_normal_(torch.empty(n_out, n_in), nonlinearity="relu").T)
    r = torch.randn_like(h)  # dL/dh at the output
    (h * r).sum().backward()
    per_unit.append((x.grad.square().mean() / r.square().mean()).item())
    norm.append((x.grad.square().sum() / r.square().sum()).item())
pu, nr = gmean(per_unit), gmean(norm)
print(f"2. per-unit (dL/dx)^2 / (dL/dh)^2 = {pu:.2f} (1024 / 64 = {1024 / 64:.0f}); squared norms: {nr:.3f} (1)")
print(f"   within 10%: margin {0.1 - max(abs(pu / 16 - 1), abs(nr - 1)):.3f}")
assert abs(pu / 16 - 1) < 0.1 and abs(nr - 1) < 0.1
