def coverage(k, s, n=6):
    """How many kernel positions of a transposed convolution (kernel k, stride s) write to each output pixel:
    an all-ones kernel applied to an all-ones n x n input."""
    return F.conv_transpose2d(torch.ones(1, 1, n, n), torch.ones(1, 1, k, k), stride=s)[0, 0]


def interior(a, k, s):
    """Drop the borders, where fewer input pixels exist: keep outputs k - 1 to s (n - 1) on each axis."""
    n = (a.shape[-1] - k) // s + 1
    return a[k - 1 : s * (n - 1) + 1, k - 1 : s * (n - 1) + 1]


odd, even = coverage(3, 2), coverage(4, 2)
print("K=3, S=2, first 6 rows and columns:\n", odd[:6, :6].int().numpy())
print("K=4, S=2, first 6 rows and columns:\n", even[:6, :6].int().numpy())
odd_values, even_values = interior(odd, 3, 2).unique().tolist(), interior(even, 4, 2).unique().tolist()
print("interior values: K=3", odd_values, "| K=4", even_values)
assert odd_values == [1, 2, 4] and even_values == [4]

# Even coverage away from the borders exactly when the stride divides the kernel size
for k, s in itertools.product(range(1, 8), range(1, 4)):
    assert (interior(coverage(k, s, n=10), k, s).unique().numel() == 1) == (k % s == 0), (k, s)
print("interior coverage is uniform for K = 1..7, S = 1..3 exactly when S divides K")

# Even overlap is necessary, not sufficient: a random 4x4 kernel, stride 2, on a constant input gives a
# 2x2-periodic pattern, the four sums of the kernel entries of each phase (rows and columns mod 2)
torch.manual_seed(0)
kernel = torch.randn(1, 1, 4, 4)
flat_out = interior(F.conv_transpose2d(torch.ones(1, 1, 6, 6), kernel, stride=2)[0, 0], 4, 2)
# output 2i + u gets kernel row u, so its row phase is u mod 2; the interior starts at the odd output 3
phases = torch.stack([torch.stack([kernel[0, 0, a::2, b::2].sum() for b in (1, 0)]) for a in (1, 0)])
print("random 4x4 kernel, constant input, interior of the output (top-left 4x4):\n", flat_out[:4, :4].numpy().round(3))
assert torch.allclose(flat_out, phases.repeat(flat_out.shape[0] // 2, flat_out.shape[1] // 2), rtol=0, atol=1e-5)
assert phases.max() - phases.min() > 0.1

# Resize, then convolve: nearest upsampling of a constant is constant, and so is any convolution of it
resized = F.conv2d(F.interpolate(torch.ones(1, 1, 6, 6), scale_factor=2, mode="nearest"), torch.randn(1, 1, 3, 3))
print(f"nearest x2 then a random 3x3 convolution: values from {resized.min():.4f} to {resized.max():.4f}")
assert torch.allclose(resized, resized.mean().expand_as(resized), rtol=0, atol=1e-5)
