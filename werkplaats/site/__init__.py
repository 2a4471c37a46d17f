"""What is published, as plain data: the build's view of the content, the
pages, the agenda with its places and calendars, the feeds, the search
index, the statements about the site (accessibility, privacy), sitemap
dates, and the export for a generator without hooks. Imports
werkplaats.core, werkplaats.content and werkplaats.theme."""
