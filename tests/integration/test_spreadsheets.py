"""Spreadsheets through the real binary: a framework exported as CSV imports back into the same
framework (export -> import -> export byte-identical), an edited wording comes back as a replaced
framework, and bad rows are refused naming the file, line and column with nothing written.
"""
import csv
import io
import os
import sys
import unittest
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from support import NOTE, Server, TempDirMixin, run, snapshot  # noqa: E402

FRAMEWORK = "sociare-2016"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def xlsx_cells(path):
    """{cell reference: text} of the first sheet, read with the standard library."""
    with zipfile.ZipFile(path) as z:
        shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for c in sheet.iter(f"{{{NS['m']}}}c"):
        v = c.find("m:v", NS)
        cells[c.get("r")] = shared[int(v.text)] if c.get("t") == "s" else v.text
    return cells


class SpreadsheetCsvTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, db=self.db)

    def export_csv(self, name, db=None):
        path = self.path(name)
        run("export", FRAMEWORK, "--format", "csv", "-o", path, db=db or self.db)
        with open(path, "rb") as f:
            return f.read()

    def rows(self, data):
        text = data.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text, newline="")))

    def test_export_has_a_row_per_statement(self):
        data = self.export_csv("f.csv")
        self.assertTrue(data.startswith(b"\xef\xbb\xbfpath,kind,provenance,weight,wording\r\n"))
        rows = self.rows(data)
        framework = __import__("json").loads(run("export", FRAMEWORK, db=self.db).stdout)
        kinds = [r[1] for r in rows[1:]]
        self.assertEqual(rows[1][:2], [FRAMEWORK, "framework"])
        self.assertEqual(kinds.count("layer"), len(framework["layers"]))
        self.assertEqual(kinds.count("cluster"), len(framework["clusters"]))
        self.assertEqual(kinds.count("profile"), len(framework["profiles"]))
        self.assertGreater(kinds.count("activity"), 100)

    def test_round_trip_is_byte_identical(self):
        first = self.export_csv("first.csv")
        other = self.path("other.db") if not self.db.startswith("postgresql") else self.db
        if other != self.db:
            run("import", self.path("first.csv"), db=other)
        else:
            out = run("import", self.path("first.csv"), db=other).stdout
            self.assertIn("unchanged", out)
        self.assertEqual(self.export_csv("second.csv", db=other), first)
        self.assertEqual(run("export", FRAMEWORK, db=other).stdout,
                         run("export", FRAMEWORK, db=self.db).stdout)

    def test_an_edited_wording_comes_back(self):
        rows = self.rows(self.export_csv("f.csv"))
        index = next(i for i, r in enumerate(rows) if r[1] == "activity")
        rows[index][4] = "Een nieuwe formulering, met \"aanhalingstekens\""
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        path = self.write("edited.csv", out.getvalue())
        report = run("import", path, db=self.db).stdout
        self.assertIn("replaced", report)
        self.assertIn(f"changed activity {rows[index][0]}: ", report)
        self.assertIn("1 wording(s) changed, 0 row(s) added, 0 removed", report)
        self.assertIn("Een nieuwe formulering, met \"\"aanhalingstekens\"\"",
                      self.export_csv("again.csv").decode("utf-8"))

    def test_removed_and_added_rows_are_reported(self):
        rows = self.rows(self.export_csv("f.csv"))
        last = max(i for i, r in enumerate(rows) if r[1] == "activity")
        removed = rows.pop(last)
        rows.append(["nieuw-profiel", "profile", "", "", "Nieuw profiel"])
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        report = run("import", self.write("e.csv", out.getvalue()), db=self.db).stdout
        self.assertIn(f"removed activity {removed[0]}", report)
        self.assertIn("added profile nieuw-profiel", report)
        self.assertIn("0 wording(s) changed, 2 row(s) added, 1 removed", report)

    def test_bad_rows_are_refused_with_their_place_and_nothing_is_written(self):
        data = self.rows(self.export_csv("f.csv"))
        index = next(i for i, r in enumerate(data) if r[1] == "activity")
        data[index][1] = "activiteit"
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(data)
        path = self.write("bad.csv", out.getvalue())
        before = snapshot(self.db)
        result = run("import", path, db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(f"bad.csv:{index + 1}", result.stderr)
        self.assertIn("column kind", result.stderr)
        self.assertEqual(snapshot(self.db), before)

    def test_translations_come_in_through_the_sheet_and_go_out_again(self):
        plain = self.export_csv("plain.csv")
        rows = self.rows(plain)
        activity = next(i for i, r in enumerate(rows) if r[1] == "activity")
        layer = next(i for i, r in enumerate(rows) if r[1] == "layer")
        rows[0] += ["wording_en", "wording_fr"]
        for r in rows[1:]:
            r += ["", ""]
        rows[activity][5] = "Analyses the request, \"carefully\""
        rows[layer][5] = "Core activities"
        rows[layer][6] = "Activités principales"
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        report = run("import", self.write("labels.csv", out.getvalue()), db=self.db).stdout
        self.assertIn("replaced", report)
        self.assertIn(f"changed activity {rows[activity][0]} (en): \"\" -> "
                      "\"Analyses the request, \"carefully\"\"", report)
        self.assertIn("3 wording(s) changed, 0 row(s) added, 0 removed", report)
        first = self.export_csv("labelled.csv")
        self.assertTrue(first.startswith(
            b"\xef\xbb\xbfpath,kind,provenance,weight,wording,wording_en,wording_fr\r\n"))
        back = self.rows(first)
        self.assertEqual(back[activity][5], "Analyses the request, \"carefully\"")
        self.assertEqual(back[layer][4:], [rows[layer][4], "Core activities",
                                           "Activités principales"])
        self.assertIn("unchanged", run("import", self.path("labelled.csv"), db=self.db).stdout)
        self.assertEqual(self.export_csv("again.csv"), first)
        # The plain five-column file takes the translations away again: Dutch only.
        report = run("import", self.write("plain.csv", plain.decode("utf-8-sig")),
                     db=self.db).stdout
        self.assertIn("replaced", report)
        self.assertEqual(self.export_csv("plain-again.csv"), plain)

    def test_a_profile_is_not_a_spreadsheet(self):
        result = run("export", "gemeenschapswerker", "--format", "csv", db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("export its framework", result.stderr)


class SpreadsheetXlsxTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, db=self.db)

    def test_round_trip_gives_the_same_cells(self):
        first = self.path("first.xlsx")
        run("export", FRAMEWORK, "--format", "xlsx", "-o", first, db=self.db)
        cells = xlsx_cells(first)
        self.assertEqual([cells[c + "1"] for c in "ABCDE"],
                         ["path", "kind", "provenance", "weight", "wording"])
        self.assertEqual((cells["A2"], cells["B2"]), (FRAMEWORK, "framework"))
        self.assertIn("unchanged", run("import", first, db=self.db).stdout)
        second = self.path("second.xlsx")
        run("export", FRAMEWORK, "--format", "xlsx", "-o", second, db=self.db)
        self.assertEqual(xlsx_cells(second), cells)

    def test_a_bad_cell_is_named(self):
        first = self.path("f.xlsx")
        run("export", FRAMEWORK, "--format", "xlsx", "-o", first, db=self.db)
        with zipfile.ZipFile(first) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        self.assertIn(b'<c r="B3" s="1" t="s"><v>', parts["xl/worksheets/sheet1.xml"])
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
            b'<c r="B3" s="1" t="s"><v>', b'<c r="B3" s="1" t="s"><v>99999')
        bad = self.path("bad.xlsx")
        with zipfile.ZipFile(bad, "w") as z:
            for n, data in parts.items():
                z.writestr(n, data)
        before = snapshot(self.db)
        result = run("import", bad, db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("bad.xlsx:3", result.stderr)
        self.assertIn("cell B3", result.stderr)
        self.assertEqual(snapshot(self.db), before)


class SpreadsheetDownloadTest(TempDirMixin, unittest.TestCase):
    def test_the_api_serves_the_same_files_as_the_cli(self):
        run("import", NOTE, db=self.db)
        cli_csv = self.path("cli.csv")
        run("export", FRAMEWORK, "--format", "csv", "-o", cli_csv, db=self.db)
        cli_xlsx = self.path("cli.xlsx")
        run("export", FRAMEWORK, "--format", "xlsx", "-o", cli_xlsx, db=self.db)
        server = Server(self.db, anonymous=True)
        try:
            status, ctype, body = server.get(f"/api/frameworks/{FRAMEWORK}/sheet.csv")
            self.assertEqual((status, ctype), (200, "text/csv; charset=utf-8"))
            with open(cli_csv, "rb") as f:
                self.assertEqual(body, f.read())
            status, ctype, body = server.get(f"/api/frameworks/{FRAMEWORK}/sheet.xlsx")
            self.assertEqual(status, 200)
            self.assertIn("spreadsheetml", ctype)
            served = self.write("served.xlsx", body)
            self.assertEqual(xlsx_cells(served), xlsx_cells(cli_xlsx))
            status, _, _ = server.get("/api/frameworks/gemeenschapswerker/sheet.csv")
            self.assertEqual(status, 404)
            status, _, page = server.get("/")
            self.assertEqual(status, 200)
            self.assertIn(f"&#x2F;{FRAMEWORK}&#x2F;sheet.xlsx\" download".encode(), page)
            status, _, page = server.get("/?lang=en")
            self.assertIn(b"Spreadsheet to edit labels", page)
        finally:
            server.stop()



class SpreadsheetLabelsPageTest(TempDirMixin, unittest.TestCase):
    """Issue 18: English labels imported through a sheet show on the English profile page
    (marked lang="en", escaped); the Dutch page keeps the Dutch."""

    def test_english_labels_on_the_english_page_dutch_on_the_dutch_one(self):
        run("import", NOTE, db=self.db)
        rows = self.framework_sheet_rows(FRAMEWORK)
        profile = next(i for i, r in enumerate(rows) if r[:2] == ["gemeenschapswerker", "profile"])
        rows[profile][5] = "Community worker"
        activity = next(i for i, r in enumerate(rows)
                        if r[1] == "activity" and r[0].startswith("gemeenschapswerker/"))
        rows[activity][5] = "Analyses <the> request & more"
        self.import_sheet_rows(rows)
        server = Server(self.db, anonymous=True)
        try:
            status, _, page = server.get("/profiles/gemeenschapswerker?lang=en")
            self.assertEqual(status, 200)
            page = page.decode("utf-8")
            self.assertIn('<h1 lang="en">Community worker</h1>', page)
            self.assertIn('<span class="activity-text" lang="en">Analyses &lt;the&gt; request '
                          '&amp; more</span>', page)
            self.assertNotIn("<the>", page)
            self.assertEqual(page.count('class="activity-text" lang="en"'), 1)
            # Texts without a label stay Dutch and say so.
            self.assertIn('<p class="definition" lang="nl">', page)
            status, _, page = server.get("/profiles/gemeenschapswerker?lang=nl")
            page = page.decode("utf-8")
            self.assertIn('<h1 lang="nl">Gemeenschapswerker</h1>', page)
            self.assertNotIn("Community worker", page)
            self.assertNotIn("Analyses", page)
            self.assertIn('<span class="activity-text" lang="nl">', page)
            self.assertGreater(page.count('lang="nl"'), 10)
        finally:
            server.stop()


class SpreadsheetLabelsSearchTest(TempDirMixin, unittest.TestCase):
    """Issue 16: an English query finds a statement by its English label (imported through a
    sheet); without the label it finds nothing."""

    def search_texts(self, *words):
        out = run("search", "--json", *words, db=self.db).stdout
        return [r["text"] for r in __import__("json").loads(out)["results"]]

    def test_an_english_query_finds_the_statement_by_its_english_label(self):
        run("import", NOTE, db=self.db)
        self.assertEqual(self.search_texts("hovercraft"), [])
        rows = self.framework_sheet_rows(FRAMEWORK)
        activity = next(i for i, r in enumerate(rows) if r[1] == "activity")
        rows[activity][5] = "Steers the hovercraft of the organisation"
        self.import_sheet_rows(rows)
        self.assertEqual(self.search_texts("hovercraft"), [rows[activity][4]])

if __name__ == "__main__":
    unittest.main()
