import torch
import torch.nn.functional as F

# A small convolution: 2 input channels, 3 filters of 3x3, a 6x6 input, no padding, stride 1 -> 3 maps of 4x4.
C_in, C_out, K, H = 2, 3, 3, 6
H_out = H - K + 1
g = torch.Generator().manual_seed(0)
# Integer weights, all different (a permutation of +-1..+-54), integer inputs: float64 sums of them are exact.
signs = torch.randint(0, 2, (C_out * C_in * K * K,), generator=g) * 2 - 1
w = ((torch.randperm(C_out * C_in * K * K, generator=g) + 1) * signs).reshape(C_out, C_in, K, K).double()
b = torch.tensor([1.0, -2.0, 3.0], dtype=torch.float64)
x = torch.randint(-5, 6, (1, C_in, H, H), generator=g).double()

# The dense matrix of the same layer: row (o, i, j) holds w[o, c, u, v] in column (c, i + u, j + v), zeros elsewhere.
M = torch.zeros(C_out * H_out * H_out, C_in * H * H, dtype=torch.float64)
for o in range(C_out):
    for i in range(H_out):
        for j in range(H_out):
            for c in range(C_in):
                for u in range(K):
                    for v in range(K):
                        M[(o * H_out + i) * H_out + j, (c * H + i + u) * H + j + v] = w[o, c, u, v]
bias_dense = b.repeat_interleave(H_out * H_out)  # one bias per output unit, tied within each map

conv_out = F.conv2d(x, w, b)
dense_out = M @ x.flatten() + bias_dense
assert torch.equal(dense_out, conv_out.flatten())  # the same layer, exactly
basis = torch.eye(C_in * H * H, dtype=torch.float64).reshape(-1, C_in, H, H)  # one image per input pixel
columns = F.conv2d(basis, w).flatten(1).T  # column (c, r, s) of the layer's matrix: the response to pixel (c, r, s)
assert torch.equal(columns, M)  # M is the matrix PyTorch's convolution applies

nonzero = int((M != 0).sum())
distinct = torch.unique(M[M != 0]).numel()
per_row = (M != 0).sum(dim=1)
uses = [int((M == value).sum()) for value in w.flatten()]
print(f"dense matrix {tuple(M.shape)}: {M.numel():,} entries, {nonzero} nonzero ({nonzero / M.numel():.0%})")
print(f"nonzeros per row: {sorted(set(per_row.tolist()))} (C_in * K^2 = {C_in * K * K} of {C_in * H * H} inputs)")
print(f"distinct nonzero values: {distinct} = the conv's {w.numel()} weights, each used {sorted(set(uses))} times")
print(f"free parameters: dense {M.numel() + bias_dense.numel():,}, convolution {w.numel() + b.numel()}")
assert M.shape == (48, 72) and nonzero == C_out * H_out**2 * C_in * K * K == 864
assert set(per_row.tolist()) == {C_in * K * K} and distinct == w.numel() == 54 and set(uses) == {H_out * H_out}
assert nonzero * H * H == M.numel() * K * K  # the fraction of nonzeros is K^2 / (H W): 1/4 here
