"""The offline edition: a zip that works from file:// on any drive, its checksums, start page and a Kiwix ZIM."""
