"""Material for MkDocs at arm's length: what this site assumes of the
theme's templates and files (checked against the installed version), which
of its files are left out, and the security headers that follow from what
the pages load. Imports only werkplaats.core."""
