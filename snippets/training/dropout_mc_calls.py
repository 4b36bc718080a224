calls = []
handle = shallow.register_forward_hook(lambda module, inputs, output: calls.append(len(inputs[0])))

T = 50
dropout_on(shallow)  # dropout on for the loop of T passes
torch.manual_seed(3)
with torch.no_grad():
    loop = torch.stack([shallow(x_grid).squeeze(1) for _ in range(T)])
print(f"MC dropout as a loop: {len(calls)} forward calls of {calls[0]} inputs")
assert calls == [len(x_grid)] * T

calls.clear()
mean_b, std_b = mc_dropout(shallow, x_grid, T=T)
print(f"stacked copies: {len(calls)} forward call of {calls[0]} = {T} x {len(x_grid)} inputs")
assert calls == [T * len(x_grid)]
handle.remove()

# Same distribution: the two estimates of the mean agree within Monte Carlo error.
z = (loop.mean(0) - mean_b).abs() / ((loop.std(0) ** 2 + std_b**2) / T).sqrt()
print(f"largest |difference of means| in standard errors: {z.max():.1f}, bound 5, margin {5 - z.max():.1f}")
assert z.max() < 5
