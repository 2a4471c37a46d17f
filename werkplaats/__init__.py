"""The Werkplaats site's logic, in layers (a package imports only from the
layers below it; tests/test_code_shape.py keeps it so):

1. core: settings, dates, slugs, wording;
2. content (the content model) and theme (Material at arm's length);
3. site: what is published;
4. editing (make check, CMS, scaffolding, preview) and quality (checks of a
   built site).

The MkDocs hooks in hooks/ only hand MkDocs' objects to these functions."""
