import html
import time


def median_ms(fn, repeats=5, number=4):
    """Median over repeats of the time of one call, in milliseconds."""
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number * 1e3)
    return sorted(times)[repeats // 2]


g = torch.Generator().manual_seed(0)
n, batch = 512, 128
x = torch.randn(n, batch, generator=g)
print(
    f"<p>W ({n} x {n}) @ x ({n} x {batch}), float32, on the build machine "
    f"({torch.get_num_threads()} thread(s)):</p><ul>"
)
for density in (0.01, 0.05, 0.1, 0.3, 0.5):
    W = torch.randn(n, n, generator=g) * (torch.rand(n, n, generator=g) < density)
    W_csr = W.to_sparse_csr()
    assert torch.allclose(W_csr @ x, W @ x, atol=1e-3), "same product"
    t_dense, t_csr = median_ms(lambda W=W: W @ x), median_ms(lambda W_csr=W_csr: W_csr @ x)
    print(
        f'<li>density {density:.2f}: dense <span class="measured">{t_dense:.2f} ms</span>, CSR '
        f'<span class="measured">{t_csr:.2f} ms</span>, CSR / dense '
        f'<span class="measured">{t_csr / t_dense:.2f}</span></li>'
    )
print("</ul>")

# 2:4 semi-structured sparsity (at most 2 non-zeros in every 4 consecutive weights) needs CUDA in this version.
two_four = torch.tensor([0.0, 0.0, 1.0, 1.0]).tile((128, 32))
try:
    torch.sparse.to_sparse_semi_structured(two_four)
    outcome = "converted"
except RuntimeError as error:
    outcome = f"RuntimeError ({str(error).split('!')[0].strip()})"
print(f"<p>to_sparse_semi_structured on a CPU tensor with a 2:4 pattern: {html.escape(outcome)}</p>")
assert outcome.startswith("RuntimeError") and "cpu" in outcome
