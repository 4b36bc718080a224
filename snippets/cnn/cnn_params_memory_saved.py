def saved_by_autograd(model, batch):
    """Tensors autograd saves for the backward pass, deduplicated by storage."""
    saved = {}

    def pack(t):
        s = t.untyped_storage()
        saved[s.data_ptr()] = (tuple(t.shape), s.nbytes())
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        model(torch.randn(batch, 3, 200, 300))
    return saved


model = make_cnn()
param_ptrs = {p.untyped_storage().data_ptr() for p in model.parameters()}
saved = {b: saved_by_autograd(model, b) for b in (1, 2)}
for ptr, (shape, nbytes) in saved[2].items():
    kind = "parameter" if ptr in param_ptrs else "activation"
    print(f"batch 2 saves {kind:<10} {str(shape):<20} {nbytes // 4:>10,} floats")

act = {b: sum(n for p, (_, n) in s.items() if p not in param_ptrs) // 4 for b, s in saved.items()}
weights_saved = sum(n for p, (_, n) in saved[2].items() if p in param_ptrs) // 4
per_image = act[1]
print(f"activations saved: batch 1 {act[1]:,} floats, batch 2 {act[2]:,} floats")
assert act[2] == 2 * act[1]                              # linear in the batch size
assert per_image == 3 * 200 * 300 + 2_630_000            # input + the three ReLU outputs
assert weights_saved == 902_700                          # conv weights: the parameters themselves, no copy
assert len(saved[2]) == 7                                # input, 3 weights, 3 ReLU outputs

batch = 50
print(f"batch {batch}: {batch * per_image:,} floats = {batch * per_image * 4 / MB:.1f} MB saved "
      f"(hand count of the feature maps alone: {batch * 2_630_000 * 4 / MB:.1f} MB)")
assert batch * per_image * 4 == 562_000_000
