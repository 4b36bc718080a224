two = [summary(net) for net in fit(hidden_layers=2, width=64)]
table("2 hidden layers of 64, p=0.1", two)
mean_2, std_2, ratio_2 = two[0]["mean"], two[0]["std"], two[0]["ratio"]

worst_rmse = max(r["rmse"] for r in two)
print(f"the MC mean fits the data: largest RMSE {worst_rmse:.3f}, bound 0.15, margin {0.15 - worst_rmse:.3f}")
assert worst_rmse < 0.15

# Same data, same p, same seed: far less growth away from the data than with one hidden layer.
relative = max(b["ratio"] / a["ratio"] for a, b in zip(one, two, strict=True))
print(
    f"growth of the spread, 2 layers / 1 layer, paired by seed: at most {relative:.2f}, bound 0.5, "
    f"margin {0.5 - relative:.2f}"
)
assert relative < 0.5

most_covered = max(r["covered far"] for r in two)
print(
    f"sin(x) inside the band at |x| >= 6: at most {most_covered:.2f} of the points, bound 0.5, "
    f"margin {0.5 - most_covered:.2f}"
)
assert most_covered < 0.5
