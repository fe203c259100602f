"""GET /api/compare and /api/similarity against what the detail routes say each item holds.

Expected shares and Jaccard values are computed here from /api/profiles/{id} and
/api/qualifications/{id}, the canonical documents, independently of the compare code.
"""
import json
import math
import os
import sys
import unittest
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, ROOT, ServedDatabaseMixin  # noqa: E402

import yaml  # python3-yaml, installed by scripts/install-deps.sh: missing is a failure
from jsonschema import Draft202012Validator

PROFILES = ["begeleider-sociaal-culturele-activiteiten", "gemeenschapswerker",
            "programmator-cultuur-en-educatie", "campagnewerker", "belangenbehartiger"]
QUALIFICATION_GROUPS = ["competences", "knowledge", "contexts", "autonomy", "responsibility"]


def profile_texts(profile):
    """Every statement text of a canonical profile."""
    texts = {profile["definition"]}

    def activities(items):
        for a in items:
            texts.add(a["text"])
            activities(a.get("children", []))

    for cluster in profile["clusters"]:
        for main in cluster["main_activities"]:
            if main["title"] is not None:
                texts.add(main["title"])
            activities(main["activities"])
    return texts - {""}


def qualification_texts(q):
    """Every statement text of a canonical qualification."""
    texts = {q["definition"]}
    for c in q["competences"]:
        texts.add(c["title"])
        texts.update(a["text"] for a in c["activities"])
        texts.update(k["text"] for k in c["knowledge"])
    for key in ("environment_context", "action_context", "responsibility"):
        texts.update(q[key])
    for lines in q["autonomy"].values():
        texts.update(lines)
    return texts - {""}


