"""acqkb: a knowledge base of U.S. defense space acquisition, kept as YAML."""

__version__ = "0.1.0"
