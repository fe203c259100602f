"""SKOS through the real binary and server: the JSON-LD and Turtle exports parsed with real
RDF parsers (rdflib for both, raptor's rapper for Turtle), both giving the same graph, triple
counts computed from the store's own JSON export, and content negotiation on the URLs of
frameworks, profiles and qualifications (their pages and their JSON), cached per representation.
"""
import json
import os
import subprocess
import sys
import unittest
import urllib.request

from rdflib import Graph, Literal, Namespace, RDF, URIRef
from rdflib.compare import isomorphic

sys.path.insert(0, os.path.dirname(__file__))
from support import (BK, EVERY_PART_SCOPE, EVERY_PART_TITLE_NOTE, NOTE, Server,  # noqa: E402
                     TempDirMixin, every_part_qualification, run)

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
OWL_DEPRECATED = URIRef("http://www.w3.org/2002/07/owl#deprecated")
MATCH = {"exact": SKOS.exactMatch, "close": SKOS.closeMatch, "related": SKOS.relatedMatch}


def parse(text, fmt):
    g = Graph()
    g.parse(data=text, format=fmt)
    return g


def rapper_count(text):
    """Triples raptor's Turtle parser reads (it fails on any syntax error)."""
    done = subprocess.run(["rapper", "-i", "turtle", "-c", "-", "urn:base"], input=text.encode(),
                          capture_output=True, check=True)
    line = [l for l in done.stderr.decode().splitlines() if "returned" in l][0]
    return int(line.split("returned")[1].split()[0])


def activity_count(activities):
    return sum(1 + activity_count(a.get("children", [])) for a in activities)


def expected_framework_counts(framework, profiles, alignments):
    """(concepts, triples) a framework's SKOS must have, from its canonical JSON."""
    layers, clusters = len(framework["layers"]), len(framework["clusters"])
    mains = acts = definitions = 0
    for p in profiles:
        definitions += 1 if p["definition"] else 0
        for c in p["clusters"]:
            mains += len(c["main_activities"])
            acts += sum(activity_count(m["activities"]) for m in c["main_activities"])
    n_profiles = len(profiles)
    concepts = layers + clusters + n_profiles + mains + acts
    triples = (2 + layers + n_profiles          # the scheme: type, label, hasTopConcept
               + 3 * concepts                   # type, prefLabel, inScheme
               + layers + clusters + n_profiles + mains  # notation
               + definitions
               + layers + n_profiles            # topConceptOf
               + 2 * clusters + 4 * mains + 2 * acts  # broader + narrower
               + alignments)
    return concepts, triples


def mapping_pairs(alignments, sources):
    """Distinct (source ref, type, target ref) of the non-rejected alignments from `sources`."""
    return {(a["source"]["ref"], a["type"], a["target"]["ref"]) for a in alignments
            if a["status"] != "rejected" and a["source"]["item"] in sources}


class SkosCliTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)

    def export(self, doc_id, fmt, *args):
        return run("export", doc_id, "--format", fmt, *args, db=self.db).stdout

    def alignments(self):
        return json.loads(run("crosswalk", "list", "--json", db=self.db).stdout)["alignments"]

    def both(self, doc_id):
        turtle = self.export(doc_id, "skos-turtle")
        jsonld = self.export(doc_id, "skos-jsonld")
        g_ttl, g_ld = parse(turtle, "turtle"), parse(jsonld, "json-ld")
        self.assertTrue(isomorphic(g_ttl, g_ld), doc_id)
        self.assertEqual(rapper_count(turtle), len(g_ttl))
        self.assertIn("@context", json.loads(jsonld))
        return g_ttl

    def test_a_framework_has_every_concept_and_the_exact_triple_count(self):
        framework = json.loads(run("export", "sociare-2016", db=self.db).stdout)
        g = self.both("sociare-2016")
        profile_ids = {p["id"] for p in framework["profiles"]}
        pairs = mapping_pairs(self.alignments(), profile_ids)
        self.assertGreater(len(pairs), 0)
        concepts, triples = expected_framework_counts(framework, framework["profiles"], len(pairs))
        self.assertEqual(len(set(g.subjects(RDF.type, SKOS.Concept))), concepts)
        self.assertEqual(len(g), triples)
        schemes = list(g.subjects(RDF.type, SKOS.ConceptScheme))
        self.assertEqual(len(schemes), 1)
        self.assertIn((schemes[0], SKOS.prefLabel, Literal(framework["title"], lang="nl")), g)
        # Every concept is in the scheme, and every broader has its narrower.
        for c in g.subjects(RDF.type, SKOS.Concept):
            self.assertIn((c, SKOS.inScheme, schemes[0]), g)
        for a, b in g.subject_objects(SKOS.broader):
            self.assertIn((b, SKOS.narrower, a), g)
        mapped = sum(len(list(g.triples((None, p, None)))) for p in MATCH.values())
        self.assertEqual(mapped, len(pairs))

    def test_a_profile_and_a_qualification(self):
        framework = json.loads(run("export", "sociare-2016", db=self.db).stdout)
        profile = framework["profiles"][0]
        g = self.both(profile["id"])
        pairs = mapping_pairs(self.alignments(), {profile["id"]})
        concepts, triples = expected_framework_counts(framework, [profile], len(pairs))
        self.assertEqual(len(set(g.subjects(RDF.type, SKOS.Concept))), concepts)
        self.assertEqual(len(g), triples)

        q = json.loads(run("export", "BK-0338-3", db=self.db).stdout)
        g = self.both("BK-0338-3")
        comps = len(q["competences"])
        lines = sum(len(c["activities"]) + len(c["knowledge"]) for c in q["competences"])
        pairs = mapping_pairs(self.alignments(), {"BK-0338-3"})
        self.assertGreater(len(pairs), 0)
        self.assertEqual(len(set(g.subjects(RDF.type, SKOS.Concept))), comps + lines)
        triples = (2 + (1 if q["definition"] else 0) + comps   # scheme
                   + 3 * (comps + lines) + comps + comps        # + notation, topConceptOf
                   + 2 * lines + len(pairs))
        self.assertEqual(len(g), triples)
        # An alignment points at the target's own IRI, as the target's export names it.
        source, kind, target = sorted(pairs)[0]
        number = source.split(":")[1]
        p, c, n = target.split(":")
        self.assertIn((URIRef(f"urn:vakkaart:qualifications/BK-0338-3#competence/{number}"),
                       MATCH[kind], URIRef(f"urn:vakkaart:profiles/{p}#ma/{c}/{n}")), g)
        self.assertIn((URIRef(f"urn:vakkaart:profiles/{p}#ma/{c}/{n}"), RDF.type, SKOS.Concept),
                      self.both(p))

    def test_rejected_alignments_are_left_out_and_the_base_url_makes_the_iris(self):
        before = self.export("BK-0338-3", "skos-turtle")
        first = next(a for a in self.alignments() if a["source"]["item"] == "BK-0338-3")
        run("crosswalk", "reject", first["source"]["ref"], first["target"]["ref"], db=self.db)
        after = parse(self.export("BK-0338-3", "skos-turtle"), "turtle")
        self.assertEqual(len(parse(before, "turtle")) - 1, len(after))
        g = parse(self.export("BK-0338-3", "skos-jsonld", "--base-url", "https://vk.example/"),
                  "json-ld")
        self.assertIn((URIRef("https://vk.example/qualifications/BK-0338-3#competence/1"),
                       RDF.type, SKOS.Concept), g)

    def test_text_with_quotes_backslashes_and_line_breaks_survives_both_parsers(self):
        framework = json.loads(run("export", "sociare-2016", db=self.db).stdout)
        odd = 'Zegt "ja" \\ of \'nee\'\nop twee regels — één keer\ttab'
        framework["id"] = "vreemd"
        framework["title"] = odd
        for p in framework["profiles"]:
            p["id"] = "vreemd-" + p["id"]
            p["framework"] = "vreemd"
        path = self.write("vreemd.json", json.dumps(framework, ensure_ascii=False))
        run("import", path, db=self.db)
        g = self.both("vreemd")
        # The import folds runs of white space in a title (a line break, a tab) into one space;
        # ESCO's descriptions keep theirs (test_esco.py checks a line break through Turtle).
        stored = json.loads(run("export", "vreemd", db=self.db).stdout)["title"]
        self.assertIn('"ja" \\ of', stored)
        self.assertIn(Literal(stored, lang="nl"), set(g.objects(None, SKOS.prefLabel)))

    def test_an_unknown_id_is_an_error(self):
        result = run("export", "nope", "--format", "skos-turtle", db=self.db, check=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("nope", result.stderr)


def fetch(server, path, accept=None):
    req = urllib.request.Request(server.url + path, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class SkosNegotiationTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        # Anonymous: only their responses are cached, which is what this test is about.
        self.server = Server(self.db, anonymous=True)

    def tearDown(self):
        self.server.stop()
        super().tearDown()

    def test_every_url_of_a_framework_profile_or_qualification_negotiates(self):
        profile = json.loads(run("export", "sociare-2016", db=self.db).stdout)["profiles"][0]["id"]
        urls = {"/api/frameworks/sociare-2016": "sociare-2016",
                f"/api/profiles/{profile}": profile, f"/profiles/{profile}": profile,
                "/api/qualifications/BK-0338-3": "BK-0338-3",
                "/qualifications/BK-0338-3": "BK-0338-3"}
        for path, doc_id in urls.items():
            with self.subTest(path=path):
                expected = parse(run("export", doc_id, "--format", "skos-turtle",
                                     db=self.db).stdout, "turtle")
                # Twice each, in turns: the second answers come from the response cache and
                # must still be the representation asked for.
                for _ in range(2):
                    status, headers, body = fetch(self.server, path, "text/turtle")
                    self.assertEqual(status, 200, body)
                    self.assertTrue(headers["Content-Type"].startswith("text/turtle"))
                    self.assertIn("Accept", headers.get("Vary", ""))
                    self.assertTrue(isomorphic(parse(body, "turtle"), expected))
                    status, headers, body = fetch(self.server, path,
                                                  "application/ld+json, application/json;q=0.5")
                    self.assertTrue(headers["Content-Type"].startswith("application/ld+json"))
                    self.assertIn("Accept", headers.get("Vary", ""))
                    self.assertTrue(isomorphic(parse(body, "json-ld"), expected))
                    status, headers, body = fetch(self.server, path)
                    self.assertEqual(status, 200)
                    self.assertIn("Accept", headers.get("Vary", ""))
                    plain = "text/html" if not path.startswith("/api/") else "application/json"
                    self.assertTrue(headers["Content-Type"].startswith(plain), headers)

    def test_a_url_of_one_kind_does_not_answer_for_another(self):
        status, headers, _ = fetch(self.server, "/api/profiles/sociare-2016", "text/turtle")
        self.assertEqual(status, 404)
        status, _, _ = fetch(self.server, "/api/qualifications/BK-9999-1", "application/ld+json")
        self.assertEqual(status, 404)



class SkosLabelsTest(TempDirMixin, unittest.TestCase):
    """Issue 18: translations imported through a spreadsheet are prefLabels in their language."""

    def test_translations_are_pref_labels_beside_the_dutch(self):
        import csv
        import io
        run("import", NOTE, db=self.db)
        sheet = self.path("f.csv")
        run("export", "sociare-2016", "--format", "csv", "-o", sheet, db=self.db)
        with open(sheet, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        before = parse(run("export", "sociare-2016", "--format", "skos-turtle",
                           db=self.db).stdout, "turtle")
        rows[0] += ["wording_en", "wording_fr"]
        for r in rows[1:]:
            r += ["", ""]
        english = [i for i, r in enumerate(rows) if r[1] in ("layer", "activity")][:5]
        for i in english:
            rows[i][5] = "EN " + rows[i][4]
        french = next(i for i, r in enumerate(rows) if r[1] == "profile")
        rows[french][6] = "Travailleur"
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        run("import", self.write("labels.csv", out.getvalue()), db=self.db)
        turtle = run("export", "sociare-2016", "--format", "skos-turtle", db=self.db).stdout
        g = parse(turtle, "turtle")
        self.assertEqual(len(g), len(before) + len(english) + 1)
        self.assertEqual(rapper_count(turtle), len(g))
        labels = list(g.objects(None, SKOS.prefLabel))
        self.assertEqual(sum(1 for l in labels if l.language == "en"), len(english))
        self.assertEqual([str(l) for l in labels if l.language == "fr"], ["Travailleur"])
        self.assertEqual(sum(1 for l in labels if l.language == "nl"),
                         sum(1 for l in before.objects(None, SKOS.prefLabel)))
        for subject in g.subjects(SKOS.prefLabel, Literal("Travailleur", lang="fr")):
            self.assertEqual(len(list(g.objects(subject, SKOS.prefLabel))), 2)

class SkosQualificationPartsTest(TempDirMixin, unittest.TestCase):
    """A qualification with every part (support.every_part_qualification) and no crosswalks."""

    def setUp(self):
        super().setUp()
        scratch = os.path.join(self.dir, "bundled.db")
        run("import", BK, db=scratch)
        self.q = every_part_qualification(json.loads(run("export", "BK-0338-3", db=scratch).stdout))
        run("import", self.write("parts.json", json.dumps(self.q, ensure_ascii=False)),
            db=self.db)

    def test_parts_become_notes_collections_and_deprecation_with_the_exact_count(self):
        turtle = run("export", "BK-0338-3", "--format", "skos-turtle", db=self.db).stdout
        jsonld = run("export", "BK-0338-3", "--format", "skos-jsonld", db=self.db).stdout
        g = parse(turtle, "turtle")
        self.assertTrue(isomorphic(g, parse(jsonld, "json-ld")))
        self.assertEqual(rapper_count(turtle), len(g))
        doc = "urn:vakkaart:qualifications/BK-0338-3"
        scheme, competence = URIRef(doc + "#scheme"), doc + "#competence/"
        self.assertIn((scheme, SKOS.scopeNote, Literal(EVERY_PART_SCOPE, lang="nl")), g)
        self.assertIn((scheme, SKOS.note, Literal(EVERY_PART_TITLE_NOTE, lang="nl")), g)
        self.assertIn((scheme, SKOS.note, Literal("(2) Zoals het decreet het omschrijft.",
                                                  lang="nl")), g)
        self.assertIn((URIRef(competence + "2"), SKOS.note,
                       Literal("* Ook tegenover de eigen organisatie.", lang="nl")), g)
        partial = URIRef(doc + "#partial/BKD-0593-1-DBK-02")
        self.assertIn((partial, RDF.type, SKOS.Collection), g)
        self.assertIn((partial, SKOS.notation, Literal("BKD-0593-1-DBK-02")), g)
        self.assertIn((partial, SKOS.prefLabel, Literal("Dossierbeheerder werkloosheid", lang="nl")),
                      g)
        self.assertEqual(sorted(str(m) for m in g.objects(partial, SKOS.member)),
                         sorted(competence + n for n in ("2", "4", "6", "7", "8")))
        deprecated = set(g.subjects(OWL_DEPRECATED, Literal(True)))
        concepts = set(g.subjects(RDF.type, SKOS.Concept))
        collections = set(g.subjects(RDF.type, SKOS.Collection))
        self.assertEqual(deprecated, concepts | collections | {scheme})

        comps = len(self.q["competences"])
        lines = sum(len(c["activities"]) + len(c["knowledge"]) for c in self.q["competences"])
        self.assertEqual(len(concepts), comps + lines)
        self.assertEqual(len(collections), 2)
        triples = (2 + 1 + comps + 3 * (comps + lines) + comps + comps + 2 * lines  # as before
                   + 4                     # scopeNote, the title's note, two footnotes
                   + 2 * 3 + 2 + 5         # collections: type, label, notation; members
                   + 1 + comps + lines + 2)  # owl:deprecated
        self.assertEqual(len(g), triples)


if __name__ == "__main__":
    unittest.main()
