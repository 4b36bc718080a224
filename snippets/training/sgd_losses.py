import torch


def sgd_losses(model, X, y, lr, steps, batch=64, seed=0):
    """Plain SGD on mini-batches drawn by a generator seeded with ``seed``; the training loss of every step."""
    g = torch.Generator().manual_seed(seed)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        idx = torch.randint(0, len(X), (batch,), generator=g)
        loss = torch.nn.functional.cross_entropy(model(X[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses
