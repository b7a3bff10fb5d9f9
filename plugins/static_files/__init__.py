"""static_files — only the attachments and images an authority publishes, nothing else.

Every file under files/ and images/ must be of an allowed type, checked by its content
(a PDF that is really HTML, a .docx with macros, a scripted SVG are problems), with a
name that is safe in URLs. Symbolic links that leave the content tree or lead to folders
are problems; {static}/{attach} links to anything outside files/ and images/ are
problems of the linking file. Whatever the checks say, Pelican never copies a static
file from outside files/ and images/ or writes one outside the output folder.
"""

from .plugin import register

__all__ = ["register"]
