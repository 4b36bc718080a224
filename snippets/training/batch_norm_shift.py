noisy, plain, clean = final("BN + noise"), final("no BN"), final("BN before ReLU")
print(f"final training loss at lr {LR}: BN + random shift/scale {noisy:.3f}, BN {clean:.3f}, no BN {plain:.3f}")
assert noisy < plain - 0.5  # the injected distribution shift does not stop BN from helping
