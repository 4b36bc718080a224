import copy

X_test, y_test = X[:1000], y[:1000]
acc_eval, acc_pairs = [], []
for s in SEEDS:
    model = copy.deepcopy(models["BN before ReLU", LR, s])  # trained above at lr 0.5
    with torch.no_grad():
        model.eval()
        acc_eval.append((model(X_test).argmax(1) == y_test).float().mean().item())
        model.train()  # forgetting model.eval(): batch statistics of whatever batch is given
        pairs = torch.cat([model(X_test[i : i + 2]) for i in range(0, len(X_test), 2)])
        acc_pairs.append((pairs.argmax(1) == y_test).float().mean().item())
print(
    "accuracy on the first 1000 digits, per seed: eval mode "
    + " ".join(f"{a:.3f}" for a in acc_eval)
    + "; train mode, two at a time "
    + " ".join(f"{a:.3f}" for a in acc_pairs)
)
drop = min(a - b for a, b in zip(acc_eval, acc_pairs, strict=True))  # paired: the same network
med_eval, med_pairs = statistics.median(acc_eval), statistics.median(acc_pairs)
print(
    f"median: eval mode {med_eval:.3f} (claim: above 0.85, margin {med_eval - 0.85:.3f}), two at a time "
    f"{med_pairs:.3f} (claim: below 0.3, margin {0.3 - med_pairs:.3f}); smallest drop on one network "
    f"{drop:.3f} (claim: more than 0.5 on every seed, margin {drop - 0.5:.3f})"
)
assert med_eval > 0.85 and med_pairs < 0.3 and drop > 0.5  # chance is 0.1
