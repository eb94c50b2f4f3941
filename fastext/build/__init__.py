"""Building wheels that ship `.fx` modules compiled (docs/wheels.md).

* `fastext.build.backend` — the PEP 517 backend (`build-backend = "fastext.build.backend"`),
  a thin wrapper around `setuptools.build_meta`;
* `fastext.build.setuptools_plugin` — the setuptools integration that does the work
  (compiles each `.fx` of the packages into `<mod>.abi3.so`, writes `.pyi` stubs and
  `py.typed`, tags the wheel `cp311-abi3-<platform>`);
* `fastext.build.settings` — the `[tool.fastext]` table, environment variables and
  `config_settings`, merged in that order;
* `fastext.build.stubs` — `.pyi` text from a module's typed signatures.

Nothing here is imported by `import fastext` or by the import hook.
"""
