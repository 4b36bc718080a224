noisy, plain, clean, slow = final("BN + noise"), final("no BN"), final("BN before ReLU"), final("no BN", 0.03)
print(f"final training loss at lr {LR}: BN + random shift/scale {noisy:.3f}, BN {clean:.3f}, no BN {plain:.3f}; "
      f"no BN at lr 0.03: {slow:.3f}")
assert clean < noisy      # the injected shift costs part of BN's benefit in this small run...
assert noisy < slow       # ...but BN + shift still beats the plain network even at its workable learning rate
assert noisy < plain - 0.5  # and trains where the plain network at lr 0.5 stays at chance
