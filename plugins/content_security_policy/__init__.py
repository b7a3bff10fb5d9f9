"""content_security_policy — the site's Content-Security-Policy, defined once as data.

Every page carries it as a `<meta http-equiv="Content-Security-Policy">` (template
variable `CSP`); code outside the build (the preview's problem page, a web server
configuration) takes the same policy from `content_security_policy.policy`.
"""

from .plugin import register

__all__ = ["register"]
