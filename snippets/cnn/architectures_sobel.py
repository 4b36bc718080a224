# two 3x3 filters on one input channel: horizontal and vertical Sobel edge detectors
sobel_x = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]], dtype=torch.float64)
W = torch.stack([sobel_x, sobel_x.T])[:, None]  # (C_out=2, C_in=1, 3, 3): a standard convolution
# a separable kernel is P[o, i] * D[i]: for each input channel, the C_out x k^2 matrix has rank 1.
# The closest rank-1 matrix (Eckart-Young) keeps the largest singular value; what is left cannot be matched.
M = W[:, 0].reshape(2, 9)
U, S, Vh = torch.linalg.svd(M, full_matrices=False)
left = (S[1:] ** 2).sum() / (S**2).sum()
print(f"singular values {S.tolist()}: the best separable kernel misses {left:.1%} of the kernel's energy")
assert torch.allclose(left, torch.tensor(0.5, dtype=torch.float64), rtol=0, atol=1e-12)

best = separable(1, 2, 3).double()  # the closest separable convolution, from the SVD
with torch.no_grad():
    best[0].weight.copy_(Vh[0].reshape(1, 1, 3, 3))
    best[1].weight.copy_((U[:, 0] * S[0]).reshape(2, 1, 1, 1))
errors = []
for seed in range(5):
    torch.manual_seed(seed)
    img = torch.randn(1, 1, 16, 16, dtype=torch.float64)
    want = nn.functional.conv2d(img, W, padding=1)
    errors.append(((best(img) - want).norm() / want.norm()).item())
print(f"relative output error on 5 random images: {min(errors):.2f} to {max(errors):.2f}")
print(f"margin {min(errors) - 0.5:.2f}")
assert all(e > 0.5 for e in errors)
