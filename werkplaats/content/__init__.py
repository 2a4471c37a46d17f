"""The content model: reading, checking and describing the editors' files
in posts/ (front matter, dates and series, places, photos and drawings,
links between posts, addresses and aliases, the JSON Schema, the history in
git). Knows nothing of MkDocs; imports only werkplaats.core."""
