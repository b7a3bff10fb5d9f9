"""search_index — builds the Pagefind search index from the written site at the end of
every pelican run (`finalized`), after removing the previous index."""

from .plugin import register

__all__ = ["register"]
