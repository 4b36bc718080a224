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


class SavedTensors:
    """Record the tensors autograd saves for the backward pass inside the block: one entry per storage.

    ``saved`` maps a storage (its StorageImpl address, as above) to (shape, bytes). A tensor saved twice, or two
    views of one storage, count once. ``split(model)`` separates the model's own parameters, which autograd saves
    as they are (no copy), from everything else (the activations).
    """

    def __enter__(self):
        self.saved = {}

        def pack(t):
            ref = StorageWeakRef(t.untyped_storage())  # saved tensors stay alive while the graph is
            self.saved[ref.cdata] = (tuple(t.shape), t.untyped_storage().nbytes())
            return t

        self._hooks = torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t)
        self._hooks.__enter__()
        return self

    def __exit__(self, *exc):
        return self._hooks.__exit__(*exc)

    def split(self, model):
        """(bytes of saved activations, bytes of saved parameters of ``model``)."""
        params = {StorageWeakRef(p.untyped_storage()).cdata for p in model.parameters()}
        acts = sum(n for key, (_, n) in self.saved.items() if key not in params)
        return acts, sum(n for key, (_, n) in self.saved.items() if key in params)
