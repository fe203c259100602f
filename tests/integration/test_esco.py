"""ESCO's CSV download through the real binary: a folder or a list of files imported as one
framework, BK-0338-3's competences aligned to ESCO skills by the crosswalk engine, the
framework exported again as SKOS, and errors naming file, line and column.
"""
import json
import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, ROOT, TempDirMixin, run  # noqa: E402

SAMPLE = os.path.join(ROOT, "tests", "data", "esco")
FILES = sorted(os.path.join(SAMPLE, f) for f in os.listdir(SAMPLE) if f.endswith(".csv"))
UNRELATED = {"booglassen", "een vorkheftruck besturen"}


class EscoImportTest(TempDirMixin, unittest.TestCase):
    def test_a_folder_imports_as_one_framework_and_again_unchanged(self):
        result = run("import", SAMPLE, "--json", db=self.db)
        report = json.loads(result.stdout)
        self.assertIn("esco", result.stdout)
        framework = json.loads(run("export", "esco-nl", db=self.db).stdout)
        self.assertEqual([l["id"] for l in framework["layers"]], ["skill-competence", "knowledge"])
        self.assertEqual(len(framework["clusters"]), 6)
        self.assertEqual(len(framework["profiles"]), 6)  # the skills and five occupations
        skills = sum(len(c["main_activities"]) for c in framework["profiles"][0]["clusters"])
        self.assertEqual(skills, 21)
        welder = next(p for p in framework["profiles"] if p["title"] == "lasser")
        held = [m["title"] for c in welder["clusters"] for m in c["main_activities"]]
        self.assertEqual(held, ["eigen werk plannen", "booglassen"])  # in cluster order
        again = run("import", SAMPLE, db=self.db)
        self.assertIn("already present", again.stdout)
        self.assertTrue(report)

    def test_files_with_the_format_forced_and_the_bk_aligned_to_esco_skills(self):
        run("import", NOTE, BK, db=self.db)
        run("import", *FILES, "--format", "esco", db=self.db)
        listed = json.loads(run("crosswalk", "list", "--source", "BK-0338-3", "--json",
                                db=self.db).stdout)["alignments"]
        to_esco = [a for a in listed if a["target"]["item"].startswith("esco-nl")]
        self.assertGreater(len(to_esco), 0)
        by_competence = {}
        for a in to_esco:
            by_competence.setdefault(a["source"]["title"], set()).add(a["target"]["title"])
        # Sensible: communicating professionally meets listening or communicating with target
        # groups; nothing of the union worker's competences meets welding or forklifts.
        self.assertTrue({"actief luisteren", "communiceren met doelgroepen"}
                        & by_competence.get("Communiceert professioneel", set()), by_competence)
        for competence, targets in by_competence.items():
            self.assertFalse(targets & UNRELATED, competence)
        # ESCO's own profiles align to the sociare profiles too (profile activities ↔ skills).
        profiles = json.loads(run("crosswalk", "list", "--source", "esco-nl-vaardigheden",
                                  "--json", db=self.db).stdout)["alignments"]
        self.assertTrue(any(not a["target"]["item"].startswith("esco") for a in profiles))
        # And the ESCO framework exports as SKOS like any other.
        from rdflib import Graph
        from rdflib import Literal
        g = Graph()
        g.parse(data=run("export", "esco-nl", "--format", "skos-turtle", db=self.db).stdout,
                format="turtle")
        self.assertGreater(len(g), 100)
        # A description with a line break and quotes comes back exactly through Turtle.
        labels = set(g.objects())
        self.assertIn(Literal("Begeleidt werkgroepen en animeert een discussie.\nBereidt de agenda "
                              "voor en zorgt voor het notuleren en de verslaggeving.", lang="nl"),
                      labels)
        self.assertIn(Literal("Luistert actief naar wat anderen zeggen, toont begrip voor de punten"
                              " die aan de orde komen en stelt gepaste vragen, zoals de \"open "
                              "vraag\".", lang="nl"), labels)

    def test_errors_name_the_file_line_and_column_and_nothing_is_written(self):
        folder = self.path("broken")
        shutil.copytree(SAMPLE, folder)
        skills = os.path.join(folder, "skills_nl.csv")
        with open(skills, "a", encoding="utf-8") as f:
            f.write('KnowledgeSkillCompetence,http://x/s,knowledge,,"open quote,,,,,,,,\n')
        result = run("import", *sorted(os.path.join(folder, n) for n in os.listdir(folder)),
                     db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("skills_nl.csv", result.stderr)
        self.assertIn("skills_nl.csv:25:", result.stderr)  # the line the record starts on
        self.assertIn("column 5 (preferredLabel)", result.stderr)
        listed = run("list", "frameworks", "--json", db=self.db, check=False).stdout
        self.assertNotIn("esco-nl", listed)
        # A relations file alone is refused: the skills file is needed.
        result = run("import", os.path.join(SAMPLE, "occupationSkillRelations_nl.csv"),
                     db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("skills_nl.csv", result.stderr)


if __name__ == "__main__":
    unittest.main()
