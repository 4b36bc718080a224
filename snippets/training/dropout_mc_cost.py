import time


def median_seconds(fn, repeats=7):
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def deterministic():
    shallow.eval()
    with torch.no_grad():
        shallow(x_grid)


def eval_loop(T=50):
    shallow.eval()
    with torch.no_grad():
        for _ in range(T):
            shallow(x_grid)


def mc_loop(T=50):
    dropout_on(shallow)
    with torch.no_grad():
        for _ in range(T):
            shallow(x_grid)
    shallow.eval()


t_one = median_seconds(deterministic)
t_eval_loop = median_seconds(eval_loop)
t_loop = median_seconds(mc_loop)
t_stacked = median_seconds(lambda: mc_dropout(shallow, x_grid, T=50))
print(
    f"<p>T = 50 on {len(x_grid)} inputs, time relative to one eval-mode pass: "
    f'50 eval-mode passes <span class="measured">{t_eval_loop / t_one:.0f}×</span>, '
    f'MC loop of 50 passes <span class="measured">{t_loop / t_one:.0f}×</span>, '
    f'50 stacked copies in one pass <span class="measured">{t_stacked / t_one:.0f}×</span></p>'
)
