before, after = final("BN before ReLU"), final("BN after ReLU")
print(f"final training loss at lr {LR}: BN before ReLU {before:.3f}, BN after ReLU {after:.3f}, "
      f"no BN {final('no BN'):.3f}")
assert abs(before - after) < 0.3 and max(before, after) < final("no BN") - 1.0  # both work here
