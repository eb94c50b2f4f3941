"""The `.fx` finder and its switches (install, uninstall, disable, …).

The implementation lives in the top-level module `_fastext_hook`, which the
`.pth` file imports at interpreter start-up without loading the `fastext`
package (see its docstring); this module is its public home inside the package.
"""
from _fastext_hook import (
    SUFFIX, FxFinder, _TwinLoader, disable, enable, install, is_disabled, is_installed, uninstall,
)

__all__ = ["SUFFIX", "FxFinder", "_TwinLoader", "disable", "enable", "install", "is_disabled", "is_installed",
           "uninstall"]
