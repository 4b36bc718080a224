import torch
from torch import nn


def n_params(module):
    """Trainable parameters (buffers, such as fixed weights, are not counted)."""
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


def conv_macs(conv, out):
    """Multiply-accumulates of one convolution: each output value is a dot product with one filter."""
    return out.numel() * (conv.in_channels // conv.groups) * conv.kernel_size[0] * conv.kernel_size[1]


def count_macs(model, x):
    """Multiply-accumulates of every Conv2d and Linear in one forward pass of x, read from the real output shapes."""
    total = 0

    def hook(module, inputs, out):
        nonlocal total
        if isinstance(module, nn.Conv2d):
            total += conv_macs(module, out)
        else:
            total += out.numel() * module.in_features

    layers = [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    handles = [m.register_forward_hook(hook) for m in layers]
    try:
        with torch.no_grad():
            out = model(x)
    finally:
        for h in handles:
            h.remove()
    return total, out
