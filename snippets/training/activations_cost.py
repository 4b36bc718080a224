import statistics
import time

import torch
import torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)
x = torch.randn(128, 1024, requires_grad=True)  # 131,072 pre-activations
upstream = torch.randn(128, 1024)  # a fixed incoming gradient for the backward pass
linear = torch.nn.Linear(1024, 1024)  # the layer the activation follows, on the same batch

# Arithmetic, counted by PyTorch's FLOP counter (it counts matrix products, not element-wise functions)
with FlopCounterMode(display=False) as counter:
    linear(x).backward(upstream)
per_element = counter.get_total_flops() / x.numel()
assert per_element == 6 * 1024  # forward 2 * 1024 per output, backward twice that: 2 * 128 * 1024 * 1024 * 3 in all
# ReLU: one comparison forward, one comparison (a select) backward per element
# Memory: the bytes each must read and write at least once, from the tensors' own sizes
tensor = x.numel() * x.element_size()  # one 128 x 1024 float32 tensor
weight = linear.weight.numel() * linear.weight.element_size()
moved_relu = 2 * tensor + 3 * tensor  # forward: read x, write y; backward: read the gradient and x, write one
moved_linear = 3 * (2 * tensor + weight)  # out = x W^T, grad_x = g W, grad_W = g^T x: two tensors and W each
assert per_element / 2 > 1000 and moved_linear / moved_relu == 6  # thousands of times the arithmetic, 6x the bytes
print(
    f"<p>Linear(1024, 1024), forward + backward: {per_element:.0f} floating-point operations per element of the "
    f"activation's input (counted), against 2 for ReLU: {per_element / 2:.0f} times more arithmetic. "
    f"Bytes each reads and writes, every tensor once: {moved_linear / 2**20:.1f} MiB against "
    f"{moved_relu / 2**20:.1f} MiB, only {moved_linear / moved_relu:.1f} times more.</p>"
)

ops = {
    "ReLU": F.relu,
    "leaky ReLU": F.leaky_relu,
    "ELU": F.elu,
    "SELU": F.selu,
    "GELU": F.gelu,
    "SiLU": F.silu,
    "tanh": torch.tanh,
    "logistic": torch.sigmoid,
    "softmax (rows)": lambda t: torch.softmax(t, dim=1),
    "Linear(1024, 1024)": linear,
}
names = list(ops)

threads = torch.get_num_threads()
torch.set_num_threads(1)  # one core: ratios of work, not of how two threads get scheduled
times = {name: [] for name in ops}
for repeat in range(31):
    # one short call per timing, so that a pause of the machine spoils few timings (the median
    # ignores them); the order rotates so that no op always follows the same one
    k = repeat % len(names)
    for name in names[k:] + names[:k]:
        x.grad = None
        linear.zero_grad()
        start = time.perf_counter()
        ops[name](x).backward(upstream)
        times[name].append(time.perf_counter() - start)
torch.set_num_threads(threads)
median = {name: statistics.median(t[1:]) for name, t in times.items()}  # timing 0 is a warm-up
assert len(median) == len(ops) and all(m > 0 for m in median.values())

rows = "".join(
    f'<tr><td>{name}</td><td><span class="measured">{median[name] / median["ReLU"]:.1f}×</span></td>'
    f'<td><span class="measured">{median[name] / median["Linear(1024, 1024)"]:.1%}</span></td></tr>'
    for name in ops
)
print(
    "<table><thead><tr><th>on a 128 × 1024 tensor, forward + backward</th>"
    "<th>time relative to ReLU (median of 30, one thread)</th>"
    f"<th>time relative to the Linear(1024, 1024) layer</th></tr></thead><tbody>{rows}</tbody></table>"
)
