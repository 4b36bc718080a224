def pairs(model):
    return [(model[0], "weight"), (model[2], "weight")]


def n_masked(model):
    return sum(int((m.weight_mask == 0).sum()) for m, _ in pairs(model)) if prune.is_pruned(model) else 0


def sgd(model, order, schedule=None):
    """Plain SGD (LR_SGD) on a module, one mini-batch per step. `schedule` {step: number of weights to have
    removed}: at those steps, prune.global_unstructured removes the smallest |w| of both layers to get there."""
    for t, idx in enumerate(order):
        if schedule and t in schedule:
            more = schedule[t] - n_masked(model)  # an int amount counts weights among those still unpruned
            prune.global_unstructured(pairs(model), pruning_method=prune.L1Unstructured, amount=more)
        params = list(model.parameters())  # after pruning: weight_orig in place of weight
        grads = torch.autograd.grad(F.cross_entropy(model(X_tr[idx]), y_tr[idx]), params)
        with torch.no_grad():
            for p, g in zip(params, grads, strict=True):
                p -= LR_SGD * g


def test_accuracy(model):
    with torch.no_grad():
        return (model(X_te).argmax(1) == y_te).float().mean().item()


N = 9472
# The API's one-shot global pruning removes exactly the weights way 2 removed by hand.
for r in SEEDS:
    model = unstack(dense_300, r)
    prune.global_unstructured(pairs(model), pruning_method=prune.L1Unstructured, amount=AMOUNT)
    assert torch.equal(model[0].weight_mask, M[0][r].T) and torch.equal(model[2].weight_mask, M[1][r].T)
# ... and fine-tuning through it is way 2's fine-tuning (seed 0; the two differ only in rounding).
sgd(model := unstack(dense_300, 0), batch_order(0, STEPS)[PRUNE_AT:], schedule={0: round(AMOUNT * N)})
stale = not torch.equal(model[0].weight, model[0].weight_orig * model[0].weight_mask)  # the last update is not in it
test_accuracy(model)  # a forward pass: the pre-hooks refresh `weight` from weight_orig
assert stale and torch.equal(model[0].weight, model[0].weight_orig * model[0].weight_mask)
diff = max((model[0].weight - pruned[0][0].T).abs().max().item(), (model[2].weight - pruned[2][0].T).abs().max().item())
print(f"API one-shot = way 2: same masks on every seed; after fine-tuning, largest weight difference {diff:.1e}")
print(f"  (margin {1e-5 - diff:.1e} below 1e-5); before that forward pass, module.weight was stale: {stale}")
assert diff < 1e-5

# Way 3: gradual pruning while fine-tuning, the sparsity rising as 0.9 (1 - (1 - k/7)^3) in 7 rounds, 10 steps
# apart (Zhu & Gupta's schedule), then 40 steps at 90 %; same start and batches as way 2.
schedule = {10 * (k - 1): round(AMOUNT * N * (1 - (1 - k / 7) ** 3)) for k in range(1, 8)}
print("removed weights at steps", {t: n for t, n in schedule.items()})
acc_gradual = []
for r, s in enumerate(SEEDS):
    model = unstack(dense_300, r)
    sgd(model, batch_order(s, STEPS)[PRUNE_AT:], schedule)
    assert n_masked(model) == round(AMOUNT * N) and prune.is_pruned(model)
    acc_gradual.append(test_accuracy(model))
acc_gradual = torch.tensor(acc_gradual)
gap = acc_gradual - acc_tuned
print("gradual, test accuracy:", " ".join(f"{a:.3f}" for a in acc_gradual))
print(
    f"gradual minus one-shot, points: {' '.join(f'{100 * g:.2f}' for g in gap)}; "
    f"within 1 point on every seed, margin {100 * (0.01 - gap.abs().max()):.2f}"
)
assert gap.abs().max() < 0.01
