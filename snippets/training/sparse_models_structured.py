# Structured pruning: remove half of the 128 hidden units, the rows of the first weight matrix with the
# smallest L2 norm (prune.ln_structured, dim=0), then fine-tune 100 steps as in way 2.
HALF = 64
acc_rows, acc_rows_tuned, unit_gaps = [], [], []
for r, s in enumerate(SEEDS):
    model = unstack(dense_300, r)
    prune.ln_structured(model[0], "weight", amount=0.5, n=2, dim=0)
    kept = model[0].weight_mask.sum(1) > 0  # the units whose row survived
    mask = model[0].weight_mask
    assert int(kept.sum()) == HALF and (mask[~kept] == 0).all() and (mask[kept] == 1).all(), "whole rows"
    acc_rows.append(test_accuracy(model))
    sgd(model, batch_order(s, STEPS)[PRUNE_AT:])
    acc_rows_tuned.append(test_accuracy(model))
    for m, name in pairs(model)[:1]:
        prune.remove(m, name)
    # A removed unit still outputs relu(b_i), a constant: fold it into the next layer's bias, then drop it.
    W1, b1, W2, b2 = (t.detach() for t in (model[0].weight, model[0].bias, model[2].weight, model[2].bias))
    small = nn.Sequential(nn.Linear(64, HALF), nn.ReLU(), nn.Linear(HALF, 10))
    with torch.no_grad():
        small[0].weight.copy_(W1[kept]), small[0].bias.copy_(b1[kept])
        small[2].weight.copy_(W2[:, kept]), small[2].bias.copy_(b2 + W2[:, ~kept] @ torch.relu(b1[~kept]))
        out_pruned, out_small = model(X_te), small(X_te)
        naive = out_small - (W2[:, ~kept] @ torch.relu(b1[~kept]))  # the same, without the fold
    assert torch.allclose(out_small, out_pruned, atol=1e-5), "the smaller dense network computes the same outputs"
    unit_gaps.append((naive - out_pruned).abs().max().item())
    if r == 0:
        n_big = sum(p.numel() for p in model.parameters())
        n_small = sum(p.numel() for p in small.parameters())
        n_small_weights = sum(m.weight.numel() for m in (small[0], small[2]))  # 4736 of the 9472 weights
        active = int((torch.relu(b1[~kept]) > 0).sum())
print(f"parameters: pruned network {n_big} (half of its first-layer rows zero), smaller network {n_small}")
assert (n_big, n_small) == (64 * 128 + 128 + 128 * 10 + 10, 64 * 64 + 64 + 64 * 10 + 10)
print("test accuracy, half the hidden units removed:", " ".join(f"{a:.3f}" for a in acc_rows))
print("  after 100 steps of fine-tuning:           ", " ".join(f"{a:.3f}" for a in acc_rows_tuned))
print("  dense, 400 steps:                         ", " ".join(f"{a:.3f}" for a in dense_acc))
print(
    f"seed 0: {active} of the {HALF} removed units have a positive bias, so they output a constant; dropping "
    f"them without folding it changes the logits by up to {min(unit_gaps):.2f} (smallest over seeds, margin "
    f"{min(unit_gaps) - 1e-3:.2f} over 1e-3)"
)
assert min(unit_gaps) > 1e-3 and active > HALF // 2  # seed 0: most removed units are not silent
drop_rows = dense_acc - torch.tensor(acc_rows_tuned)
print(
    f"drop vs dense after fine-tuning, points: {' '.join(f'{100 * d:.2f}' for d in drop_rows)}; "
    f"largest in size {100 * drop_rows.abs().max():.2f}, "
    f"margin {100 * (0.02 - drop_rows.abs().max()):.2f} below 2 points"
)
assert drop_rows.abs().max() < 0.02
