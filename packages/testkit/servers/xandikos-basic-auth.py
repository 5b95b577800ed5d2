"""Serve Xandikos (Debian 0.2.x) like `xandikos --autocreate` does, plus HTTP Basic auth.

usage: /usr/bin/python3 xandikos-basic-auth.py STORE_DIR HOST PORT USER PASSWORD DEFAULTS(0|1)

Why: Xandikos has NO authentication of its own -- the stock CLI accepts any (or no) credentials and serves
every request as the single principal /USER/ (servers.md B). Upstream recommends a reverse proxy; this
serves the same XandikosBackend/XandikosApp objects with aiohttp (as the CLI does) behind a tiny Basic-auth
middleware (401 + WWW-Authenticate on missing/wrong credentials), so no proxy has to be installed.
/health stays anonymous: the start script polls it for readiness.
"""
import base64, hmac, logging, os, sys
from aiohttp import web
from xandikos.web import XandikosApp, XandikosBackend, RedirectDavHandler, WELLKNOWN_DAV_PATHS

directory, host, port, user, password, defaults = sys.argv[1:7]
logging.basicConfig(level=logging.INFO)
principal = "/%s/" % user
os.makedirs(directory, exist_ok=True)
backend = XandikosBackend(directory)
backend._mark_as_principal(principal)          # same calls as xandikos.web.main / xandikos.wsgi
backend.create_principal(principal, create_defaults=(defaults == "1"))
dav = XandikosApp(backend, current_user_principal=principal, strict=True)

@web.middleware
async def basic_auth(request, handler):
    if request.path == "/health":
        return await handler(request)
    ok = False
    h = request.headers.get("Authorization", "")
    if h[:6].lower() == "basic ":
        try:
            u, _, p = base64.b64decode(h[6:].strip()).decode("utf-8").partition(":")
            # constant-time compare; `&` (not `and`) so both comparisons always run
            ok = hmac.compare_digest(u, user) & hmac.compare_digest(p, password)
        except Exception:
            ok = False
    if not ok:
        return web.Response(status=401, text="Unauthorized",
                            headers={"WWW-Authenticate": 'Basic realm="xandikos", charset="UTF-8"'})
    return await handler(request)

async def handle(request):
    return await dav.aiohttp_handler(request, "/")

app = web.Application(middlewares=[basic_auth])
app.router.add_get("/health", lambda r: web.Response(text="ok"))
for path in WELLKNOWN_DAV_PATHS:
    app.router.add_route("*", path, RedirectDavHandler("/").__call__)
app.router.add_route("*", "/{path_info:.*}", handle)
web.run_app(app, host=host, port=int(port))
