import math


def same_padding(n, k, s):
    """TensorFlow "SAME": output size and (before, after) padding along one axis."""
    out = math.ceil(n / s)
    total = max((out - 1) * s + k - n, 0)
    return out, total // 2, total - total // 2


# TensorFlow's rule, layer by layer, for height and width
size = (200, 300)
expected = []
print("layer  input      SAME output  padding H (top, bottom)  padding W (left, right)")
for layer in range(3):
    (oh, top, bottom), (ow, left, right) = (same_padding(n, 3, 2) for n in size)
    print(
        f"{layer + 1:>5}  {size[0]:>3} x {size[1]:<3}  {oh:>3} x {ow:<3}    "
        f"{(top, bottom)!s:>23}  {(left, right)!s:>23}"
    )
    size = (oh, ow)
    expected.append(size)

# PyTorch with padding=1: record each convolution's output shape
shapes = []
hooks = [
    m.register_forward_hook(lambda m, i, o: shapes.append(tuple(o.shape[1:]))) for m in net if isinstance(m, nn.Conv2d)
]
with torch.no_grad():
    net(torch.zeros(1, 3, 200, 300))
for h in hooks:
    h.remove()
print("PyTorch, padding=1:", shapes)

assert expected == [(100, 150), (50, 75), (25, 38)], expected
assert [s[1:] for s in shapes] == expected, shapes
assert [s[0] for s in shapes] == [100, 200, 400]
