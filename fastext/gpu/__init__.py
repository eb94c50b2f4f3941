"""Reserved for GPU kernels (NVPTX back end, cuda-python launches)."""
