# Orthogonal initialisation: in the square 16 x 16 layer the rows are orthogonal and each has squared norm
# gain^2 = 2, so the entries are dependent: the last entry of a row is fixed, up to its sign, by the others.
# Independent He draws (same variance, 2 / n_in) satisfy no such constraint.
gain2 = nn.init.calculate_gain("relu") ** 2
eye = torch.eye(16)
constraint = {"orthogonal": 0.0, "independent He": float("inf")}  # largest / smallest |W W^T / gain^2 - I|
smallest = float("inf")  # smallest difference between two units' gradients, orthogonal init
for seed in range(5):
    torch.manual_seed(seed)
    model = make_mlp(orthogonal)
    W = model[3].weight.detach()
    rest = gain2 - (W[:, :-1] ** 2).sum(1)  # the last entry's square, from the other 15 entries of its row
    assert torch.allclose(rest, W[:, -1] ** 2, atol=1e-5), "each entry is fixed (up to sign) by the others"
    constraint["orthogonal"] = max(constraint["orthogonal"], (W @ W.T / gain2 - eye).abs().max().item())
    torch.manual_seed(seed)
    W_he = make_mlp(independent_he)[3].weight.detach()
    constraint["independent He"] = min(constraint["independent He"], (W_he @ W_he.T / gain2 - eye).abs().max().item())
    # the units are distinct, so the first step already gives every unit its own gradient
    nn.functional.mse_loss(model(X), y).backward()
    hidden = model[0], model[3]
    counts = [distinct_rows(layer.weight.grad, layer.bias.grad) for layer in hidden]
    print(f"seed {seed}: orthogonal init, distinct gradient rows per hidden layer {counts}")
    assert counts == [16, 16], "distinct units, distinct gradients"
    smallest = min([smallest] + [unit_distances(layer.weight.grad, layer.bias.grad)[1] for layer in hidden])
print(
    f"largest |W W^T / 2 - I| of the 16 x 16 layer, seeds 0-4: orthogonal {constraint['orthogonal']:.1e} "
    f"(margin {1e-5 - constraint['orthogonal']:.1e} below 1e-5); smallest for independent He draws "
    f"{constraint['independent He']:.2f} (margin {constraint['independent He'] - 0.1:.2f} over 0.1)"
)
assert constraint["orthogonal"] < 1e-5 < 0.1 < constraint["independent He"]
print(
    f"orthogonal init: smallest difference between two units' gradients {smallest:.1e} of the largest entry, "
    f"margin {smallest - RTOL:.1e} over the tolerance"
)
