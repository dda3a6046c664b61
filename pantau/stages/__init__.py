"""Pipeline stages; each module's docstring says what it reads from and writes to the Document."""
