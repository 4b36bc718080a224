# extra blocks that "do nothing": the residual block with its last BN's gamma at zero is the identity map;
# a plain block cannot reach the identity by zeroing anything, and with zero weights it outputs a constant
torch.manual_seed(0)
extra = Basic(8, skip=True, bn=True)
nn.init.zeros_(extra.bn2.weight)  # the branch now outputs bn2's shift, 0
x = torch.relu(torch.randn(4, 8, 8, 8, dtype=torch.float64))  # the input of a block is a ReLU output, >= 0
plain = Basic(8, skip=False, bn=False).double()
for conv in (plain.conv1, plain.conv2):
    nn.init.zeros_(conv.weight)
with torch.no_grad():
    gap_res = (extra.double()(x) - x).abs().max().item()
    out_plain = plain(x)
spread = out_plain.flatten(2).std(-1).max().item()  # across the positions of each map
print(f"residual block with gamma = 0: max |block(x) - x| = {gap_res}")
print(f"plain block with zero weights: largest spread of an output map {spread} (a constant, whatever x)")
assert gap_res == 0.0 and spread == 0.0
