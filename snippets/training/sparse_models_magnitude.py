AMOUNT = 0.9  # the fraction of the weights to remove


def magnitude_masks(P, amount):
    """Per run, a 0/1 mask that removes the `amount` fraction of weights with the smallest |w| (both layers
    together, as prune.global_unstructured with L1Unstructured does)."""
    w = weights(P).abs()
    k = round(amount * w.shape[1])
    mask = torch.ones_like(w).scatter_(1, torch.topk(w, k, dim=1, largest=False).indices, 0.0)
    n1 = P[0][0].numel()
    return [mask[:, :n1].view_as(P[0]), mask[:, n1:].view_as(P[2])]


# Way 2: train the dense network (300 steps), remove 90 % of its weights by magnitude, fine-tune for the
# remaining 100 steps with the mask kept (same batches as the dense run's last 100 steps).
dense_300 = [p[rows("dense")] for p in P_300]
M = magnitude_masks(dense_300, AMOUNT)
pruned = [p.clone() for p in dense_300]
pruned[0] *= M[0]
pruned[2] *= M[1]
acc_pruned = accuracy(pruned)
fit(pruned, runs_order(SEEDS, STEPS - PRUNE_AT, offset=PRUNE_AT), masks=M)
acc_tuned, zeros_tuned = accuracy(pruned), (weights(pruned) == 0).sum(1)
print(f"magnitude pruning of {AMOUNT:.0%} of the 9472 weights; test accuracy per seed")
print("  dense, 400 steps:       ", " ".join(f"{a:.3f}" for a in dense_acc))
print("  pruned at 300, no tuning:", " ".join(f"{a:.3f}" for a in acc_pruned))
print("  + 100 steps, mask kept: ", " ".join(f"{a:.3f}" for a in acc_tuned))
print("  weights exactly zero after fine-tuning:", zeros_tuned.tolist())
assert (zeros_tuned == 8525).all(), "round(0.9 * 9472) = 8525 weights stay exactly zero: the mask is kept"

drop_cut = dense_acc - acc_pruned  # right after the cut, before any fine-tuning
print(
    f"drop vs dense right after the cut, points: {' '.join(f'{100 * d:.2f}' for d in drop_cut)}; "
    f"smallest {100 * drop_cut.min():.2f}, margin {100 * (drop_cut.min() - 0.005):.2f} over 0.5 point"
)
assert drop_cut.min() > 0.005
gain = acc_tuned - acc_pruned  # what the 100 steps of fine-tuning win back
drop_prune = dense_acc - acc_tuned
print(
    f"fine-tuning gains, points: {' '.join(f'{100 * g:.2f}' for g in gain)}; median {100 * gain.median():.2f}, "
    f"margin {100 * (gain.median() - 0.01):.2f} over 1 point; positive on {int((gain > 0).sum())} of 5 seeds"
)
assert gain.median() > 0.01 and (gain > 0).sum() >= 4
print(
    f"drop vs dense after fine-tuning, points: {' '.join(f'{100 * d:.2f}' for d in drop_prune)}; "
    f"largest {100 * drop_prune.max():.2f}, margin {100 * (0.04 - drop_prune.max()):.2f} below 4 points"
)
assert drop_prune.max() < 0.04
