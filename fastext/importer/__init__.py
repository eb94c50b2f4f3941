"""Import hook: finds `.fx` files, builds them through the on-disk cache, loads the extension."""
