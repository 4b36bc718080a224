import math

C, ACTIVE = 16, 8  # 16 feature maps; map 8 becomes strongly active at one position
lrn = nn.LocalResponseNorm(N_MAPS, alpha=N_MAPS * ALPHA, beta=BETA, k=K)  # AlexNet's LRN in PyTorch
quiet = torch.full((1, C, 3, 3), 10.0, dtype=torch.float64)  # every map at activity 10, at all 3x3 positions
loud = quiet.clone()
loud[0, ACTIVE, 1, 1] = 100.0  # one map, one position
before, after = lrn(quiet)[0, :, 1, 1], lrn(loud)[0, :, 1, 1]
factor = after / before  # per map, at that position
distance = (torch.arange(C) - ACTIVE).abs()
near, far = (distance >= 1) & (distance <= N_MAPS // 2), distance > N_MAPS // 2
print("output / output without the active map, per map:", " ".join(f"{f:.3f}" for f in factor.tolist()))
suppression = 1 - factor[near]
print(
    f"maps 1 or 2 channels away: suppressed by {100 * suppression.min():.1f} % to {100 * suppression.max():.1f} %;"
    f" farther maps: largest change {(factor[far] - 1).abs().max():.1e}"
)
assert near.sum() == 4 and torch.allclose(suppression, suppression[0].expand(4), rtol=1e-12, atol=0)
assert suppression.min() > 0.2  # every neighbour within n/2 = 2 maps loses more than a fifth
assert torch.allclose(factor[far], torch.ones(int(far.sum()), dtype=torch.float64), rtol=1e-12, atol=0)
# the predicted factor: only the denominators of the 4 neighbours change
predicted = ((K + ALPHA * 5 * 10.0**2) / (K + ALPHA * (4 * 10.0**2 + 100.0**2))) ** BETA
assert math.isclose(factor[ACTIVE - 1].item(), predicted, rel_tol=1e-12)
# the active map itself is still by far the largest output
assert after[ACTIVE] > 5 * after[torch.arange(C) != ACTIVE].max()
elsewhere = (lrn(loud) - lrn(quiet)).abs().sum().item() - (after - before).abs().sum().item()
print(f"outputs at the 8 other positions: total change {elsewhere:.1e}")
assert elsewhere == 0.0
