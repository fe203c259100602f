"""The JSON Schemas in docs/schema/ and the OpenAPI description in docs/api/ against the real CLI.

Imports data/sources/*.txt into a temporary database, exports every framework, profile and
qualification as canonical JSON and validates each against its schema; validates the golden
files; checks that every route the server registers is described in docs/api/openapi.yaml
(and nothing else is); validates live API responses against the OpenAPI component schemas.
Negative cases make sure the schemas reject what the code never writes.
"""
import copy
import glob
import json
import os
import re
import shutil
import sys
import tempfile
import unittest

from jsonschema import Draft202012Validator

try:  # jsonschema >= 4.18 resolves references through the referencing package
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012
except ImportError:  # Debian bookworm's python3-jsonschema 4.10: the older RefResolver
    Registry = None
    from jsonschema import RefResolver

sys.path.insert(0, os.path.dirname(__file__))
from support import GOLDEN, ROOT, SOURCES, Server, run  # noqa: E402

SCHEMA_DIR = os.path.join(ROOT, "docs", "schema")
OPENAPI = os.path.join(ROOT, "docs", "api", "openapi.yaml")
ROUTES_DIR = os.path.join(ROOT, "src", "server")
# The base URI the OpenAPI document is given, so that its relative "../schema/x.schema.json"
# references land on the schemas' own $id values.
OPENAPI_URI = "https://vakkaart.invalid/api/openapi.yaml"
# JSON routes: our API, and the CASE REST API under the path its specification fixes.
API_PREFIXES = ("/api/", "/ims/case/")

import yaml  # python3-yaml, installed by scripts/install-deps.sh: missing is a failure


def load_schema(name):
    with open(os.path.join(SCHEMA_DIR, f"{name}.schema.json"), encoding="utf-8") as f:
        return json.load(f)


def load_openapi_text():
    with open(OPENAPI, encoding="utf-8") as f:
        return f.read()


def openapi_paths(text):
    """{path template: set of lower-case methods} from the OpenAPI document."""
    doc = yaml.safe_load(text)
    return {path: {m for m in item if m in ("get", "post", "put", "delete", "patch")}
            for path, item in (doc.get("paths") or {}).items()}


ROUTE_CALL = re.compile(
    r"\.(Get|Post|Put|Delete|Patch)\(\s*(?:R\"\((?P<raw>.*?)\)\"|\"(?P<plain>[^\"]*)\")", re.S)
# A route of the pipeline's table: table.route({.method = Method::get, .pattern = "…", …}, …)
ROUTE_DECLARATION = re.compile(
    r"\.method\s*=\s*Method::(?P<method>get|post|put|patch|del)\s*,\s*\.pattern\s*=\s*"
    r"(?:R\"\((?P<raw>.*?)\)\"|\"(?P<plain>[^\"]*)\")", re.S)
# A route declared through a helper: uncached_route(table, Method::get, "…", …)
ROUTE_HELPER = re.compile(
    r"\w*route\(\s*table\s*,\s*Method::(?P<method>get|post|put|patch|del)\s*,\s*"
    r"(?:R\"\((?P<raw>.*?)\)\"|\"(?P<plain>[^\"]*)\")", re.S)


def code_routes():
    """{path template: set of methods} registered with httplib under src/server/."""
    routes = {}
    for path in glob.glob(os.path.join(ROUTES_DIR, "**", "*.cpp"), recursive=True):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        calls = [(m, m.group(1).lower()) for m in ROUTE_CALL.finditer(text)]
        for pattern in (ROUTE_DECLARATION, ROUTE_HELPER):
            calls += [(m, {"del": "delete"}.get(m.group("method"), m.group("method")))
                      for m in pattern.finditer(text)]
        for m, method in calls:
            pattern = m.group("raw") if m.group("raw") is not None else m.group("plain")
            # Every regex capture group is a path parameter.
            template = re.sub(r"\((?:[^()\\]|\\.)*\)", "{id}", pattern)
            template = template.replace("\\.", ".")  # an escaped dot in a route regex
            routes.setdefault(template, set()).add(method)
    return routes


def normalize(template):
    return re.sub(r"\{[^}]*\}", "{}", template)


class SchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schemas = {name: load_schema(name)
                       for name in ("profile", "qualification", "framework")}
        cls.openapi_text = load_openapi_text()
        documents = {s["$id"]: s for s in cls.schemas.values()}
        cls.openapi = yaml.safe_load(cls.openapi_text)
        if cls.openapi is not None:
            documents[OPENAPI_URI] = cls.openapi
        cls.documents = documents
        if Registry is not None:
            cls.registry = Registry().with_resources(
                [(uri, DRAFT202012.create_resource(doc)) for uri, doc in documents.items()])
        cls.validators = {name: cls.make_validator(schema)
                          for name, schema in cls.schemas.items()}

        cls.dir = tempfile.mkdtemp(prefix="vakkaart-schemas-")
        cls.db = os.path.join(cls.dir, "test.db")
        sources = sorted(glob.glob(os.path.join(SOURCES, "*.txt")))
        assert sources, f"no sources in {SOURCES}"
        run("import", *sources, db=cls.db)
        cls.lists = {what: json.loads(run("list", what, "--json", db=cls.db).stdout)
                     for what in ("frameworks", "profiles", "qualifications")}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    # --- helpers ---------------------------------------------------------------------------

    @classmethod
    def make_validator(cls, schema):
        if Registry is not None:
            return Draft202012Validator(schema, registry=cls.registry)
        base = schema.get("$id", "")
        resolver = RefResolver(base, schema, store=dict(cls.documents))
        return Draft202012Validator(schema, resolver=resolver)

    def export(self, doc_id):
        return json.loads(run("export", doc_id, "--format", "json", db=self.db).stdout)

    def errors(self, name, instance):
        return sorted(self.validators[name].iter_errors(instance), key=lambda e: list(e.path))

    def assertValid(self, name, instance, label):
        errors = self.errors(name, instance)
        if errors:
            shown = "\n".join(f"  at {'/'.join(map(str, e.path)) or '(root)'}: {e.message}"
                              for e in errors[:10])
            self.fail(f"{label} does not follow {name}.schema.json ({len(errors)} errors):\n{shown}")

    def assertInvalid(self, name, instance, label):
        self.assertTrue(self.errors(name, instance),
                        f"{label}: {name}.schema.json accepted what it should reject")

    def component_validator(self, component):
        ref = f"{OPENAPI_URI}#/components/schemas/{component}"
        return self.make_validator({"$ref": ref})

    # --- the schemas themselves --------------------------------------------------------------

    def test_schemas_are_valid_draft_2020_12(self):
        for name, schema in self.schemas.items():
            with self.subTest(schema=name):
                Draft202012Validator.check_schema(schema)
                self.assertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
                self.assertTrue(schema["$id"].endswith(f"/{name}.schema.json"))
                self.assertIn("title", schema)
                self.assertIn("description", schema)

    # --- exports of the bundled sources ------------------------------------------------------

    def test_every_profile_export_follows_the_profile_schema(self):
        ids = [p["id"] for p in self.lists["profiles"]]
        self.assertGreaterEqual(len(ids), 5)
        for profile_id in ids:
            with self.subTest(profile=profile_id):
                profile = self.export(profile_id)
                self.assertValid("profile", profile, f"export of {profile_id}")
                self.assertEqual(profile["id"], profile_id)

    def test_every_qualification_export_follows_the_qualification_schema(self):
        ids = [q["id"] for q in self.lists["qualifications"]]
        self.assertIn("BK-0338-3", ids)
        for qualification_id in ids:
            with self.subTest(qualification=qualification_id):
                q = self.export(qualification_id)
                self.assertValid("qualification", q, f"export of {qualification_id}")
                self.assertEqual(q["id"], f"{q['code']}-{q['version']}")

    def test_every_framework_export_follows_the_framework_schema(self):
        ids = [f["id"] for f in self.lists["frameworks"]]
        self.assertIn("sociare-2016", ids)
        for framework_id in ids:
            with self.subTest(framework=framework_id):
                framework = self.export(framework_id)
                self.assertValid("framework", framework, f"export of {framework_id}")
                # Each profile lists the framework's clusters, in the framework's order.
                order = [c["id"] for c in framework["clusters"]]
                layers = {layer["id"] for layer in framework["layers"]}
                self.assertTrue({c["layer"] for c in framework["clusters"]} <= layers)
                for p in framework["profiles"]:
                    self.assertEqual([c["id"] for c in p["clusters"]], order, p["id"])

    def test_a_framework_with_translations_follows_the_schemas(self):
        # Issue 18: labels imported through a spreadsheet come out as optional *_labels members.
        import csv
        import io
        sheet = os.path.join(self.dir, "labels.csv")
        run("export", "sociare-2016", "--format", "csv", "-o", sheet, db=self.db)
        with open(sheet, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        rows[0] += ["wording_en", "wording_fr"]
        for r in rows[1:]:
            r += ["EN " + r[4] if r[4] and r[1] != "date" else "", ""]
        rows[1][6] = "Structure professionnelle"
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        with open(sheet, "w", encoding="utf-8", newline="") as f:
            f.write(out.getvalue())
        db = os.path.join(self.dir, "labels.db")
        run("import", sheet, db=db)
        framework = json.loads(run("export", "sociare-2016", "--format", "json", db=db).stdout)
        self.assertEqual(framework["title_labels"]["fr"], "Structure professionnelle")
        first = next(a for c in framework["profiles"][0]["clusters"]
                     for m in c["main_activities"] for a in m["activities"])
        self.assertEqual(first["labels"], {"en": "EN " + first["text"]})
        self.assertValid("framework", framework, "a framework with translations")
        profile = json.loads(run("export", framework["profiles"][0]["id"], "--format", "json",
                                 db=db).stdout)
        self.assertIn("en", profile["title_labels"])
        self.assertValid("profile", profile, "a profile with translations")
        framework["layers"][0]["title_labels"]["de"] = "Kern"
        self.assertInvalid("framework", framework, "a German label")

    # --- golden files ------------------------------------------------------------------------

    def test_golden_profiles_follow_the_profile_schema(self):
        with open(os.path.join(GOLDEN, "sociare-2016.profiles.json"), encoding="utf-8") as f:
            profiles = json.load(f)
        self.assertIsInstance(profiles, list)
        self.assertEqual(len(profiles), 5)
        for i, profile in enumerate(profiles):
            with self.subTest(profile=profile.get("id", i)):
                self.assertValid("profile", profile, f"golden profile [{i}]")

    def test_golden_qualification_follows_the_qualification_schema(self):
        with open(os.path.join(GOLDEN, "BK-0338-3.json"), encoding="utf-8") as f:
            q = json.load(f)
        self.assertValid("qualification", q, "golden BK-0338-3.json")

    # --- the schemas reject what the code never writes ---------------------------------------

    def test_bad_values_fail_validation(self):
        with open(os.path.join(GOLDEN, "BK-0338-3.json"), encoding="utf-8") as f:
            q = json.load(f)
        with open(os.path.join(GOLDEN, "sociare-2016.profiles.json"), encoding="utf-8") as f:
            profile = json.load(f)[0]

        bad = copy.deepcopy(q)
        bad["competences"][0]["activities"][0]["descriptor"] = "creative"
        self.assertInvalid("qualification", bad, "unknown descriptor")

        bad = copy.deepcopy(q)
        bad["competences"][0]["knowledge"][0]["kind"] = "deep"
        self.assertInvalid("qualification", bad, "unknown knowledge kind")

        bad = copy.deepcopy(q)
        bad["id"] = "BK-338-3"
        self.assertInvalid("qualification", bad, "malformed BK id")

        bad = copy.deepcopy(q)
        bad["versions"] = [3]  # API-only member, not canonical
        self.assertInvalid("qualification", bad, "member outside the canonical shape")

        bad = copy.deepcopy(q)
        bad["level"]["vks"] = "5"
        self.assertInvalid("qualification", bad, "level as a string")

        bad = copy.deepcopy(profile)
        activity = bad["clusters"][0]["main_activities"][0]["activities"][0]
        activity["descriptor"] = "cognitive"  # profiles' activities carry no descriptor
        self.assertInvalid("profile", bad, "descriptor on a profile activity")

        bad = copy.deepcopy(profile)
        del bad["clusters"][0]["main_activities"][0]["activities"][0]["children"]
        self.assertInvalid("profile", bad, "top-level activity without children")

        bad = copy.deepcopy(profile)
        bad["id"] = "Gemeenschaps Werker"
        self.assertInvalid("profile", bad, "id that is not a slug")

        bad = copy.deepcopy(profile)
        bad["kind"] = "framework"
        self.assertInvalid("profile", bad, "wrong kind")

    # --- OpenAPI ------------------------------------------------------------------------------

    def test_every_server_route_is_in_openapi(self):
        # The JSON API is what OpenAPI describes; pages and static files are in docs/web.md.
        in_code = {t: m for t, m in code_routes().items() if t.startswith(API_PREFIXES)}
        self.assertGreaterEqual(len(in_code), 7, f"route scan found only {sorted(in_code)}")
        documented = {normalize(p): methods for p, methods in openapi_paths(self.openapi_text).items()}
        for template, methods in sorted(in_code.items()):
            with self.subTest(route=template):
                self.assertIn(normalize(template), documented,
                              f"{template} is registered but not in docs/api/openapi.yaml")
                self.assertTrue(methods <= documented[normalize(template)],
                                f"{template}: methods {sorted(methods)} not all documented")
        extra = set(documented) - {normalize(t) for t in in_code}
        self.assertFalse(extra, f"documented but not registered: {sorted(extra)}")

    def test_every_page_route_is_in_the_web_doc(self):
        pages = {t for t in code_routes() if not t.startswith(API_PREFIXES)}
        self.assertGreaterEqual(len(pages), 6, f"page route scan found only {sorted(pages)}")
        with open(os.path.join(ROOT, "docs", "web.md"), encoding="utf-8") as f:
            doc = f.read()
        documented = {normalize(m) for m in re.findall(r"`(/[^`\s?]*)", doc)}
        for template in sorted(pages):
            with self.subTest(route=template):
                self.assertIn(normalize(template), documented,
                              f"{template} is registered but not in docs/web.md")

    def test_openapi_references_the_schemas(self):
        for name in self.schemas:
            self.assertIn(f"../schema/{name}.schema.json", self.openapi_text)
        self.assertIn("application/problem+json", self.openapi_text)

    def test_cli_lists_follow_the_openapi_summaries(self):
        for what, component in [("frameworks", "FrameworkSummary"),
                                ("profiles", "ProfileSummary"),
                                ("qualifications", "QualificationSummary")]:
            validator = self.component_validator(component)
            for item in self.lists[what]:
                with self.subTest(list=what, id=item.get("id")):
                    errors = [e.message for e in validator.iter_errors(item)]
                    self.assertFalse(errors, errors)

    def test_live_api_responses_follow_openapi(self):
        self.component_validator("Problem")  # the OpenAPI document loads before any server starts
        server = Server(self.db)
        try:
            def check(path, component_or_schema, status=200, array=False):
                code, content_type, body = server.get(path)
                self.assertEqual(code, status, body)
                expected_type = "application/json" if status == 200 else "application/problem+json"
                self.assertTrue(content_type.startswith(expected_type), content_type)
                data = json.loads(body)
                if component_or_schema in self.validators:
                    validator = self.validators[component_or_schema]
                else:
                    validator = self.component_validator(component_or_schema)
                for item in (data if array else [data]):
                    errors = [f"{'/'.join(map(str, e.path))}: {e.message}"
                              for e in validator.iter_errors(item)]
                    self.assertFalse(errors, f"{path}: {errors[:5]}")
                return data

            check("/api/health", "Health")
            check("/api/frameworks", "FrameworkSummary", array=True)
            check("/api/frameworks/sociare-2016", "framework")
            listed = check("/api/profiles?framework=sociare-2016", "ProfileSummary", array=True)
            self.assertEqual(len(listed), len(self.lists["profiles"]))
            check("/api/profiles", "ProfileSummary", array=True)
            for p in self.lists["profiles"]:
                check(f"/api/profiles/{p['id']}", "profile")
            check("/api/qualifications", "QualificationSummary", array=True)
            detail = check("/api/qualifications/BK-0338", "QualificationDetail")
            self.assertEqual(detail["id"], "BK-0338-3")
            self.assertIn(3, detail["versions"])
            check("/api/qualifications/BK-0338-3", "QualificationDetail")
            for path in ["/api/profiles/geen-beroep", "/api/frameworks/nope",
                         "/api/qualifications/BK-9999-1", "/api/nothing-here"]:
                check(path, "Problem", status=404)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
