"""What editors use: `make check` and its messages, the scaffolding of
`make post|verslag|event`, the CMS's configuration and its gate before a
save, and the preview's page for a broken file. The top layer beside
werkplaats.quality: imports everything below, nothing imports it."""
