"""drugfaq: an offline, cited drug reference for the command line."""

__version__ = "0.1.0"
