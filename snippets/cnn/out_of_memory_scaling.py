S = 2.0**16  # GradScaler's initial scale
for dt in (torch.float16, torch.bfloat16, torch.float32):
    fi = torch.finfo(dt)
    print(f"{str(dt):<15} largest {fi.max:.3g}, smallest normal {fi.tiny:.3g}, relative rounding {fi.eps / 2:.2g}")
assert torch.finfo(torch.float16).max == 65504 and torch.finfo(torch.bfloat16).tiny == torch.finfo(torch.float32).tiny
assert torch.tensor(2.0**-24).half() > 0 and torch.tensor(2.0**-25).half() == 0  # float16: 2^-25 and below round to 0


def layer1_gradient(seed):
    """The float32 gradient of the loss with respect to layer 1's output (batch 16, mean loss): its non-zero entries."""
    torch.manual_seed(seed)
    model = make_cnn()
    x, y = batch(16, seed)
    h1 = model[0](x)
    h1.retain_grad()
    F.cross_entropy(model[1:](h1), y).backward()
    return h1.grad[h1.grad != 0]


rel = lambda q, g: (q.float() - g).abs() / g.abs()  # relative error of storing g in a 16-bit type
results = []
for seed in range(5):
    g = layer1_gradient(seed)
    results.append(
        {
            "median |g|": g.abs().median().item(),
            "below fp16 normal": (g.abs() < torch.finfo(torch.float16).tiny).float().mean().item(),
            "fp16 zeros": (g.half() == 0).float().mean().item(),
            "fp16 x S zeros": ((g * S).half() == 0).float().mean().item(),
            "fp16 error": rel(g.half(), g).median().item(),
            "fp16 x S error": rel((g * S).half().float() / S, g).median().item(),
            "bf16 error": rel(g.bfloat16(), g).median().item(),
            "bf16 worst": rel(g.bfloat16(), g).max().item(),
            "bf16 zeros": (g.bfloat16() == 0).float().mean().item(),
        }
    )
for key in results[0]:
    print(f"{key:<18}", "  ".join(f"{r[key]:.2e}" for r in results))
zeros = min(r["fp16 zeros"] for r in results)
print(
    f"float16 flushes at least {zeros:.1%} of the entries to zero on every seed "
    f"(claim: above 0.5%, margin {zeros - 0.005:.4f})"
)
assert zeros > 0.005
assert all(r["below fp16 normal"] > 0.99 for r in results)  # nearly all are subnormal in float16
assert all(r["fp16 x S zeros"] < r["fp16 zeros"] / 10 for r in results)  # the scale lifts them into the normal range
ratio = min(r["fp16 error"] / r["bf16 error"] for r in results)
ratio_s = min(r["bf16 error"] / r["fp16 x S error"] for r in results)
print(
    f"median error: unscaled float16 at least {ratio:.1f} x bfloat16's, scaled float16 at least {ratio_s:.1f} x "
    f"smaller (claims: above 2, margin {ratio - 2:.1f} and margin {ratio_s - 2:.1f})"
)
assert ratio > 2 and ratio_s > 2
assert all(r["bf16 worst"] <= torch.finfo(torch.bfloat16).eps / 2 for r in results)  # bfloat16: at most 2^-8 off
assert all(r["bf16 zeros"] == 0 for r in results)  # and nothing flushed to zero
