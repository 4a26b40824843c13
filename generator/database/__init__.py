"""Loading and validating the entry database: bytes → strict YAML → schema → catalog."""
