p = 0.2
torch.manual_seed(0)  # dropout masks come from the global generator
drop = {"Dropout(0.2)": stack(torch.selu, LECUN, x, between=torch.nn.Dropout(p), backward=False),
        "AlphaDropout(0.2)": stack(torch.selu, LECUN, x, between=torch.nn.AlphaDropout(p), backward=False)}
for name, r in drop.items():
    print(f"SELU + {name:18} layer 1: {r['mean'][0]:6.3f} / {r['var'][0]:.3f}   "
          f"layer 50: {r['mean'][-1]:6.3f} / {r['var'][-1]:.3f}   (mean / variance, training mode)")
print(f"one dropout on mean 0, variance 1: variance 1/(1-p) = {1 / (1 - p):.2f}")
assert abs(drop["Dropout(0.2)"]["var"][0] - 1 / (1 - p)) < 0.05
assert drop["Dropout(0.2)"]["var"][-1] > 1.5  # a new, shifted fixed point
r = drop["AlphaDropout(0.2)"]
assert abs(r["mean"][-1]) < 0.1 and abs(r["var"][-1] - 1) < 0.1  # alpha dropout keeps (0, 1)
