"""Checks of the built site (links, axe), shared by the tests and the tools."""
