"""BK page layouts through the real binary: other renderings of the bundled page (flattened with
"- " bullets and no blank lines, a web copy with its skip link, with two-space bullets too,
title • code • version on one line) are the same version of the qualification, not a conflict; a note under the title is kept
apart from the title (docs/formats/akov-bk.md)."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, Server, TempDirMixin, run  # noqa: E402

LAYOUTS = os.path.join(os.path.dirname(__file__), "..", "data", "bk-layouts")


def page():
    with open(BK, encoding="utf-8") as f:
        return f.read()


def flattened(text):
    lines = []
    for line in text.split("\n"):
        line = line.strip(" \t\u00a0")
        if not line:
            continue
        if line.startswith("\u2022"):
            line = "-" + line[1:]
        lines.append(line)
    return "\n".join(lines) + "\n"


def without_comment_header(path):
    """A fixture without its leading "# " lines (where it comes from; no part of the page)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


class BkLayoutsTest(TempDirMixin, unittest.TestCase):
    def import_json(self, path):
        report = json.loads(run("import", path, "--json", db=self.db).stdout)
        return report["files"][0]

    def test_renderings_of_the_same_page_are_the_same_version(self):
        self.assertEqual(self.import_json(BK)["documents"][0]["outcome"], "created")
        text = page()
        renderings = {
            "flat.txt": flattened(text),
            "web.txt": "Skip to Main Content\n\n" + text,
            # Every bullet mark rendered as indentation alone ("two-space bullets").
            "web-two-space.txt": "Skip to Main Content\n\n" + text.replace("\u2022 ", "  "),
            "one-line.txt": "Syndicaal deskundige \u2022 BK-0338-3 \u2022 Dit is de actuele versie "
            "van de beroepskwalificatie.\n\n" + text[text.index("Globaal"):],
        }
        for name, rendering in renderings.items():
            with self.subTest(rendering=name):
                report = self.import_json(self.write(name, rendering))
                self.assertEqual(report["documents"][0]["outcome"], "unchanged")
                self.assertEqual([n for n in report["notes"] if n["kind"] == "warning"], [])

    def test_a_note_under_the_title_is_not_part_of_the_title(self):
        path = self.write("note.txt", without_comment_header(
            os.path.join(LAYOUTS, "title-note-competent-fiche.txt")))
        report = self.import_json(path)
        self.assertEqual(report["documents"][0]["outcome"], "created")
        shown = json.loads(run("show", "BK-0338-3", "--json", db=self.db).stdout)
        self.assertEqual(shown["title"], "Syndicaal deskundige")
        self.assertEqual(shown["title_references"], [{
            "kind": "competent_fiche", "code": "K140301", "name": "Syndicaal deskundige",
            "title_used": True,
            "note": "Deze benaming wordt gebruikt in de Competent-fiche K140301 Syndicaal deskundige"}])
        self.assertEqual(shown["raw_sections"], [])
        # The export carries the reference too, and reads back as the same version.
        exported = self.write("exported.json", run("export", "BK-0338-3", "--format", "json",
                                                      db=self.db).stdout)
        with open(exported, encoding="utf-8") as f:
            self.assertIn('"title_references"', f.read())
        self.assertEqual(self.import_json(exported)["documents"][0]["outcome"], "unchanged")

    def test_sector_note_and_afbakening_are_shown_on_the_page(self):
        path = self.write("afbakening.txt", without_comment_header(
            os.path.join(LAYOUTS, "afbakening-sector-profile-note.txt")))
        self.assertEqual(self.import_json(path)["documents"][0]["outcome"], "created")
        shown = json.loads(run("show", "BK-0338-3", "--json", db=self.db).stdout)
        self.assertEqual(shown["title_references"][0]["kind"], "sector_profile")
        self.assertEqual(shown["title_references"][0]["name"], "Constructiv")
        self.assertTrue(shown["scope"].startswith("De syndicaal deskundige werkt binnen"))
        self.assertEqual(shown["scope"].count("\n"), 1)
        server = Server(self.db, anonymous=True)
        try:
            status, _, body = server.get("/qualifications/BK-0338-3")
            self.assertEqual(status, 200)
            html = body.decode("utf-8")
            self.assertIn('<li class="title-reference" data-kind="sector_profile">', html)
            self.assertIn('<span class="reference-name" lang="nl">Constructiv</span>', html)
            self.assertIn("de benaming wordt daar gebruikt", html)
            self.assertIn('<h2 id="scope-h">Afbakening</h2>', html)
            self.assertIn("<p>Het vertegenwoordigen van werknemers in een ondernemingsraad valt "
                          "buiten deze beroepskwalificatie.</p>", html)
            status, _, body = server.get("/qualifications/BK-0338-3?lang=en")
            self.assertIn('<h2 id="scope-h">Scope</h2>', body.decode("utf-8"))
        finally:
            server.stop()

    def test_deelkwalificaties_are_shown_with_links_to_their_competences(self):
        section = without_comment_header(os.path.join(LAYOUTS, "deelkwalificaties-section.txt"))
        text = page()
        at = text.index("Omgevingscontext")
        path = self.write("partials.txt", text[:at] + section + text[at:])
        report = self.import_json(path)
        self.assertEqual(report["documents"][0]["outcome"], "created")
        self.assertEqual([n for n in report["notes"] if n["kind"] == "warning"], [])
        shown = json.loads(run("show", "BK-0338-3", "--json", db=self.db).stdout)
        self.assertEqual(shown["partial_qualifications"], [
            {"code": "BKD-0593-1-DBK-01", "title": "Onthaalmedewerker vakorganisatie",
             "competences": [1, 3]},
            {"code": "BKD-0593-1-DBK-02", "title": "Dossierbeheerder werkloosheid",
             "competences": [2, 4, 6, 7, 8]}])
        server = Server(self.db, anonymous=True)
        try:
            html = server.get("/qualifications/BK-0338-3")[2].decode("utf-8")
            self.assertIn('<h2 id="partial-h">Deelkwalificaties</h2>', html)
            self.assertIn('<span class="partial-code">BKD-0593-1-DBK-02</span>', html)
            self.assertIn('<a href="#competence-6">6</a>, <a href="#competence-7">7</a>', html)
        finally:
            server.stop()
        # A number the qualification does not have is refused, naming the line.
        bad = text[:at] + section.replace("6-8", "6-18") + text[at:]
        line = bad[:bad.index("6-18")].count("\n") + 1
        refused = run("import", self.write("bad.txt", bad), db=self.db, check=False)
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn(f"bad.txt:{line}", refused.stderr + refused.stdout)
        self.assertIn("names competence 16", refused.stderr + refused.stdout)

    def test_footnotes_are_linked_on_the_page(self):
        text = page()
        text = text.replace("  \u2022 Wekt geen onrealiseerbare verwachtingen\n",
                            "  \u2022 Wekt geen onrealiseerbare verwachtingen (1)\n", 1)
        at = text.index(" \u2022 Competentie 2:")
        text = text[:at] + "(1) Verwachtingen over de uitkomst van een dossier,\n" \
            "ook bij een beroepsprocedure.\n" + text[at:]
        report = self.import_json(self.write("footnotes.txt", text))
        self.assertEqual([n for n in report["notes"] if n["kind"] == "warning"], [])
        shown = json.loads(run("show", "BK-0338-3", "--json", db=self.db).stdout)
        self.assertEqual(shown["footnotes"], [{
            "mark": "(1)", "referenced_at": ["competences[0].activities[2]"],
            "text": "Verwachtingen over de uitkomst van een dossier,\nook bij een beroepsprocedure."}])
        server = Server(self.db, anonymous=True)
        try:
            html = server.get("/qualifications/BK-0338-3")[2].decode("utf-8")
            self.assertIn('verwachtingen (1)</span><sup class="footnote-ref"><a href="#footnote-1"',
                          html)
            self.assertIn('<li id="footnote-1" class="footnote"><span class="footnote-mark">(1)'
                          '</span>', html)
            self.assertIn('<a href="#competence-1">Competentie 1</a>', html)
        finally:
            server.stop()

    def test_a_repealed_modern_page_is_withdrawn(self):
        path = self.write("BK-0338-3.txt",
                          without_comment_header(os.path.join(LAYOUTS, "bk-0338-3-repealed.txt")))
        result = run("import", path, "--json", db=self.db)
        report = json.loads(result.stdout)
        self.assertEqual(report["files"][0]["format"], "akov-bk")
        shown = json.loads(run("show", "BK-0338-3", "--json", db=self.db).stdout)
        self.assertIs(shown["withdrawn"], True)
        # The page claims no current version, but it is its code's only version: the store's
        # effective current one (every version withdrawn, the highest is).
        self.assertTrue(shown["current"])
        self.assertIn({"title": "Opheffing", "lines": ["Deze beroepskwalificatie is opgeheven."]},
                      shown["raw_sections"])
        case = json.loads(run("export", "BK-0338-3", "--format", "case", db=self.db).stdout)
        self.assertEqual(case["CFDocument"]["adoptionStatus"], "Deprecated")

    def test_stored_text_is_escaped_on_the_page(self):
        text = without_comment_header(os.path.join(LAYOUTS, "afbakening-sector-profile-note.txt"))
        text = text.replace("van Constructiv", "van <b>Constructiv</b>").replace(
            "uitbetalingsinstelling.", "uitbetalingsinstelling <script>x</script>.")
        run("import", self.write("escaped.txt", text), db=self.db)
        server = Server(self.db, anonymous=True)
        try:
            html = server.get("/qualifications/BK-0338-3")[2].decode("utf-8")
            self.assertNotIn("<b>Constructiv</b>", html)
            self.assertNotIn("<script>x</script>", html)
            self.assertIn("&lt;b&gt;Constructiv&lt;&#x2F;b&gt;", html)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