class CompareApiTest(ServedDatabaseMixin, unittest.TestCase):
    def compare(self, *ids, status=200):
        return self.get_json("/api/compare?" + "&".join(f"item={quote(i)}" for i in ids), status)

    def texts_of(self, item_id):
        if item_id.startswith("BK-"):
            return qualification_texts(self.get_json(f"/api/qualifications/{item_id}"))
        return profile_texts(self.get_json(f"/api/profiles/{item_id}"))

    def validate(self, component, instance):
        with open(os.path.join(ROOT, "docs", "api", "openapi.yaml"), encoding="utf-8") as f:
            openapi = yaml.safe_load(f)
        schema = {"$ref": f"#/components/schemas/{component}",
                  "components": openapi["components"]}
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}"
                  for e in Draft202012Validator(schema).iter_errors(instance)]
        self.assertFalse(errors, errors[:5])

    def assertProblem(self, path, status, code):
        got, content_type, body = self.server.get(path)
        self.assertEqual(got, status, body)
        self.assertTrue(content_type.startswith("application/problem+json"), content_type)
        problem = json.loads(body)
        self.assertEqual(problem["status"], status)
        self.assertEqual(problem["code"], code)
        return problem

    # --- /api/compare -------------------------------------------------------------------------

    def check_shares(self, ids):
        comparison = self.compare(*ids)
        self.validate("Comparison", comparison)
        texts = {i: self.texts_of(i) for i in ids}
        self.assertEqual([item["id"] for item in comparison["items"]], ids)
        held = {i: set() for i in ids}
        for group in comparison["groups"]:
            self.assertEqual([cell["item"] for cell in group["cells"]], ids, group["id"])
            self.assertTrue(any(cell["statements"] for cell in group["cells"]), group["id"])
            for cell in group["cells"]:
                for s in cell["statements"]:
                    held[cell["item"]].add(s["text"])
                    others = [i for i in ids if i != cell["item"] and s["text"] in texts[i]]
                    share = ("all" if len(others) + 1 == len(ids)
                             else "unique" if not others else "some")
                    self.assertEqual(s["share"], share, s["text"])
                    self.assertEqual(s["shared_with"], others, s["text"])
        self.assertEqual(held, texts)
        everything = set().union(*texts.values())
        holders = {t: sum(t in texts[i] for i in ids) for t in everything}
        self.assertEqual(comparison["counts"], {
            "all": sum(n == len(ids) for n in holders.values()),
            "some": sum(1 < n < len(ids) for n in holders.values()),
            "unique": sum(n == 1 for n in holders.values()),
            "total": len(everything)})
        return comparison

    def test_shares_agree_with_the_documents(self):
        for ids in (PROFILES, PROFILES[:2], ["gemeenschapswerker", "campagnewerker", "BK-0338-3"]):
            with self.subTest(ids=ids):
                self.check_shares(list(ids))

    def test_groups_follow_the_framework_then_the_qualification(self):
        comparison = self.check_shares(["gemeenschapswerker", "BK-0338-3"])
        framework = self.get_json("/api/frameworks/sociare-2016")
        clusters = [c["id"] for c in framework["clusters"]]
        groups = [g["id"] for g in comparison["groups"]]
        self.assertEqual(groups[0], "definition")
        self.assertEqual([g for g in groups if g in clusters],
                         [c for c in clusters if c in groups])
        self.assertEqual(groups[-len(QUALIFICATION_GROUPS):], QUALIFICATION_GROUPS)
        for group in comparison["groups"]:
            self.assertTrue(group["title"] and group["title_en"], group["id"])
            if group["kind"] == "cluster":
                self.assertEqual(group["framework"], "sociare-2016")
                self.assertEqual(group["title"], group["title_en"])
        by_id = {g["id"]: g for g in comparison["groups"]}
        self.assertEqual(by_id["definition"]["title_en"], "Definition")
        knowledge = by_id["knowledge"]["cells"][1]["statements"]
        self.assertTrue(knowledge)
        self.assertTrue(all(s["detail"] in ("general", "specific") for s in knowledge
                            if "detail" in s))

    def test_commas_codes_and_repeats_mean_the_same(self):
        repeated = self.compare("gemeenschapswerker", "BK-0338-3")
        code, _, body = self.server.get("/api/compare?item=gemeenschapswerker,%20BK-0338")
        self.assertEqual(code, 200, body)
        self.assertEqual(json.loads(body), repeated)

    def test_bad_item_lists_are_problems(self):
        problem = self.assertProblem("/api/compare?item=gemeenschapswerker", 400,
                                     "invalid_argument")
        self.assertIn("item", problem["detail"])
        self.assertProblem("/api/compare", 400, "invalid_argument")
        six = "&".join(f"item={i}" for i in PROFILES + ["BK-0338-3"])
        self.assertProblem("/api/compare?" + six, 400, "invalid_argument")
        # httplib drops a repeated identical key=value pair, so the repeat travels in one value.
        problem = self.assertProblem("/api/compare?item=campagnewerker,campagnewerker", 400,
                                     "invalid_argument")
        self.assertIn("campagnewerker", problem["detail"])
        self.assertProblem("/api/compare?item=BK-0338&item=BK-0338-3", 400, "invalid_argument")
        problem = self.assertProblem("/api/compare?item=campagnewerker&item=geen-beroep", 404,
                                     "not_found")
        self.assertIn("geen-beroep", problem["detail"])
        self.validate("Problem", problem)

    # --- /api/similarity ----------------------------------------------------------------------

    def test_similarity_matrices(self):
        similarity = self.get_json("/api/similarity")
        self.validate("Similarity", similarity)
        ids = [item["id"] for item in similarity["items"]]
        self.assertEqual(ids, PROFILES + ["BK-0338-3"])
        self.assertEqual([m["id"] for m in similarity["measures"]], ["statements", "terms"])
        texts = {i: self.texts_of(i) for i in ids}
        for measure in similarity["measures"]:
            values = measure["values"]
            self.assertEqual(len(values), len(ids))
            for i in range(len(ids)):
                self.assertEqual(values[i][i], 1, measure["id"])
                for j in range(len(ids)):
                    self.assertEqual(values[i][j], values[j][i], measure["id"])
                    self.assertTrue(0 <= values[i][j] <= 1, measure["id"])
            for key in ("label", "label_en", "description", "description_en"):
                self.assertTrue(measure[key], key)
        statements = similarity["measures"][0]["values"]
        for i, a in enumerate(ids):
            for j, b in enumerate(ids):
                union = texts[a] | texts[b]
                expected = len(texts[a] & texts[b]) / len(union)
                self.assertTrue(math.isclose(statements[i][j], expected, abs_tol=6e-5),
                                f"{a} × {b}: {statements[i][j]} != {expected}")

    def test_similarity_takes_requested_items(self):
        similarity = self.get_json("/api/similarity?item=BK-0338")
        self.assertEqual([item["id"] for item in similarity["items"]], PROFILES + ["BK-0338-3"])
        self.assertEqual(similarity["items"][-1]["kind"], "qualification")
        problem = self.assertProblem("/api/similarity?item=geen-beroep", 404, "not_found")
        self.assertIn("geen-beroep", problem["detail"])
        many = "&".join(f"item=x{i}" for i in range(31))
        self.assertProblem("/api/similarity?" + many, 400, "invalid_argument")


if __name__ == "__main__":
    unittest.main()
