import statistics
import time

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(1024, 1024, requires_grad=True)  # about one million pre-activations
upstream = torch.randn(1024, 1024)  # a fixed incoming gradient for the backward pass
linear = torch.nn.Linear(1024, 1024)  # for scale: the layer an activation usually follows

ops = {
    "ReLU": F.relu,
    "leaky ReLU": F.leaky_relu,
    "ELU": F.elu,
    "SELU": F.selu,
    "GELU": F.gelu,
    "tanh": torch.tanh,
    "logistic": torch.sigmoid,
    "softmax (rows)": lambda t: torch.softmax(t, dim=1),
    "Linear 1024→1024": linear,
}


def forward_backward(f):
    x.grad = None
    f(x).backward(upstream)


times = {name: [] for name in ops}
for repeat in range(8):  # interleaved, so that a slow moment of the machine hits every op alike
    for name, f in ops.items():
        start = time.perf_counter()
        forward_backward(f)
        times[name].append(time.perf_counter() - start)
median = {name: statistics.median(t[1:]) for name, t in times.items()}  # repeat 0 is a warm-up
assert len(median) == 9 and all(m > 0 for m in median.values())

rows = "".join(f'<tr><td>{name}</td><td><span class="measured">{median[name] / median["ReLU"]:.1f}×</span></td></tr>'
               for name in ops)
print('<table><thead><tr><th>operation on a 1024 × 1024 tensor, forward + backward</th>'
      f'<th>time relative to ReLU (median of 7)</th></tr></thead><tbody>{rows}</tbody></table>')
