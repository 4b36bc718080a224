import torch
from sklearn.datasets import load_digits
from torch import nn

X, y = load_digits(return_X_y=True)
X = torch.tensor(X / 16.0, dtype=torch.float32)
y = torch.tensor(y)


def train(zero_bias, seed):
    torch.manual_seed(seed)  # same weights in both runs of a seed; only the biases' start differs
    net = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    if zero_bias:
        with torch.no_grad():
            net[0].bias.zero_()
            net[2].bias.zero_()
    start = net[2].bias.detach().clone()
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    for _ in range(100):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(X), y)
        loss.backward()
        opt.step()
    return start, net[2].bias.detach(), loss.item()


gaps = []
for seed in range(5):
    start0, end0, loss0 = train(zero_bias=True, seed=seed)
    startU, endU, lossU = train(zero_bias=False, seed=seed)
    assert torch.isfinite(torch.tensor([loss0, lossU])).all(), f"seed {seed}: a run diverged"
    assert start0.eq(0).all() and end0.ne(0).all(), "a trained bias vector shows no trace of its zero start"
    gaps.append(abs(loss0 - lossU) / lossU)
    print(f"seed {seed}: final training loss, zero start {loss0:.3f}, PyTorch default start {lossU:.3f}")
    if seed == 0:
        print("  output bias, started at 0      :", [round(v, 3) for v in end0.tolist()])
        print("  output bias, started at U(-a,a):", [round(v, 3) for v in endU.tolist()])
print(f"largest relative difference of the final losses: {max(gaps):.3f}, margin {0.05 - max(gaps):.3f} below 0.05")
assert max(gaps) < 0.05, "zero and default bias starts train equally well here, on every seed"
