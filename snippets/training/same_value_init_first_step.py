largest = 0.0  # largest difference between two units' gradients, over layers and seeds
for seed in range(5):
    torch.manual_seed(seed)  # each seed copies other values
    model = make_mlp(same_he_value)
    nn.functional.mse_loss(model(X), y).backward()
    hidden = model[0], model[3]
    counts = [distinct_rows(layer.weight.grad, layer.bias.grad) for layer in hidden]
    print(f"seed {seed}: distinct gradient rows per hidden layer {counts}")
    assert counts == [1, 1], "every row (hidden unit) of the gradient is the same row"
    assert all(layer.weight.grad.abs().sum() > 0 for layer in hidden), "the units do learn, all alike"
    largest = max([largest] + [unit_distances(layer.weight.grad, layer.bias.grad)[0] for layer in hidden])
print(
    f"largest difference between two units' gradients: {largest:.1e} of the largest entry "
    f"(tolerance {RTOL:.0e}): margin {RTOL - largest:.1e}"
)
