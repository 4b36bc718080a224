import copy

model = copy.deepcopy(models["BN before ReLU", LR])  # trained above at lr 0.5
X_test, y_test = X[:1000], y[:1000]
with torch.no_grad():
    model.eval()
    acc_eval = (model(X_test).argmax(1) == y_test).float().mean().item()
    model.train()  # forgetting model.eval(): batch statistics of whatever batch is given
    pairs = torch.cat([model(X_test[i:i + 2]) for i in range(0, len(X_test), 2)])
    acc_pairs = (pairs.argmax(1) == y_test).float().mean().item()
print(f"accuracy on the first 1000 digits: eval mode {acc_eval:.3f}; "
      f"train mode, predicted two at a time {acc_pairs:.3f}")
assert acc_eval > 0.85 and acc_pairs < 0.3  # chance is 0.1
