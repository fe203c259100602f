"""Several servers, one PostgreSQL database (issue 15): a write through one server is read back
through the other at once, a stale edit through the other gets the version check's 409, cached
anonymous answers follow writes made elsewhere (LISTEN/NOTIFY), an import is searchable
through the other server within 5 s, and a server started on an existing database builds its
own index from the store. Needs the test cluster (ctest label pg)."""
import json
import os
import sys
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, Server, TempDirMixin, run  # noqa: E402


def anonymous_get(server, path):
    """A GET without credentials: the kind of request the response cache keeps."""
    with urllib.request.urlopen(server.url + path, timeout=10) as response:
        return json.loads(response.read())


def body(response):
    code, _, data = response
    return code, json.loads(data) if data else None


class TwoServersTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        # Each server keeps its own search index, as on two machines.
        self.a = Server(self.db, args=["--search-index", self.path("index-a")])
        self.b = Server(self.db, args=["--search-index", self.path("index-b")])

    def tearDown(self):
        self.a.stop()
        self.b.stop()
        super().tearDown()

    def test_a_write_through_one_is_read_and_checked_through_the_other(self):
        code, created = body(self.a.request("POST", "/api/functions",
                                            {"title": "Buurtwerker", "organisation": "Samen"}))
        self.assertEqual(code, 201, created)
        f = created["function"]
        code, seen = body(self.b.get(f"/api/functions/{f['id']}"))
        self.assertEqual(code, 200)
        self.assertEqual(seen["function"], f, "read back through the other server at once")
        edit = {"version": f["version"],
                "edits": [{"op": "set", "field": "purpose", "value": "Via server A"}]}
        code, edited = body(self.a.request("POST", f"/api/functions/{f['id']}/edits", edit))
        self.assertEqual(code, 200, edited)
        stale = {"version": f["version"],
                 "edits": [{"op": "set", "field": "purpose", "value": "Via server B"}]}
        code, problem = body(self.b.request("POST", f"/api/functions/{f['id']}/edits", stale))
        self.assertEqual(code, 409, problem)
        self.assertEqual(problem["current"]["function"]["purpose"], "Via server A")
        code, now = body(self.b.get(f"/api/functions/{f['id']}"))
        self.assertEqual(now["function"]["version"], f["version"] + 1)
        self.assertEqual(now["function"]["purpose"], "Via server A")

    def test_caches_and_search_follow_an_import_made_elsewhere(self):
        before = anonymous_get(self.b, "/api/qualifications")
        self.assertEqual(anonymous_get(self.b, "/api/qualifications"), before)  # now cached
        self.assertEqual(self.b.get("/api/search?q=pannenkoeken")[0], 200)
        with open(BK, encoding="utf-8") as f:
            newer = f.read().replace("BK-0338-3", "BK-0338-4").replace(
                "Werkt doelgroepgericht", "Werkt doelgroepgericht en bakt pannenkoeken", 1)
        run("import", self.write("bk4.txt", newer), db=self.db)  # neither server
        deadline = time.monotonic() + 5
        found = []
        while time.monotonic() < deadline and not found:
            found = body(self.b.get("/api/search?q=pannenkoeken"))[1]["results"]
            if not found:
                time.sleep(0.2)
        self.assertTrue(found, "searchable through server B within 5 s")
        after = anonymous_get(self.b, "/api/qualifications")
        ids = {q["id"] for q in after}
        self.assertIn("BK-0338-4", ids, "the cached list was dropped")
        self.assertTrue(body(self.a.get("/api/search?q=pannenkoeken"))[1]["results"])

    def test_a_server_started_on_an_existing_database_builds_its_index(self):
        index = self.path("index-c")
        c = Server(self.db, args=["--search-index", index])
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not os.path.isdir(index):
                time.sleep(0.1)
            self.assertTrue(os.path.isdir(index), "built at start, before any search")
            code, result = body(c.get("/api/search?q=vrijwilligersbeleid"))
            self.assertEqual(code, 200)
            self.assertTrue(result["results"])
        finally:
            c.stop()


if __name__ == "__main__":
    unittest.main()
