"""The older BK layouts through the real binary (docs/formats/bk-decree-annex.md,
docs/formats/bk-dossier-export.md): a decree annex, the same annex on one line and a dossier
export import by `vakkaart import FILE` and `vakkaart import DIR`; versions of BK-0338 from
different years line up under one code; a repealed one is withdrawn in the JSON, the API and
on the page; a cut-off annex is refused at the line where it ends."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, Server, TempDirMixin, run  # noqa: E402

LAYOUTS = os.path.join(os.path.dirname(__file__), "..", "data", "bk-layouts")


def page(name):
    """A fixture without its leading "# " lines (where it comes from; no part of the page)."""
    with open(os.path.join(LAYOUTS, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


class BkOlderLayoutsTest(TempDirMixin, unittest.TestCase):
    def import_report(self, *paths, check=True):
        result = run("import", *paths, "--json", db=self.db, check=check)
        return result, json.loads(result.stdout)

    def show(self, ident):
        return json.loads(run("show", ident, "--json", db=self.db).stdout)

    def test_a_decree_annex_imports_as_an_older_version(self):
        path = self.write("BK-0338-1-decree-annex.txt", page("BK-0338-1-decree-annex.txt"))
        _, report = self.import_report(path)
        self.assertEqual(report["files"][0]["format"], "bk-decree-annex")
        self.assertEqual(report["files"][0]["documents"][0]["outcome"], "created")
        shown = self.show("BK-0338-1")
        self.assertEqual((shown["id"], shown["year"], shown["current"]), ("BK-0338-1", 2014, True))
        self.assertNotIn("withdrawn", shown)
        self.assertEqual(shown["competences"][0]["title"], "Werkt doelgroepgericht")
        # The same annex flattened onto one line is the same version, not a conflict.
        flat = self.write("BK-0338-1-one-line.txt", page("BK-0338-1-decree-annex-one-line.txt"))
        _, report = self.import_report(flat)
        self.assertEqual(report["files"][0]["documents"][0]["outcome"], "unchanged")
        # And flattened as it is, its "o" and "-" bullets kept.
        mixed = self.write("BK-0338-1-mixed.txt",
                           page("BK-0338-1-decree-annex-one-line-mixed.txt"))
        _, report = self.import_report(mixed)
        self.assertEqual(report["files"][0]["format"], "bk-decree-annex")
        self.assertEqual(report["files"][0]["documents"][0]["outcome"], "unchanged")

    def test_versions_from_different_years_line_up_and_a_repealed_one_is_withdrawn(self):
        d = self.path("bk-0338")
        os.makedirs(d)
        with open(BK, encoding="utf-8") as f:
            self.write("bk-0338/BK-0338-3-syndicaal-deskundige.txt", f.read())
        for name in ("BK-0338-1-decree-annex.txt", "BK-0338-1-decree-annex-one-line.txt",
                     "BK-0338-2-decree-annex-repealed.txt"):
            self.write("bk-0338/" + name, page(name))
        result, report = self.import_report(d)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual((report["imported"], report["present"], report["refused"]), (3, 1, 0))
        current = self.show("BK-0338")
        self.assertEqual(current["id"], "BK-0338-3", "the modern page stays the current version")
        repealed = self.show("BK-0338-2")
        self.assertIs(repealed["withdrawn"], True)
        self.assertFalse(repealed["current"])
        listed = json.loads(run("list", "qualifications", "--json", db=self.db).stdout)
        ids = [q["id"] for q in (listed if isinstance(listed, list) else listed["qualifications"])]
        self.assertEqual([i for i in ids if i.startswith("BK-0338-")],
                         ["BK-0338-1", "BK-0338-2", "BK-0338-3"])
        server = Server(self.db, anonymous=True)
        try:
            status, _, body = server.get("/api/qualifications/BK-0338-2")
            self.assertEqual(status, 200)
            api = json.loads(body)
            self.assertIs(api["withdrawn"], True)
            self.assertEqual(api["versions"], [1, 2, 3])
            status, _, body = server.get("/qualifications/BK-0338-2")
            self.assertEqual(status, 200)
            self.assertIn("Deze beroepskwalificatie is opgeheven", body.decode("utf-8"))
            status, _, body = server.get("/qualifications/BK-0338-2?lang=en")
            self.assertIn("has been repealed", body.decode("utf-8"))
            status, _, body = server.get("/qualifications/BK-0338-3")
            self.assertNotIn("withdrawn-note", body.decode("utf-8"))
        finally:
            server.stop()

    def test_competence_codes_and_groups_are_stored_shown_and_exported(self):
        path = self.write("BK-0338-1-decree-annex.txt", page("BK-0338-1-decree-annex.txt"))
        self.import_report(path)
        shown = self.show("BK-0338-1")
        self.assertEqual([c.get("code") for c in shown["competences"]], ["co 01310", "co 01320"])
        self.assertEqual([c.get("group") for c in shown["competences"]],
                         ["BASISACTIVITEITEN", "SPECIFIEKE ACTIVITEITEN"])
        self.assertEqual(shown["competences"][0]["title"], "Werkt doelgroepgericht")
        self.assertNotIn("Competentiecodes", [s["title"] for s in shown.get("raw_sections", [])])
        case = json.loads(run("export", "BK-0338-1", "--format", "case", db=self.db).stdout)
        codes = sorted(i["humanCodingScheme"] for i in case["CFItems"]
                       if i["CFItemType"] == "Competentie")
        self.assertEqual(codes, ["co 01310", "co 01320"])
        skos = run("export", "BK-0338-1", "--format", "skos-turtle",
                   db=self.db).stdout
        self.assertIn('"co 01310"', skos)
        run("import", BK, db=self.db)
        modern = self.show("BK-0338-3")
        self.assertNotIn("code", modern["competences"][0])
        self.assertNotIn("group", modern["competences"][0])
        server = Server(self.db, anonymous=True)
        try:
            status, _, body = server.get("/api/qualifications/BK-0338-1")
            self.assertEqual(status, 200)
            self.assertEqual(json.loads(body)["competences"][1]["code"], "co 01320")
            _, _, body = server.get("/qualifications/BK-0338-1")
            self.assertIn('Groep: <span class="group" lang="nl">BASISACTIVITEITEN</span></span> · '
                          '<span class="competence-code">'
                          'Competentiecode: <span class="code" lang="nl">co 01310</span>',
                          body.decode("utf-8"))
            _, _, body = server.get("/qualifications/BK-0338-1?lang=en")
            self.assertIn('Group: <span class="group" lang="nl">SPECIFIEKE ACTIVITEITEN</span>',
                          body.decode("utf-8"))
            self.assertIn('Competence code: <span class="code" lang="nl">co 01320</span>',
                          body.decode("utf-8"))
            _, _, body = server.get("/qualifications/BK-0338-3")
            self.assertNotIn("competence-code", body.decode("utf-8"))
            self.assertNotIn("competence-meta", body.decode("utf-8"))
        finally:
            server.stop()

    def test_a_dossier_export_imports(self):
        path = self.write("BK-0338-3-dossier-export.txt", page("BK-0338-3-dossier-export.txt"))
        _, report = self.import_report(path)
        self.assertEqual(report["files"][0]["format"], "bk-dossier-export")
        shown = self.show("BK-0338-3")
        self.assertEqual(len(shown["competences"]), 2)
        self.assertIsNone(shown["year"])

    def test_a_dossier_export_is_the_same_qualification_as_its_page(self):
        # The modern page (the same cut of BK-0338-3) in one store, the dossier in another: the
        # canonical JSON agrees in every field the dossier carries. It has no "versie 3, 2020"
        # line (recognition, year) and it adds the competences' codes.
        modern = self.write("BK-0338-3.txt", page("bk-0338-3-cut.txt"))
        run("import", modern, db=self.db)
        expected = json.loads(run("export", "BK-0338-3", db=self.db).stdout)
        other = self.path("other.db")
        dossier = self.write("BK-0338-3-dossier-export.txt", page("BK-0338-3-dossier-export.txt"))
        run("import", dossier, db=other)
        got = json.loads(run("export", "BK-0338-3", db=other).stdout)
        self.assertEqual((got.pop("year"), got.pop("recognition")), (None, ""))
        expected.pop("year"), expected.pop("recognition")
        codes = [c.pop("code") for c in got["competences"]]
        self.assertTrue(all(codes), codes)
        self.assertEqual(got, expected)

    def test_a_cut_off_annex_is_refused_at_its_last_line(self):
        text = page("BK-0338-1-decree-annex.txt")
        text = text[: text.index("Stelt zich empathisch")]
        path = self.write("BK-0338-1-cut.txt", text)
        result = run("import", path, db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(f"BK-0338-1-cut.txt:{text.count(chr(10)) + 1}:", result.stderr)
        self.assertIn("truncated", result.stderr)

    def test_an_annex_without_a_code_is_refused_with_how_to_give_one(self):
        path = self.write("annex.txt", page("BK-0338-1-decree-annex.txt"))
        result = run("import", path, db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("no qualification code", result.stderr)


if __name__ == "__main__":
    unittest.main()
