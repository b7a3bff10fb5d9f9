"""structured_data — schema.org JSON-LD for search engines, built in Python, never templated.

Templates get two Jinja globals that return a finished, escaped JSON text for a
`<script type="application/ld+json">` data block (a data block is never executed, so the
Content-Security-Policy's script-src does not apply to it):

- `item_json_ld(article)`: a press release as NewsArticle, a committee notice as Report
  (see ITEM_TYPES), with headline, description, dates, language, image, topics (`about`)
  and the authority (AUTHORITY in pelicanconf.py) as author and publisher.
- `site_json_ld()`: the site as WebSite with a SearchAction to the search page (home page).

The JSON is serialised with `json.dumps` and then `<`, `>`, `&`, U+2028 and U+2029 are
written as `\\u....` escapes: a title with `</script>` or `<!--` stays data. Only public
items get JSON-LD (item.html asks `article is public`).

Settings (STRUCTURED_DATA): `preview_site_url`, the absolute address of preview builds
(production uses SITEURL); `logo`, the theme file (unhashed, under THEME_STATIC_DIR) shown
as the authority's logo.
"""

from .plugin import register

__all__ = ["register"]
