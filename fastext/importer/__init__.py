"""Import hook: finds `.fx` files, builds them through the on-disk cache, loads the extension.

    finder.py   FxFinder on sys.meta_path; install/uninstall/is_installed, disable/enable
    loader.py   FxLoader (compiled or interpreted), FxAliasLoader (`kernels.fx` is `kernels`),
                native_path() ("linker:<path>" or "jit")
    cache.py    everything a cache hit needs: the key and its cheap inputs (LLVM, CPU,
                Python ABI), the on-disk layout, lookup() and the checks of a hit (seal,
                owner and mode of every file read)
    store.py    everything a miss or a tool needs, imported only then: obtain() (trusted
                folder, build lock, exact-bytes compile, link, atomic store, seal, sidecar,
                eviction), entries(), clean()

Nothing is imported here: finder.py runs at interpreter start-up and must stay cheap.
See docs/caching.md.
"""
