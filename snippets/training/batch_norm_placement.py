before, after = median("BN before ReLU"), median("BN after ReLU")
print(
    f"lr {LR}, medians over {n} seeds: BN before ReLU {before:.3f}, BN after ReLU {after:.3f}, "
    f"no BN {median('no BN'):.3f}"
)
print(f"both placements more than 1.0 below no BN: margin {median('no BN') - max(before, after) - 1.0:.3f}")
assert max(before, after) < median("no BN") - 1.0  # both work here; which is better is not what this shows
