import time


def saved_elements(layer, x):
    """Numbers autograd keeps for the backward pass of layer(x), each storage counted once."""
    storages = {}

    def pack(t):
        storages[t.untyped_storage().data_ptr()] = t.numel()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        layer(x)
    return sum(storages.values())


x = torch.rand(4, 64, 27, 27, requires_grad=True)  # 64 maps, float32
layers = {"ReLU": nn.ReLU(), "BatchNorm2d": nn.BatchNorm2d(64), "LocalResponseNorm": nn.LocalResponseNorm(5)}
saved = {name: saved_elements(layer, x) / x.numel() for name, layer in layers.items()}
print("kept for the backward pass, in multiples of the input's size:", {k: round(v, 4) for k, v in saved.items()})
# LRN is built from elementary operations, which keep their inputs: the input, its squares padded with
# n - 1 zero maps, the sum k + alpha * average and its power
assert saved["ReLU"] == 1.0 and saved["BatchNorm2d"] < 1.01
assert saved["LocalResponseNorm"] == 3 + (64 + 5 - 1) / 64 == 4.0625


def seconds(layer, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        layer(x).sum().backward()
        times.append(time.perf_counter() - start)
    return sorted(times)[repeats // 2]


for layer in layers.values():
    seconds(layer, repeats=1)  # warm-up
ms = {name: 1e3 * seconds(layer) for name, layer in layers.items()}
print(
    "<p>forward + backward on 4 × 64 × 27 × 27 (median of 5): "
    + ", ".join(f'{name} <span class="measured">{t:.1f} ms</span>' for name, t in ms.items())
    + "</p>"
)
