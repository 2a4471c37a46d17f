"""Files for GitHub Pages: .nojekyll, and CNAME when site_url is an own domain."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import File, InclusionLevel

from werkplaats.core.publish import pages_files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for name, content in pages_files(config.site_url or "").items():
        # Explicitly included: MkDocs leaves out dot files by default.
        files.append(File.generated(config, name, content=content, inclusion=InclusionLevel.INCLUDED))
    return files
