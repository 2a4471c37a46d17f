"""The bottom layer: what every other part needs and that needs nothing of
the project (the site's settings, dates in Dutch, slugs, the wording of
counts, the posts' folders). Imports nothing from werkplaats."""
