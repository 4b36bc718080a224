import time


def paired_ratio(fn_a, fn_b, repeats=5, number=1):
    """Median over repeats of time(fn_b) / time(fn_a), the two timed back to back in each repeat.

    A ratio inside one run, never an absolute time: it is printed as measured, never asserted.
    """
    fn_a(), fn_b()  # warm-up
    ratios = []
    for _ in range(repeats):
        timings = []
        for fn in (fn_a, fn_b):
            start = time.perf_counter()
            for _ in range(number):
                fn()
            timings.append(time.perf_counter() - start)
        ratios.append(timings[1] / timings[0])
    return sorted(ratios)[len(ratios) // 2]
