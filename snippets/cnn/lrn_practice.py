import inspect

signature = inspect.signature(nn.LocalResponseNorm).parameters
defaults = {k: v.default for k, v in signature.items() if v.default is not inspect.Parameter.empty}
print("nn.LocalResponseNorm: size has no default; defaults", defaults)
assert signature["size"].default is inspect.Parameter.empty and defaults == {"alpha": 1e-4, "beta": 0.75, "k": 1.0}
alexnet_lrn = nn.LocalResponseNorm(5, alpha=5e-4, beta=0.75, k=2.0)
print("AlexNet's layer:", alexnet_lrn)
shapes = [tuple(alexnet_lrn(torch.rand(s)).shape) for s in [(2, 8, 10), (2, 8, 6, 6), (2, 8, 3, 4, 4)]]
print("works on (N, C, L), (N, C, H, W), (N, C, D, H, W):", shapes)
try:
    alexnet_lrn(torch.rand(2, 8))
    raised = None
except ValueError as err:
    raised = str(err).split()[0:2]
print("a (N, C) input:", raised)
assert raised == ["Expected", "3D"]
