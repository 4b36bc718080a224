import numpy as np
import torch
import torch.nn.functional as F

# The input: a 7x7 binary image of the letter T (bar on row 2, stem in column 3)
image = np.zeros((7, 7))
image[2, 1:6] = 1
image[3:, 3] = 1

# The filter: a "T-junction" detector, +1 on a T shape, -1 beside the stem; bias -2; ReLU after it
kernel = np.array([[1, 1, 1], [-1, 1, -1], [-1, 1, -1]], dtype=float)
bias = -2.0
stride, padding = 2, 0


def conv2d_loops(x, k, b=0.0, stride=1, padding=0):
    """A convolutional layer as deep learning defines it (cross-correlation), one output at a time."""
    x = np.pad(x, padding)  # zeros on every side
    kh, kw = k.shape
    out_h = (x.shape[0] - kh) // stride + 1
    out_w = (x.shape[1] - kw) // stride + 1
    z = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = x[i * stride : i * stride + kh, j * stride : j * stride + kw]
            z[i, j] = np.sum(window * k) + b  # no flip: weight (u, v) meets pixel (i*S+u, j*S+v)
    return z


z = conv2d_loops(image, kernel, bias, stride, padding)  # pre-activation
out = np.maximum(z, 0)  # ReLU
print("input\n", image.astype(int))
print("pre-activation z = sum(window * kernel) + bias\n", z.astype(int))
print("output = ReLU(z)\n", out.astype(int))

# The same layer in PyTorch
as_torch = lambda a: torch.tensor(a, dtype=torch.float64)[None, None]  # shape (N=1, C=1, H, W)
z_torch = F.conv2d(
    as_torch(image), as_torch(kernel), torch.tensor([bias], dtype=torch.float64), stride=stride, padding=padding
)
out_torch = torch.relu(z_torch)[0, 0].numpy()
assert np.array_equal(z, z_torch[0, 0].numpy()) and np.array_equal(out, out_torch)
assert out.shape == (3, 3)
assert np.array_equal(out, [[0, 0, 0], [0, 3, 0], [0, 1, 0]]), out
print("hand-written loops == torch.nn.functional.conv2d: True")
