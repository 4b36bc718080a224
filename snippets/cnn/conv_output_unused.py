# Which input pixels does a 3x3, stride-2, unpadded layer read? Ask autograd.
for n in (7, 8):
    x = torch.ones(1, 1, n, n, requires_grad=True)
    F.conv2d(x, torch.ones(1, 1, 3, 3), stride=2).sum().backward()
    used = x.grad[0, 0] != 0
    print(
        f"{n}x{n} input: output {tuple(F.conv2d(x, torch.ones(1, 1, 3, 3), stride=2).shape[-2:])}, "
        f"pixels never read: {int((~used).sum())}"
    )
    if n == 7:
        assert used.all()
    else:
        assert not used[-1, :].any() and not used[:, -1].any() and used[:-1, :-1].all()
