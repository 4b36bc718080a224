x, y = batch(16)
torch.manual_seed(0)
model = make_cnn()
fp32 = saved_by_autograd(model, x, y)[0]
bf16, bf16_params = saved_by_autograd(model, x, y, torch.bfloat16)
weights = sum(m.weight.numel() for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear)))
print(
    f"batch 16, saved for the backward pass: float32 {fp32:,} bytes; bfloat16 autocast {bf16:,} bytes "
    f"({bf16 / fp32:.3f} of it), of which {2 * weights:,} are 16-bit copies of the {weights:,} weights"
)
assert bf16 == hand_count(n=16, half=True)  # activations in 2 bytes, log-probabilities in 4, plus the weight copies
assert bf16_params == 0  # autocast saves 16-bit copies of the weights, not the float32 parameters
assert 0.5 < bf16 / fp32 < 0.52

# float16 autocast on the CPU (supported in this version) uses the same op lists: the same bytes
fp16_4, bf16_4 = (saved_by_autograd(model, *batch(4), dt)[0] for dt in (torch.float16, torch.bfloat16))
print(f"batch 4: float16 autocast saves {fp16_4:,} bytes, bfloat16 autocast {bf16_4:,}")
assert fp16_4 == bf16_4 == hand_count(n=4, half=True)

# which dtype each op produces under bfloat16 autocast
with torch.autocast("cpu", dtype=torch.bfloat16):
    h1 = model[0](x)  # convolution (on the lower-precision list) and ReLU (not listed: follows its input)
    logits = model(x)  # ... the linear layer, also on the list
    loss = F.cross_entropy(logits, y)  # on the float32 list
    total, probs = h1.sum(), logits.softmax(1)  # neither is listed for the CPU: they stay in bfloat16
out = {"conv + ReLU": h1, "logits": logits, "cross-entropy": loss, "sum": total, "softmax": probs}
print("under autocast:", ", ".join(f"{k} {v.dtype}".replace("torch.", "") for k, v in out.items()))
assert h1.dtype == logits.dtype == total.dtype == probs.dtype == torch.bfloat16 and loss.dtype == torch.float32

# what stays in float32: the parameters (master weights), their gradients and the optimiser's state
optimiser = torch.optim.Adam(model.parameters())
loss.backward()
optimiser.step()
kinds = {
    "parameters": {p.dtype for p in model.parameters()},
    "gradients": {p.grad.dtype for p in model.parameters()},
    "Adam state": {t.dtype for s in optimiser.state.values() for t in s.values()},
}
print("after backward and step:", ", ".join(f"{k} {sorted(map(str, v))}" for k, v in kinds.items()))
assert all(v == {torch.float32} for v in kinds.values())
