"""Function sheets through the real binary (issue 18): a composed function exported as CSV or
XLSX imports back into exactly that function (export -> import -> export byte-identical, the
canonical JSON equal), over the CLI and the API; a bad row is refused naming the file, line and
column, with nothing written.
"""
import csv
import io
import json
import os
import sys
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, Server, TempDirMixin, run, snapshot  # noqa: E402
from test_spreadsheets import xlsx_cells  # noqa: E402


class FunctionSheetCli(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        self.fid = self.compose()

    def fn(self, *args, db=None, check=True):
        return run("function", *args, db=db or self.db, check=check)

    def compose(self):
        """Taken, partly taken, reworded and own statements, weights and texts to quote."""
        fid = self.fn("new", "Coördinator vrijwilligers, \"vorming\"", "--org",
                      "Vormingplus Oost").stdout.strip()
        self.fn("add", fid, "gemeenschapswerker:organiseren-en-begeleiden:1")
        self.fn("add", fid, "campagnewerker:communiceren:1", "--items", "1,3")
        self.fn("add", fid, "BK-0338-3:5")
        view = json.loads(self.fn("show", fid, "--json").stdout)["function"]
        blocks = view["blocks"]
        self.fn("reword", fid, blocks[1]["items"][0]["id"], "Zet vrijwilligers in, ook 's zomers")
        edits = [{"op": "add_own_block", "title": "Eigen taken", "items": ["Houdt de sleutels bij",
                                                                           " Met spatie"]}]
        self.fn("edit", fid, self.write("edits.json", json.dumps(edits)))
        for block, weight in zip(blocks, ["10", "37.5", "20"]):
            self.fn("weight", fid, block["id"], weight)
        self.fn("set", fid, "--purpose", "Vrijwilligers vinden,\nvormen en vasthouden.")
        return fid

    def export(self, fmt, name, db=None):
        path = self.path(name)
        self.fn("export", self.fid, "--format", fmt, "-o", path, db=db)
        with open(path, "rb") as f:
            return f.read()

    def rows(self, data):
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))

    def test_csv_has_a_row_per_statement_and_round_trips_exactly(self):
        first = self.export("csv", "first.csv")
        self.assertTrue(first.startswith(b"\xef\xbb\xbfpath,kind,provenance,weight,wording\r\n"))
        rows = self.rows(first)
        self.assertEqual(rows[1][:2], [self.fid, "function"])
        view = json.loads(self.fn("show", self.fid, "--json").stdout)["function"]
        items = sum(len(b["items"]) for b in view["blocks"])
        item_kinds = {"activity", "sub_activity", "competence_activity", "knowledge", "own"}
        self.assertEqual(sum(1 for r in rows if r[1] in item_kinds), items)
        self.assertIn("own", [r[2] for r in rows if r[1] == "own"])
        self.assertTrue(any(r[2].endswith(" edited") for r in rows))
        self.assertIn("37.5", [r[3] for r in rows if r[1] == "block"])

        other = self.path("other.db")
        self.assertEqual(self.fn("import", self.path("first.csv"), db=other).stdout.strip(),
                         self.fid)
        self.assertEqual(self.export("csv", "second.csv", db=other), first)
        self.assertEqual(self.export("json", "other.json", db=other),
                         self.export("json", "here.json"))

    def test_xlsx_round_trips_exactly(self):
        first = self.export("xlsx", "first.xlsx")
        cells = xlsx_cells(self.path("first.xlsx"))
        self.assertEqual([cells[c + "1"] for c in "ABCDE"],
                         ["path", "kind", "provenance", "weight", "wording"])
        self.assertEqual((cells["A2"], cells["B2"]), (self.fid, "function"))
        other = self.path("other.db")
        self.fn("import", self.path("first.xlsx"), db=other)
        self.export("xlsx", "second.xlsx", db=other)
        self.assertEqual(xlsx_cells(self.path("second.xlsx")), cells)
        self.assertEqual(self.export("json", "other.json", db=other),
                         self.export("json", "here.json"))
        self.assertTrue(first.startswith(b"PK"))

    def test_a_bad_row_is_refused_with_its_place_and_nothing_is_written(self):
        rows = self.rows(self.export("csv", "f.csv"))
        index = next(i for i, r in enumerate(rows) if r[1] == "block")
        rows[index][3] = "veel"
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        path = self.write("bad.csv", out.getvalue())
        self.fn("delete", self.fid)
        before = snapshot(self.db)
        result = self.fn("import", path, check=False)
        self.assertNotEqual(result.returncode, 0)
        # A row's line is where it starts: a wording of two lines moves the rows after it.
        line = 2 + sum(1 + sum(f.count("\n") for f in r) for r in rows[1:index])
        self.assertIn(f"bad.csv:{line}: column weight", result.stderr)
        self.assertIn("column weight", result.stderr)
        self.assertEqual(snapshot(self.db), before)

    def test_an_existing_function_is_replaced_only_when_asked(self):
        path = self.path("f.csv")
        self.fn("export", self.fid, "--format", "csv", "-o", path)
        result = self.fn("import", path, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("exists already", result.stderr)
        self.fn("import", path, "--replace")


class FunctionSheetApi(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        self.fid = run("function", "new", "Stafmedewerker", db=self.db).stdout.strip()
        run("function", "add", self.fid, "BK-0338-3:5", db=self.db)
        self.server = Server(self.db)

    def tearDown(self):
        self.server.stop()
        super().tearDown()

    def download(self, fmt):
        req = urllib.request.Request(
            f"{self.server.url}/api/functions/{self.fid}/export?format={fmt}",
            headers=self.server.auth_headers())
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.headers, response.read()

    def test_the_api_serves_the_cli_files_and_takes_them_back(self):
        cli = self.path("cli.csv")
        run("function", "export", self.fid, "--format", "csv", "-o", cli, db=self.db)
        headers, body = self.download("csv")
        self.assertEqual(headers["Content-Type"], "text/csv; charset=utf-8")
        self.assertRegex(headers["Content-Disposition"],
                         rf'attachment; filename="{self.fid}-v\d+\.csv"')
        with open(cli, "rb") as f:
            self.assertEqual(body, f.read())
        headers, workbook = self.download("xlsx")
        self.assertIn("spreadsheetml", headers["Content-Type"])
        self.assertIn(".xlsx", headers["Content-Disposition"])
        _, _, before = self.server.get(f"/api/functions/{self.fid}/export?format=json")

        status, _, _ = self.server.request("POST", "/api/functions/import", raw=body,
                                           headers={"Content-Type": "text/csv"})
        self.assertEqual(status, 409)
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        for raw, media in ((body, "text/csv"), (workbook, xlsx)):
            status, _, view = self.server.request("POST", "/api/functions/import?replace=1",
                                                  raw=raw, headers={"Content-Type": media})
            self.assertEqual(status, 201, view)
            self.assertEqual(json.loads(view)["function"]["blocks"],
                             json.loads(before)["blocks"])

    def test_a_sheet_needs_its_media_type(self):
        _, body = self.download("csv")
        status, _, _ = self.server.request("POST", "/api/functions/import?replace=1", raw=body,
                                           headers={"Content-Type": "text/plain"})
        self.assertEqual(status, 415)
        status, _, _ = self.server.request("POST", f"/api/functions/{self.fid}/edits", raw=body,
                                           headers={"Content-Type": "text/csv"})
        self.assertEqual(status, 415)

    def test_a_bad_sheet_is_a_400_and_nothing_is_stored(self):
        _, body = self.download("csv")
        bad = body.replace(b",function,", b",functie,", 1)
        state = snapshot(self.db)
        status, _, problem = self.server.request("POST", "/api/functions/import?replace=1",
                                                 raw=bad, headers={"Content-Type": "text/csv"})
        self.assertEqual(status, 400, problem)
        self.assertIn("column kind", problem.decode("utf-8"))
        self.assertEqual(snapshot(self.db), state)

    def test_the_function_page_offers_the_sheets(self):
        # Named as what they are, the exchange format to edit and import again: an HR user
        # expecting a readable table picks Word or PDF instead.
        for lang, label, note in (
                ("nl", "Uitwisselbestand (CSV)", "om de functie in bulk te bewerken en terug in te laden"),
                ("en", "Exchange file (XLSX, Excel)", "for editing the function in bulk and importing it again")):
            status, _, page = self.server.get(f"/functions/{self.fid}?lang={lang}")
            self.assertEqual(status, 200)
            page = page.decode("utf-8")
            self.assertIn(label, page)
            self.assertIn(note, page)
            self.assertNotIn("Rekenblad", page)
            self.assertNotIn("Spreadsheet (", page)
            self.assertIn("format=xlsx", page)
            self.assertIn('aria-describedby="export-exchange-note"', page)


if __name__ == "__main__":
    unittest.main()
