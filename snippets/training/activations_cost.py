import statistics
import time

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(128, 1024, requires_grad=True)  # 131,072 pre-activations
upstream = torch.randn(128, 1024)  # a fixed incoming gradient for the backward pass

ops = {
    "ReLU": F.relu,
    "leaky ReLU": F.leaky_relu,
    "ELU": F.elu,
    "SELU": F.selu,
    "GELU": F.gelu,
    "tanh": torch.tanh,
    "logistic": torch.sigmoid,
    "softmax (rows)": lambda t: torch.softmax(t, dim=1),
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
        start = time.perf_counter()
        ops[name](x).backward(upstream)
        times[name].append(time.perf_counter() - start)
torch.set_num_threads(threads)
median = {name: statistics.median(t[1:]) for name, t in times.items()}  # timing 0 is a warm-up
assert len(median) == len(ops) and all(m > 0 for m in median.values())

rows = "".join(
    f'<tr><td>{name}</td><td><span class="measured">{median[name] / median["ReLU"]:.1f}×</span></td></tr>'
    for name in ops
)
print(
    "<table><thead><tr><th>activation on a 128 × 1024 tensor, forward + backward</th>"
    f"<th>time relative to ReLU (median of 30, one thread)</th></tr></thead><tbody>{rows}</tbody></table>"
)
