import math

import torch
import torch.nn.functional as F
from torch import nn

SIZE, CLASSES = (64, 96), 10  # RGB images of 64 x 96 pixels (the question's 2:3 shape, CPU-sized), 10 classes
CHANNELS, STRIDES = (16, 32, 64), (2, 2, 2)  # the question's design, three 3x3 convolutions with stride 2


def make_cnn(channels=CHANNELS, strides=STRIDES, bn=False):
    """3x3 convolutions (padding 1: "SAME" shapes), [batch norm], ReLU; then average pooling and a linear layer."""
    blocks, c_in = [], 3
    for c, s in zip(channels, strides, strict=True):
        layers = [nn.Conv2d(c_in, c, 3, stride=s, padding=1, bias=not bn)]
        layers += [nn.BatchNorm2d(c)] if bn else []
        blocks.append(nn.Sequential(*layers, nn.ReLU()))
        c_in = c
    head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c_in, CLASSES))
    return nn.Sequential(*blocks, head)


def batch(n, seed=0):
    """n random images and labels (memory and gradients do not need real data)."""
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, 3, *SIZE, generator=g), torch.randint(0, CLASSES, (n,), generator=g)


def map_sizes(channels=CHANNELS, strides=STRIDES, size=SIZE):
    """Floats in each layer's output map for one image: C x ceil(H/S) x ceil(W/S), layer after layer."""
    (h, w), sizes = size, []
    for c, s in zip(channels, strides, strict=True):
        h, w = math.ceil(h / s), math.ceil(w / s)
        sizes.append(c * h * w)
    return sizes


def hand_count(channels=CHANNELS, strides=STRIDES, n=1, half=False):
    """Bytes autograd should save for one forward pass and the loss, by hand.

    Per image: the input, every ReLU output, the pooled features and the log-probabilities of the loss (float32
    always), and the int64 label; once: one float32 scalar of the loss. With 16-bit autocast, the activations take
    2 bytes, and the 16-bit copies of the weights that the convolutions and the linear layer use are saved too.
    """
    act = 2 if half else 4
    per_image = act * (3 * SIZE[0] * SIZE[1] + sum(map_sizes(channels, strides)) + channels[-1]) + 4 * CLASSES + 8
    weights = 9 * sum(c_in * c for c_in, c in zip((3, *channels[:-1]), channels, strict=True)) + channels[-1] * CLASSES
    return n * per_image + 4 + (2 * weights if half else 0)


def saved_by_autograd(model, x, y, dtype=None):
    """Bytes autograd saves for the backward pass (forward and loss), one entry per storage: (activations, parameters).

    Parameters saved for the backward pass are the parameters themselves (no copy), so they are counted apart.
    With dtype, the forward pass and the loss run under torch.autocast("cpu", dtype=dtype).
    """
    with (
        SavedTensors() as rec,  # from the memory page's tracker
        torch.autocast("cpu", dtype=dtype or torch.bfloat16, enabled=dtype is not None),
    ):
        _loss = F.cross_entropy(model(x), y)  # the graph (and every saved tensor) is alive while _loss is
    return rec.split(model)


def fixed_bytes(model, optimiser):
    """Bytes of the parameters, their gradients and the optimiser's state: what does not depend on the batch."""
    size = lambda ts: sum(t.numel() * t.element_size() for t in ts)
    state = [t for s in optimiser.state.values() for t in s.values() if torch.is_tensor(t) and t.dim() > 0]
    params = list(model.parameters())
    return size(params), size(p.grad for p in params if p.grad is not None), size(state)


MB = 1e6


def flat_grad(model):
    return torch.cat([p.grad.flatten() for p in model.parameters()])


def alive_bytes(live):
    """Bytes of the tensors created inside a LiveTensors measurement that are alive now."""
    return sum(nbytes for ref, nbytes in live.alive.values() if not ref.expired())


def training_step(model, optimiser, x, y, dtype=None):
    """One step of SGD-style training; with dtype, the forward pass and the loss run under autocast."""
    optimiser.zero_grad()  # set_to_none=True by default: the gradients are freed, not zeroed
    with torch.autocast("cpu", dtype=dtype or torch.bfloat16, enabled=dtype is not None):
        loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimiser.step()


def step_peak(n, dtype=None):
    """Peak bytes of live tensors in the second training step (Adam) at batch n; all is made inside the measurement."""
    with LiveTensors() as live:
        torch.manual_seed(0)
        model = make_cnn()
        optimiser = torch.optim.Adam(model.parameters())
        x, y = batch(n)
        training_step(model, optimiser, x, y, dtype)  # the first step creates Adam's state
        live.peak = 0
        training_step(model, optimiser, x, y, dtype)
    return live.peak, model, optimiser
