"""security_txt — `/.well-known/security.txt` (RFC 9116), written by every build.

Tells security researchers whom to contact about a vulnerability of the site. The file is
plain UTF-8 text, one `Field: value` per line (LF), from the settings dict `SECURITY_TXT`:
`Contact` (one or more mailto:, https: or tel: URIs), `Expires` (the build's clock, from
the publication plugin, plus `expires_days`, in UTC), `Preferred-Languages`, `Canonical`
(only when `SITEURL` is an https address: production) and the optional `Policy`,
`Encryption`, `Acknowledgments` and `Hiring` (https only). Every value is checked before
the build starts: a line break or control character would write further fields into the
file, so a bad setting stops the build with one German line naming the key.
"""

from .plugin import register

__all__ = ["register"]
