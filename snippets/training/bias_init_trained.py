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
    start = net[2].bias.detach().clone()  # the output layer's bias before training
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    for _ in range(100):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(X), y)
        loss.backward()
        opt.step()
    return start, net[2].bias.detach(), loss.item()


gaps, sizes, trace = [], [], []
default_rms = (3 * 32) ** -0.5  # rms of U(-a, a) with a = 1/sqrt(32), the default start of this bias
for seed in range(5):
    start0, end0, loss0 = train(zero_bias=True, seed=seed)
    startU, endU, lossU = train(zero_bias=False, seed=seed)
    assert torch.isfinite(torch.tensor([loss0, lossU])).all(), f"seed {seed}: a run diverged"
    gaps.append(abs(loss0 - lossU) / lossU)
    # The zero-started output bias ends as large as a random start: its rms over that of U(-a, a).
    sizes.append(end0.pow(2).mean().sqrt().item() / default_rms)
    # The start is not forgotten, only hidden: the two runs get nearly the same bias updates, so
    # their trained biases differ by about their initial difference (correlation over the 10 entries).
    trace.append(torch.corrcoef(torch.stack([endU - end0, startU - start0]))[0, 1].item())
    print(
        f"seed {seed}: final training loss, zero start {loss0:.3f}, PyTorch default start {lossU:.3f}; "
        f"trained zero-start bias rms / rms of U(-a,a) = {sizes[-1]:.2f}; "
        f"corr(end difference, start difference) = {trace[-1]:.3f}"
    )
    if seed == 0:
        print("  output bias, started at 0      :", [round(v, 3) for v in end0.tolist()])
        print("  output bias, started at U(-a,a):", [round(v, 3) for v in endU.tolist()])
print(f"largest relative difference of the final losses: {max(gaps):.3f}, margin {0.05 - max(gaps):.3f} below 0.05")
print(
    f"zero-start bias rms within a factor 2 of a random start's: from {min(sizes):.2f} to {max(sizes):.2f}, "
    f"margin {min(min(sizes) - 0.5, 2 - max(sizes)):.2f}; correlation at least {min(trace):.3f}, "
    f"margin {min(trace) - 0.9:.3f} over 0.9"
)
assert max(gaps) < 0.05, "zero and default bias starts train equally well here, on every seed"
assert 0.5 < min(sizes) and max(sizes) < 2, "a trained zero-start bias looks like a random start"
assert min(trace) > 0.9, "the two runs' trained biases still differ by their initial difference"
