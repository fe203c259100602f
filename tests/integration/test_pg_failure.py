"""PostgreSQL going away while vakkaart serves (issue 15): requests in flight fail with 503 and a
problem body, the pool reconnects, later requests succeed, and no write is half-applied (a write
loop runs while the cluster restarts). A statement timeout guards every request. The test
starts a cluster of its own: restarting the shared one would break the tests beside it."""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, ROOT, Server, psql, run  # noqa: E402

CLUSTER = os.path.join(ROOT, "scripts", "pg_cluster.sh")


def body(response):
    code, content_type, data = response
    return code, content_type, json.loads(data) if data and "json" in (content_type or "") else data


class PostgresFailureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = tempfile.mkdtemp(prefix="vakkaart-pg-failure-")
        subprocess.run(["bash", CLUSTER, "start", cls.cluster], check=True, capture_output=True)
        with open(os.path.join(cls.cluster, "url"), encoding="utf-8") as f:
            cls.db = f.read().strip()
        run("import", NOTE, BK, db=cls.db)

    @classmethod
    def tearDownClass(cls):
        subprocess.run(["bash", CLUSTER, "stop", cls.cluster], capture_output=True)

    def setUp(self):
        self.server = Server(self.db, args=["--statement-timeout", "1500",
                                            "--search-index", os.path.join(self.cluster, "ix")])

    def tearDown(self):
        self.server.stop()

    def create(self, title):
        code, _, created = body(self.server.request("POST", "/api/functions", {"title": title}))
        self.assertEqual(code, 201, created)
        return created["function"]

    def test_a_restart_fails_requests_in_flight_with_503_and_loses_no_write(self):
        f = self.create("Schrijflus")
        results = []  # (status, purpose sent)
        stop = threading.Event()

        def write_loop():
            version = f["version"]
            i = 0
            while not stop.is_set():
                purpose = f"Doel {i}"
                i += 1
                try:
                    code, _, answer = body(self.server.request(
                        "POST", f"/api/functions/{f['id']}/edits",
                        {"version": version,
                         "edits": [{"op": "set", "field": "purpose", "value": purpose}]}))
                except OSError:
                    code, answer = 0, None
                results.append((code, purpose, answer))
                if code == 200:
                    version = answer["function"]["version"]
                elif code in (409, 503, 0):
                    # Unknown whether it landed (a commit may have raced the restart): read.
                    try:
                        c, _, now = body(self.server.get(f"/api/functions/{f['id']}"))
                        if c == 200:
                            version = now["function"]["version"]
                    except OSError:
                        pass
                    time.sleep(0.05)

        writer = threading.Thread(target=write_loop)
        writer.start()
        time.sleep(1.0)
        subprocess.run(["bash", CLUSTER, "restart", self.cluster], check=True,
                       capture_output=True)
        time.sleep(2.0)
        stop.set()
        writer.join(timeout=60)
        statuses = [r[0] for r in results]
        self.assertIn(200, statuses)
        self.assertIn(503, statuses, "the restart happened while the loop wrote")
        self.assertNotIn(500, statuses, "a lost database is 503, never 500")
        print(f"\nwrite loop: {len(statuses)} edits, "
              + ", ".join(f"{statuses.count(s)} x {s}" for s in sorted(set(statuses))))
        for code, _, answer in results:
            if code == 503:
                self.assertEqual(answer["code"], "unavailable")
        # Later requests succeed: the pool reconnected.
        code, _, now = body(self.server.get(f"/api/functions/{f['id']}"))
        self.assertEqual(code, 200)
        ok_after = [i for i, r in enumerate(results) if r[0] == 200]
        self.assertTrue(ok_after and ok_after[-1] > statuses.index(ok_after and 200),
                        f"writes went on after the restart: {statuses}")
        # Nothing half-applied: every saved version opens, each holds one whole purpose that
        # was sent, and every 200 is one version.
        code, _, history = body(self.server.get(f"/api/functions/{f['id']}/history"))
        versions = sorted(h["version"] for h in history["history"])
        self.assertEqual(versions, list(range(1, len(versions) + 1)))
        sent = {r[1] for r in results}
        unknown = sum(1 for s in statuses if s in (0, 503))
        successes = statuses.count(200)
        self.assertGreaterEqual(len(versions) - 1, successes)
        self.assertLessEqual(len(versions) - 1, successes + unknown)
        for v in versions[1:]:
            code, _, saved = body(self.server.get(f"/api/functions/{f['id']}/versions/{v}"))
            self.assertEqual(code, 200, v)
            self.assertIn(saved["purpose"], sent, v)
        self.assertEqual(now["function"]["version"], versions[-1])
        check = run("db", "check", "--json", db=self.db)
        self.assertTrue(json.loads(check.stdout)["ok"])

    def test_a_statement_timeout_answers_503_instead_of_waiting(self):
        f = self.create("Wacht niet")
        # Another session holds vakkaart's write lock (as a stuck writer would).
        holder = subprocess.Popen(
            ["psql", "-q", "-X", self.db, "-c",
             "BEGIN; SELECT pg_advisory_xact_lock(7338338); SELECT pg_sleep(6); COMMIT;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(0.5)
            started = time.monotonic()
            code, headers_type, answer = body(self.server.request(
                "POST", f"/api/functions/{f['id']}/edits",
                {"version": f["version"],
                 "edits": [{"op": "set", "field": "purpose", "value": "x"}]}))
            waited = time.monotonic() - started
            self.assertEqual(code, 503, answer)
            self.assertEqual(answer["code"], "unavailable")
            self.assertLess(waited, 5.0, "cancelled by the 1.5 s statement timeout")
            # Reads do not wait for the write lock.
            code, _, read = self.server.get(f"/api/functions/{f['id']}")
            self.assertEqual(code, 200, read[:300])
        finally:
            holder.wait(timeout=30)
        self.assertEqual(psql(self.db, "SELECT 1"), ["1"])


if __name__ == "__main__":
    unittest.main()
