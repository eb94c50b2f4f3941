"""The GPU target's compile-time half: typed IR → NVPTX LLVM IR → PTX per architecture → the
descriptor the CPU module embeds (the run-time half, loading and launching, is `fastext/gpu/`)."""
