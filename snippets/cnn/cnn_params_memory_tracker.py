from torch.multiprocessing.reductions import StorageWeakRef
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_flatten


class LiveTensors(TorchDispatchMode):
    """Count the bytes of tensor storage created inside the mode that are still alive.

    After every operator call, storages that have been freed are dropped and the peak is updated.
    Tensors created before entering (an input, a model built outside) are not counted, nor is the
    scratch memory an operator allocates and frees internally. Storages are told apart by the
    address of their StorageImpl (``cdata``), which also works on the "meta" device, where
    tensors have shapes but no data (and every data pointer is 0).
    """

    def __init__(self):
        super().__init__()
        self.alive = {}  # storage (StorageImpl address) -> (weak reference, bytes)
        self.peak = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        # drop freed storages first: a new storage may reuse a freed one's address
        self.alive = {k: v for k, v in self.alive.items() if not v[0].expired()}
        for t in tree_flatten(out)[0]:
            if isinstance(t, torch.Tensor):
                ref = StorageWeakRef(t.untyped_storage())
                self.alive.setdefault(ref.cdata, (ref, t.untyped_storage().nbytes()))
        self.peak = max(self.peak, sum(n for _, n in self.alive.values()))
        return out
