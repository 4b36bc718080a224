# Every dropout module of the installed torch.nn, found by its base class, not typed in.
kinds = sorted(
    (c for c in vars(nn).values() if isinstance(c, type) and issubclass(c, _DropoutNd)), key=lambda c: c.__name__
)
missed = [c.__name__ for c in kinds if not issubclass(c, nn.Dropout)]
print("dropout modules in torch.nn:", ", ".join(c.__name__ for c in kinds))
print("missed by isinstance(m, nn.Dropout):", ", ".join(missed))
assert {"Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout"} <= set(missed)

# A model holding batch norm and one module of each kind: dropout_on switches on every dropout module and
# leaves batch norm in evaluation mode.
model = nn.ModuleList([nn.BatchNorm1d(4)] + [kind(0.5) for kind in kinds])
dropout_on(model)
assert not model[0].training and all(m.training for m in model[1:])
SHAPES = {
    "Dropout1d": (8, 4, 6),
    "Dropout2d": (8, 4, 6, 6),
    "Dropout3d": (8, 4, 6, 6, 6),
    "FeatureAlphaDropout": (8, 4, 6, 6, 6),
}  # the documented input shapes; (8, 4, 6) for the others
torch.manual_seed(0)
inputs = [torch.randn(SHAPES.get(type(m).__name__, (8, 4, 6))) for m in model[1:]]
for m, x in zip(model[1:], inputs, strict=True):
    assert not torch.equal(m(x), m(x)), f"{type(m).__name__} is on: two passes draw different masks"
model.eval()
for m, x in zip(model[1:], inputs, strict=True):
    assert torch.equal(m(x), x), f"{type(m).__name__} is off: the identity"
print(
    f"after dropout_on: all {len(kinds)} dropout modules draw masks, batch norm is in evaluation mode; "
    "after eval(): every one is the identity"
)
