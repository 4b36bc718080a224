from torch.utils.checkpoint import checkpoint_sequential


def count_calls(modules):
    """Count the forward calls of each module (a pre-hook: it runs even when a recomputation stops early)."""
    calls = [0] * len(modules)
    for i, m in enumerate(modules):
        m.register_forward_pre_hook(lambda mod, args, i=i: calls.__setitem__(i, calls[i] + 1))
    return calls


def checkpointed_step(model, x, y, segments=None):
    """Forward and backward, checkpointed in `segments` segments (None: not checkpointed): held, peak, gradients."""
    with LiveTensors() as live:
        out = model(x) if segments is None else checkpoint_sequential(model, segments, x, use_reentrant=False)
        loss = F.cross_entropy(out, y)
        held = alive_bytes(live)  # what is kept between the forward and the backward pass
        loss.backward()
    return held, live.peak, torch.cat([p.grad.flatten() for p in model.parameters()])


x, y = batch(16)
runs = {}
for segments in (None, 2):
    torch.manual_seed(0)
    model = make_cnn()  # blocks 1, 2, 3 and the head: segments=2 checkpoints blocks 1-2, runs block 3 + head normally
    calls = count_calls(list(model))
    runs[segments] = (*checkpointed_step(model, x, y, segments), calls)
    held, peak, _, calls = runs[segments]
    print(
        f"segments {segments}: held after the forward pass {held / MB:.3f} MB, peak {peak / MB:.3f} MB, "
        f"forward calls of blocks 1, 2, 3, head: {calls}"
    )
(held0, peak0, g0, _), (held2, peak2, g2, calls2) = runs[None], runs[2]
gap = (g2 - g0).abs().max().item()
print(
    f"held drops by {(held0 - held2) / MB:.3f} MB ({(held0 - held2) / held0:.0%}) = layer 1's map x 16 images; "
    f"peak changes by {(peak2 - peak0) / peak0:+.1%}; largest gradient difference {gap:.1e}"
)
assert held0 - held2 == 16 * 4 * maps[0]  # the map inside the checkpointed segment is no longer kept
assert calls2 == [2, 2, 1, 1]  # the checkpointed segment runs twice: one extra forward
assert torch.allclose(g2, g0, rtol=1e-5, atol=1e-7)  # same gradients (the same operations, recomputed)
assert abs(peak2 - peak0) < 0.05 * peak0  # but the peak, in layer 1's backward pass, is not lower
