import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta")  # printed once by to_sparse_csr

# Digits (1797 images of 8x8 pixels, 10 classes): a fixed stratified split, standardised with the
# training statistics.
X, y = load_digits(return_X_y=True)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
scaler = StandardScaler().fit(X_tr)
X_tr, X_te = (torch.tensor(scaler.transform(a), dtype=torch.float32) for a in (X_tr, X_te))
y_tr, y_te = torch.tensor(y_tr), torch.tensor(y_te)

SEEDS = range(5)  # fixed in advance; seed s fixes run s's initial weights and its order of mini-batches
BATCH, LR_SGD, LR_ADAM = 32, 0.1, 1e-3


def make_mlp(seed):
    """The 64 -> 128 -> 10 ReLU MLP, with PyTorch's default initialisation drawn from `seed`."""
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))


def batch_order(seed, steps):
    """Indices of `steps` mini-batches of BATCH training images: reshuffled every epoch, from `seed`."""
    g, out = torch.Generator().manual_seed(1000 + seed), []
    while len(out) < steps:
        perm = torch.randperm(len(X_tr), generator=g)
        out += list(perm[: len(perm) // BATCH * BATCH].view(-1, BATCH))
    return torch.stack(out[:steps])


# Many runs train side by side: one tensor per parameter with the run as first dimension. SGD and Adam
# update each entry on its own, so these are independent runs (checked below against nn.Sequential).
def stack(models):
    """[W1 (R, 64, 128), b1 (R, 1, 128), W2 (R, 128, 10), b2 (R, 1, 10)] from R nn.Sequential MLPs."""
    return [
        torch.stack([m[0].weight.detach().T for m in models]).contiguous(),
        torch.stack([m[0].bias.detach() for m in models])[:, None].contiguous(),
        torch.stack([m[2].weight.detach().T for m in models]).contiguous(),
        torch.stack([m[2].bias.detach() for m in models])[:, None].contiguous(),
    ]


def unstack(P, r):
    """Run r of the stacked parameters as an nn.Sequential."""
    model = make_mlp(0)
    with torch.no_grad():
        model[0].weight.copy_(P[0][r].T), model[0].bias.copy_(P[1][r, 0])
        model[2].weight.copy_(P[2][r].T), model[2].bias.copy_(P[3][r, 0])
    return model


def forward(P, x, drop=None):
    """Logits of every run; x is (R, n, 64). `drop`: (rows, p, generator), inverted dropout in those runs."""
    h = torch.relu(torch.bmm(x, P[0]) + P[1])
    if drop is not None:
        rows, p, g = drop
        scale = torch.ones_like(h)
        scale[rows] = (torch.rand(h[rows].shape, generator=g) >= p[rows, None, None]) / (1 - p[rows, None, None])
        h = h * scale
    return torch.bmm(h, P[2]) + P[3]


def accuracy(P):
    """Test accuracy of every run (450 test images)."""
    with torch.no_grad():
        return (forward(P, X_te.expand(len(P[0]), -1, -1)).argmax(-1) == y_te).float().mean(1)


def weights(P):
    """All 64*128 + 128*10 = 9472 weights of each run, flattened (biases are not counted)."""
    return torch.cat([P[0].flatten(1), P[2].flatten(1)], 1)


def soft_threshold(w, t):
    """The proximal step of t * |w|: shrink every weight towards 0 by t, and stop at exactly 0."""
    return torch.sign(w) * (w.abs() - t).clamp(min=0)


def fit(P, order, lam=0.0, prox=0.0, adam=0.0, p_drop=0.0, masks=None, keep_at=None):
    """Train stacked runs in place, one mini-batch order per run (order: R x steps x BATCH). Per run (one value
    per run, or one for all): ell_1 strength `lam`; `prox` 1: the ell_1 term is applied by soft-thresholding after
    each SGD step (proximal SGD, as in ISTA), 0: its subgradient lam * sign(w) is added to the gradient; `adam` 1:
    Adam (PyTorch's defaults) instead of plain SGD; `p_drop`: dropout after the hidden layer. `masks`: [M1, M2],
    0/1 masks on the weights, kept through the updates. Returns a copy of the parameters after `keep_at` steps."""
    R = len(P[0])
    per_run = (torch.as_tensor(v, dtype=torch.float32).expand(R).clone() for v in (lam, prox, adam, p_drop))
    lam, prox, adam, p_drop = per_run
    sub, shrink, ada = ((lam > 0) & (prox == 0)).nonzero()[:, 0], (prox > 0).nonzero()[:, 0], (adam > 0).nonzero()[:, 0]
    sgd = (adam == 0).nonzero()[:, 0]
    drop = ((p_drop > 0).nonzero()[:, 0], p_drop, torch.Generator().manual_seed(100)) if (p_drop > 0).any() else None
    moments = [(torch.zeros_like(p[ada]), torch.zeros_like(p[ada])) for p in P]
    kept = None
    for p in P:
        p.requires_grad_(True)
    for t, idx in enumerate(order.transpose(0, 1), start=1):  # idx: (R, BATCH), run r's t-th mini-batch
        logits = forward(P, X_tr[idx], drop)
        loss = F.cross_entropy(logits.flatten(0, 1), y_tr[idx].flatten(), reduction="none").view(R, -1).mean(1)
        grads = torch.autograd.grad(loss.sum(), P)  # the runs do not interact: run r's loss, run r's gradient
        with torch.no_grad():
            for i, (p, grad, (m, v)) in enumerate(zip(P, grads, moments, strict=True)):
                if i in (0, 2):  # the weights: ell_1 penalty and masks
                    grad[sub] += lam[sub, None, None] * torch.sign(p[sub])  # subgradient of lam |w| (sign(0) = 0)
                    if masks is not None:
                        grad *= masks[i // 2]
                p[sgd] -= LR_SGD * grad[sgd]
                if len(ada):  # Adam, betas (0.9, 0.999), eps 1e-8
                    m.mul_(0.9).add_(0.1 * grad[ada])
                    v.mul_(0.999).add_(0.001 * grad[ada] ** 2)
                    p[ada] -= LR_ADAM * (m / (1 - 0.9**t)) / ((v / (1 - 0.999**t)).sqrt() + 1e-8)
                if i in (0, 2) and len(shrink):
                    p[shrink] = soft_threshold(p[shrink], LR_SGD * lam[shrink, None, None])
        if t == keep_at:
            kept = [p.detach().clone() for p in P]
    for p in P:
        p.requires_grad_(False)
    return kept


def runs_order(seeds, steps, offset=0):
    """(R, steps, BATCH) batch indices: each run gets its seed's order (same seed, same batches)."""
    return torch.stack([batch_order(s, offset + steps)[offset:] for s in seeds])


# Check the stacked forward pass against nn.Sequential for two seeds.
models = [make_mlp(s) for s in (0, 1)]
with torch.no_grad():
    stacked = forward(stack(models), X_te.expand(2, -1, -1))
    assert all(torch.allclose(stacked[r], m(X_te), atol=1e-5) for r, m in enumerate(models))
n_weights = weights(stack(models)).shape[1]
print(f"digits: {len(X_tr)} training and {len(X_te)} test images; MLP 64-128-10, {n_weights} weights")
assert n_weights == 64 * 128 + 128 * 10 == 9472
