"""Offline generators for Sauti's bundled data; run by hand, never imported by the site."""
