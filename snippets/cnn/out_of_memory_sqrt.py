n_deep, c_deep = 16, 8  # 16 equal blocks: 3x3 convolution with 8 maps at 16 x 24 (stride 1), then ReLU
x_deep = torch.randn(8, c_deep, 16, 24)  # batch 8
one_map = 4 * x_deep.numel()
print("segments  held (maps)  peak (maps)  block forwards")
table = {}
for k in (1, 2, 4, 8, 16):
    torch.manual_seed(0)
    stack = nn.Sequential(*[nn.Sequential(nn.Conv2d(c_deep, c_deep, 3, padding=1), nn.ReLU()) for _ in range(n_deep)])
    calls = count_calls(list(stack))
    with LiveTensors() as live:
        out = stack(x_deep) if k == 1 else checkpoint_sequential(stack, k, x_deep, use_reentrant=False)
        held = alive_bytes(live)
        out.square().mean().backward()
    table[k] = (held, live.peak, sum(calls))
    print(f"{k:>8}  {held / one_map:>11.2f}  {live.peak / one_map:>11.2f}  {sum(calls):>14}")
for k, (held, peak, forwards) in table.items():
    # kept: the inputs of segments 2..k-1 and the n/k maps of the last, normally run, segment (+ its input)
    assert held == (n_deep if k == 1 else k - 1 + n_deep // k) * one_map
    assert forwards == n_deep + (n_deep - n_deep // k)  # every checkpointed block runs twice; the last segment once
    assert peak - held == table[1][1] - table[1][0]  # the backward pass adds the same working set
assert min(table, key=lambda k: table[k][1]) == 4 == math.isqrt(n_deep)  # lowest peak at sqrt(n) segments
