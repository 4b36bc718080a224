import torch
from sklearn.datasets import load_digits
from torch import nn

digits = load_digits()  # 1797 images of 8 × 8 pixels, 10 classes
X = torch.tensor(digits.data, dtype=torch.float32)
X = (X - X.mean(0)) / (X.std(0) + 1e-6)
y = torch.tensor(digits.target)
perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(0))
train, test = perm[:1000], perm[1000:]

claimed = ["logistic", "tanh", "ReLU", "leaky ReLU", "ELU"]  # the write-up's order, worst to best
activations = {"logistic": nn.Sigmoid, "tanh": nn.Tanh, "ReLU": nn.ReLU, "leaky ReLU": nn.LeakyReLU, "ELU": nn.ELU}
seeds = [0, 1, 2]
threads = torch.get_num_threads()
torch.set_num_threads(1)  # tiny matrices: one thread is faster
accuracy = {name: [] for name in activations}
steps_to = {name: [] for name in activations}  # first step with training loss below 0.2
for seed in seeds:
    for name, act in activations.items():
        torch.manual_seed(seed)  # the same initial weights for every activation
        net = nn.Sequential(nn.Linear(64, 32), act(), nn.Linear(32, 32), act(), nn.Linear(32, 10))
        opt = torch.optim.Adam(net.parameters(), lr=0.02)
        losses = []
        for _ in range(60):  # full-batch training on the 1000 training images
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(X[train]), y[train])
            loss.backward()
            opt.step()
            losses.append(loss.item())
        steps_to[name].append(next(i for i, value in enumerate(losses) if value < 0.2))
        with torch.no_grad():
            accuracy[name].append((net(X[test]).argmax(1) == y[test]).float().mean().item())
torch.set_num_threads(threads)

mean = {name: sum(a) / len(a) for name, a in accuracy.items()}
for name in claimed:
    print(
        f"{name:10}: test accuracy per seed "
        + ", ".join(f"{a:.3f}" for a in accuracy[name])
        + f";  mean {mean[name]:.3f}"
    )
order = sorted(mean, key=mean.get)
print("order of the means, worst to best:", " < ".join(order))
pairs = list(zip(claimed[:-1], claimed[1:], strict=True))  # (logistic, tanh), (tanh, ReLU), ...
holds = [all(accuracy[a][i] < accuracy[b][i] for a, b in pairs) for i in range(len(seeds))]
print("claimed order holds strictly for seed 0, 1, 2:", holds)
spread = max(max(a) - min(a) for a in accuracy.values())
gap = max(mean.values()) - min(m for n, m in mean.items() if n != "logistic")
print(
    f"largest seed-to-seed spread of one activation: {spread:.3f}; range of the means without the logistic: {gap:.3f}"
)

assert order != claimed and not any(holds)  # the claimed ranking fails, for the means and for every seed
assert spread >= gap  # differences between the four best activations are within the noise of the seed
assert min(accuracy["leaky ReLU"]) > 0.95  # leaky ReLU classifies the 10 classes well
