"""A qualification's parts besides its competences (scope, notes under the title, partial
qualifications, footnotes, withdrawn) through the real binary: the CASE export carries them
and stays valid, `list qualifications` marks a withdrawn version, and a qualification without
them exports as it always did. (SKOS: test_skos.py, SkosQualificationPartsTest.)
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import (BK, EVERY_PART_SCOPE, EVERY_PART_TITLE_NOTE, TempDirMixin,  # noqa: E402
                     every_part_qualification, run)
from test_case import case_problems  # noqa: E402


class QualificationPartsTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.scratch = os.path.join(self.dir, "bundled.db")
        run("import", BK, db=self.scratch)
        bundled = json.loads(run("export", "BK-0338-3", db=self.scratch).stdout)
        self.q = every_part_qualification(bundled)
        run("import", self.write("parts.json", json.dumps(self.q, ensure_ascii=False)),
            db=self.db)

    def case(self, db):
        return run("export", "BK-0338-3", "--format", "case", db=db).stdout

    def test_the_case_package_carries_every_part_and_stays_valid(self):
        text = self.case(self.db)
        self.assertEqual(text, self.case(self.db))  # stable identifiers: the same bytes
        package = json.loads(text)
        self.assertEqual(case_problems(package), [])
        doc = package["CFDocument"]
        self.assertEqual(doc["adoptionStatus"], "Deprecated")
        self.assertEqual(doc["notes"],
                         "vakkaart:BK-0338-3\n\nAfbakening:\n" + EVERY_PART_SCOPE +
                         "\n\nTitel:\n" + EVERY_PART_TITLE_NOTE +
                         "\n\nVoetnoten:\n(2) Zoals het decreet het omschrijft.")
        items = {i["identifier"]: i for i in package["CFItems"]}
        partials = [i for i in package["CFItems"] if i.get("CFItemType") == "Deelkwalificatie"]
        self.assertEqual([(i["humanCodingScheme"], i["fullStatement"]) for i in partials],
                         [(p["code"], p["title"]) for p in self.q["partial_qualifications"]])
        members = {}
        for a in package["CFAssociations"]:
            if a["associationType"] == "isPartOf":
                origin = items[a["originNodeURI"]["identifier"]]["humanCodingScheme"]
                destination = items[a["destinationNodeURI"]["identifier"]]["humanCodingScheme"]
                members.setdefault(destination, []).append(int(origin.split(":")[1]))
        self.assertEqual(members, {p["code"]: p["competences"]
                                   for p in self.q["partial_qualifications"]})
        second = next(i for i in package["CFItems"] if i.get("humanCodingScheme") == "BK-0338-3:2")
        self.assertEqual(second["notes"], "* Ook tegenover de eigen organisatie.")

    def test_export_import_export_keeps_every_part(self):
        # The qualification's package, imported into a store of its own, comes back as the
        # qualification (issue 18): every part, and the second export is the first, byte for
        # byte. (With a framework in both stores: test_case.py.)
        text = self.case(self.db)
        self.assertIn("isPartOf", text)
        fresh = self.path("from-case.db")
        run("import", self.write("bk.case.json", text), db=fresh)
        [entry] = json.loads(run("list", "qualifications", "--json", db=fresh).stdout)
        self.assertEqual(entry["id"], "BK-0338-3")
        self.assertEqual(json.loads(run("list", "frameworks", "--json", db=fresh).stdout), [])
        again = self.case(fresh)
        self.assertEqual(case_problems(json.loads(again)), [])
        self.assertEqual(again, text)
        back = json.loads(run("export", "BK-0338-3", db=fresh).stdout)
        for key in ("scope", "title_references", "partial_qualifications", "withdrawn"):
            self.assertEqual(back.get(key), self.q.get(key), key)

    def test_a_qualification_without_parts_exports_as_before(self):
        package = json.loads(self.case(self.scratch))
        self.assertEqual(case_problems(package), [])
        self.assertEqual(package["CFDocument"]["notes"], "vakkaart:BK-0338-3")
        self.assertNotIn("adoptionStatus", package["CFDocument"])
        self.assertFalse(any("notes" in i for i in package["CFItems"]))
        self.assertFalse(any(i.get("CFItemType") == "Deelkwalificatie"
                             for i in package["CFItems"]))

    def test_list_marks_a_withdrawn_version(self):
        listed = run("list", "qualifications", db=self.db).stdout
        self.assertIn("(ingetrokken/withdrawn)", listed)
        [entry] = json.loads(run("list", "qualifications", "--json", db=self.db).stdout)
        self.assertIs(entry["withdrawn"], True)
        listed = run("list", "qualifications", db=self.scratch).stdout
        self.assertNotIn("withdrawn", listed)
        [entry] = json.loads(run("list", "qualifications", "--json", db=self.scratch).stdout)
        self.assertNotIn("withdrawn", entry)


if __name__ == "__main__":
    unittest.main()
