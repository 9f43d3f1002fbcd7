"""Built-in data for the mechanisms registry: case studies and demo records."""
