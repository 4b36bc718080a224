smallest = float("inf")  # smallest difference between two units' gradients, over seeds
for seed in range(5):
    torch.manual_seed(seed)
    model = make_mlp(same_he_value)
    nn.init.kaiming_normal_(model[3].weight, nonlinearity="relu")  # the next layer's weights differ
    nn.functional.mse_loss(model(X), y).backward()
    grad, bias_grad = model[0].weight.grad, model[0].bias.grad
    print(f"seed {seed}: distinct gradient rows in the first layer: {distinct_rows(grad, bias_grad)}")
    assert distinct_rows(grad, bias_grad) == 16, "different outgoing weights give the tied units different gradients"
    smallest = min(smallest, unit_distances(grad, bias_grad)[1])
print(
    f"smallest difference between two units' gradients: {smallest:.1e} of the largest entry, "
    f"margin {smallest - RTOL:.1e} over the tolerance"
)
