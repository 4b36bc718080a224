import torch
from torch import nn

torch.manual_seed(0)
logits = 2 * torch.randn(1000, 5, dtype=torch.float64)  # raw scores of the last Linear layer, 5 classes
target = torch.randint(0, 5, (1000,))

ce = nn.CrossEntropyLoss()(logits, target)
nll = nn.NLLLoss()(torch.log_softmax(logits, dim=1), target)
wrong = nn.CrossEntropyLoss()(torch.softmax(logits, dim=1), target)  # softmax applied twice
print(
    f"CrossEntropyLoss(logits) = {ce:.6f}; NLLLoss(log_softmax(logits)) = {nll:.6f}; "
    f"CrossEntropyLoss(softmax(logits)) = {wrong:.6f}"
)
assert torch.allclose(ce, nll, rtol=0, atol=1e-12)
assert abs(wrong - ce) > 0.1  # on 1000 examples the gap is no accident of the draw

# binary and multi-label outputs: BCEWithLogitsLoss takes logits and applies the logistic itself
y = torch.randint(0, 2, (1000, 5)).double()  # 5 independent yes/no labels per example
bce_logits = nn.BCEWithLogitsLoss()(logits, y)
bce = nn.BCELoss()(torch.sigmoid(logits), y)
bce_twice = nn.BCEWithLogitsLoss()(torch.sigmoid(logits), y)  # logistic applied twice
print(
    f"BCEWithLogitsLoss(logits) = {bce_logits:.6f}; BCELoss(sigmoid(logits)) = {bce:.6f}; "
    f"BCEWithLogitsLoss(sigmoid(logits)) = {bce_twice:.6f}"
)
assert torch.allclose(bce_logits, bce, rtol=0, atol=1e-12) and abs(bce_twice - bce_logits) > 0.1
print(
    f"the wrong losses differ from the right ones by more than 0.1: "
    f"margin {min(abs(wrong - ce), abs(bce_twice - bce_logits)).item() - 0.1:.3f}"
)
