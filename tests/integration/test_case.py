"""CASE 1.1 through the real binary and server: export, import (ours and an OpenSALT-shaped
package), export -> import -> export identity, and the read-only REST API.

The rules checked here are a second, independent reading of the CASE 1.1 JSON binding (the
unit tests use exchange::validate_case_package): required properties per class, closed
objects, the UUID pattern and the association types.
"""
import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, ROOT, Server, ServedDatabaseMixin, TempDirMixin, run  # noqa: E402

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
ASSOCIATION_TYPES = {"isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes",
                     "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf"}
LINK = ({"title", "identifier", "uri"}, set())
CLASSES = {
    "CFDocument": ({"identifier", "uri", "creator", "title", "lastChangeDateTime"},
                   {"frameworkType", "caseVersion", "officialSourceURL", "publisher",
                    "description", "subject", "subjectURI", "language", "version",
                    "adoptionStatus", "statusStartDate", "statusEndDate", "licenseURI", "notes",
                    "CFPackageURI", "extensions"}),
    "CFItem": ({"identifier", "uri", "fullStatement", "lastChangeDateTime"},
               {"CFDocumentURI", "alternativeLabel", "CFItemType", "humanCodingScheme",
                "listEnumeration", "abbreviatedStatement", "conceptKeywords",
                "conceptKeywordsURI", "notes", "subject", "subjectURI", "language",
                "educationLevel", "CFItemTypeURI", "licenseURI", "statusStartDate",
                "statusEndDate", "extensions"}),
    "CFAssociation": ({"identifier", "associationType", "uri", "originNodeURI",
                       "destinationNodeURI", "lastChangeDateTime"},
                      {"CFDocumentURI", "sequenceNumber", "notes", "CFAssociationGroupingURI",
                       "extensions"}),
    "CFItemType": ({"identifier", "uri", "title", "description", "hierarchyCode",
                    "lastChangeDateTime"}, {"typeCode"}),
}
FIXTURE = os.path.join(ROOT, "tests", "data", "case", "opensalt-sample.json")


def case_problems(package):
    problems = []

    def check(obj, cls, path):
        required, optional = CLASSES[cls] if cls in CLASSES else LINK
        if not isinstance(obj, dict):
            return problems.append(f"{path}: not an object")
        problems.extend(f"{path}: missing {k}" for k in sorted(required - obj.keys()))
        problems.extend(f"{path}.{k}: not defined by {cls}"
                        for k in sorted(obj.keys() - required - optional))
        if "identifier" in obj and cls in CLASSES and not UUID.match(str(obj["identifier"])):
            problems.append(f"{path}.identifier: not a UUID")
        for key in ("CFItemTypeURI", "CFPackageURI", "CFDocumentURI", "originNodeURI",
                    "destinationNodeURI"):
            if key in obj:
                check(obj[key], "link", f"{path}.{key}")

    extra = package.keys() - {"CFDocument", "CFItems", "CFAssociations", "CFDefinitions",
                              "CFRubrics"}
    problems.extend(f"{k}: not defined by CFPackage" for k in sorted(extra))
    check(package.get("CFDocument"), "CFDocument", "CFDocument")
    for i, item in enumerate(package.get("CFItems", [])):
        check(item, "CFItem", f"CFItems[{i}]")
    for i, a in enumerate(package.get("CFAssociations", [])):
        check(a, "CFAssociation", f"CFAssociations[{i}]")
        if a.get("associationType") not in ASSOCIATION_TYPES:
            problems.append(f"CFAssociations[{i}].associationType: {a.get('associationType')}")
    for i, t in enumerate(package.get("CFDefinitions", {}).get("CFItemTypes", [])):
        check(t, "CFItemType", f"CFDefinitions.CFItemTypes[{i}]")
    return problems


class CaseCliTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)

    def export(self, doc_id, db=None):
        return run("export", doc_id, "--format", "case", db=db or self.db).stdout

    def test_every_export_follows_the_binding(self):
        ids = ["sociare-2016", "BK-0338-3"] + [
            p["id"] for p in json.loads(run("list", "profiles", "--json", db=self.db).stdout)]
        for doc_id in ids:
            with self.subTest(doc_id=doc_id):
                package = json.loads(self.export(doc_id))
                self.assertEqual(case_problems(package), [])
                self.assertGreater(len(package["CFItems"]), 3)

    def test_export_import_export_is_identical(self):
        first = self.export("sociare-2016")
        path = self.write("sociare.case.json", first)
        other = self.path("other.db")
        # The crosswalks in the package are derived from the whole store (the BK's statements
        # weigh in), so the other store gets the same content: the framework from CASE, the BK
        # from its page.
        report = run("import", path, BK, db=other).stdout
        self.assertIn("CASE package", report)
        self.assertIn("exactMatchOf", first)
        self.assertEqual(self.export("sociare-2016", db=other), first)
        # And vakkaart's own JSON of the framework is the same as the original's.
        self.assertEqual(run("export", "sociare-2016", db=other).stdout,
                         run("export", "sociare-2016", db=self.db).stdout)

    def test_qualification_export_import_export_is_identical(self):
        # A qualification's package comes back as the qualification (issue 18), so another
        # store with the same other content (the sociare note: the crosswalks are derived from
        # the store) recomputes the same crosswalks and exports the same bytes.
        first = self.export("BK-0338-3")
        self.assertEqual(case_problems(json.loads(first)), [])
        self.assertIn("isRelatedTo", first)
        path = self.write("bk.case.json", first)
        other = self.path("other.db")
        report = json.loads(run("import", NOTE, path, "--json", db=other).stdout)
        [package] = [f for f in report["files"] if f["path"] == path]
        self.assertEqual([(d["kind"], d["id"], d["outcome"]) for d in package["documents"]],
                         [("qualification", "BK-0338-3", "created")])
        self.assertEqual([q["id"] for q in json.loads(
            run("list", "qualifications", "--json", db=other).stdout)], ["BK-0338-3"])
        self.assertEqual([f["id"] for f in json.loads(
            run("list", "frameworks", "--json", db=other).stdout)], ["sociare-2016"])
        second = self.export("BK-0338-3", db=other)
        self.assertEqual(case_problems(json.loads(second)), [])
        self.assertEqual(second, first)
        # The same package again is the same version, not a conflict; nothing changes.
        report = json.loads(run("import", path, "--json", db=other).stdout)
        self.assertEqual([d["outcome"] for d in report["files"][0]["documents"]], ["unchanged"])
        self.assertEqual(self.export("BK-0338-3", db=other), first)
        # The whole qualification came back (level, context, autonomy, … ride in the package's
        # extensions): vakkaart's own JSON of it is the page's, and the package imported over
        # the version read from the page changes nothing.
        self.assertEqual(run("export", "BK-0338-3", db=other).stdout,
                         run("export", "BK-0338-3", db=self.db).stdout)
        report = json.loads(run("import", path, "--json", db=self.db).stdout)
        self.assertEqual([d["outcome"] for d in report["files"][0]["documents"]], ["unchanged"])

    def test_profile_export_import_export_is_identical(self):
        # A profile's package names its framework; imported into a store that holds that
        # framework (and the BK: crosswalks) it replaces the same profile and keeps the others.
        profiles = [p["id"] for p in json.loads(
            run("list", "profiles", "--json", db=self.db).stdout)]
        self.assertGreater(len(profiles), 1)
        other = self.path("other.db")
        run("import", NOTE, BK, db=other)
        framework = run("export", "sociare-2016", db=other).stdout
        for profile in profiles:
            with self.subTest(profile=profile):
                first = self.export(profile)
                self.assertEqual(case_problems(json.loads(first)), [])
                self.assertIn("exactMatchOf", first)
                path = self.write(f"{profile}.case.json", first)
                report = json.loads(run("import", path, "--json", db=other).stdout)
                self.assertEqual([(d["kind"], d["id"], d["outcome"])
                                  for d in report["files"][0]["documents"]],
                                 [("framework", "sociare-2016", "unchanged")])
                second = self.export(profile, db=other)
                self.assertEqual(case_problems(json.loads(second)), [])
                self.assertEqual(second, first)
        self.assertEqual(run("export", "sociare-2016", db=other).stdout, framework)
        # Into a store holding a changed copy of the profile, the package puts it back and keeps
        # the framework's other profiles.
        changed = json.loads(framework)
        changed["profiles"][0]["definition"] = "Een andere omschrijving."
        changed_store = self.path("changed.db")
        run("import", self.write("changed.json", json.dumps(changed, ensure_ascii=False)), BK,
            db=changed_store)
        profile = changed["profiles"][0]["id"]
        first = self.export(profile)
        report = json.loads(run("import", self.write("p.case.json", first), "--json",
                                db=changed_store).stdout)
        self.assertEqual([d["outcome"] for d in report["files"][0]["documents"]], ["replaced"])
        self.assertEqual(run("export", "sociare-2016", db=changed_store).stdout, framework)
        self.assertEqual(self.export(profile, db=changed_store), first)

    def test_an_older_layout_qualification_keeps_its_codes_and_groups(self):
        # BK-0338-1 from its decree annex: competences with codes of their own and groups.
        with open(os.path.join(ROOT, "tests", "data", "bk-layouts",
                               "BK-0338-1-decree-annex.txt"), encoding="utf-8") as f:
            text = "\n".join(line for line in f.read().split("\n")
                              if not line.startswith("# "))
        run("import", self.write("BK-0338-1.txt", text), db=self.db)
        first = self.export("BK-0338-1")
        package = json.loads(first)
        self.assertEqual(case_problems(package), [])
        self.assertEqual([(i["humanCodingScheme"], i.get("conceptKeywords"))
                          for i in package["CFItems"] if i["CFItemType"] == "Competentie"],
                         [("co 01310", ["BASISACTIVITEITEN"]),
                          ("co 01320", ["SPECIFIEKE ACTIVITEITEN"])])
        other = self.path("other.db")
        run("import", NOTE, BK, self.write("BK-0338-1.case.json", first), db=other)
        self.assertEqual(self.export("BK-0338-1", db=other), first)
        self.assertEqual(run("export", "BK-0338-1", db=other).stdout,
                         run("export", "BK-0338-1", db=self.db).stdout)
        # The modern page groups nothing: its package has no keywords.
        self.assertNotIn("conceptKeywords", self.export("BK-0338-3"))

    def test_a_qualification_package_that_breaks_our_shape_is_refused(self):
        package = json.loads(self.export("BK-0338-3"))
        package["CFDocument"]["version"] = "drie"
        result = run("import", self.write("bad.case.json", json.dumps(package)),
                     db=self.path("bad.db"), check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("CFDocument.version", result.stderr)

    def test_an_opensalt_package_imports_with_all_items(self):
        with open(FIXTURE, encoding="utf-8") as f:
            source = json.load(f)
        self.assertEqual(case_problems(source), [])
        result = run("import", FIXTURE, "--json", db=self.db)
        doc_id = source["CFDocument"]["identifier"]
        exported = json.loads(self.export(doc_id))
        self.assertEqual(case_problems(exported), [])
        self.assertEqual(exported["CFDocument"]["identifier"], doc_id)
        # Every item under its own identifier, through the store (the identifiers of every
        # level and every association outside the hierarchy are kept, migration 8).
        items = {i["identifier"]: i["fullStatement"] for i in exported["CFItems"]}
        for item in source["CFItems"]:
            code = item["humanCodingScheme"]
            self.assertIn(item["identifier"], items, item)
            self.assertIn(items[item["identifier"]],
                          (item["fullStatement"], f"{code} {item['fullStatement']}"), item)
        associations = {a["identifier"]: a for a in exported["CFAssociations"]}
        for a in source["CFAssociations"]:
            self.assertIn(a["identifier"], associations, a)
            out = associations[a["identifier"]]
            self.assertEqual(out["originNodeURI"]["identifier"], a["originNodeURI"]["identifier"])
            if a["associationType"] != "isChildOf":
                self.assertEqual(out["associationType"], a["associationType"])
                self.assertEqual(out["destinationNodeURI"]["identifier"],
                                 a["destinationNodeURI"]["identifier"])
        self.assertIn("2 associations outside the hierarchy", result.stdout)
        # Our export of it, imported again into another store of the same content (its
        # crosswalks weigh in), exports the same package.
        path = self.write("again.json", json.dumps(exported))
        other = self.path("other.db")
        run("import", NOTE, BK, path, db=other)
        again = run("export", doc_id, "--format", "case", db=other).stdout
        self.assertEqual(json.loads(again), exported)

    def test_a_broken_package_is_refused_with_its_path(self):
        path = self.write("bad.json", json.dumps(
            {"CFDocument": {"identifier": "x", "title": "t"}, "CFItems": [{"identifier": "a"}]}))
        result = run("import", path, db=self.db, check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("CFItems[0]", result.stderr)


class CaseApiTest(ServedDatabaseMixin, unittest.TestCase):
    def test_documents_packages_items_and_associations(self):
        docs = self.get_json("/ims/case/v1p1/CFDocuments")["CFDocuments"]
        self.assertEqual(len(docs), 1 + 5 + 1)  # the framework, its profiles, BK-0338-3
        for doc in docs:
            self.assertEqual(case_problems({"CFDocument": doc}), [])
        framework = next(d for d in docs if d["title"].startswith("Beroepenstructuur"))
        package = self.get_json(f"/ims/case/v1p1/CFPackages/{framework['identifier']}")
        self.assertEqual(case_problems(package), [])
        self.assertEqual(package, json.loads(run("export", "sociare-2016", "--format", "case",
                                                 db=self.db).stdout))
        item = package["CFItems"][5]
        got = self.get_json(f"/ims/case/v1p1/CFItems/{item['identifier']}")
        self.assertEqual(got["fullStatement"], item["fullStatement"])
        self.assertEqual(got["CFDocumentURI"]["identifier"], framework["identifier"])
        association = package["CFAssociations"][3]
        got = self.get_json(f"/ims/case/v1p1/CFAssociations/{association['identifier']}")
        self.assertEqual(got["associationType"], association["associationType"])
        for path in ["/ims/case/v1p1/CFItems/00000000-0000-4000-8000-000000000000",
                     "/ims/case/v1p1/CFPackages/not-a-uuid",
                     "/ims/case/v1p1/CFAssociations/00000000-0000-4000-8000-000000000000"]:
            code, content_type, _ = self.server.get(path)
            self.assertEqual(code, 404, path)
            self.assertIn("problem+json", content_type)

    def test_anonymous_callers_read_it(self):
        server = Server(self.db, anonymous=True)
        try:
            code, _, _ = server.get("/ims/case/v1p1/CFDocuments")
            self.assertEqual(code, 200)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
