"""`make serve-production`: Debian's nginx on loopback, in the foreground, as an ordinary
user, serving a build with that build's own locations.conf and redirects.map."""

from __future__ import annotations

import getpass
import os
import subprocess
from pathlib import Path

from .render import REDIRECTS_FILE, render
from .settings import DEFAULTS, NginxConfigError, quoted

NGINX = Path("/usr/sbin/nginx")
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULE = MODULES / "ngx_http_brotli_static_module.so"


def local_conf(output: Path, port: int, work: Path, access_log: str = "off",
               tls: dict | None = None, hsts: str = DEFAULTS["hsts"]) -> str:
    """nginx.conf serving `output` (a build: the folder or the symlink to it) on
    127.0.0.1:`port` with the build's locations.conf and redirects.map, over HTTPS with
    `tls` ({"certificate": path, "key": path}); nginx's pid and temporary files go to
    `work`."""
    root = str(output.absolute())
    if not (output / ".nginx" / "locations.conf").is_file():
        raise NginxConfigError(f"{output} enthält keine Webserver-Konfiguration (.nginx/); "
                               "ist das ein Build? Erst „make publish“ ausführen.")
    modules = [str(BROTLI_MODULE)] if uses_brotli(output) else []
    return render("local.conf.j2", root=f'"{root}"', root_path=root, port=int(port),
                  work=str(work), modules=modules, access_log=access_log, tls=tls,
                  hsts=quoted(hsts, "NGINX „hsts“"),
                  redirects_path=f"{root}/.nginx/{REDIRECTS_FILE}",
                  user=getpass.getuser() if os.geteuid() == 0 else None)


def uses_brotli(output: Path) -> bool:
    text = (output / ".nginx" / "locations.conf").read_text(encoding="utf-8")
    if "brotli_static on;" not in text:
        return False
    if not BROTLI_MODULE.exists():
        raise NginxConfigError(
            "Der Build nutzt Brotli (NGINX „brotli“), aber das nginx-Modul fehlt: "
            "sudo apt-get install libnginx-mod-http-brotli-static")
    return True


def write_conf(output: Path, port: int, work: Path, access_log: str = "off",
               tls: dict | None = None) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    conf = work / "nginx.conf"
    conf.write_text(local_conf(output, port, work, access_log, tls), encoding="utf-8")
    return conf


def nginx_command(conf: Path, *extra: str) -> list[str]:
    if not NGINX.exists():
        raise NginxConfigError("nginx fehlt: „make serve-production“ installiert es "
                               "(sudo apt-get install nginx libnginx-mod-http-brotli-static).")
    # -e: the error log before the configuration is read (nginx's default is not writable
    # for an ordinary user); -p: relative paths in the configuration are under `work`.
    return [str(NGINX), "-p", str(conf.parent), "-e", "stderr", "-c", str(conf),
            "-g", "daemon off;", *extra]


def test_conf(conf: Path) -> None:
    """nginx's own check of the configuration (nginx -t); raises with its message."""
    result = subprocess.run(nginx_command(conf, "-t", "-q"), capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise NginxConfigError(f"nginx lehnt die Konfiguration ab:\n{result.stderr.strip()}")


def start(output: Path, port: int, work: Path, access_log: str = "off",
          tls: dict | None = None) -> subprocess.Popen:
    conf = write_conf(output, port, work, access_log, tls)
    test_conf(conf)
    return subprocess.Popen(nginx_command(conf))
