ways = {  # way: (fraction of weights exactly zero per seed, test accuracy per seed)
    "1. l1, soft-threshold": (exact["l1, SGD, soft-threshold"], acc[rows("l1, SGD, soft-threshold")]),
    "1. l1, subgradient + threshold": (zeros_cut, acc_cut),
    "2. magnitude, no fine-tuning": ((weights(pruned) == 0).float().mean(1), acc_pruned),
    "2. magnitude + fine-tuning": ((weights(pruned) == 0).float().mean(1), acc_tuned),
    "3. gradual, prune API": (torch.full((5,), round(AMOUNT * N) / N), acc_gradual),
    "structured, half the units": (torch.full((5,), 1 - n_small_weights / N), torch.tensor(acc_rows_tuned)),
}
print(f"dense network, 400 steps: test accuracy median {dense_acc.median():.3f} (seeds 0-4)")
print(f"{'way':32} {'removed':>8} {'accuracy':>9} {'drop, points (min - max)':>26}")
for way, (removed, accs) in ways.items():
    drop = 100 * (dense_acc - accs)
    print(f"{way:32} {removed.median():>8.3f} {accs.median():>9.3f} {drop.min():>12.2f} - {drop.max():.2f}")
near_90 = [w for w in ways if "no fine" not in w and "structured" not in w]
worst = max((100 * (dense_acc - ways[w][1])).max().item() for w in near_90)
print(
    f"ways near 90 %, except cutting without fine-tuning: largest drop {worst:.2f} points, "
    f"margin {4 - worst:.2f} below 4"
)
assert worst < 4 and all(ways[w][0].min() > 0.85 for w in near_90)
