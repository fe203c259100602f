"""Concurrent CLI edits of one function (issue 14, item 11). Without --expect-version an edit
is meant for whatever is stored, so one that loses a race to another writer is applied again on
the fresh version: 20 at once all land. An edit that no longer applies after the race, and any
conflict with --expect-version, fails with exit status 1 and one line naming the conflict."""
import json
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BIN, BK, NOTE, TempDirMixin, run, snapshot  # noqa: E402

CONCURRENT = 20


class ConcurrentEdits(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        self.fid = run("function", "new", "Coördinator vrijwilligers", "--org", "Vormingplus",
                       db=self.db).stdout.strip()
        self.function = self.show()
        self.block = self.function["blocks"][0]["id"]

    def show(self):
        return json.loads(run("function", "show", self.fid, "--json", db=self.db).stdout)["function"]

    def run_together(self, commands):
        """Starts every command before waiting for any; returns (exit status, stdout, stderr)."""
        env = dict(os.environ, NO_COLOR="1")
        env.pop("VAKKAART_DB", None)
        processes = [subprocess.Popen([BIN, "--db", self.db, "function"] + c, env=env, text=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                     for c in commands]
        results = []
        for p in processes:
            out, err = p.communicate(timeout=300)
            results.append((p.returncode, out, err))
        return results

    def assert_one_line_conflict(self, stderr, pattern):
        lines = stderr.splitlines()
        self.assertEqual(len(lines), 1, stderr)
        self.assertRegex(lines[0], r"^vakkaart: error: [a-z0-9\[\]._]+: " + pattern)

    def test_twenty_concurrent_edits_all_land(self):
        commands = []
        for n in range(CONCURRENT):
            edit = [{"op": "add_item", "block": self.block, "text": f"Eigen taak {n}"}]
            commands.append(["edit", self.fid, self.write(f"edit{n}.json", json.dumps(edit))])
        results = self.run_together(commands)
        for n, (status, out, err) in enumerate(results):
            self.assertEqual(status, 0, err)
            self.assertEqual(out, "")
            # Its own account of the edit and nothing else: no error, no retry noise.
            self.assertRegex(err, rf'^wrote item i\d+ "Eigen taak {n}" in block {self.block}\n$')
        after = self.show()
        self.assertEqual(after["version"], self.function["version"] + CONCURRENT)
        history = json.loads(run("function", "history", self.fid, "--json", db=self.db).stdout)
        self.assertEqual([h["version"] for h in history],
                         list(range(after["version"], 0, -1)))
        texts = [i["wording"] or i["original"] for i in after["blocks"][0]["items"]]
        for n in range(CONCURRENT):
            self.assertEqual(texts.count(f"Eigen taak {n}"), 1, texts)
        # Each new version holds exactly one more of them than the one before.
        for version in range(self.function["version"] + 1, after["version"] + 1):
            path = self.path(f"v{version}.json")
            run("function", "export", self.fid, "--version", str(version), "--format", "json",
                "-o", path, db=self.db)
            with open(path, encoding="utf-8") as f:
                items = json.load(f)["blocks"][0]["items"]
            own = [i for i in items if (i["wording"] or "").startswith("Eigen taak")]
            self.assertEqual(len(own), version - self.function["version"])

    def test_an_edit_that_no_longer_applies_fails_in_one_line(self):
        item = self.function["blocks"][0]["items"][0]["id"]
        results = self.run_together([["remove", self.fid, item] for _ in range(10)])
        done = [r for r in results if r[0] == 0]
        self.assertEqual(len(done), 1, results)
        for status, out, err in results:
            if status == 0:
                continue
            self.assertEqual(status, 1)
            # Lost the race (the conflict is named) or came after it (the item is gone).
            self.assert_one_line_conflict(
                err, rf"(function '{self.fid}' changed from version \d+ to \d+ while this edit "
                     rf"was saved, and the edit no longer applies: )?function '{self.fid}' has no "
                     rf"item '{item}'$")
        self.assertEqual(self.show()["version"], self.function["version"] + 1)

    def test_a_stale_expect_version_fails_in_one_line(self):
        version = self.function["version"]
        run("function", "set", self.fid, "--purpose", "Eerst", db=self.db)
        before = snapshot(self.db)
        result = run("function", "add", self.fid, "BK-0338-3:1", "--expect-version", str(version),
                     db=self.db, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assert_one_line_conflict(
            result.stderr, re.escape(f"function '{self.fid}' is at version {version + 1}, not "
                                     f"version {version}: someone else changed it; nothing saved"))
        self.assertEqual(snapshot(self.db), before)

    def test_concurrent_edits_on_one_expected_version_save_one(self):
        version = self.function["version"]
        results = self.run_together(
            [["set", self.fid, "--purpose", f"Doel {n}", "--expect-version", str(version)]
             for n in range(10)])
        self.assertEqual(sum(1 for r in results if r[0] == 0), 1, results)
        for status, out, err in results:
            if status != 0:
                self.assertEqual(status, 1)
                self.assert_one_line_conflict(
                    err, rf"function '{self.fid}' is at version {version + 1}, not version "
                         rf"{version}: someone else changed it; nothing saved")
        self.assertEqual(self.show()["version"], version + 1)


if __name__ == "__main__":
    unittest.main()
