"""Built-in vnlint rules: one module per family. The registry imports every public module here."""
