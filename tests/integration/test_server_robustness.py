"""What a client gets wrong is a 400 naming the field (API) or a 400 error page (pages), never a
500: invalid UTF-8 in a JSON body or a query string, numbers such as 1e999, huge path numbers.
Regression tests of the fault probe in issue 13 against `vakkaart serve`."""
import json
import os
import sys
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from support import ServedDatabaseMixin  # noqa: E402


class ServerRobustnessTest(ServedDatabaseMixin, unittest.TestCase):
    def send(self, method, path, raw=None, content_type="application/json"):
        req = urllib.request.Request(self.server.url + path, data=raw, method=method,
                                     headers={"Content-Type": content_type,
                                              **self.server.auth_headers()})
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, response.headers.get("Content-Type"), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type"), error.read()

    def assert_problem(self, result, field, status=400):
        code, content_type, body = result
        self.assertEqual(code, status, body)
        self.assertTrue(content_type.startswith("application/problem+json"), content_type)
        problem = json.loads(body)
        self.assertEqual(problem["status"], status)
        self.assertEqual(problem.get("field"), field, problem)
        return problem

    def assert_error_page(self, result, status=400):
        code, content_type, body = result
        self.assertEqual(code, status, body[:300])
        self.assertTrue(content_type.startswith("text/html"), content_type)
        self.assertIn(b"<html", body)

    def new_function(self):
        code, _, body = self.send("POST", "/api/functions",
                                  json.dumps({"title": "Robuust",
                                              "framework": "sociare-2016"}).encode())
        self.assertEqual(code, 201, body)
        return json.loads(body)["function"]

    def test_invalid_utf8_in_a_json_body(self):
        body = b'{"title": "\xff\xfe"}'
        self.assert_problem(self.send("POST", "/api/functions", body), "body")
        self.assert_problem(self.send("POST", "/api/functions/import", body), "body")
        self.assert_problem(self.send("POST", "/api/crosswalks/decisions", body), "body")
        self.assert_problem(self.send("POST", "/api/analyse", b'{"text": "a\xc0\xaf"}'), "body")
        f = self.new_function()
        self.assert_problem(self.send("POST", f"/api/functions/{f['id']}/edits",
                                      b'{"version": 1, "edits": [{"op": "\xff"}]}'), "body")

    def test_numbers_out_of_range_in_a_json_body(self):
        self.assert_problem(self.send("POST", "/api/functions", b'{"title": 1e999}'), "body")
        self.assert_problem(self.send("POST", "/api/analyse", b'{"text": 1e999}'), "body")
        self.assert_problem(self.send("POST", "/api/functions/import",
                                      b'{"kind": "function", "id": "x", "version": 1e999}'), "body")
        self.assert_problem(self.send("POST", "/api/crosswalks/decisions",
                                      b'{"source": "a", "target": "b", "decision": "confirmed",'
                                      b' "author": 1e999}'), "body")
        f = self.new_function()
        edits = f"/api/functions/{f['id']}/edits"
        self.assert_problem(self.send("POST", edits, b'{"version": 1e999, "edits": []}'), "body")
        self.assert_problem(self.send("POST", edits,
                                      b'{"version": 99999999999999999999, "edits": []}'),
                            "version")

    def test_invalid_utf8_in_the_query_string(self):
        self.assert_problem(self.send("GET", "/api/search?q=%ff%fe"), "q")
        self.assert_error_page(self.send("GET", "/search?q=%ff%fe"))
        self.assert_problem(self.send("GET", "/api/compare?item=%ff&item=x"), "item")
        self.assert_problem(self.send("GET", "/api/similarity?item=%ff"), "item")
        self.assert_problem(self.send("GET", "/api/crosswalks?source=%ff"), "source")
        self.assert_problem(self.send("GET", "/api/profiles?framework=%c0%af"), "framework")
        self.assert_error_page(self.send("GET", "/compare?item=%ff"))
        self.assert_error_page(self.send("GET", "/?lang=%ff"))
        f = self.new_function()
        self.assert_problem(self.send("GET", f"/api/functions/{f['id']}/export?format=%ff"),
                            "format")

    def test_invalid_utf8_in_a_path(self):
        self.assert_problem(self.send("GET", "/api/profiles/%ff%fe"), "path")
        self.assert_problem(self.send("GET", "/api/qualifications/%ff"), "path")
        self.assert_error_page(self.send("GET", "/profiles/%ff%fe"))
        # Not a route at all: still answered, naming the path without failing on its bytes.
        code, content_type, _ = self.send("GET", "/api/no/%ff")
        self.assertEqual(code, 404)
        self.assertTrue(content_type.startswith("application/problem+json"))

    def test_numbers_out_of_range_in_the_query_and_the_path(self):
        self.assert_problem(self.send("GET", "/api/search?q=jongeren&limit=1e999"), "limit")
        self.assert_problem(self.send("GET", "/api/search?q=jongeren&offset=-1"), "offset")
        self.assert_problem(self.send("GET", "/api/search?q=jongeren&limit=99999999999999999999"),
                            "limit")
        f = self.new_function()
        self.assert_problem(
            self.send("GET", f"/api/functions/{f['id']}/versions/99999999999999999999"), "version")
        self.assert_problem(self.send("DELETE", f"/api/functions/{f['id']}?version=1e999"),
                            "version")

    def test_the_form_route_answers_pages(self):
        self.assert_error_page(self.send("POST", "/crosswalks/decide",
                                         b"source=%ff&target=x&decision=confirm",
                                         "application/x-www-form-urlencoded"))
        self.assert_error_page(self.send("POST", "/analyse", b"text=%ff%fe",
                                         "application/x-www-form-urlencoded"))

    def test_the_server_still_answers_afterwards(self):
        self.send("POST", "/api/functions", b'{"title": "\xff"}')
        self.assertEqual(self.get_json("/api/health")["status"], "ok")


if __name__ == "__main__":
    unittest.main()
