"""Crosswalks end to end: `vakkaart crosswalk` on the bundled note and BK-0338-3 (compute, list,
confirm, reject, undo), decisions surviving a recomputation and a re-import of changed content,
the JSON API (`GET /api/crosswalks`, `POST /api/crosswalks/decisions`), the pages' form without
JavaScript (`POST /crosswalks/decide`), and bad input of every kind leaving the database exactly
as it was."""
import http.client
import json
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from support import (BK, NOTE, ROOT, TESTER, ServedDatabaseMixin, TempDirMixin, run,  # noqa: E402
                     snapshot)

import yaml  # python3-yaml, installed by scripts/install-deps.sh: missing is a failure
from jsonschema import Draft202012Validator

CORE = "de-eigen-deskundigheid-opbouwen"  # the learning professional's cluster
PAIR = ("BK-0338-3:15", f"campagnewerker:{CORE}:1")


def listed(db, *args):
    return json.loads(run("crosswalk", "list", "--json", *args, db=db).stdout)["alignments"]


def find(alignments, source, target):
    for a in alignments:
        if a["source"]["ref"] == source and a["target"]["ref"] == target:
            return a
    return None


class CrosswalkCli(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)

    def test_the_bk_aligns_with_belangenbehartiger_and_campagnewerker(self):
        bk = listed(self.db, "--source", "BK-0338")  # a code: its current version
        self.assertTrue(bk)
        targets = {a["target"]["item"] for a in bk}
        self.assertIn("belangenbehartiger", targets)
        self.assertIn("campagnewerker", targets)
        for a in bk:
            self.assertEqual(a["source"]["item"], "BK-0338-3")
            self.assertEqual(a["source"]["kind"], "competence")
            self.assertEqual(a["target"]["kind"], "main_activity")
            self.assertIn(a["type"], ("exact", "close", "related"))
            self.assertTrue(0 < a["score"] <= 1)
            self.assertEqual(a["status"], "computed")
        self.assertIsNotNone(find(bk, *PAIR))
        text = run("crosswalk", "list", "--source", "BK-0338-3", db=self.db).stdout
        self.assertIn("BK-0338-3:15", text)
        self.assertIn("Volgt professionele informatie en reglementering op", text)

    def test_the_core_is_exact_across_profiles_and_filters_combine(self):
        exact = listed(self.db, "--target", f"belangenbehartiger:{CORE}:1", "--type", "exact")
        sources = {a["source"]["item"] for a in exact if a["source"]["kind"] == "main_activity"}
        self.assertEqual(sources, {"begeleider-sociaal-culturele-activiteiten",
                                   "gemeenschapswerker", "programmator-cultuur-en-educatie",
                                   "campagnewerker"})
        self.assertTrue(all(a["type"] == "exact" for a in exact))
        self.assertEqual(listed(self.db, "--status", "confirmed"), [])

    def test_decisions_survive_recomputation_and_reimport(self):
        confirmed = json.loads(run("crosswalk", "confirm", *PAIR, "--author", "alice", "--json",
                                   db=self.db).stdout)
        self.assertEqual(confirmed["status"], "confirmed")
        self.assertEqual(confirmed["decided_by"], "alice")
        self.assertRegex(confirmed["decided_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        other = next(a for a in listed(self.db, "--source", "BK-0338-3")
                     if (a["source"]["ref"], a["target"]["ref"]) != PAIR)
        pair2 = (other["source"]["ref"], other["target"]["ref"])
        run("crosswalk", "reject", *pair2, "--author", "bob", db=self.db)

        out = run("crosswalk", "compute", db=self.db).stdout
        self.assertRegex(out, r"^\d+ alignments computed")
        after = listed(self.db)
        self.assertEqual(find(after, *PAIR)["status"], "confirmed")
        self.assertEqual(find(after, *PAIR)["decided_by"], "alice")
        self.assertEqual(find(after, *pair2)["status"], "rejected")

        # New content (competence 15 reworded): recomputed on the next read, decisions kept.
        with open(BK, encoding="utf-8") as f:
            text = f.read()
        changed = text.replace("Volgt professionele informatie en reglementering op",
                               "Volgt professionele informatie en regelgeving op")
        self.assertNotEqual(changed, text)
        run("import", self.write("bk.txt", changed), db=self.db)
        after = listed(self.db, "--source", "BK-0338-3:15")
        a = find(after, *PAIR)
        self.assertIsNotNone(a)
        self.assertEqual(a["status"], "confirmed")
        self.assertEqual(a["source"]["title"], "Volgt professionele informatie en regelgeving op")

        undone = json.loads(run("crosswalk", "undo", *PAIR, "--json", db=self.db).stdout)
        self.assertEqual(undone["status"], "computed")
        self.assertIsNone(undone["decided_by"])
        self.assertEqual(listed(self.db, "--status", "confirmed"), [])

    def test_bad_input_is_refused_and_changes_nothing(self):
        run("crosswalk", "compute", db=self.db)
        before = snapshot(self.db)
        cases = [
            (["crosswalk", "confirm", "BK-0338-3", PAIR[1]], 2, "source"),
            (["crosswalk", "reject", PAIR[0], "campagnewerker:communiceren"], 2, "target"),
            (["crosswalk", "confirm", "BK-0338-3:15", "nobody:nothing:1"], 1, "no alignment"),
            (["crosswalk", "confirm", PAIR[0]], 2, "target"),
            (["crosswalk", "list", "--type", "similar"], 2, "similar"),
            (["crosswalk", "list", "--status", "maybe"], 2, "maybe"),
            (["crosswalk", "undo", "BK-0338-3:1", "x:y:0"], 2, "target"),
        ]
        for args, code, message in cases:
            with self.subTest(args=args):
                result = run(*args, db=self.db, check=False)
                self.assertEqual(result.returncode, code, result.stderr)
                self.assertIn(message, result.stderr)
        self.assertEqual(snapshot(self.db), before)


def openapi_validator(component):
    """A validator for one component schema of docs/api/openapi.yaml."""
    with open(os.path.join(ROOT, "docs", "api", "openapi.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    return Draft202012Validator({"$ref": f"#/components/schemas/{component}",
                                 "components": doc["components"]})


class CrosswalkApi(ServedDatabaseMixin, unittest.TestCase):
    def test_responses_follow_openapi(self):
        listing = self.get_json("/api/crosswalks")
        errors = [e.message for e in openapi_validator("CrosswalkList").iter_errors(listing)]
        self.assertFalse(errors, errors[:5])
        code, _, body = self.post_decision({"source": PAIR[0], "target": PAIR[1],
                                            "decision": "confirmed", "author": "ann"})
        self.assertEqual(code, 200)
        errors = [e.message for e in openapi_validator("Alignment").iter_errors(body)]
        self.assertFalse(errors, errors[:5])
        code, _, problem = self.post_decision({"source": PAIR[0]})
        self.assertEqual(code, 400)
        errors = [e.message for e in openapi_validator("Problem").iter_errors(problem)]
        self.assertFalse(errors, errors[:5])

    def post_decision(self, body=None, raw=None):
        code, content_type, data = self.server.request("POST", "/api/crosswalks/decisions",
                                                       body=body, raw=raw)
        return code, content_type, json.loads(data) if data else None

    def post_form(self, fields):
        """POST /crosswalks/decide as a browser without JavaScript: (status, Location)."""
        url = urllib.parse.urlsplit(self.server.url)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        try:
            connection.request("POST", "/crosswalks/decide", urllib.parse.urlencode(fields),
                               {"Content-Type": "application/x-www-form-urlencoded",
                                **self.server.auth_headers()})
            response = connection.getresponse()
            response.read()
            return response.status, response.getheader("Location")
        finally:
            connection.close()

    def test_every_competence_gets_its_clusters_first(self):
        listing = self.get_json("/api/crosswalks/clusters?qualification=BK-0338")
        errors = [e.message for e in openapi_validator("CompetenceClusters").iter_errors(listing)]
        self.assertEqual(errors, [])
        self.assertEqual(listing["count"], 15)
        self.assertEqual([c["number"] for c in listing["competences"]], list(range(1, 16)))
        clusters = {"afwegen-kiezen-ontwerpen", "organiseren-en-begeleiden",
                    "orienteren-en-relaties", "communiceren", "ondersteunen-coachen-sturen",
                    "vertegenwoordigen-samenwerken-netwerken",
                    "rapporteren-evalueren-verantwoorden", "adviseren", CORE}
        for c in listing["competences"]:
            scores = [k["score"] for k in c["clusters"]]
            self.assertEqual(scores, sorted(scores, reverse=True), c["ref"])
            self.assertLessEqual(len(scores), 3)
            for k in c["clusters"]:
                self.assertIn(k["id"], clusters)
                self.assertGreaterEqual(k["score"], listing["floor"])
                self.assertEqual(k["framework"], "sociare-2016")
        # Regression guard on the tuning qualification (BK-0338-3 is where the floor was
        # chosen): "Ontwikkelt permanent de eigen deskundigheid" is the learning professional.
        seven = listing["competences"][6]
        self.assertEqual(seven["clusters"][0]["id"], CORE, seven)
        self.assertTrue(seven["clusters"][0]["words"])
        # The words shown as the reason are what favours that cluster: never a light verb or a
        # particle ("Werkt", "Houdt", "af" of "stemt af"), which every cluster's statements use.
        light = {w.strip() for w in open(os.path.join(ROOT, "data", "light-words-nl.txt"),
                                         encoding="utf-8") if w.strip() and w[0] != "#"}
        for c in listing["competences"]:
            for k in c["clusters"]:
                for word in k["words"]:
                    self.assertGreaterEqual(len(word), 3, (c["ref"], k["id"], word))
                    self.assertNotIn(word.lower(), {"werkt", "houdt", "geeft", "neemt", "stelt",
                                                    "zorgt", "maakt"} | light,
                                     (c["ref"], k["id"], word))
        status, _, body = self.server.get("/api/crosswalks/clusters?qualification=BK-9999")
        self.assertEqual(status, 404, body)
        self.assertEqual(json.loads(body)["field"], "qualification")
        everything = self.get_json("/api/crosswalks/clusters")
        self.assertEqual(everything["count"], 15)  # the bundled BK is the only qualification
        page = self.server.get("/qualifications/BK-0338-3")[2].decode()
        self.assertIn("Past het best in deze clusters van het ringmodel", page)

    def test_a_confirmed_alignment_puts_its_cluster_first_for_that_competence_only(self):
        url = "/api/crosswalks/clusters?qualification=BK-0338-3"
        before = {c["ref"]: c for c in self.get_json(url)["competences"]}
        # A computed pair whose target lies outside the competence's best cluster.
        pair = None
        for a in self.get_json("/api/crosswalks?source=BK-0338-3")["alignments"]:
            ranked = before[a["source"]["ref"]]["clusters"]
            target_cluster = a["target"]["ref"].split(":")[1]
            if ranked and ranked[0]["id"] != target_cluster:
                pair = (a["source"]["ref"], a["target"]["ref"], target_cluster)
                break
        self.assertIsNotNone(pair, "no alignment outside a competence's best cluster")
        code, _, body = self.post_decision({"source": pair[0], "target": pair[1],
                                            "decision": "confirmed"})
        self.assertEqual(code, 200, body)
        after = {c["ref"]: c for c in self.get_json(url)["competences"]}
        first = after[pair[0]]["clusters"][0]
        self.assertEqual((first["id"], first["confirmed"]), (pair[2], True))
        for ref, c in after.items():
            if ref != pair[0]:
                self.assertEqual(c, before[ref], "a decision on one competence moved another")
        page = self.server.get("/qualifications/BK-0338-3")[2].decode()
        self.assertIn("bevestigd door een curator", page)
        # Taken back, the computed ranking returns.
        self.post_decision({"source": pair[0], "target": pair[1], "decision": "none"})
        self.assertEqual(self.get_json(url)["competences"], list(before.values()))

    def test_list_decide_and_read_back(self):
        listing = self.get_json("/api/crosswalks?source=BK-0338")
        self.assertEqual(listing["count"], len(listing["alignments"]))
        self.assertIsNotNone(find(listing["alignments"], *PAIR))
        for a in listing["alignments"]:
            self.assertEqual(set(a), {"source", "target", "score", "type", "status", "computed",
                                      "decided_by", "decided_at"})
        exact = self.get_json(f"/api/crosswalks?target=campagnewerker:{CORE}:1&type=exact")
        self.assertTrue(exact["alignments"])
        # The same URL before and after a decision: the response cache must not serve the old one.
        confirmed_url = "/api/crosswalks?status=confirmed"
        self.assertEqual(self.get_json(confirmed_url)["count"], 0)
        code, _, body = self.post_decision({"source": PAIR[0], "target": PAIR[1],
                                            "decision": "confirmed", "author": "alice"})
        self.assertEqual(code, 200, body)
        self.assertEqual(body["status"], "confirmed")
        self.assertEqual(body["decided_by"], TESTER)  # the caller, not the "author" sent
        now = self.get_json(confirmed_url)
        self.assertEqual(now["count"], 1)
        self.assertEqual(now["alignments"][0]["source"]["ref"], PAIR[0])

        code, _, body = self.post_decision({"source": PAIR[0], "target": PAIR[1],
                                            "decision": "rejected"})
        self.assertEqual((code, body["status"]), (200, "rejected"))
        code, _, body = self.post_decision({"source": PAIR[0], "target": PAIR[1],
                                            "decision": "none"})
        self.assertEqual((code, body["status"], body["decided_by"]), (200, "computed", None))

    def test_the_pages_show_alignments_and_the_form_works_without_javascript(self):
        code, content_type, page = self.server.get("/qualifications/BK-0338-3")
        self.assertEqual(code, 200)
        html = page.decode("utf-8")
        self.assertIn("Overeenkomsten met beroepsprofielen", html)
        self.assertIn(f'data-source="{PAIR[0]}" data-target="{PAIR[1]}"', html)
        self.assertIn('action="/crosswalks/decide"', html)

        status, location = self.post_form({"source": PAIR[0], "target": PAIR[1],
                                           "decision": "rejected",
                                           "back": "/qualifications/BK-0338-3#crosswalk-15"})
        self.assertEqual((status, location), (303, "/qualifications/BK-0338-3#crosswalk-15"))
        _, _, page = self.server.get("/qualifications/BK-0338-3")
        item = re.search(r'<li class="crosswalk-item" data-source="' + re.escape(PAIR[0]) +
                         r'" data-target="' + re.escape(PAIR[1]) + r'"[^>]*>',
                         page.decode("utf-8"))
        self.assertIsNotNone(item)
        self.assertIn('data-status="rejected"', item.group(0))

        # Never a redirect to another site.
        status, location = self.post_form({"source": PAIR[0], "target": PAIR[1],
                                           "decision": "none", "back": "//evil.example/"})
        self.assertEqual((status, location), (303, "/"))

        code, _, page = self.server.get(
            f"/compare?item=BK-0338-3&item=campagnewerker&item=belangenbehartiger")
        self.assertEqual(code, 200)
        html = page.decode("utf-8")
        self.assertIn('id="crosswalk"', html)
        self.assertIn(f'data-source="{PAIR[0]}" data-target="{PAIR[1]}"', html)
        # Between two profiles once, from the item chosen first.
        self.assertIn(f'data-source="campagnewerker:{CORE}:1" '
                      f'data-target="belangenbehartiger:{CORE}:1"', html)
        self.assertNotIn(f'data-source="belangenbehartiger:{CORE}:1"', html)

    def test_bad_input_is_refused_naming_the_field_and_changes_nothing(self):
        self.get_json("/api/crosswalks")  # computed before the snapshot
        before = snapshot(self.db)
        cases = [
            (None, b"{not json", 400, "body"),
            (None, b"[1, 2]", 400, "body"),
            ({"target": PAIR[1], "decision": "confirmed"}, None, 400, "source"),
            ({"source": PAIR[0], "decision": "confirmed"}, None, 400, "target"),
            ({"source": PAIR[0], "target": PAIR[1]}, None, 400, "decision"),
            ({"source": PAIR[0], "target": PAIR[1], "decision": "maybe"}, None, 400, "decision"),
            # No "author" case: a decision names the signed-in curator; an author sent is not read.
            ({"source": 15, "target": PAIR[1], "decision": "confirmed"}, None, 400, "source"),
            ({"source": "BK-0338-3", "target": PAIR[1], "decision": "confirmed"}, None, 400,
             "source"),
            ({"source": PAIR[0], "target": "x:y:z", "decision": "confirmed"}, None, 400, "target"),
            ({"source": PAIR[0], "target": "nobody:nothing:1", "decision": "confirmed"}, None, 404,
             "target"),
        ]
        for body, raw, status, field in cases:
            with self.subTest(body=body, raw=raw):
                code, content_type, problem = self.post_decision(body=body, raw=raw)
                self.assertEqual(code, status, problem)
                self.assertTrue(content_type.startswith("application/problem+json"), content_type)
                self.assertEqual(problem["field"], field)
        for query, field in [("type=similar", "type"), ("status=maybe", "status")]:
            with self.subTest(query=query):
                problem = self.get_json(f"/api/crosswalks?{query}", status=400)
                self.assertEqual(problem["field"], field)
        status, _ = self.post_form({"source": PAIR[0], "target": PAIR[1], "decision": "maybe"})
        self.assertEqual(status, 400)
        status, _ = self.post_form({"source": PAIR[0], "target": "nobody:nothing:1",
                                    "decision": "confirmed"})
        self.assertEqual(status, 404)
        self.assertEqual(snapshot(self.db), before)


if __name__ == "__main__":
    unittest.main()
