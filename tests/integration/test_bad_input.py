"""Bad input: a clear message naming the file (and line), a non-zero exit, the database as it
was."""
import io
import os
import subprocess
import sys
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, TempDirMixin, run, snapshot  # noqa: E402


class BadInputTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", BK, db=self.db)
        self.before = snapshot(self.db)

    def assert_rejected(self, *paths, mention=None, line=False):
        result = run("import", *paths, db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0, result.stdout)
        self.assertIn("error", result.stderr)
        self.assertIn(mention or os.path.basename(paths[-1]), result.stderr)
        if line:
            self.assertRegex(result.stderr, r":\d+:")
        self.assertEqual(snapshot(self.db), self.before, "the database changed")
        return result.stderr

    def test_empty_file(self):
        self.assert_rejected(self.write("empty.txt", b""))

    def test_whitespace_only_file(self):
        self.assert_rejected(self.write("blank.txt", b"  \n\n\t\n"))

    def test_binary_file(self):
        self.assert_rejected(self.write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50))

    def test_truncated_workbook_is_called_a_workbook(self):
        # Cut short, a workbook is no zip: it is still read as one (by its signature or its
        # name), never as text ("a NUL byte … binary data").
        book = io.BytesIO()
        with zipfile.ZipFile(book, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>" * 50)
        for name in ["cut.xlsx", "cut-workbook.bin"]:
            with self.subTest(name=name):
                message = self.assert_rejected(self.write(name, book.getvalue()[:60]))
                self.assertIn("not an XLSX workbook", message)
                self.assertNotIn("NUL", message)

    def test_truncated_qualification(self):
        with open(BK, encoding="utf-8") as f:
            text = f.read()
        cut = text[: text.index(" • Competentie 9:")]
        message = self.assert_rejected(self.write("BK-cut.txt", cut), line=True)
        self.assertIn("truncated", message)

    def test_truncated_note(self):
        with open(NOTE, encoding="utf-8") as f:
            text = f.read()
        cut = text[: text.index("ONDERSTEUNENDE ACTIVITEITEN BEROEP")]
        message = self.assert_rejected(self.write("note-cut.txt", cut), line=True)
        self.assertIn("truncated", message)

    def test_document_of_neither_format(self):
        message = self.assert_rejected(
            self.write("recipe.txt", "Appeltaart\n\nNeem 200 g bloem en 3 appels.\n"))
        self.assertIn("--format", message)

    def test_forced_wrong_format(self):
        self.assert_rejected("--format", "akov-bk", NOTE, mention="sociare-beroepenstructuur")

    def test_unknown_format_name(self):
        result = run("import", "--format", "docx", NOTE, db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("docx", result.stderr)

    def test_invalid_json(self):
        self.assert_rejected(self.write("bad.json", '{"kind": "profile", "id": '), line=True)

    def test_windows_1252_is_converted_and_reported(self):
        with open(NOTE, encoding="utf-8") as f:
            text = f.read()
        path = self.write("note-cp1252.txt", text.encode("cp1252", errors="replace"))
        result = run("import", path, db=self.db)
        self.assertIn("Windows-1252", result.stdout)
        exported = run("export", "sociare-2016", "--format", "json", db=self.db).stdout
        self.assertIn("Oriënteren en relaties", exported)
        self.assertIn("–processen", exported)

    def test_hundred_megabyte_file(self):
        path = self.path("huge.txt")
        with open(path, "wb") as f:
            f.truncate(100 * 1024 * 1024)
        message = self.assert_rejected(path)
        self.assertIn("100.0 MB", message)

    def test_a_file_that_reports_no_size_is_read_to_its_end(self):
        # procfs reports 0 bytes for files that hold text: "the file is empty" was wrong.
        message = self.assert_rejected("/proc/self/status", mention="/proc/self/status")
        self.assertNotIn("empty", message)
        self.assertIn("not a document vakkaart can read", message)
        # Without a size to check first, the read itself stops at the limit.
        message = self.assert_rejected("/dev/zero", mention="/dev/zero")
        self.assertIn("larger than 16.0 MB", message)

    def test_missing_path(self):
        self.assert_rejected(self.path("nope.txt"))

    def test_directory_as_input(self):
        os.mkdir(self.path("a-folder"))
        self.assert_rejected(self.path("a-folder"))

    def test_all_or_nothing_over_several_files(self):
        # The note is fine, the second file is not: nothing of the note may be stored.
        self.assert_rejected(NOTE, self.write("empty.txt", b""))
        listed = run("list", "profiles", db=self.db).stdout
        self.assertNotIn("gemeenschapswerker", listed)

    def test_corrupt_database(self):
        corrupt = self.write("corrupt.db", b"SQLite format 3\x00" + b"\xff" * 8192)
        with open(corrupt, "rb") as f:
            original = f.read()
        result = run("import", NOTE, db=corrupt, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("corrupt.db", result.stderr)
        with open(corrupt, "rb") as f:
            self.assertEqual(f.read(), original)

    def test_database_that_is_not_a_database(self):
        text_file = self.write("notes.db", "just some text, not a database\n" * 200)
        result = run("list", "profiles", db=text_file, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("notes.db", result.stderr)

    def test_empty_file_as_database(self):
        empty = self.write("empty.db", b"")
        result = run("list", "profiles", db=empty, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("empty.db", result.stderr)
        self.assertIn("not a vakkaart database", result.stderr)
        self.assertNotIn("out of date", result.stderr)

    def test_database_url_of_another_kind(self):
        result = run("list", "profiles", db="mysql://user:geheim@x/db", check=False)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("--db", result.stderr)
        self.assertIn("mysql://", result.stderr)
        self.assertIn("postgresql://", result.stderr, "it says what is supported")
        self.assertNotIn("geheim", result.stderr, "never the password")
        self.assertNotIn("import sources first", result.stderr)

    def test_database_path_is_a_directory(self):
        os.mkdir(self.path("db-dir"))
        result = run("import", NOTE, db=self.path("db-dir"), check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("db-dir", result.stderr)

    def test_read_only_database(self):
        # Root ignores file modes; the immutable attribute (chattr +i) binds root too.
        if os.geteuid() != 0:
            os.chmod(self.db, 0o444)
            undo = lambda: os.chmod(self.db, 0o644)  # noqa: E731
        elif subprocess.run(["chattr", "+i", self.db], capture_output=True).returncode == 0:
            undo = lambda: subprocess.run(["chattr", "-i", self.db])  # noqa: E731
        else:
            self.skipTest("cannot make a file read-only here (root without chattr)")
        try:
            result = run("import", NOTE, db=self.db, check=False)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("test.db", result.stderr)
            self.assertIn("read-only", result.stderr)
            self.assertEqual(snapshot(self.db), self.before)
            # reading still works
            self.assertIn("BK-0338-3", run("list", "qualifications", db=self.db).stdout)
        finally:
            undo()

if __name__ == "__main__":
    unittest.main()
