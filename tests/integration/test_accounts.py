"""Accounts against the real server and CLI: the acceptance script of issue 14 (organisations own
their functions; anonymous writes 401; cookie writes need the CSRF token and this site's Origin;
security headers; stored text shown as text), sign-in (same answer for a wrong password and an
unknown email, rate limit, cookie flags, sessions ended), tokens, the first start, and the CLI."""
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from support import BIN, BK, NOTE, ON_PG, TempDirMixin, psql, run, snapshot  # noqa: E402

PASSWORD_A = "wachtwoord-van-a-1"
PASSWORD_B = "wachtwoord-van-b-1"


class Client:
    """Raw HTTP to the server (http.client: no redirects followed, every header visible)."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.url = parts.hostname, parts.port, url

    def send(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            data = body.encode() if isinstance(body, str) else body
            connection.request(method, path, data, headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


class ServeProcess:
    def __init__(self, db, *extra):
        self.process = subprocess.Popen([BIN, "--db", db, "serve", "--port", "0", *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.first_line = self.process.stdout.readline()
        match = re.search(r"(http://[0-9.]+:\d+)/", self.first_line)
        if not match:
            self.process.kill()
            raise AssertionError(f"serve printed {self.first_line!r}")
        self.url = match.group(1)
        self.second_line = ""

    def read_line(self):
        self.second_line = self.process.stdout.readline()
        return self.second_line

    def stop(self):
        """Stops the server; returns what else it printed on stdout."""
        self.process.terminate()
        rest, _ = self.process.communicate(timeout=10)
        return rest


class AccountsTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        run("org", "add", "org-a", "--name", "Organisatie A", db=self.db)
        run("org", "add", "org-b", "--name", "Organisatie B", db=self.db)
        self.cli("user", "add", "editor@a.example", "--org", "org-a", "--role", "editor",
                 "--password-stdin", stdin=PASSWORD_A)
        self.cli("user", "add", "admin@b.example", "--org", "org-b", "--role", "admin",
                 "--password-stdin", stdin=PASSWORD_B)
        self.token_a = run("token", "create", "editor@a.example", "--name", "script",
                           db=self.db).stdout.strip()
        self.token_b = run("token", "create", "admin@b.example", "--name", "script",
                           db=self.db).stdout.strip()
        self.server = ServeProcess(self.db)
        self.http = Client(self.server.url)
        self.origin = self.server.url

    def tearDown(self):
        self.server.stop()
        super().tearDown()

    def cli(self, *args, stdin=None, check=True):
        env = dict(os.environ, NO_COLOR="1")
        env.pop("VAKKAART_AS", None)
        result = subprocess.run([BIN, "--db", self.db, *args], input=stdin, capture_output=True,
                                text=True, env=env, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"{args}: {result.stderr}")
        return result

    def api(self, method, path, body=None, token=None, headers=None):
        h = {"Content-Type": "application/json", **(headers or {})}
        if token:
            h["Authorization"] = f"Bearer {token}"
        status, _, data = self.http.send(method, path, json.dumps(body) if body is not None
                                         else None, h)
        return status, (json.loads(data) if data and data[:1] in (b"{", b"[") else data)

    def sign_in(self, email, password):
        status, headers, _ = self.http.send(
            "POST", "/sign-in", urllib.parse.urlencode({"email": email, "password": password}),
            {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin})
        self.assertEqual(status, 303)
        cookie = headers["Set-Cookie"]
        return re.search(r"vakkaart_session=([^;]+)", cookie).group(1), cookie

    def csrf_of(self, session):
        _, _, page = self.http.send("GET", "/account", headers={"Cookie": f"vakkaart_session={session}"})
        return re.search(rb'name="csrf-token" content="([^"]+)"', page).group(1).decode()

    # --- the acceptance script ---------------------------------------------------------------

    def test_acceptance_script(self):
        status, _ = self.api("POST", "/api/functions", {"title": "Anoniem"})
        self.assertEqual(status, 401, "anonymous POST /api/functions")
        status, view = self.api("POST", "/api/functions", {"title": "Functie van A"},
                                token=self.token_a)
        self.assertEqual(status, 201)
        fid = view["function"]["id"]
        status, _ = self.api("GET", f"/api/functions/{fid}", token=self.token_b)
        self.assertEqual(status, 404, "org B's admin does not see A's function")
        status, listing = self.api("GET", "/api/functions", token=self.token_b)
        self.assertEqual((status, listing["functions"]), (200, []))
        status, listing = self.api("GET", "/api/functions", token=self.token_a)
        self.assertEqual([f["id"] for f in listing["functions"]], [fid])

        session, _ = self.sign_in("editor@a.example", PASSWORD_A)
        cookie = {"Cookie": f"vakkaart_session={session}", "Origin": self.origin}
        status, problem = self.api("POST", "/api/functions", {"title": "Zonder token"},
                                   headers=cookie)
        self.assertEqual(status, 403, "a cookie session without CSRF token")
        self.assertEqual(problem["field"], "csrf_token")

        for path in ["/", "/search?q=netwerk", "/sign-in", f"/functions/{fid}", "/nope",
                     "/api/health", "/api/nope"]:
            _, headers, _ = self.http.send("GET", path, headers={"Cookie": f"vakkaart_session={session}"})
            csp = headers["Content-Security-Policy"] or ""
            self.assertIn("script-src 'self'", csp, path)
            self.assertIn("frame-ancestors 'none'", csp, path)
            self.assertEqual(headers["X-Content-Type-Options"], "nosniff", path)

        status, view = self.api("POST", "/api/functions",
                                {"title": "<!--<script>alert(1)</script>"}, token=self.token_a)
        self.assertEqual(status, 201)
        _, _, page = self.http.send("GET", f"/functions/{view['function']['id']}",
                                    headers={"Cookie": f"vakkaart_session={session}"})
        self.assertNotIn(b"<!--<script>alert(1)", page, "the title is never markup")
        self.assertIn(b"&lt;!--&lt;script&gt;alert(1)", page, "it shows as text")
        embedded = re.findall(rb'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
        self.assertTrue(embedded)
        for block in embedded:
            self.assertNotIn(b"<", block)
        self.assertIn("<!--<script>alert(1)</script>",
                      json.loads(embedded[0])["function"]["title"], "the data keeps the title")

        status, _ = self.api("POST", "/api/crosswalks/decisions",
                             {"source": "BK-0338-3:15", "target": "x:y:1", "decision": "confirmed"})
        self.assertEqual(status, 401, "anonymous crosswalk decision")
        status, _ = self.api("POST", "/api/crosswalks/decisions",
                             {"source": "BK-0338-3:15", "target": "x:y:1", "decision": "confirmed"},
                             token=self.token_a)
        self.assertEqual(status, 403, "an editor is no curator")

    def test_decision_buttons_show_to_curators_only(self):
        def buttons(headers):
            status, _, page = self.http.send("GET", "/qualifications/BK-0338-3", headers=headers)
            self.assertEqual(status, 200)
            return page.count(b'class="crosswalk-confirm"')

        self.assertEqual(buttons({}), 0, "anonymous: the status, no buttons")
        self.assertEqual(buttons({"Authorization": f"Bearer {self.token_a}"}), 0, "an editor")
        self.cli("user", "role", "editor@a.example", "--org", "org-a", "--role", "curator")
        self.assertGreater(buttons({"Authorization": f"Bearer {self.token_a}"}), 0, "a curator")

    # --- CSRF ---------------------------------------------------------------------------------

    def test_cross_site_writes_with_a_valid_session_are_refused(self):
        self.cli("user", "role", "editor@a.example", "--org", "org-a", "--role", "curator")
        session, _ = self.sign_in("editor@a.example", PASSWORD_A)
        csrf = self.csrf_of(session)
        evil = {"Cookie": f"vakkaart_session={session}", "Origin": "http://evil.example"}
        form = urllib.parse.urlencode({"source": "BK-0338-3:15", "decision": "confirmed",
                                       "target": "campagnewerker:de-eigen-deskundigheid-opbouwen:1",
                                       "csrf_token": csrf})
        status, _, _ = self.http.send("POST", "/crosswalks/decide", form, {
            **evil, "Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 403, "a form post from another site, even with the token")
        status, _, _ = self.http.send("POST", "/api/functions", '{"title": "x"}', {
            **evil, "Content-Type": "text/plain", "X-CSRF-Token": csrf})
        self.assertEqual(status, 403, "a text/plain post from another site")
        no_origin = {"Cookie": f"vakkaart_session={session}"}
        status, _, _ = self.http.send("POST", "/api/functions", '{"title": "x"}', {
            **no_origin, "Content-Type": "application/json", "X-CSRF-Token": csrf})
        self.assertEqual(status, 403, "no Origin and no Referer")

        own = {"Cookie": f"vakkaart_session={session}", "Origin": self.origin}
        status, _, _ = self.http.send("POST", "/api/functions", '{"title": "x"}', {
            **own, "Content-Type": "text/plain", "X-CSRF-Token": csrf})
        self.assertEqual(status, 415, "JSON endpoints take JSON only, even from our own pages")
        status, _, _ = self.http.send("POST", "/api/functions", '{"title": "Van de eigen pagina"}', {
            **own, "Content-Type": "application/json", "X-CSRF-Token": csrf})
        self.assertEqual(status, 201, "the same write from the app's own page")
        status, headers, _ = self.http.send("POST", "/crosswalks/decide", form, {
            **own, "Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 303, "the form from the app's own page")
        status, _, _ = self.http.send("POST", "/api/functions", '{"title": "Met token"}', {
            "Authorization": f"Bearer {self.token_a}", "Origin": "http://evil.example",
            "Content-Type": "application/json"})
        self.assertEqual(status, 201, "a Bearer token is no cookie: no CSRF token needed")

    # --- signing in ---------------------------------------------------------------------------

    def test_sign_in_answers_alike_then_limits_and_sets_a_safe_cookie(self):
        def attempt(email, password):
            status, headers, body = self.http.send(
                "POST", "/sign-in", urllib.parse.urlencode({"email": email, "password": password}),
                {"Content-Type": "application/x-www-form-urlencoded"})
            return status, headers, re.search(rb'class="form-error"[^>]*>([^<]*)<', body)

        wrong = attempt("editor@a.example", "niet-het-wachtwoord")
        unknown = attempt("niemand@a.example", "niet-het-wachtwoord")
        self.assertEqual(wrong[0], 401)
        self.assertEqual(unknown[0], 401)
        self.assertEqual(wrong[2].group(1), unknown[2].group(1), "the same message")

        session, cookie = self.sign_in("editor@a.example", PASSWORD_A)
        for flag in ["HttpOnly", "SameSite=Lax", "Path=/"]:
            self.assertIn(flag, cookie)
        self.assertNotIn("Secure", cookie, "plain http without a public https URL")
        self.assertEqual(len(session), 43, "256 random bits")
        again, _ = self.sign_in("editor@a.example", PASSWORD_A)
        self.assertNotEqual(session, again, "a new id at every sign-in")

        for _ in range(9):  # 1 failure above, 10 in all for this account
            attempt("editor@a.example", "niet-het-wachtwoord")
        status, headers, _ = attempt("editor@a.example", PASSWORD_A)
        self.assertEqual(status, 429, "even the right password waits after 10 failures")
        self.assertGreater(int(headers["Retry-After"]), 0)

    def test_secure_cookie_behind_an_https_public_url(self):
        server = ServeProcess(self.db, "--public-url", "https://vakkaart.example.org")
        try:
            status, headers, _ = Client(server.url).send(
                "POST", "/sign-in",
                urllib.parse.urlencode({"email": "editor@a.example", "password": PASSWORD_A}),
                {"Content-Type": "application/x-www-form-urlencoded",
                 "Origin": "https://vakkaart.example.org"})
            self.assertEqual(status, 303)
            self.assertIn("Secure", headers["Set-Cookie"])
        finally:
            server.stop()

    def test_sign_out_and_a_password_change_end_sessions(self):
        one, _ = self.sign_in("editor@a.example", PASSWORD_A)
        two, _ = self.sign_in("editor@a.example", PASSWORD_A)
        status, _, _ = self.http.send("POST", "/sign-out", "csrf_token=" + self.csrf_of(one), {
            "Cookie": f"vakkaart_session={one}", "Origin": self.origin,
            "Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 303)
        self.assertEqual(self.api("GET", "/api/me", headers={"Cookie": f"vakkaart_session={one}"})[0], 401)
        self.assertEqual(self.api("GET", "/api/me", headers={"Cookie": f"vakkaart_session={two}"})[0], 200)
        form = urllib.parse.urlencode({"old_password": PASSWORD_A, "new_password": "nieuw-wachtwoord-9",
                                       "csrf_token": self.csrf_of(two)})
        status, _, _ = self.http.send("POST", "/account/password", form, {
            "Cookie": f"vakkaart_session={two}", "Origin": self.origin,
            "Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 303)
        self.assertEqual(self.api("GET", "/api/me", headers={"Cookie": f"vakkaart_session={two}"})[0], 401)
        self.sign_in("editor@a.example", "nieuw-wachtwoord-9")

    # --- tokens -------------------------------------------------------------------------------

    def test_read_only_tokens_read_and_revoked_tokens_stop(self):
        ro = run("token", "create", "editor@a.example", "--name", "lezen", "--read-only",
                 db=self.db).stdout.strip()
        self.assertEqual(self.api("GET", "/api/functions", token=ro)[0], 200)
        status, problem = self.api("POST", "/api/functions", {"title": "x"}, token=ro)
        self.assertEqual((status, problem["field"]), (403, "Authorization"))
        self.assertEqual(self.api("GET", "/api/functions", token="vk-not-a-token")[0], 401)
        status, created = self.api("POST", "/api/tokens", {"name": "nieuw", "read_only": False},
                                   token=self.token_a)
        self.assertEqual(status, 201)
        status, listing = self.api("GET", "/api/tokens", token=created["token"])
        self.assertEqual(status, 200)
        self.assertNotIn(created["token"], json.dumps(listing), "secrets are never listed")
        new_id = next(t["id"] for t in listing["tokens"] if t["name"] == "nieuw")
        self.assertEqual(self.api("DELETE", f"/api/tokens/{new_id}", token=self.token_a)[0], 204)
        self.assertEqual(self.api("GET", "/api/me", token=created["token"])[0], 401)
        if ON_PG:
            self.assertNotIn(self.token_a, json.dumps(snapshot(self.db)), "no token is stored")
        else:
            with open(self.db, "rb") as f:  # the file's bytes, free pages included
                self.assertNotIn(self.token_a.encode(), f.read(), "the database holds no token")

    # --- the CLI and the audit log ------------------------------------------------------------

    def test_cli_users_roles_audit_and_acting_as(self):
        users = json.loads(self.cli("user", "list", "--json").stdout)
        self.assertEqual({u["email"] for u in users}, {"editor@a.example", "admin@b.example"})
        result = self.cli("function", "new", "Zonder --as", check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--as", result.stderr)
        fid = self.cli("function", "new", "Met --as", "--as", "editor@a.example").stdout.strip()
        status, _ = self.api("GET", f"/api/functions/{fid}", token=self.token_a)
        self.assertEqual(status, 200, "made as A's editor, so A's")
        self.cli("user", "role", "editor@a.example", "--org", "org-a", "--role", "reader")
        result = self.cli("function", "set", fid, "--purpose", "x", "--as", "editor@a.example",
                          check=False)
        self.assertNotEqual(result.returncode, 0, "a reader may not edit")
        self.cli("user", "disable", "admin@b.example")
        self.assertEqual(self.api("GET", "/api/functions", token=self.token_b)[0], 401)

        audit = json.loads(self.cli("audit", "--org", "org-a", "--json").stdout)["entries"]
        actions = [(e["action"], e["object"]) for e in audit]
        self.assertIn(("function.create", fid), actions)
        self.assertIn(("member.role", "editor@a.example"), actions)
        since = json.loads(self.cli("audit", "--since", "2999-01-01", "--json").stdout)
        self.assertEqual(since["entries"], [])
        for sql in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"]:
            if ON_PG:
                with self.assertRaises(AssertionError, msg=sql) as refused:
                    psql(self.db, sql)
                self.assertIn("append-only", str(refused.exception))
                continue
            connection = sqlite3.connect(self.db)
            try:
                with self.assertRaises(sqlite3.DatabaseError, msg=sql):
                    connection.execute(sql)
            finally:
                connection.close()

    def test_audit_since_must_be_a_date_or_time(self):
        # Compared as text, a word matched nothing: an empty log, exit 0, status 200.
        result = self.cli("audit", "--since", "garbage", check=False)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("--since", result.stderr)
        self.assertIn("2026-12-01", result.stderr, "the message shows the expected format")
        self.assertEqual(result.stdout, "")
        entries = json.loads(self.cli("audit", "--since", "2000-01-01T00:00Z", "--json").stdout)
        self.assertTrue(entries["entries"], "a date and time in UTC is a bound")
        status, problem = self.api("GET", "/api/audit?since=garbage", token=self.token_b)
        self.assertEqual(status, 400, problem)
        self.assertEqual((problem["code"], problem["field"]), ("invalid_argument", "since"))
        status, listing = self.api("GET", "/api/audit?since=2000-01-01", token=self.token_b)
        self.assertEqual(status, 200, listing)
        self.assertTrue(listing["entries"])

    def test_user_link_prints_the_path_alone_or_nothing(self):
        # For `link=$(vakkaart user link EMAIL)`: a failure leaves stdout empty.
        result = self.cli("user", "link", "nope@x.example", check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("nope@x.example", result.stderr)
        self.assertEqual(result.stdout, "")
        link = self.cli("user", "link", "editor@a.example").stdout
        self.assertRegex(link, r"^/sign-in/link/[A-Za-z0-9_-]{43}\n$")


    def test_the_last_admin_of_an_organisation_stays_one(self):
        status, problem = self.api("POST", "/api/organisation/members",
                                   {"email": "admin@b.example", "role": "reader"},
                                   token=self.token_b)
        self.assertEqual((status, problem["code"]), (409, "conflict"))
        session, _ = self.sign_in("admin@b.example", PASSWORD_B)
        own = {"Cookie": f"vakkaart_session={session}", "Origin": self.origin,
               "Content-Type": "application/x-www-form-urlencoded"}
        for path, fields in [("/organisation/members/role", {"role": "reader"}),
                             ("/organisation/members/state", {"disabled": "1"})]:
            form = urllib.parse.urlencode({"email": "admin@b.example", **fields,
                                           "csrf_token": self.csrf_of(session)})
            status, _, page = self.http.send("POST", path, form, own)
            self.assertEqual(status, 409, path)
            self.assertIn("laatste actieve beheerder".encode(), page, "the members page says why")
        status, _ = self.api("GET", "/api/organisation/members", token=self.token_b)
        self.assertEqual(status, 200, "still the admin")

    def test_a_site_admins_change_is_logged_with_the_organisation_it_changed(self):
        status, view = self.api("POST", "/api/functions", {"title": "Functie van A"},
                                token=self.token_a)
        self.assertEqual(status, 201)
        fid, version = view["function"]["id"], view["function"]["version"]
        self.cli("user", "add", "site@b.example", "--org", "org-b", "--role", "admin",
                 "--site-admin", "--password-stdin", stdin=PASSWORD_B)
        token = run("token", "create", "site@b.example", "--name", "s", db=self.db).stdout.strip()
        status, _ = self.api("POST", f"/api/functions/{fid}/edits",
                             {"version": version, "edits": [
                                 {"op": "set", "field": "purpose", "value": "Nagekeken"}]},
                             token=token)
        self.assertEqual(status, 200)
        status, copy = self.api("POST", f"/api/functions/{fid}/duplicate", {}, token=token)
        self.assertEqual(status, 201)

        def logged(org):
            entries = json.loads(self.cli("audit", "--org", org, "--json").stdout)["entries"]
            return {(e["action"], e["object"]) for e in entries if e["actor"] == "site@b.example"}
        self.assertEqual(logged("org-a"), {("function.edit", fid),
                                           ("function.duplicate", copy["function"]["id"])})
        self.assertEqual(logged("org-b"), set(), "org B's log names nothing of A's")


class RateLimitTest(TempDirMixin, unittest.TestCase):
    def test_analyse_and_search_are_limited_per_address(self):
        run("import", NOTE, db=self.db)
        server = ServeProcess(self.db, "--analyse-per-minute", "2", "--search-per-minute", "3")
        try:
            client = Client(server.url)
            answers = [client.send("POST", "/api/analyse", "Organiseert activiteiten.",
                                   {"Content-Type": "text/plain"}) for _ in range(3)]
            self.assertEqual([a[0] for a in answers], [200, 200, 429])
            self.assertGreater(int(answers[2][1]["Retry-After"]), 0)
            self.assertEqual(json.loads(answers[2][2])["code"], "rate_limited")
            # Distinct queries (a cached answer would cost nothing and count nothing).
            codes = [client.send("GET", f"/api/search?q=netwerk{i}")[0] for i in range(4)]
            self.assertEqual(codes, [200, 200, 200, 429])
        finally:
            server.stop()


class FirstStartTest(TempDirMixin, unittest.TestCase):
    def test_a_database_without_users_prints_a_one_time_sign_in_link(self):
        run("import", NOTE, db=self.db)
        server = ServeProcess(self.db)
        try:
            line = server.read_line()
            match = re.search(r"(/sign-in/link/[A-Za-z0-9_-]{43})", line)
            self.assertIsNotNone(match, line)
            client = Client(server.url)
            status, headers, _ = client.send("GET", match.group(1))
            self.assertEqual(status, 303)
            session = re.search(r"vakkaart_session=([^;]+)", headers["Set-Cookie"]).group(1)
            status, _, body = client.send("GET", "/api/me", headers={"Cookie": f"vakkaart_session={session}"})
            me = json.loads(body)
            self.assertEqual((status, me["site_admin"], me["organisation"]), (200, True, "demo"))
            status, _, _ = client.send("GET", "/functions", headers={"Cookie": f"vakkaart_session={session}"})
            self.assertEqual(status, 200, "the app works after following the link")
            self.assertEqual(client.send("GET", match.group(1))[0], 401, "single use")
        finally:
            server.stop()
        # A second start prints no new link: the admin exists.
        server = ServeProcess(self.db)
        self.assertNotIn("sign-in/link", server.first_line + server.stop())


if __name__ == "__main__":
    unittest.main()
