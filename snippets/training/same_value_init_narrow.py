relu, width = torch.relu, 16
largest = 0.0
with torch.no_grad():
    out = forward(P)[0]
    for seed in SEEDS:
        r = runs.index((tied, seed))
        W1, W2, W3, b1, b2, b3 = (p[r] for p in P)
        # layer 1: all units (rows) equal; later layers see 16 equal inputs, so every weight is one number
        assert distinct_rows(W1, b1) == 1 and distinct_rows(W2, b2) == 1
        for W in (W2, W3):
            assert (W - W[0, 0]).abs().max() <= RTOL * W.abs().max()
        h1 = relu(X @ W1[0] + b1[0])  # unit 1 of layer 1: 8 weights, 1 bias
        h2 = relu(width * W2[0, 0] * h1 + b2[0])  # one unit: the 16 equal inputs sum to 16 c2 h1
        narrow = width * W3[0, 0] * h2 + b3[0]
        largest = max(largest, ((narrow - out[r, :, 0]).abs().max() / out[r].abs().max()).item())
bound = 100 * torch.finfo(torch.float32).eps  # 100 rounding units of float32
print(
    f"trained tied networks (seeds 0-4) vs. their 8-1-1-1 rewrites: largest difference {largest:.1e} of the "
    f"output's scale, margin {bound - largest:.1e} below {bound:.1e}"
)
assert largest < bound, "the trained 16-wide tied network computes what one unit per layer computes"
