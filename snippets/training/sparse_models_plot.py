import matplotlib.pyplot as plt

zeros_prox = exact["l1, SGD, soft-threshold"]
nine = torch.full((5,), 0.9)
points = [  # (label, marker, fraction of weights removed per seed, test accuracy per seed, offset to draw)
    ("dense", "o", torch.zeros(5), dense_acc, 0),
    ("ℓ1, soft-threshold", "s", zeros_prox, acc[rows("l1, SGD, soft-threshold")], 0),
    ("ℓ1, subgradient, then |w| < 1e-3 → 0", "D", zeros_cut, acc_cut, 0),
    ("magnitude 90 %, no fine-tuning", "x", nine, acc_pruned, 0),
    ("magnitude 90 %, fine-tuned", "^", nine, acc_tuned, -0.6),  # drawn 0.6 % apart: same sparsity
    ("gradual (prune API)", "v", nine, acc_gradual, 0.6),
    ("structured: half the units", "P", torch.full((5,), 0.5), torch.tensor(acc_rows_tuned), 0),
]
fig, ax = plt.subplots(figsize=(6.4, 4.0))
for label, marker, sparsity, accs, offset in points:
    ax.scatter(100 * sparsity + offset, 100 * accs, marker=marker, label=label)
ax.set_xlabel("weights removed (exactly zero), % of 9472")
ax.set_ylabel("test accuracy, %")
ax.set_title("Digits MLP 64-128-10, seeds 0-4, 400 steps each")
ax.legend(fontsize=8, loc="lower left")
ax.grid(alpha=0.3)
show(
    fig,
    "Scatter of test accuracy against the percentage of weights removed, five seeds per way: the dense network "
    "at 0 % with about 97 % accuracy; half the hidden units removed and fine-tuned, at 50 %, about 96 to 97 %; "
    "near 90 %, magnitude pruning without fine-tuning spread from about 91 to 95 %, and fine-tuned magnitude "
    "pruning, gradual pruning and the two ℓ1 variants grouped between about 94.5 and 96 %.",
)
