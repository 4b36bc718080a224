base = torch.from_numpy(np.random.default_rng(4).uniform(1.0, 60.0, size=(1, 12, 5, 5)))  # every map active
poked = base.clone()
poked[0, 3, 2, 2] += 300.0  # map 3 at the centre pixel
changed = (lrn(poked) - lrn(base)).abs() > 1e-12
positions = sorted({(h, w) for _, _, h, w in changed.nonzero().tolist()})
channels = sorted({c for _, c, _, _ in changed.nonzero().tolist()})
print(f"outputs that change: at positions {positions}, in maps {channels}")
assert positions == [(2, 2)] and channels == [1, 2, 3, 4, 5]  # the same pixel, maps 3 - 2 .. 3 + 2
