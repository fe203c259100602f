"""The read-only JSON API of `vakkaart serve` against the CLI on the same database."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, ServedDatabaseMixin, run  # noqa: E402


class ApiTest(ServedDatabaseMixin, unittest.TestCase):
    def cli_export(self, doc_id):
        return json.loads(run("export", doc_id, "--format", "json", db=self.db).stdout)

    def test_health(self):
        health = self.get_json("/api/health")
        self.assertEqual(health["status"], "ok")

    def test_profiles_equal_the_cli_export(self):
        listed = self.get_json("/api/profiles")
        ids = [p["id"] for p in (listed["profiles"] if isinstance(listed, dict) else listed)]
        self.assertEqual(len(ids), 5)
        for profile_id in ids:
            api = self.get_json(f"/api/profiles/{profile_id}")
            cli = self.cli_export(profile_id)
            for key, value in cli.items():
                self.assertEqual(api.get(key), value, f"{profile_id}.{key}")

    def test_qualification_equals_the_cli_export_and_code_resolves(self):
        api = self.get_json("/api/qualifications/BK-0338")
        cli = self.cli_export("BK-0338-3")
        for key, value in cli.items():
            self.assertEqual(api.get(key), value, key)
        self.assertIn("versions", api)

    def test_frameworks(self):
        listed = self.get_json("/api/frameworks")
        frameworks = listed["frameworks"] if isinstance(listed, dict) else listed
        self.assertEqual([f["id"] for f in frameworks], ["sociare-2016"])
        framework = self.get_json("/api/frameworks/sociare-2016")
        self.assertEqual(len(framework["clusters"]), 9)

    def test_unknown_ids_are_json_problems(self):
        for path in ["/api/profiles/geen-beroep", "/api/qualifications/BK-9999-1",
                     "/api/frameworks/nope", "/api/nothing-here"]:
            code, content_type, body = self.server.get(path)
            self.assertEqual(code, 404, path)
            self.assertIn("json", content_type, path)
            problem = json.loads(body)
            self.assertEqual(problem["status"], 404)
            self.assertIn("title", problem)

    def test_odd_ids_do_not_crash(self):
        for path in ["/api/profiles/%00", "/api/profiles/" + "x" * 5000,
                     "/api/qualifications/BK-", "/api/profiles/..%2F..%2Fetc"]:
            code, content_type, _ = self.server.get(path)
            self.assertIn(code, (400, 404, 414), path)
        self.assertEqual(self.get_json("/api/health")["status"], "ok")


if __name__ == "__main__":
    unittest.main()
