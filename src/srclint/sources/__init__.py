"""Source adapters: one module per site turns a URL into requests and a ``Source``."""
