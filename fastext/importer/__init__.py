"""Import hook: finds `.fx` files, builds them through the on-disk cache, loads the extension.

    finder.py   FxFinder on sys.meta_path; install/uninstall/is_installed, disable/enable
    loader.py   FxLoader (compiled or interpreted), FxAliasLoader (`kernels.fx` is `kernels`),
                native_path() ("linker:<path>" or "jit")
    build.py    obtain(): cache lookup, else lock + compile + link + store
    cache.py    on-disk layout, atomic writes, build lock, stale removal, entries(), clean()
    keys.py     the cache key and its cheap inputs (LLVM, CPU, Python ABI)

Nothing is imported here: finder.py runs at interpreter start-up and must stay cheap.
See docs/caching.md.
"""
