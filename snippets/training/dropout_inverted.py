import torch
import torch.nn as nn

torch.manual_seed(0)
p = 0.5
net = nn.Sequential(nn.Linear(20, 50), nn.ReLU(), nn.Dropout(p), nn.Linear(50, 5))
x = torch.randn(8, 20)
before = {k: v.clone() for k, v in net.state_dict().items()}

net.eval()
with torch.no_grad():
    out = net(x)
    by_hand = net[3](torch.relu(net[0](x)))  # no dropout, weights untouched
    halved = torch.relu(net[0](x)) @ ((1 - p) * net[3].weight).T + net[3].bias
print("eval output equals the network with dropout removed and weights untouched:", torch.equal(out, by_hand))
assert torch.equal(out, by_hand)
assert all(torch.equal(before[k], v) for k, v in net.state_dict().items()), "eval() changes no weight"

# The eval output is already the expectation of the training-mode output (the layer after
# dropout is linear); multiplying the weights by (1-p) on top would halve the signal.
net.train()
with torch.no_grad():
    train_mean = net(x.repeat(20_000, 1)).reshape(20_000, 8, 5).mean(0)
err_eval = (train_mean - out).abs().max().item()
err_halved = (train_mean - halved).abs().max().item()
print(
    f"max |E[train output] - eval output| = {err_eval:.3f}; with weights times (1-p): {err_halved:.3f}; "
    f"bound 0.05 between them, margin {min(0.05 - err_eval, err_halved - 0.05):.3f}"
)
assert err_eval < 0.05 < err_halved
