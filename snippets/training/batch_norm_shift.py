noisy, clean, slow = final("BN + noise"), final("BN before ReLU"), final("no BN", SLOW_LR)
cost = [a - b for a, b in zip(noisy, clean, strict=True)]  # paired: the same seed's two runs
below_slow = [a - b for a, b in zip(slow, noisy, strict=True)]
print(
    f"lr {LR}, medians over {n} seeds: BN + random shift/scale {median('BN + noise'):.3f}, "
    f"BN {median('BN before ReLU'):.3f}, no BN {median('no BN'):.3f}; "
    f"no BN at lr {SLOW_LR}: {median('no BN', SLOW_LR):.3f}"
)
print(
    f"the injected shift costs BN: median paired increase {statistics.median(cost):.3f} "
    f"(margin {statistics.median(cost):.3f}), higher on {count(lambda d: d > 0, cost)} of {n} seeds"
)
print(
    f"BN + shift below no BN at lr {SLOW_LR}: median paired gap {statistics.median(below_slow):.3f} "
    f"(margin {statistics.median(below_slow):.3f}), below on {count(lambda d: d > 0, below_slow)} of {n} seeds"
)
gap = median("no BN") - median("BN + noise")
print(f"BN + shift below no BN at lr {LR}: median gap {gap:.3f} (claim: more than 0.5, margin {gap - 0.5:.3f})")
assert statistics.median(cost) > 0  # the injected shift costs part of BN's benefit here...
assert statistics.median(below_slow) > 0  # ...but BN + shift still beats the plain network at its workable rate
assert gap > 0.5  # and trains where the plain network at lr 0.5 stays at chance
