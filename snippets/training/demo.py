import torch

x = torch.ones(3)
assert x.sum().item() == 3.0
print("sum", x.sum().item())
