"""The search index is derived data: it never breaks search, a stop ends a rebuild, leftovers go.

- ids and cluster titles longer than a Xapian term may be are indexed and searchable;
- SIGTERM ends `vakkaart serve` within 2 s, also in the middle of an index rebuild;
- a rebuild killed with SIGKILL leaves a "<db>.search.new-PID" folder that the next start
  removes, after which search answers again.
"""
import glob
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import unittest
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from support import GOLDEN, NOTE, Server, TempDirMixin, run  # noqa: E402


def generated_profiles(profiles, per_cluster):
    """Loose profiles of a framework "gen" with distinct statements (enough to make an index
    rebuild last a few seconds), worded from the bundled note's vocabulary."""
    with open(NOTE, encoding="utf-8") as f:
        words = sorted({w for w in f.read().lower().split() if w.isalpha() and len(w) > 3})
    rng = random.Random(13)
    out = []
    for p in range(profiles):
        clusters = []
        for c in range(4):
            activities = [
                {"text": " ".join(rng.choice(words) for _ in range(12)).capitalize() +
                 f" {p}-{c}-{a}", "children": []} for a in range(per_cluster)]
            clusters.append({"id": f"cluster-{c}", "layer": "kern", "title": f"Cluster {c}",
                             "main_activities": [{"title": None, "activities": activities}]})
        out.append({"kind": "profile", "id": f"gen-{p}", "title": f"Profiel {p}",
                    "framework": "gen", "definition": "Een gegenereerd profiel.",
                    "clusters": clusters})
    return out


class LongTermsTest(TempDirMixin, unittest.TestCase):
    """A 300-byte profile id, cluster id and cluster title (Xapian refuses terms over 245 bytes;
    the index stage used to fail after the import had committed, and search answered 500)."""

    def setUp(self):
        super().setUp()
        with open(os.path.join(GOLDEN, "sociare-2016.profiles.json"), encoding="utf-8") as f:
            profile = json.load(f)[0]
        self.profile_id = "p" + "ab" * 150
        self.cluster_id = "c" + "cd" * 150
        profile["id"] = self.profile_id
        profile["clusters"] = profile["clusters"][:2]
        profile["clusters"][0]["id"] = self.cluster_id
        profile["clusters"][0]["title"] = "Titel " + "lang" * 75
        self.source = self.write("long.json", json.dumps(profile))

    def test_import_and_search_with_long_ids(self):
        result = run("import", self.source, db=self.db)
        self.assertEqual(result.returncode, 0)
        self.assertNotIn("warning", result.stderr)
        self.assertFalse(glob.glob(self.db + ".search.new-*"))
        found = json.loads(run("search", "--json", "informatiebronnen", db=self.db).stdout)
        self.assertTrue(found["results"])
        # The long facet value is cut and hashed the same way at index and at query time.
        for facet, value in (("cluster", self.cluster_id), ("profile", self.profile_id)):
            filtered = json.loads(run("search", "--json", "--filter", f"{facet}={value}",
                                      "informatiebronnen", db=self.db).stdout)
            self.assertTrue(filtered["results"], facet)
        other = json.loads(run("search", "--json", "--filter", "cluster=" + self.cluster_id[:-1]
                               + "x", "informatiebronnen", db=self.db).stdout)
        self.assertEqual(other["results"], [])

        server = Server(self.db)
        try:
            query = urllib.parse.urlencode({"q": "informatiebronnen"})
            status, _, body = server.get("/api/search?" + query)
            self.assertEqual(status, 200, body)
            self.assertTrue(json.loads(body)["results"])
            query = urllib.parse.urlencode({"q": "informatiebronnen",
                                            "cluster": self.cluster_id})
            status, _, body = server.get("/api/search?" + query)
            self.assertEqual(status, 200, body)
        finally:
            server.stop()


class RebuildInterruptionTest(TempDirMixin, unittest.TestCase):
    """A database whose index takes a few seconds to build, served with the index removed so
    that the first search rebuilds it."""

    def setUp(self):
        super().setUp()
        source = self.write("gen.json", json.dumps(generated_profiles(30, 80)))
        run("import", source, db=self.db)
        shutil.rmtree(self.db + ".search")

    def start_rebuild(self):
        """Starts a server and a search that rebuilds the index; returns once the rebuild
        writes its new folder."""
        server = Server(self.db)

        def search():
            try:
                urllib.request.urlopen(server.url + "/api/search?q=netwerk", timeout=60).read()
            except OSError:
                pass  # the server went away: what the test does to it

        threading.Thread(target=search, daemon=True).start()
        deadline = time.monotonic() + 60
        while not glob.glob(self.db + ".search.new-*"):
            self.assertLess(time.monotonic(), deadline, "the rebuild did not start")
            time.sleep(0.005)
        return server

    def test_sigterm_during_rebuild_ends_the_server_within_2_s(self):
        server = self.start_rebuild()
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
            self.fail("vakkaart serve still ran 2 s after SIGTERM during a rebuild")
        finally:
            server.process.stdout.close()
            server.process.stderr.close()
        self.assertLess(time.monotonic() - started, 2)

    def test_sigterm_when_idle_ends_the_server(self):
        server = Server(self.db)
        server.process.send_signal(signal.SIGTERM)
        self.assertEqual(server.process.wait(timeout=2), 0)
        server.process.stdout.close()
        server.process.stderr.close()

    def test_killed_rebuild_leaves_nothing_that_breaks_search(self):
        server = self.start_rebuild()
        server.process.send_signal(signal.SIGKILL)
        server.process.wait()
        server.process.stdout.close()
        server.process.stderr.close()
        self.assertTrue(glob.glob(self.db + ".search.new-*"))

        server = Server(self.db)  # removes the dead process's folder before it serves
        try:
            self.assertEqual(glob.glob(self.db + ".search.new-*"), [])
            status, _, body = server.get("/api/search?q=netwerk")
            self.assertEqual(status, 200, body)
            self.assertTrue(json.loads(body)["results"])
        finally:
            server.stop()
        self.assertEqual(glob.glob(self.db + ".search.new-*"), [])
        self.assertEqual(glob.glob(self.db + ".search.old-*"), [])


if __name__ == "__main__":
    unittest.main()
