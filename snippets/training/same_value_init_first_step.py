torch.manual_seed(1)
model = make_mlp(same_he_value)
loss = nn.functional.mse_loss(model(X), y)
loss.backward()
hidden = model[0].weight, model[3].weight
for w in hidden:
    # every row (hidden unit) of the gradient is the same row
    assert torch.equal(w.grad, w.grad[:1].expand_as(w.grad)), "units received different gradients"
    assert w.grad.abs().sum() > 0, "the gradient is not zero: the units do learn, all alike"
print("distinct gradient rows per hidden layer:", [distinct_rows(w.grad) for w in hidden])
