"""Static knowledge-site generator for the Technology Clinic database."""

__version__ = "0.1.0"
