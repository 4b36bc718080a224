# one map alone in its window (C = 1), one activity a per position: b = a / (k + alpha a^2)^beta
grid = torch.linspace(0.0, 1000.0, 10_001, dtype=torch.float64)  # a from 0 to 1000 in steps of 0.1
b = lrn(grid.view(1, 1, -1))[0, 0]
print(f"a = 1: b / a = {b[10].item():.5f}, k^-beta = {K**-BETA:.5f}")
assert math.isclose(b[10].item(), K**-BETA, rel_tol=1e-4)  # small activities: a constant factor
peak = grid[b.argmax()].item()
predicted = math.sqrt(K / ((2 * BETA - 1) * ALPHA))
print(f"largest output at a = {peak:.1f} (predicted {predicted:.1f}): b = {b.max().item():.1f}")
assert abs(peak - predicted) <= 0.1  # within one grid step
b_1000 = b[-1].item()
print(f"a = 1000: b = {b_1000:.1f}, less than at a = {predicted:.0f}")
assert b_1000 < 0.7 * b.max().item()
