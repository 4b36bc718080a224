# saturation: LeNet-5's squashing function against AlexNet's ReLU, derivatives by autograd
a = torch.tensor([0.0, 1.0, 3.0, 5.0], requires_grad=True)
(d_squash,) = torch.autograd.grad(Squash()(a).sum(), a)
(d_relu,) = torch.autograd.grad(torch.relu(a).sum(), a)
print("a:", a.tolist(), "\nd squash/da:", [round(v, 4) for v in d_squash.tolist()], "\nd relu/da:", d_relu.tolist())
assert d_squash[3] < 0.01 * d_squash[0] and d_relu[1:].tolist() == [1.0, 1.0, 1.0]

# overlapping pooling: AlexNet's 3x3 windows with stride 2 share a row and a column with their neighbours
row = torch.zeros(1, 1, 1, 7)
row[..., 2] = 5.0  # the maximum sits where two windows overlap
for k, s in [(3, 2), (2, 2)]:
    x = row.clone().requires_grad_(True)
    out = nn.functional.max_pool2d(x, (1, k), (1, s))
    (grad,) = torch.autograd.grad(out.sum(), x)
    print(f"pool {k}, stride {s}: {out.shape[-1]} windows; the maximum is picked by {int(grad[..., 2].item())} of them")
    assert grad[..., 2].item() == (2 if k > s else 1)

# local response normalisation: the paper's b = a / (k + alpha * sum of a^2 over 5 neighbouring channels)^beta,
# with k = 2, alpha = 1e-4, beta = 0.75; PyTorch divides alpha by the window size, so it takes alpha = 5e-4
a = torch.randn(1, 8, 3, 3, dtype=torch.float64) * 30
sq = nn.functional.pad(a**2, (0, 0, 0, 0, 2, 2))  # zero channels at both ends of the channel axis
window = sum(sq[:, i : i + 8] for i in range(5))  # channels c-2 .. c+2
paper_lrn = a / (2 + 1e-4 * window) ** 0.75
lrn = nn.LocalResponseNorm(5, alpha=5e-4, beta=0.75, k=2)
gap = (lrn(a) - paper_lrn).abs().max().item()
print(f"nn.LocalResponseNorm(5, alpha=5e-4) against the paper's formula with alpha = 1e-4: max gap {gap:.1e}")
assert gap < 1e-12 and (nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=2)(a) - paper_lrn).abs().max() > 1e-3
