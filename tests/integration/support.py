"""Shared helpers for the integration tests: run the real CLI, snapshot a database."""
import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

BIN = os.environ.get("VAKKAART_BIN", "build/vakkaart")
ROOT = os.environ.get("VAKKAART_ROOT", ".")
SOURCES = os.path.join(ROOT, "data", "sources")
NOTE = os.path.join(SOURCES, "sociare-beroepenstructuur-2016.txt")
BK = os.path.join(SOURCES, "BK-0338-3-syndicaal-deskundige.txt")
GOLDEN = os.path.join(ROOT, "tests", "golden")
# The user the tests act as once a database has users: a curator (so also an editor) of the demo
# organisation, which owns what the CLI makes before any user exists. CLI changes name them
# through $VAKKAART_AS (ignored while a database has no users).
TESTER = "tester@example.org"

# One suite, both backends: with $VAKKAART_TEST_PG_DIR set (ctest's integration.pg.* tests), a
# test's database is a fresh PostgreSQL database in the throwaway cluster there (DIR/url, started
# by scripts/pg_cluster.sh as ctest's pg_cluster fixture), dropped after the test.
PG_DIR = os.environ.get("VAKKAART_TEST_PG_DIR", "")
ON_PG = bool(PG_DIR)
_pg_databases = [0]


def pg_admin_url():
    with open(os.path.join(PG_DIR, "url"), encoding="utf-8") as f:
        return f.read().strip()


