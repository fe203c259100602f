"""`vakkaart search` and GET /api/search on the bundled sources."""
import json
import os
import shutil
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, Server, TempDirMixin, run  # noqa: E402


class SearchTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)

    def search(self, *args, check=True):
        result = run("search", "--json", *args, db=self.db, check=check)
        return json.loads(result.stdout) if check else result

    def test_compound_finds_its_parts_and_places(self):
        response = self.search("vrijwilligersbeleid")
        texts = [r["text"] for r in response["results"]]
        self.assertIn("Participeert aan de opmaak en uitvoering van het vrijwilligersbeleid", texts)
        first = response["results"][0]
        self.assertIn("<mark>", first["snippet"])
        self.assertTrue(all(p["path"] for p in first["places"]))
        self.assertEqual(set(response), {"query", "total", "total_exact", "results",
                                         "suggestion", "notes", "unmatched", "foreign_words"})
        self.assertEqual(response["unmatched"], [])
        self.assertEqual(response["foreign_words"], [])

    def test_a_compound_is_not_answered_by_its_frequent_head_alone(self):
        # "werk" is in many statements, "jeugd" in none: "jeugdwerk" has no answer, and the
        # response says which part was missing instead of listing every "werk".
        response = self.search("jeugdwerk")
        self.assertEqual(response["total"], 0)
        self.assertEqual(response["unmatched"], ["jeugd"])
        # Other words of the query still carry it.
        mixed = self.search("jeugdwerk vrijwilligers")
        self.assertTrue(mixed["results"])
        self.assertEqual(mixed["unmatched"], ["jeugd"])
        self.assertEqual(self.search("xqzzyplof")["unmatched"], ["xqzzyplof"])
        text = run("search", "jeugdwerk", db=self.db).stdout
        self.assertIn("no statement contains: jeugd", text)

    def test_english_and_french_words_are_named_not_bent_into_dutch(self):
        # Before: "with" was "corrected" to "wint" and "working" to "werking", giving 140
        # unrelated statements and "did you mean: werking wint volunteers".
        response = self.search("working with volunteers")
        self.assertEqual(response["total"], 0)
        self.assertIsNone(response["suggestion"])
        self.assertEqual(response["unmatched"], ["working", "with", "volunteers"])
        self.assertEqual(response["foreign_words"],
                         [{"word": w, "language": "en"} for w in ("working", "with", "volunteers")])
        french = self.search("bénévoles")
        self.assertEqual(french["foreign_words"], [{"word": "bénévoles", "language": "fr"}])
        # A Dutch typo is still corrected, and a loanword Dutch lists stays Dutch.
        self.assertEqual(self.search("vrijwiligers")["foreign_words"], [])
        self.assertEqual(self.search("coaching")["foreign_words"], [])
        server = Server(self.db)
        try:
            status, _, body = server.get(
                "/search?q=" + urllib.parse.quote("working with volunteers"))
        finally:
            server.stop()
        self.assertEqual(status, 200)
        page = body.decode()
        self.assertIn('<em lang="en">volunteers</em>', page)
        self.assertIn("niet Nederlands", page)
        self.assertIn("in het Nederlands geschreven", page)

    def test_inflection_synonym_and_typo(self):
        texts = [r["text"] for r in self.search("vergadering leiden")["results"]]
        self.assertIn("Organiseert en leidt overlegmomenten", texts)
        typo = self.search("vrijwiligers")
        self.assertEqual(typo["suggestion"], "vrijwilligers")
        self.assertTrue(typo["results"])
        accents = [r["text"] for r in self.search("financiele")["results"]]
        self.assertTrue(any("financi" in t for t in accents))

    def test_one_result_per_statement_with_every_place(self):
        response = self.search('"Stelt subsidie- en erkenningsdossiers op"', "--limit", "3")
        top = response["results"][0]
        self.assertEqual(top["text"], "Stelt subsidie- en erkenningsdossiers op")
        ids = {p["id"] for p in top["places"]}
        self.assertGreaterEqual(len(ids), 2)

    def test_filters(self):
        response = self.search("beleid", "profiel:campagnewerker", "--limit", "50")
        self.assertTrue(response["results"])
        for result in response["results"]:
            self.assertEqual(result["places"][0]["id"], "campagnewerker")
        bk = self.search("kennis", "--filter", "bk=BK-0338", "--limit", "50")
        for result in bk["results"]:
            self.assertEqual(result["places"][0]["id"], "BK-0338-3")

    def test_bad_queries_never_crash(self):
        unknown = self.search("foo:bar", check=False)
        self.assertNotEqual(unknown.returncode, 0)
        self.assertIn("unknown filter", unknown.stderr)
        self.assertIn("notes", self.search('"niet gesloten'))
        only_stop = self.search("de het een")
        self.assertEqual(only_stop["results"], [])
        self.assertTrue(only_stop["notes"])
        huge = self.search("vrijwilligers " * 1000)
        self.assertTrue(huge["notes"])
        self.assertTrue(huge["results"])
        self.assertEqual(self.search("*")["results"], [])

    def test_text_output_on_a_pipe(self):
        result = run("search", "sociale", "verkiezingen", db=self.db)
        self.assertIn("*verkiezingen*", result.stdout)
        self.assertIn("BK-0338-3", result.stdout)
        # The count reads right: singular for one, "about" only where Xapian estimates.
        one = run("search", '"erkenningsdossiers"', db=self.db).stdout
        self.assertIn("1 statement matches", one)
        many = run("search", "organiseert begeleidt werkt ondersteunt kennis activiteiten",
                   db=self.db).stdout
        self.assertRegex(many, r"\babout \d+ statements match")
        exact = run("search", "kennis", db=self.db).stdout
        self.assertRegex(exact, r"(?m)^\d+ statements match")

    def test_index_follows_the_store(self):
        index = self.index_dir()
        self.assertTrue(os.path.isdir(index), "import should have built the index")
        with open(BK, encoding="utf-8") as f:
            text = f.read()
        newer = text.replace("BK-0338-3", "BK-0338-4").replace(
            "Werkt doelgroepgericht", "Werkt doelgroepgericht en zorgt voor pannenkoeken", 1)
        run("import", self.write("bk4.txt", newer), db=self.db)
        found = self.search("pannenkoeken")["results"]
        self.assertEqual(found[0]["text"], "Werkt doelgroepgericht en zorgt voor pannenkoeken")
        # A missing index is rebuilt; so is a damaged one.
        shutil.rmtree(index)
        self.assertTrue(self.search("pannenkoeken")["results"])
        shutil.rmtree(index)
        os.mkdir(index)
        with open(os.path.join(index, "iamglass"), "wb") as f:
            f.write(b"garbage")
        self.assertTrue(self.search("pannenkoeken")["results"])

    def test_api_matches_cli(self):
        server = Server(self.db)
        try:
            query = urllib.parse.quote("vrijwilligers begeleiden")
            status, content_type, body = server.get(f"/api/search?q={query}&limit=5")
            self.assertEqual(status, 200)
            api = json.loads(body)
            cli = self.search("vrijwilligers begeleiden", "--limit", "5")
            self.assertEqual([r["statement_id"] for r in api["results"]],
                             [r["statement_id"] for r in cli["results"]])
            for path in ["/api/search", "/api/search?q=foo:bar", "/api/search?q=x&limit=abc",
                         "/api/search?q=x&limit=1000"]:
                status, content_type, body = server.get(path)
                self.assertEqual(status, 400, path)
                self.assertIn("json", content_type)
            # 10 kB of text: cut with a note, or refused by the HTTP layer, as JSON either way.
            status, content_type, body = server.get("/api/search?q=" + "vorming%20" * 1000)
            self.assertIn(status, (200, 414))
            self.assertIn("json", content_type)
            # Filters alone (in q or as parameters) list what they keep, in the store's order.
            status, _, body = server.get("/api/search?cluster=communiceren&limit=100")
            self.assertEqual(status, 200)
            browsed = json.loads(body)
            self.assertGreater(browsed["total"], 10)
            self.assertTrue(browsed["total_exact"])
            ids = [r["statement_id"] for r in browsed["results"]]
            self.assertEqual(ids, sorted(ids))
            status, _, body = server.get("/api/search?q=cluster%3Acommuniceren&limit=100")
            self.assertEqual([r["statement_id"] for r in json.loads(body)["results"]], ids)
            self.assertIn(f"{browsed['total']} statements match",
                          run("search", "cluster:communiceren", db=self.db).stdout)
            status, _, body = server.get("/api/search?q=" + "vorming%20" * 400)
            self.assertEqual(status, 200)
            self.assertTrue(json.loads(body)["notes"])
            status, content_type, body = server.get("/search?q=jeugdwerk")
            self.assertEqual(status, 200)
            self.assertIn("Geen enkele uitspraak bevat:", body.decode())
            self.assertIn("<em lang=\"nl\">jeugd</em>", body.decode())
            self.assertIn(">0 resultaten</h2>", body.decode())
            # A Dutch word found nowhere: no "search in Dutch" hint, no filters to take off, no
            # empty "Verfijnen" panel.
            self.assertNotIn("in het Nederlands geschreven", body.decode())
            self.assertIn("Niets gevonden. Probeer een ander woord.</p>", body.decode())
            self.assertNotIn('id="facets"', body.decode())
            status, _, body = server.get("/search?q=jeugdwerk&profile=campagnewerker")
            self.assertIn("Probeer een ander woord of minder filters.", body.decode())
            status, _, body = server.get("/search?q=vorming")
            self.assertIn('id="facets"', body.decode())
            # An English query: the words not found are named, and the data's language too.
            status, _, body = server.get("/search?q=volunteer+management&lang=en")
            self.assertEqual(status, 200)
            self.assertIn("<em lang=\"nl\">volunteer</em>", body.decode())
            self.assertIn("written in Dutch", body.decode())
            status, content_type, body = server.get("/api/search?q=be*")
            self.assertEqual(status, 400)
            self.assertIn("at least 3 letters", body.decode())
            status, content_type, body = server.get("/search?q=be*")
            self.assertEqual(status, 400)
            self.assertIn("Deze zoekopdracht lukt niet:", body.decode())
            self.assertIn('value="be*"', body.decode())
            status, _, body = server.get("/api/search?q=vorming&profile=campagnewerker&facets=1")
            facets = json.loads(body)["facets"]
            self.assertIn("campagnewerker", facets["profile"])
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
