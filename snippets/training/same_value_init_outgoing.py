torch.manual_seed(3)
model = make_mlp(same_he_value)
nn.init.kaiming_normal_(model[3].weight, nonlinearity="relu")  # the next layer's weights differ
loss = nn.functional.mse_loss(model(X), y)
loss.backward()
grad = model[0].weight.grad
print("distinct gradient rows in the first layer:", distinct_rows(grad))
assert distinct_rows(grad) == 16, "different outgoing weights give the tied units different gradients"
