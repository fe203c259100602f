"""BK page layouts through the real binary: other renderings of the bundled page (flattened with
"- " bullets and no blank lines, a web copy with its skip link, title • code • version on one
line) are the same version of the qualification, not a conflict; a note under the title is kept
apart from the title (docs/formats/akov-bk.md)."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, TempDirMixin, run  # noqa: E402

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
        text = json.dumps(shown, ensure_ascii=False)
        self.assertIn('"title": "Syndicaal deskundige"', text)
        self.assertIn("Deze benaming wordt gebruikt in de Competent-fiche K140301 Syndicaal deskundige",
                      text)


if __name__ == "__main__":
    unittest.main()
