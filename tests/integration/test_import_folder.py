"""`vakkaart import DIR`: every file it recognises, one transaction per file, a summary table;
`--dry-run` writes nothing; a non-zero exit only when a file was refused."""
import json
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, TempDirMixin, run, snapshot  # noqa: E402


class ImportFolderTest(TempDirMixin, unittest.TestCase):
    def folder(self, cut=True):
        """The bundled sources, a README, a hidden file and (cut) a BK page cut short."""
        d = self.path("bronnen")
        os.makedirs(os.path.join(d, "oud"))
        os.makedirs(os.path.join(d, ".git"))
        shutil.copy(BK, d)
        shutil.copy(NOTE, d)
        with open(os.path.join(d, "README.md"), "w", encoding="utf-8") as f:
            f.write("Bronnen van de sector.\n")
        with open(os.path.join(d, ".git", "config"), "w", encoding="utf-8") as f:
            f.write("[core]\n")
        if cut:
            with open(BK, encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(d, "oud", "afgebroken.txt"), "w", encoding="utf-8") as f:
                f.write(text[: text.index(" • Competentie 9:")])
        return d

    def report(self, *args, check=False):
        result = run("import", *args, "--json", db=self.db, check=check)
        return result, json.loads(result.stdout)

    def by_name(self, report):
        return {os.path.basename(f["path"]): f for f in report["files"]}

    def test_a_folder_imports_what_it_recognises_and_refuses_one_file_only(self):
        d = self.folder()
        result, report = self.report(d)
        self.assertNotEqual(result.returncode, 0, "a refused file makes the exit non-zero")
        self.assertIn("1 of 4 files refused", result.stderr)
        files = self.by_name(report)
        self.assertNotIn("config", files, "hidden folders are left out")
        self.assertEqual(files["BK-0338-3-syndicaal-deskundige.txt"]["result"], "imported")
        self.assertEqual(files["sociare-beroepenstructuur-2016.txt"]["result"], "imported")
        self.assertEqual(files["README.md"]["result"], "skipped")
        cut = files["afgebroken.txt"]
        self.assertEqual(cut["result"], "refused")
        self.assertRegex(cut["detail"], r"^line \d+: ", "the refusal names the line")
        self.assertEqual((report["imported"], report["present"], report["refused"], report["skipped"]),
                         (2, 0, 1, 1))
        # One transaction per file: the good files are stored although one was refused.
        listed = json.loads(run("list", "qualifications", "--json", db=self.db).stdout)
        self.assertIn("BK-0338-3", json.dumps(listed))

    def test_a_second_run_finds_everything_present_and_exits_zero(self):
        d = self.folder(cut=False)
        run("import", d, db=self.db)
        result, report = self.report(d, check=True)
        self.assertEqual(result.returncode, 0)
        self.assertEqual((report["imported"], report["present"], report["refused"], report["skipped"]),
                         (0, 2, 0, 1))
        table = run("import", d, db=self.db).stdout
        self.assertRegex(table, r"FILE\s+FORMAT\s+RESULT\s+DETAIL")
        self.assertIn("0 imported, 2 already present, 0 refused, 1 skipped", table)

    def test_a_dry_run_reports_and_writes_nothing(self):
        d = self.folder()
        run("import", NOTE, db=self.db)
        before = snapshot(self.db)
        result, report = self.report(d, "--dry-run")
        self.assertNotEqual(result.returncode, 0, "the cut page is still refused")
        self.assertTrue(report["dry_run"])
        files = self.by_name(report)
        self.assertEqual(files["BK-0338-3-syndicaal-deskundige.txt"]["result"], "imported")
        self.assertEqual(files["sociare-beroepenstructuur-2016.txt"]["result"], "already present")
        self.assertEqual(snapshot(self.db), before, "a dry run wrote to the database")
        self.assertIn("dry run: nothing was written", run("import", d, "--dry-run", db=self.db, check=False).stdout)

    def test_a_folder_goes_on_its_own(self):
        result = run("import", self.folder(cut=False), BK, db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("folder on its own", result.stderr)


if __name__ == "__main__":
    unittest.main()
