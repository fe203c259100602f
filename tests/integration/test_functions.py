"""Function profiles end to end: the CLI composes a job out of two profiles and a BK
competence, exports it in every format, and the documents are read back by other programs
(LibreOffice converts the DOCX, pdftotext reads both PDFs) to check every block and statement
is there, in order. Bad input and concurrent edits leave the database exactly as it was."""
import json
import os
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, ROOT, ServedDatabaseMixin, TempDirMixin, run, snapshot  # noqa: E402

ARTIFACTS = os.environ.get("VAKKAART_ARTIFACTS", os.path.join(ROOT, "build", "artifacts"))


def squash(text):
    """Whitespace runs to one space: line breaks in a PDF fall anywhere."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path):
    return squash(subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                                 capture_output=True, text=True).stdout)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def assert_in_order(test, text, needles, label):
    """Every needle occurs in `text`, each after the previous one."""
    at = 0
    for needle in needles:
        found = text.find(squash(needle), at)
        test.assertGreaterEqual(found, 0, f"{label}: {needle!r} missing (or out of order)")
        at = found + 1


def expected_lines(view):
    """What a reader must find, in document order: per ring → cluster → block, its title and
    the text of each item (wording, or the original)."""
    f = view["function"]
    framework = view["framework"]
    order = [c["id"] for c in framework["clusters"]]
    lines = []
    for cluster in order:
        for b in f["blocks"]:
            if b["cluster"] != cluster:
                continue
            lines.append(b["title"])
            for item in b["items"]:
                lines.append(item["wording"] if item["wording"] is not None else item["original"])
    return lines


class FunctionCli(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)

    def fn(self, *args, check=True):
        return run("function", *args, db=self.db, check=check)

    def compose(self):
        """A coordinator of volunteers out of two profiles and a BK competence."""
        fid = self.fn("new", "Coördinator vrijwilligers & vorming", "--org", "Vormingplus Oost").stdout
        self.assertRegex(fid, r"^[a-z0-9-]+\n$")  # the id alone, so scripts can use it
        fid = fid.strip()
        self.fn("add", fid, "gemeenschapswerker:organiseren-en-begeleiden:1")
        self.fn("add", fid, "campagnewerker:communiceren:1", "--items", "1,3")
        self.fn("add", fid, "BK-0338-3:5")
        view = json.loads(self.fn("show", fid, "--json").stdout)
        blocks = view["function"]["blocks"]
        self.assertEqual(len(blocks), 4)
        self.assertEqual([i["source_position"] for i in blocks[2]["items"]], [1, 3])
        item = blocks[1]["items"][0]
        self.fn("reword", fid, item["id"], "Zet vrijwilligers in bij onze zomerwerking")
        for block, weight in zip(blocks, ["10", "40", "20", "30"]):
            self.fn("weight", fid, block["id"], weight)
        self.fn("set", fid, "--purpose", "Vrijwilligers vinden, vormen en vasthouden.",
                "--context", "Regionale vormingsorganisatie met 300 vrijwilligers.")
        return fid, item

    def test_compose_show_and_warnings(self):
        fid, item = self.compose()
        view = json.loads(self.fn("show", fid, "--json").stdout)
        reworded = view["function"]["blocks"][1]["items"][0]
        self.assertEqual(reworded["wording"], "Zet vrijwilligers in bij onze zomerwerking")
        self.assertEqual(reworded["original"], item["original"])  # the original stays linked
        self.assertEqual(view["warnings"], [])  # core present, weights 100, no duplicates
        tree = self.fn("show", fid).stdout
        self.assertIn("origineel: " + item["original"], tree)
        listed = json.loads(self.fn("list", "--json").stdout)
        self.assertEqual([f["id"] for f in listed], [fid])
        history = json.loads(self.fn("history", fid, "--json").stdout)
        self.assertEqual(history[0]["version"], view["function"]["version"])
        self.assertEqual(len(history), view["function"]["version"])
        coverage = json.loads(self.fn("coverage", fid, "--json").stdout)
        self.assertEqual(len(coverage["profiles"]), 5)
        ids = [p["id"] for p in coverage["profiles"]]
        self.assertIn(ids[0], ["gemeenschapswerker", "begeleider-sociaal-culturele-activiteiten"])
        gw = next(p for p in coverage["profiles"] if p["id"] == "gemeenschapswerker")
        ob = next(c for c in gw["clusters"] if c["id"] == "organiseren-en-begeleiden")
        self.assertGreater(ob["percent"], 0)

    def test_every_export_reads_back_in_order(self):
        fid, _ = self.compose()
        view = json.loads(self.fn("show", fid, "--json").stdout)
        lines = expected_lines(view)
        self.assertGreater(len(lines), 20)
        out = {}
        for fmt in ["md", "html", "docx", "pdf", "json"]:
            out[fmt] = self.path(f"{fid}.{fmt}")
            self.fn("export", fid, "--format", fmt, "-o", out[fmt])
        with open(out["md"], encoding="utf-8") as f:
            assert_in_order(self, squash(f.read().replace("\\", "")), lines, "markdown")
        with open(out["html"], encoding="utf-8") as f:
            html = f.read()
        self.assertIn("@page", html)
        import html as htmllib
        assert_in_order(self, squash(htmllib.unescape(re.sub(r"<[^>]+>", " ", html))), lines,
                        "html")
        assert_in_order(self, pdf_text(out["pdf"]), lines, "pdf")

        # The DOCX as Word would print it: LibreOffice converts it to PDF.
        converted = self.path("converted")
        subprocess.run(["libreoffice", "--headless", "-env:UserInstallation=file://" +
                        self.path("lo-profile"), "--convert-to", "pdf", "--outdir", converted,
                        out["docx"]], check=True, capture_output=True, timeout=180)
        docx_pdf = os.path.join(converted, f"{fid}.pdf")
        assert_in_order(self, pdf_text(docx_pdf), lines, "docx via LibreOffice")

        # Page 1 of each as a picture, for a person to look at.
        os.makedirs(ARTIFACTS, exist_ok=True)
        for name, pdf in [("function-pdf", out["pdf"]), ("function-docx", docx_pdf)]:
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                            pdf, os.path.join(ARTIFACTS, name)], check=True)
            self.assertTrue(os.path.exists(os.path.join(ARTIFACTS, name + ".png")))

        # The canonical JSON restores the function exactly, in another database.
        other = self.path("other.db")
        restored = run("function", "import", out["json"], db=other).stdout.strip()
        self.assertEqual(restored, fid)
        again = self.path("again.json")
        run("function", "export", fid, "--format", "json", "-o", again, db=other)
        with open(out["json"], "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_a_60_statement_function_prints_on_at_most_3_pages(self):
        fid = self.fn("new", "Zestig uitspraken", "--no-core").stdout.strip()
        for source in ["gemeenschapswerker:organiseren-en-begeleiden:1",
                       "begeleider-sociaal-culturele-activiteiten:organiseren-en-begeleiden:2",
                       "gemeenschapswerker:orienteren-en-relaties:1",
                       "campagnewerker:communiceren:1",
                       "belangenbehartiger:vertegenwoordigen-samenwerken-netwerken:1",
                       "BK-0338-3:1", "BK-0338-3:9"]:
            self.fn("add", fid, source)
        view = json.loads(self.fn("show", fid, "--json").stdout)
        count = sum(len(b["items"]) for b in view["function"]["blocks"])
        self.assertGreaterEqual(count, 60)
        pdf = self.path("sixty.pdf")
        self.fn("export", fid, "--format", "pdf", "-o", pdf)
        self.assertLessEqual(pdf_pages(pdf), 3, f"{count} statements")

    def test_a_new_bk_version_is_offered_change_by_change(self):
        fid = self.fn("new", "Vakbondssecretaris").stdout.strip()
        self.fn("add", fid, "BK-0338-3:1", "--items", "1,2")
        with open(BK, encoding="utf-8") as f:
            text = f.read()
        old = "Zorgt voor een goede overlegsituatie"
        new = "Zorgt voor een goede en veilige overlegsituatie"
        v4 = (text.replace("BK-0338-3", "BK-0338-4").replace("versie 3, 2020", "versie 4, 2026")
              .replace(old, new))
        self.assertEqual(json.loads(self.fn("changes", fid, "--json").stdout), [])
        run("import", self.write("BK-0338-4.txt", v4), db=self.db)
        changes = json.loads(self.fn("changes", fid, "--json").stdout)
        self.assertEqual([(c["type"], c["old_text"], c["new_text"], c["new_version"])
                          for c in changes], [("reworded", old, new, "4")])
        # Shown, not applied: the function still says what it took from version 3.
        view = json.loads(self.fn("show", fid, "--json").stdout)
        block = view["function"]["blocks"][-1]
        self.assertEqual(block["items"][0]["original"], old)
        self.assertEqual(block["source"]["version"], "3")
        self.assertEqual(view["changes"], changes)
        self.fn("take", fid, changes[0]["key"])
        view = json.loads(self.fn("show", fid, "--json").stdout)
        block = view["function"]["blocks"][-1]
        self.assertEqual(block["items"][0]["original"], new)
        self.assertEqual(block["source"]["ref"], "BK-0338-4:1")
        self.assertEqual(view["changes"], [])
        self.assertIn("took source change (reworded)",
                      json.loads(self.fn("history", fid, "--json").stdout)[0]["summary"])

    def test_bad_input_is_refused_and_changes_nothing(self):
        fid = self.fn("new", "Proef").stdout.strip()
        block = json.loads(self.fn("show", fid, "--json").stdout)["function"]["blocks"][0]["id"]
        before = snapshot(self.db)
        cases = [
            (["add", fid, "niemand:communiceren:1"], "no profile 'niemand'"),
            (["add", fid, "BK-9999-1:1"], "no qualification 'BK-9999-1'"),
            (["add", fid, "BK-0338-3:77"], "no competence 77"),
            (["add", fid, "gemeenschapswerker:communiceren:1", "--items", "1,40"],
             "item 40 is not in block"),
            (["add", fid, "gemeenschapswerker:communiceren:1", "--items", "a,b"], "items"),
            (["add", fid, "zomaar"], "is not PROFILE:CLUSTER:N"),
            (["weight", fid, block, "101"], "between 0 and 100"),
            (["weight", fid, block, "-5"], "between 0 and 100"),
            (["reword", fid, "i999", "tekst"], "no item 'i999'"),
            (["show", "bestaat-niet"], "no function 'bestaat-niet'"),
            (["add", fid, "BK-0338-3:1", "--expect-version", "7"], "someone else changed it"),
        ]
        for args, message in cases:
            result = self.fn(*args, check=False)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(message, result.stderr, args)
        self.assertEqual(snapshot(self.db), before)


class FunctionApi(ServedDatabaseMixin, unittest.TestCase):
    def call(self, method, path, body=None, status=200, raw=None):
        code, content_type, data = self.server.request(method, path, body, raw)
        self.assertEqual(code, status, data[:500])
        return json.loads(data) if content_type and "json" in content_type else data

    def create(self):
        view = self.call("POST", "/api/functions", {"title": "Stafmedewerker participatie",
                                                    "organisation": "Samenlevingsopbouw"}, 201)
        return view["function"]

    def edit(self, f, edits, status=200):
        return self.call("POST", f"/api/functions/{f['id']}/edits",
                         {"version": f["version"], "edits": edits}, status)

    def test_create_edit_read_and_export(self):
        f = self.create()
        self.assertEqual(f["blocks"][0]["layer"], "lerende-professional")
        view = self.edit(f, [{"op": "add_block", "source": "gemeenschapswerker:orienteren-en-relaties:1",
                              "items": [1, 2]},
                             {"op": "add_block", "source": "BK-0338-3:11"}])
        self.assertEqual(len(view["summary"]), 2)
        f = view["function"]
        self.assertEqual(self.get_json(f"/api/functions/{f['id']}")["function"], f)
        self.assertEqual(self.get_json(f"/api/functions/{f['id']}/versions/1")["version"], 1)
        history = self.get_json(f"/api/functions/{f['id']}/history")["history"]
        self.assertEqual([h["version"] for h in history], [2, 1])
        self.assertIn("took gemeenschapswerker:orienteren-en-relaties:1", history[0]["summary"])
        coverage = self.get_json(f"/api/functions/{f['id']}/coverage")
        self.assertEqual(len(coverage["profiles"]), 5)
        code, ctype, svg = self.server.get(f"/api/functions/{f['id']}/coverage.svg?lang=en")
        self.assertEqual(code, 200)
        self.assertIn("image/svg+xml", ctype)
        self.assertIn(b"Gemeenschapswerker", svg)
        # The rings in English, the source's Dutch cluster titles and profile names marked so.
        self.assertIn(b"<title>Core activities</title>", svg)
        self.assertIn(b'lang="nl"><title>Gemeenschapswerker</title>', svg)
        self.assertNotIn(b"<title>Kernactiviteiten</title>", svg)
        _, _, dutch = self.server.get(f"/api/functions/{f['id']}/coverage.svg")
        self.assertIn(b"<title>Kernactiviteiten</title>", dutch)
        self.assertNotIn(b"lang=", dutch)
        for fmt, media in [("pdf", "application/pdf"), ("docx", "wordprocessingml"),
                           ("md", "text/markdown"), ("html", "text/html"), ("json", "json")]:
            code, ctype, body = self.server.get(f"/api/functions/{f['id']}/export?format={fmt}")
            self.assertEqual(code, 200, fmt)
            self.assertIn(media, ctype)
            self.assertGreater(len(body), 100)
        self.call("GET", f"/api/functions/{f['id']}/export?format=rtf", status=400)
        # The JSON export is accepted back as it is (under its own id, so replace it).
        code, _, exported = self.server.get(f"/api/functions/{f['id']}/export?format=json")
        self.call("POST", "/api/functions/import", raw=exported, status=409)
        restored = self.call("POST", "/api/functions/import?replace=1", raw=exported, status=201)
        self.assertEqual(restored["function"]["blocks"], f["blocks"])

    def test_a_concurrent_edit_is_a_conflict_showing_both(self):
        f = self.create()
        self.edit(f, [{"op": "set", "field": "title", "value": "Titel van An"}])
        before = snapshot(self.db)
        problem = self.edit(f, [{"op": "set", "field": "purpose", "value": "Doel van Bo"}], 409)
        self.assertEqual(problem["code"], "conflict")
        self.assertEqual(problem["current"]["function"]["title"], "Titel van An")
        self.assertEqual(problem["yours"]["purpose"], "Doel van Bo")
        self.assertEqual(problem["yours"]["title"], "Stafmedewerker participatie")
        self.assertEqual(snapshot(self.db), before)

    def test_bad_edits_are_refused_and_change_nothing(self):
        f = self.create()
        item = f["blocks"][0]["items"][0]["id"]
        before = snapshot(self.db)
        for edits, status, field in [
            ([{"op": "reword", "item": item, "text": "x" * (1 << 20)}], 413, "edits[0].text"),
            ([{"op": "add_block", "source": "BK-0338-3:99"}], 404, "edits[0].source"),
            ([{"op": "add_block", "source": "gemeenschapswerker:communiceren:1", "items": [0]}],
             400, "edits[0].items"),
            ([{"op": "set_block", "block": f["blocks"][0]["id"], "weight": 150}], 400,
             "edits[0].weight"),
            ([{"op": "set", "field": "title", "value": "ok"}, {"op": "remove_block", "block": "b999"}],
             404, "edits[1].block"),
        ]:
            problem = self.edit(f, edits, status)
            self.assertEqual(problem["field"], field)
        self.call("POST", f"/api/functions/{f['id']}/edits", raw=b"{not json", status=400)
        self.call("POST", "/api/functions", {"organisation": "zonder titel"}, 400)
        self.call("DELETE", f"/api/functions/{f['id']}?version=9", status=409)
        self.assertEqual(snapshot(self.db), before)
        self.call("GET", "/api/functions/bestaat-niet", status=404)
        code, _, _ = self.server.request("DELETE", f"/api/functions/{f['id']}?version=1")
        self.assertEqual(code, 204)
        self.assertEqual(self.get_json("/api/functions")["functions"], [])


if __name__ == "__main__":
    if not shutil.which("libreoffice") or not shutil.which("pdftotext"):
        sys.exit("libreoffice and pdftotext are needed: run scripts/install-deps.sh")
    unittest.main()
