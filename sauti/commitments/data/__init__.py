"""Built-in data of the commitments app: the WHA77 framework, its reporting cycles
and the starter indicator library for community scorecards.

Plain Python values only (no model imports), so that migrations can load them.
"""
