"""srclint: a citation and source-integrity linter for Markdown drafts."""

__version__ = "0.1.0"
