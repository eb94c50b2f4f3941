"""Import hook: finds `.fx` files, builds them through the on-disk cache, loads the extension.

    finder.py   FxFinder on sys.meta_path; install/uninstall/is_installed, disable/enable
    loader.py   FxLoader (compiled or interpreted), FxAliasLoader (`kernels.fx` is `kernels`),
                native_path() ("linker:<path>" or "jit")
    cache.py    everything a cache hit needs: the key and its cheap inputs (LLVM, CPU,
                Python ABI), the on-disk layout, lookup()
    store.py    everything a miss or a tool needs, imported only then: obtain() (build lock,
                compile, link, atomic store, sidecar, stale removal), entries(), clean()

Nothing is imported here: finder.py runs at interpreter start-up and must stay cheap.
See docs/caching.md.
"""
