tied = models["one He value, copied"].eval()
relu, width = torch.relu, 16
with torch.no_grad():
    # layer 1: all units (rows) equal; later layers see 16 equal inputs, so every weight is one number
    assert torch.equal(tied[0].weight, tied[0].weight[:1].expand_as(tied[0].weight))
    for layer in (tied[3], tied[6]):
        assert torch.equal(layer.weight, layer.weight[0, 0].expand_as(layer.weight))
    for layer in (tied[0], tied[3], tied[6]):
        assert torch.equal(layer.bias, layer.bias[0].expand_as(layer.bias))
    w1, b1 = tied[0].weight[0], tied[0].bias[0]  # unit 1 of layer 1: 8 weights, 1 bias
    c2, b2 = tied[3].weight[0, 0], tied[3].bias[0]  # layer 2: one weight, 16 equal inputs
    c3, b3 = tied[6].weight[0, 0], tied[6].bias[0]
    h1 = relu(X @ w1 + b1)  # one unit
    h2 = relu(width * c2 * h1 + b2)  # one unit: the 16 equal inputs sum to 16 c2 h1
    narrow = width * c3 * h2 + b3
    gap = (narrow - tied(X)[:, 0]).abs().max().item()
print(f"trained tied network vs. its 8-1-1-1 rewrite: largest difference {gap:.1e}")
assert gap < 1e-5, "the trained 16-wide tied network computes exactly what one unit per layer computes"
