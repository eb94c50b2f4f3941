"""Started by fastext-hook.pth at interpreter start-up: makes `.fx` files importable.

Kept tiny on purpose (start-up budget < 1 ms): it imports nothing heavy and
installs only the finder; the compiler loads when a `.fx` module is first built.
Set FASTEXT_NO_HOOK=1 to keep the hook out of an interpreter.
"""
import os

# Same reading as fastext.config.hook_disabled(), which cannot be imported here:
# importing anything from fastext installs the hook.
if os.environ.get("FASTEXT_NO_HOOK", "").strip().lower() in ("", "0", "false", "no", "off"):
    try:
        from fastext.importer.finder import install as _install

        _install()
    except Exception:  # a broken install must never break interpreter start-up
        pass
