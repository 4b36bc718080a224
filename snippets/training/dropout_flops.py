from torch.utils.flop_counter import FlopCounterMode


def step_flops(p):
    """Matrix-product FLOPs of one full-batch training step (forward and backward)."""
    model = make_mlp(p)
    model.train()
    with FlopCounterMode(display=False) as counter:
        F.cross_entropy(model(X_tr), y_tr).backward()
    return counter.get_total_flops()


flops_plain, flops_dropout = step_flops(0.0), step_flops(0.5)
masked = 2 * len(X_tr) * 64  # counted by hand: two dropout layers of 64 units, one mask value per example and unit
print(f"matrix-product FLOPs per step: {flops_plain:,} without dropout, {flops_dropout:,} with p=0.5")
print(
    f"random mask values drawn per step with dropout: {masked:,} ({masked / flops_plain:.4f} per matrix-product FLOP)"
)
assert flops_plain == flops_dropout, "same product shapes: dropped units are multiplied by zero, not skipped"
assert masked / flops_plain < 0.01, "in arithmetic the mask is under 1% of the step"

# The masks are not drawn once per epoch: each forward pass draws a new one, for every example.
torch.manual_seed(0)
first, second = (F.dropout(torch.ones(2, 64), 0.5) != 0 for _ in range(2))
assert not torch.equal(first[0], first[1]), "two examples of one batch get different masks"
assert not torch.equal(first, second), "the next forward pass draws new masks"
