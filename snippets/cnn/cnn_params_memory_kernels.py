def torch_out(n, k, s, p):
    """Output length PyTorch gives for input length n, kernel k, stride s, padding p on both sides."""
    return F.conv1d(torch.zeros(1, 1, n), torch.zeros(1, 1, k), stride=s, padding=p).shape[-1]


sizes, strides = range(1, 41), (1, 2, 3)
# Odd kernels with padding (K-1)/2 always give the SAME shape
odd_mismatch = [
    (n, k, s)
    for n in sizes
    for k in (1, 3, 5, 7)
    for s in strides
    if torch_out(n, k, s, (k - 1) // 2) != same_padding(n, k, s)[0]
]
print("odd K, padding (K-1)/2: shape differs from SAME in", len(odd_mismatch), "cases")
assert odd_mismatch == []

# padding=1 with a 5x5 kernel does not
print("K=5, S=2, input 200: padding=1 gives", torch_out(200, 5, 2, 1), "but SAME gives", same_padding(200, 5, 2)[0])
assert torch_out(200, 5, 2, 1) == 99 and same_padding(200, 5, 2)[0] == 100

# Even kernels: with stride 1, SAME needs K-1 (odd) padding in total, so no symmetric padding works
for k in (2, 4):
    reachable = {torch_out(10, k, 1, p) for p in range(0, k + 1)}
    print(
        f"K={k}, S=1, input 10: SAME gives {same_padding(10, k, 1)[0]}, "
        f"padding 0..{k} on both sides gives {sorted(reachable)}"
    )
    assert 10 not in reachable
