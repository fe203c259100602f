"""Import the bundled sources through the real CLI and check exports against the goldens."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from golden_subset import golden_differences  # noqa: E402
from support import BK, GOLDEN, NOTE, TempDirMixin, run, snapshot  # noqa: E402


class ImportExportTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.report = run("import", NOTE, BK, db=self.db).stdout

    def export(self, doc_id, db=None):
        return run("export", doc_id, "--format", "json", db=db or self.db).stdout

    def test_profiles_match_golden(self):
        with open(os.path.join(GOLDEN, "sociare-2016.profiles.json"), encoding="utf-8") as f:
            golden = json.load(f)
        self.assertEqual(len(golden), 5)
        for profile in golden:
            exported = json.loads(self.export(profile["id"]))
            differences = list(golden_differences(profile, exported))
            self.assertEqual(differences, [], profile["id"])

    def test_qualification_matches_golden(self):
        with open(os.path.join(GOLDEN, "BK-0338-3.json"), encoding="utf-8") as f:
            golden = json.load(f)
        exported = json.loads(self.export("BK-0338-3"))
        self.assertEqual(list(golden_differences(golden, exported)), [])
        # The code alone resolves to the current version.
        self.assertEqual(self.export("BK-0338"), self.export("BK-0338-3"))

    def test_numbers_of_the_issue(self):
        profiles = json.loads(run("list", "profiles", "--json", db=self.db).stdout)
        self.assertEqual(len(profiles), 5)
        activities = nested = 0
        for p in profiles:
            doc = json.loads(self.export(p["id"]))
            self.assertEqual(len(doc["clusters"]), 9)
            for cluster in doc["clusters"]:
                for ma in cluster["main_activities"]:
                    activities += len(ma["activities"])
                    nested += sum(len(a["children"]) for a in ma["activities"])
        self.assertEqual((activities, nested), (314, 10))

    def test_report_names_decisions(self):
        self.assertIn("created", self.report)
        self.assertIn("decision:", self.report)
        self.assertIn("plain-text block", self.report)

    def test_round_trip_is_byte_identical(self):
        for doc_id in ["BK-0338-3", "sociare-2016", "gemeenschapswerker"]:
            first = self.export(doc_id)
            path = self.write(f"{doc_id}.json", first)
            other_db = self.path(f"{doc_id}.db")
            run("import", path, db=other_db)
            self.assertEqual(self.export(doc_id, db=other_db), first, doc_id)
            # and the re-imported JSON changes nothing in a database that already holds it
            before = snapshot(self.db)
            run("import", path, db=self.db)
            self.assertEqual(snapshot(self.db), before, doc_id)

    def test_importing_one_edited_profile_keeps_its_siblings(self):
        profile = json.loads(self.export("campagnewerker"))
        profile["clusters"][1]["main_activities"][0]["activities"][0]["text"] = "Iets nieuws"
        run("import", self.write("p.json", json.dumps(profile, ensure_ascii=False)), db=self.db)
        ids = [p["id"] for p in json.loads(run("list", "profiles", "--json", db=self.db).stdout)]
        self.assertEqual(len(ids), 5)
        again = json.loads(self.export("campagnewerker"))
        self.assertEqual(again["clusters"][1]["main_activities"][0]["activities"][0]["text"],
                         "Iets nieuws")

    def test_export_to_file_is_the_same_as_stdout(self):
        out = self.path("bk.json")
        run("export", "BK-0338-3", "--format", "json", "-o", out, db=self.db)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(f.read(), self.export("BK-0338-3"))

    def test_importing_twice_changes_nothing(self):
        before = snapshot(self.db)
        second = run("import", NOTE, BK, db=self.db).stdout
        self.assertEqual(snapshot(self.db), before)
        self.assertIn("unchanged", second)
        self.assertNotIn("created", second)

    def test_newer_version_keeps_the_old_one(self):
        with open(BK, encoding="utf-8") as f:
            text = f.read()
        newer = text.replace("BK-0338-3", "BK-0338-4").replace("versie 3, 2020", "versie 4, 2024")
        newer = newer.replace("Werkt doelgroepgericht", "Werkt doelgroepgericht en inclusief", 1)
        run("import", self.write("bk4.txt", newer), db=self.db)
        listed = {q["id"]: q for q in json.loads(
            run("list", "qualifications", "--json", db=self.db).stdout)}
        self.assertEqual(set(listed), {"BK-0338-3", "BK-0338-4"})
        self.assertTrue(listed["BK-0338-4"]["current"])
        self.assertFalse(listed["BK-0338-3"]["current"])
        current = json.loads(self.export("BK-0338"))
        self.assertEqual(current["id"], "BK-0338-4")
        old = json.loads(self.export("BK-0338-3"))
        self.assertEqual(old["competences"][0]["title"], "Werkt doelgroepgericht")

    def test_show_and_list(self):
        tree = run("show", "gemeenschapswerker", db=self.db).stdout
        self.assertIn("Gemeenschapswerker", tree)
        self.assertIn("Afwegen - kiezen - ontwerpen", tree)
        self.assertNotIn("\x1b[", tree)  # no colour when not on a terminal
        shown = json.loads(run("show", "BK-0338", "--json", db=self.db).stdout)
        self.assertEqual(shown["id"], "BK-0338-3")
        frameworks = json.loads(run("list", "frameworks", "--json", db=self.db).stdout)
        self.assertEqual([f["id"] for f in frameworks], ["sociare-2016"])
        text = run("list", "qualifications", db=self.db).stdout
        self.assertIn("BK-0338-3", text)

    def test_ring_model_svg(self):
        import xml.etree.ElementTree as ET
        svg = run("ring", "gemeenschapswerker", "--cluster", "communiceren", db=self.db).stdout
        root = ET.fromstring(svg)  # well-formed XML
        ns = {"s": "http://www.w3.org/2000/svg"}
        segments = root.findall(".//s:a", ns)
        self.assertEqual(len(segments), 9)
        exported = json.loads(self.export("gemeenschapswerker"))
        counts = {c["id"]: sum(1 + len(a["children"]) for m in c["main_activities"]
                               for a in m["activities"]) for c in exported["clusters"]}
        for segment in segments:
            self.assertEqual(int(segment.get("data-count")), counts[segment.get("data-cluster")])
            self.assertTrue(segment.get("aria-label"))
        out = self.path("ring.svg")
        run("ring", "belangenbehartiger", "--lang", "en", "-o", out, db=self.db)
        with open(out, encoding="utf-8") as f:
            self.assertIn("0 activities", f.read())  # its empty Ondersteunen cluster
        missing = run("ring", "BK-0338-3", db=self.db, check=False)
        self.assertNotEqual(missing.returncode, 0)
        self.assertIn("profile", missing.stderr)

    def test_unknown_id_is_a_clear_error(self):
        result = run("show", "geen-beroep", db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("geen-beroep", result.stderr)

    def test_overlong_numbers_are_parse_errors_naming_file_and_line(self):
        with open(BK, encoding="utf-8") as f:
            text = f.read()
        huge = "9" * 40
        cases = [(text.replace("BK-0338-3\n", f"BK-0338-{huge}\n", 1), ":4:"),
                 (text.replace("versie 3, 2020", f"versie {huge}, 2020", 1), ":23:")]
        for i, (changed, line) in enumerate(cases):
            source = self.write(f"bk-{i}.txt", changed)
            result = run("import", source, db=self.db, check=False)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertNotIn("internal error", result.stderr)
            self.assertIn(source + line, result.stderr)
            self.assertIn("number out of range", result.stderr)

    def test_number_overflow_in_json_is_a_parse_error(self):
        source = self.write("overflow.json", '{"kind": "profile", "id": "x", "n": 1e999}')
        result = run("import", source, db=self.db, check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertNotIn("internal error", result.stderr)
        self.assertIn("overflow.json", result.stderr)

    def test_database_from_environment(self):
        result = run("list", "profiles", env={"VAKKAART_DB": self.db})
        self.assertIn("gemeenschapswerker", result.stdout)

    def test_help(self):
        result = run("--help")
        for command in ["import", "list", "show", "export", "serve"]:
            self.assertIn(command, result.stdout)
        usage = run("list", "nonsense", db=self.db, check=False)
        self.assertNotEqual(usage.returncode, 0)


if __name__ == "__main__":
    unittest.main()
