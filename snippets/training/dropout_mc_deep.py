deep = fit(hidden_layers=2, width=64)
mean_2, std_2, ratio_2 = summary("2 hidden layers of 64, p=0.1", deep)
assert ratio_2 < ratio_1 / 2, "same data, same p: far less growth away from the data"
covered_2 = ((torch.sin(x_grid.squeeze(1)) - mean_2).abs() <= 2 * std_2).float()
print(f"fraction of grid points at |x| >= 6 where sin(x) lies within mean ± 2 std: {covered_2[far].mean():.2f}")
assert covered_2[far].mean() < 0.5
