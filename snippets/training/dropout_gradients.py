def first_layer_grad(model, X, y):
    """Gradient of the loss with respect to the first layer's weights (one row per hidden unit)."""
    model.zero_grad()
    F.cross_entropy(model(X), y).backward()
    return model[0].weight.grad.clone()


model = make_mlp(0.5)
model.train()
torch.manual_seed(2)

# One example: the units dropped for it receive exactly zero gradient in this step.
hidden = torch.relu(model[0](X_tr[:1]))
mask = {}
handle = model[2].register_forward_hook(lambda m, inp, out: mask.update(kept=out != 0))
g = first_layer_grad(model, X_tr[:1], y_tr[:1])
handle.remove()
dropped = (~mask["kept"][0]) & (hidden[0] > 0)  # active units that the mask zeroed
print(f"batch of 1: {int(dropped.sum())} active units dropped, all with zero gradient:", bool((g[dropped] == 0).all()))
assert dropped.sum() > 0 and (g[dropped] == 0).all()


def examples_per_unit(model, X, y):
    """Per first-layer unit: how many examples of the batch send it a non-zero gradient."""
    model.zero_grad()
    pre = model[0](X)
    pre.retain_grad()
    F.cross_entropy(model[1:](pre), y).backward()
    assert ((model[0].weight.grad.abs().sum(1) > 0) == (pre.grad != 0).any(0)).all()
    return (pre.grad != 0).sum(0)


# A mini-batch of 128: PyTorch draws a mask per example, so a unit is kept for about half of the
# examples on which it is active, and every unit's weights receive a gradient. Five mask draws.
counts = torch.stack([examples_per_unit(model, X_tr[:128], y_tr[:128]) for _ in range(5)])
updated = (counts > 0).float().mean().item()
print(
    f"batch of 128, 5 mask draws: fraction of hidden units whose weights get a gradient = {updated:.2f}; "
    f"examples per unit: median {counts.median().item()}, fewest {counts.min().item()}, margin {counts.min().item()}"
)
assert updated == 1.0

# What dropout does change: the full-batch gradient becomes a random variable. At the initial
# weights of seeds 0 to 4, 20 masks each.
noise = []
for seed in range(5):
    net = make_mlp(0.5, seed=seed).train()
    grads = torch.stack([first_layer_grad(net, X_tr, y_tr).flatten() for _ in range(20)])
    noise.append((grads.std(0).norm() / grads.mean(0).norm()).item())
model_plain = make_mlp(0.0)
plain = torch.stack([first_layer_grad(model_plain, X_tr, y_tr).flatten() for _ in range(2)])
print(
    "full batch, 20 masks: |std of gradient| / |mean gradient| =",
    ", ".join(f"{v:.2f}" for v in noise),
    f"(seeds 0 to 4), bound 0.2, margin {min(noise) - 0.2:.2f}; "
    f"without dropout two evaluations are identical: {torch.equal(plain[0], plain[1])}",
)
assert min(noise) > 0.2 and torch.equal(plain[0], plain[1])
