"""`vakkaart db copy`, `db check` and `db backup` (issue 15): a round trip SQLite -> PostgreSQL
-> SQLite gives byte-identical canonical exports of every object, on the bundled data plus a
function with 100 edits, users, tokens, a crosswalk decision and the audit log. Needs the test
cluster (ctest label pg)."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import (BK, NOTE, TESTER, TempDirMixin, drop_pg_database,  # noqa: E402
                     new_pg_database, run, snapshot, tester_token)

EDITS = 100


def every_export(db):
    """Every object's canonical form, as the CLI prints it: a dict name -> text."""
    out = {}
    for what in ("frameworks", "profiles", "qualifications"):
        listing = json.loads(run("list", what, "--json", db=db).stdout)
        out[f"list {what}"] = json.dumps(listing, sort_keys=True)
        for item in listing:
            out[f"export {item['id']}"] = run("export", item["id"], "--format", "json",
                                              db=db).stdout
    for f in json.loads(run("function", "list", "--json", db=db).stdout):
        fid = f["id"]
        exported = os.path.join(os.path.dirname(db) if "://" not in db else "/tmp",
                                f"export-{os.getpid()}.json")
        run("function", "export", fid, "--format", "json", "-o", exported, db=db)
        with open(exported, encoding="utf-8") as f:
            out[f"function {fid}"] = f.read()
        os.remove(exported)
        history = run("function", "history", fid, "--json", db=db).stdout
        out[f"history {fid}"] = history
        # Every row of every version is compared table by table (snapshot); opening versions
        # through the CLI is slow, so a sample of them is opened here: the first, every tenth,
        # the last.
        versions = [e["version"] for e in json.loads(history)]
        for v in sorted(set(versions[::10] + versions[-1:])):
            version = str(v)
            out[f"function {fid} v{version}"] = run("function", "show", fid, "--version",
                                                    version, "--json", db=db).stdout
    out["crosswalks"] = run("crosswalk", "list", "--json", db=db).stdout
    out["users"] = run("user", "list", "--json", db=db).stdout
    out["audit"] = run("audit", "--json", db=db).stdout
    return out


class DatabaseCopyTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.pg = self.db  # a fresh PostgreSQL database (the pg label's support.py)
        self.sqlite_a = self.path("a.db")
        self.sqlite_b = self.path("b.db")

    def fill(self, db, edits=EDITS):
        run("import", NOTE, BK, db=db)
        tester_token(db)
        fid = run("function", "new", "Coördinator vrijwilligers", "--org", "Vormingplus",
                  db=db).stdout.strip()
        for i in range(edits):
            run("function", "set", fid, "--purpose", f"Doel, versie {i} — met ‘tekens’", db=db)
        run("crosswalk", "compute", db=db)
        first = json.loads(run("crosswalk", "list", "--json", db=db).stdout)["alignments"][0]
        run("crosswalk", "confirm", first["source"]["ref"], first["target"]["ref"], db=db)
        return fid

    def test_round_trip_is_byte_identical(self):
        fid = self.fill(self.sqlite_a)
        history = json.loads(run("function", "history", fid, "--json", db=self.sqlite_a).stdout)
        self.assertEqual(len(history), EDITS + 1)
        before = every_export(self.sqlite_a)
        copied = json.loads(run("db", "copy", "--from", self.sqlite_a, "--to", self.pg,
                                "--json").stdout)
        self.assertEqual(copied["tables"]["function_versions"], EDITS + 1)
        self.assertNotIn("@", copied["to"].split("//")[1].split("@")[0] + "x")  # no password
        self.assertEqual(every_export(self.pg), before, "SQLite -> PostgreSQL")
        run("db", "copy", "--from", self.pg, "--to", self.sqlite_b)
        self.assertEqual(every_export(self.sqlite_b), before, "PostgreSQL -> SQLite")
        # Table for table the same rows, ids and hashes included.
        self.assertEqual(snapshot(self.sqlite_b), snapshot(self.sqlite_a))
        for db in (self.sqlite_a, self.pg, self.sqlite_b):
            report = json.loads(run("db", "check", "--json", db=db).stdout)
            self.assertTrue(report["ok"], report["problems"])
        # The copy goes on working: ids continue above the copied ones, tokens still sign in.
        run("user", "add", "new@example.org", "--org", "demo", "--role", "reader", db=self.pg)
        users = json.loads(run("user", "list", "--json", db=self.pg).stdout)
        self.assertIn("new@example.org", {u["email"] for u in users})
        run("function", "set", fid, "--purpose", "Na de kopie", db=self.pg)
        self.assertIn(TESTER, run("audit", db=self.pg).stdout)

    def test_copy_into_a_database_with_data_is_refused_and_changes_nothing(self):
        run("import", NOTE, db=self.sqlite_a)
        run("import", BK, db=self.pg)
        before = snapshot(self.pg)
        result = run("db", "copy", "--from", self.sqlite_a, "--to", self.pg, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("already holds data", result.stderr)
        self.assertEqual(snapshot(self.pg), before)
        same = run("db", "copy", "--from", self.sqlite_a, "--to", self.sqlite_a, check=False)
        self.assertNotEqual(same.returncode, 0)
        self.assertIn("same database", same.stderr)

    def test_unreachable_server_and_missing_file_are_clear_errors(self):
        nowhere = "postgresql://nobody@127.0.0.1:1/none"
        result = run("db", "copy", "--from", self.sqlite_a, "--to", nowhere, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("no database here", result.stderr)  # the missing source, named first
        run("import", NOTE, db=self.sqlite_a)
        result = run("db", "copy", "--from", self.sqlite_a, "--to", nowhere, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("cannot reach PostgreSQL", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_check_finds_a_damaged_history_and_backup_copies_a_live_file(self):
        fid = self.fill(self.sqlite_a, edits=12)
        backup = self.path("backup.db")
        run("db", "backup", backup, db=self.sqlite_a)
        self.assertEqual(snapshot(backup), snapshot(self.sqlite_a))
        again = run("db", "backup", backup, db=self.sqlite_a, check=False)
        self.assertNotEqual(again.returncode, 0, "an existing backup is never overwritten")
        refused = run("db", "backup", self.path("x.db"), db=self.pg, check=False)
        self.assertIn("pg_dump", refused.stderr)
        import sqlite3
        connection = sqlite3.connect(backup)
        connection.execute("UPDATE function_versions SET body = substr(body, 1, 20) "
                           "WHERE function_id = ? AND version = 10", (fid,))
        connection.commit()
        connection.close()
        report = run("db", "check", "--json", db=backup, check=False)
        self.assertNotEqual(report.returncode, 0)
        problems = json.loads(report.stdout)["problems"]
        self.assertTrue(any("version 10" in p for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
