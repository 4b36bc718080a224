# Way 1, finished: the subgradient run's weights hover near zero; a threshold after training makes them zero.
sub = [p[rows("l1, SGD, subgradient")].clone() for p in P]
acc_sub = accuracy(sub)
for i in (0, 2):
    sub[i][sub[i].abs() < TAU] = 0.0
acc_cut, zeros_cut = accuracy(sub), (weights(sub) == 0).float().mean(1)
change = (acc_cut - acc_sub).abs().max().item()
print("subgradient run, weights with |w| < 1e-3 set to 0:")
print("  exactly zero now:", " ".join(f"{z:.3f}" for z in zeros_cut))
print("  test accuracy before:", " ".join(f"{a:.3f}" for a in acc_sub), "after:", " ".join(f"{a:.3f}" for a in acc_cut))
print(f"  largest change of accuracy {100 * change:.2f} points, margin {100 * (0.01 - change):.2f} below 1 point")
assert zeros_cut.min() > 0.8 and change < 0.01

# Against the dense network (400 steps, same seed): what ell_1 at this strength costs.
drop_l1 = dense_acc - acc[rows("l1, SGD, soft-threshold")]
print(
    "soft-threshold run, accuracy drop vs dense, points:",
    " ".join(f"{100 * d:.2f}" for d in drop_l1),
    f"| all between 0.5 and 4: margins {100 * (drop_l1.min() - 0.005):.2f} and {100 * (0.04 - drop_l1.max()):.2f}",
)
assert 0.005 < drop_l1.min() and drop_l1.max() < 0.04
