try:
    nn.Conv2d(3, 100, kernel_size=3, stride=2, padding="same")
except ValueError as err:
    message = str(err)
else:
    message = None
print("nn.Conv2d(..., stride=2, padding='same') raises ValueError:", message)
assert message == "padding='same' is not supported for strided convolutions"

# the functional form refuses too (RuntimeError)
try:
    F.conv2d(torch.zeros(1, 3, 8, 8), torch.zeros(4, 3, 3, 3), stride=2, padding="same")
except RuntimeError as err:
    message = str(err)
else:
    message = None
print("F.conv2d(..., stride=2, padding='same') raises RuntimeError:", message)
assert message == "padding='same' is not supported for strided convolutions"