def psql(url, sql):
    """Runs SQL on a PostgreSQL database; returns psql's unaligned rows."""
    result = subprocess.run(["psql", "-q", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", url,
                             "-c", sql], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise AssertionError(f"psql failed on {sql!r}: {result.stderr}")
    return [line for line in result.stdout.splitlines() if line]


def new_pg_database():
    """A fresh, empty PostgreSQL database in the test cluster; returns its URL."""
    _pg_databases[0] += 1
    name = f"it_{os.getpid()}_{_pg_databases[0]}"
    admin = pg_admin_url()
    psql(admin, f"CREATE DATABASE {name}")
    return admin.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url):
    name = url.rsplit("/", 1)[1]
    psql(pg_admin_url(), f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run(*args, db=None, check=True, env=None):
    """Runs the CLI; returns the CompletedProcess (text mode)."""
    command = [BIN] + (["--db", db] if db else []) + list(args)
    full_env = dict(os.environ, NO_COLOR="1")
    full_env.pop("VAKKAART_DB", None)
    full_env.setdefault("VAKKAART_AS", TESTER)
    if env:
        full_env.update(env)
    result = subprocess.run(command, capture_output=True, text=True, env=full_env, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"{command} failed ({result.returncode}):\n{result.stderr}")
    return result


# What the exports must carry of a qualification's parts besides its competences (issue 18).
EVERY_PART_SCOPE = ("De syndicaal deskundige werkt binnen een vakorganisatie of een "
                    "uitbetalingsinstelling.\nHet vertegenwoordigen van werknemers in een "
                    "ondernemingsraad valt buiten deze beroepskwalificatie.")
EVERY_PART_TITLE_NOTE = ("Deze benaming wordt gebruikt in het beroepscompetentieprofiel van "
                         "Constructiv")


def every_part_qualification(bundled):
    """BK-0338-3's canonical JSON (`bundled`, as `vakkaart export BK-0338-3` gives it) with every
    part the exchange exports carry, CONSTRUCTED as the tests/data/bk-layouts fixtures are: the
    note under the title and the scope of afbakening-sector-profile-note.txt, the two partial
    qualifications of deelkwalificaties-section.txt, a footnote "*" at competence 2's title and
    one "(2)" at the definition (both texts carry the mark), and withdrawn."""
    q = json.loads(json.dumps(bundled))
    q["competences"][1]["title"] += "*"
    q["definition"] += " (2)"
    q["withdrawn"] = True
    q["title_references"] = [{"kind": "sector_profile", "code": "", "name": "Constructiv",
                              "title_used": True, "note": EVERY_PART_TITLE_NOTE}]
    q["scope"] = EVERY_PART_SCOPE
    q["partial_qualifications"] = [
        {"code": "BKD-0593-1-DBK-01", "title": "Onthaalmedewerker vakorganisatie",
         "competences": [1, 3]},
        {"code": "BKD-0593-1-DBK-02", "title": "Dossierbeheerder werkloosheid",
         "competences": [2, 4, 6, 7, 8]}]
    q["footnotes"] = [
        {"mark": "*", "text": "Ook tegenover de eigen organisatie.",
         "referenced_at": ["competences[1].title"]},
        {"mark": "(2)", "text": "Zoals het decreet het omschrijft.",
         "referenced_at": ["definition"]}]
    return q


def snapshot(db_path):
    """Every row of every table, so a test can tell whether a database changed at all."""
    if db_path.startswith("postgresql://"):
        tables = psql(db_path, "SELECT table_name FROM information_schema.tables WHERE "
                               "table_schema = 'public' ORDER BY table_name")
        # One round trip for every row of every table (a psql per table took seconds); JSON keeps
        # each row on one line and its text readable (tests search it for secrets).
        rows = psql(db_path, " UNION ALL ".join(
            f"SELECT '{t}' || chr(9) || to_jsonb(r)::text "
            f'FROM "{t}" AS r' for t in tables)) if tables else []
        by_table = {t: [] for t in tables}
        for row in rows:
            table, _, encoded = row.partition("\t")
            by_table[table].append(encoded)
        return {t: sorted(v) for t, v in by_table.items()}
    if not os.path.exists(db_path):
        return None
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(connection.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables}
    finally:
        connection.close()


class TempDirMixin:
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="vakkaart-it-")
        self.db = new_pg_database() if ON_PG else os.path.join(self.dir, "test.db")

    def tearDown(self):
        if ON_PG:
            drop_pg_database(self.db)
        shutil.rmtree(self.dir, ignore_errors=True)

    def index_dir(self):
        """Where the CLI keeps the search index of self.db (search::index_dir_for)."""
        if not ON_PG:
            return self.db + ".search"
        name = "".join(c if c.isalnum() or c in "._-" else "_" for c in self.db)
        return os.path.join(os.environ["XDG_CACHE_HOME"], "vakkaart", name + ".search")

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def framework_sheet_rows(self, framework, column="wording_en"):
        """The framework's CSV sheet as rows, with an empty `column` added: where a test writes
        the labels it imports back."""
        sheet = self.path("f.csv")
        run("export", framework, "--format", "csv", "-o", sheet, db=self.db)
        with open(sheet, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        rows[0].append(column)
        for r in rows[1:]:
            r.append("")
        return rows

    def import_sheet_rows(self, rows, name="labels.csv"):
        """Imports rows as a CSV sheet; returns the import's result."""
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        return run("import", self.write(name, out.getvalue()), db=self.db)


def tester_token(db, read_only=False):
    """An API token of TESTER, who is made (curator of the demo organisation) when missing."""
    users = run("user", "list", "--json", db=db).stdout
    if TESTER not in {u["email"] for u in json.loads(users)}:
        run("user", "add", TESTER, "--org", "demo", "--role", "curator", db=db)
    args = ["token", "create", TESTER, "--name", "integration tests"]
    return run(*(args + (["--read-only"] if read_only else [])), db=db).stdout.strip()


class Server:
    """`vakkaart serve` on a free port; the URL is read from what it prints. Requests carry
    TESTER's API token (`token`), unless `anonymous`."""

    def __init__(self, db, anonymous=False, args=()):
        self.token = None if anonymous else tester_token(db)
        self.process = subprocess.Popen(
            [BIN, "--db", db, "serve", "--port", "0", *args], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"(http://[0-9.]+:\d+)/", line)
        if not match:
            self.process.kill()
            raise AssertionError(f"serve printed {line!r}: {self.process.stderr.read()}")
        self.url = match.group(1)

    def auth_headers(self):
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, headers=None):
        """(status, content type, body bytes); HTTP errors are returned, not raised."""
        for attempt in range(50):
            try:
                req = urllib.request.Request(self.url + path,
                                             headers={**self.auth_headers(), **(headers or {})})
                with urllib.request.urlopen(req, timeout=10) as response:
                    return response.status, response.headers.get("Content-Type"), response.read()
            except urllib.error.HTTPError as error:
                return error.code, error.headers.get("Content-Type"), error.read()
            except urllib.error.URLError:
                if attempt == 49:
                    raise
                time.sleep(0.1)
        raise AssertionError("unreachable")

    def request(self, method, path, body=None, raw=None, headers=None):
        """(status, content type, body bytes) of any method; `body` is sent as JSON."""
        data = raw if raw is not None else (
            json.dumps(body).encode("utf-8") if body is not None else None)
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json",
                                              **self.auth_headers(), **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, response.headers.get("Content-Type"), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type"), error.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()


class ServedDatabaseMixin(TempDirMixin):
    """A database holding the bundled note and BK, served by `vakkaart serve` for each test."""

    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        self.server = Server(self.db)

    def tearDown(self):
        self.server.stop()
        super().tearDown()

    def get_json(self, path, status=200):
        code, content_type, body = self.server.get(path)
        self.assertEqual(code, status, body)
        self.assertIn("json", content_type)
        return json.loads(body)
