"""wirecheck: audit news stories against the wire reports they were written from."""

__version__ = "0.1.0"
