"""`vakkaart analyse` and `POST /api/analyse` end to end on the bundled note and BK: a vacancy of
the evaluation set read as text, Markdown, HTML, DOCX and PDF (the last two made with
LibreOffice) gives the same best profile; stdin; an unrelated job gives "none"; bad input is
refused with a clear message; the API's JSON, multipart and raw bodies, `?detail=summary` and
its problems; and the analysis never writes to the database."""
import glob
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import uuid
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from support import BIN, ROOT, SOURCES, Server, run, snapshot  # noqa: E402

VACANCIES = os.path.join(ROOT, "tests", "data", "vacancies")
GW_FILE = "028-gemeenschapswerker-zelforganisaties.txt"  # labelled gemeenschapswerker
NONE_FILE = "004-verpleegkundige-az-kortrijk.txt"  # a nurse, labelled none
FORMATS = ["txt", "md", "html", "docx", "pdf"]


def labels():
    with open(os.path.join(VACANCIES, "labels.jsonl"), encoding="utf-8") as f:
        return {d["file"]: d for d in (json.loads(line) for line in f if line.strip())}


def read(name):
    with open(os.path.join(VACANCIES, name), encoding="utf-8") as f:
        return f.read()


def to_markdown(text):
    lines = [line.strip() for line in text.splitlines()]
    out = [f"# {lines[0]}", ""] if lines and lines[0] else []
    for line in lines[1:] if out else lines:
        out.append(line.replace("*", "\\*").replace("#", "\\#").replace("_", "\\_"))
    return "\n".join(out) + "\n"


def to_html(text):
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return ("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Vacature</title>"
            f"</head><body>\n{body}\n</body></html>\n")


def soffice_convert(source, target_ext, out_dir, convert_to=None):
    """Converts with LibreOffice headless in its own profile; returns the new file's path."""
    profile = tempfile.mkdtemp(prefix="vakkaart-lo-")
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", convert_to or target_ext, "--outdir", out_dir, source],
            check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = os.path.join(out_dir, os.path.splitext(os.path.basename(source))[0] + "." + target_ext)
    if not os.path.exists(out):
        raise AssertionError(f"soffice did not write {out}")
    return out


_FILES = {}
_FILES_DIR = []


def vacancy_files():
    """The gemeenschapswerker vacancy as .txt, .md, .html, .docx and .pdf, made once per run
    (LibreOffice takes seconds per file)."""
    if not _FILES:
        out = tempfile.mkdtemp(prefix="vakkaart-it-formats-")
        _FILES_DIR.append(out)
        text = read(GW_FILE)
        for ext, content in [("txt", text), ("md", to_markdown(text)), ("html", to_html(text))]:
            path = os.path.join(out, f"vacature.{ext}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
            _FILES[ext] = path
        # HTML opens in Writer/Web, which needs the Word filter named
        for ext, source, convert_to in [("docx", "html", "docx:MS Word 2007 XML"),
                                        ("pdf", "txt", None)]:
            sub = os.path.join(out, ext)
            os.makedirs(sub)
            _FILES[ext] = soffice_convert(_FILES[source], ext, sub, convert_to)
    return dict(_FILES)


def tearDownModule():
    for path in _FILES_DIR:
        shutil.rmtree(path, ignore_errors=True)


class AnalyseBase(unittest.TestCase):
    """One database with the bundled sources and the vacancy in all five formats per class."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="vakkaart-it-analyse-")
        cls.db = os.path.join(cls.dir, "test.db")
        try:
            run("import", *sorted(glob.glob(os.path.join(SOURCES, "*.txt"))), db=cls.db)
            cls.text = read(GW_FILE)
            cls.files = vacancy_files()
        except BaseException:
            shutil.rmtree(cls.dir, ignore_errors=True)  # tearDownClass does not run
            raise

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def write(cls, name, data):
        path = os.path.join(cls.dir, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def analyse(self, *args, **kwargs):
        return run("analyse", *args, db=self.db, **kwargs)

    def analyse_json(self, *args):
        return json.loads(self.analyse(*args, "--json").stdout)

    def assert_full_result(self, result, best):
        self.assertEqual(result["best"], best, [(p["id"], p["score"]) for p in result["profiles"][:3]])
        profiles = result["profiles"]
        self.assertGreaterEqual(len(profiles), 5)
        scores = [p["score"] for p in profiles]
        self.assertEqual(scores, sorted(scores, reverse=True), "profiles best first")
        self.assertEqual(profiles[0]["id"], best)
        for p in profiles:
            for key in ("id", "kind", "title", "confidence", "coverage"):
                self.assertIn(key, p)
        self.assertTrue(result["segments"])
        self.assertEqual(result["segment_count"], len(result["segments"]))
        matched = 0
        for segment in result["segments"]:
            self.assertIsInstance(segment["text"], str)
            self.assertTrue(segment["text"].strip(), segment)
            self.assertIsInstance(segment["matches"], list)
            matched += bool(segment["matches"])
            for m in segment["matches"]:
                for key in ("statement", "score", "words", "places"):
                    self.assertIn(key, m)
                self.assertTrue(m["statement"])
                self.assertGreater(m["score"], 0)
                self.assertIsInstance(m["words"], list)
                self.assertIsInstance(m["places"], list)
        self.assertEqual(result["matched_segments"], matched)
        self.assertGreater(matched, 0)


class AnalyseCli(AnalyseBase):
    def test_labels_of_the_chosen_texts(self):
        all_labels = labels()
        self.assertEqual(all_labels[GW_FILE]["profile"], "gemeenschapswerker")
        self.assertEqual(all_labels[NONE_FILE]["profile"], "none")

    def test_json_of_a_gemeenschapswerker_vacancy(self):
        result = self.analyse_json(os.path.join(VACANCIES, GW_FILE))
        self.assert_full_result(result, "gemeenschapswerker")
        self.assertEqual(result["best_kind"], "profile")
        self.assertTrue(result["best_title"])
        self.assertTrue(any(m["places"] for s in result["segments"] for m in s["matches"]))

    def test_all_five_formats_give_the_same_best(self):
        for ext in FORMATS:
            with self.subTest(format=ext):
                result = self.analyse_json(self.files[ext])
                self.assert_full_result(result, "gemeenschapswerker")
                joined = " ".join(s["text"] for s in result["segments"])
                self.assertNotIn("<p>", joined)
                self.assertNotIn("word/document.xml", joined)
        # an explicit --format too
        result = self.analyse_json(self.files["docx"], "--format", "docx")
        self.assertEqual(result["best"], "gemeenschapswerker")

    def test_stdin(self):
        result = json.loads(subprocess.run(
            [BIN, "--db", self.db, "analyse", "-", "--json"], input=self.text, capture_output=True,
            text=True, timeout=120, check=True).stdout)
        self.assert_full_result(result, "gemeenschapswerker")
        from_file = self.analyse_json(self.files["txt"])
        self.assertEqual([p["id"] for p in result["profiles"]],
                         [p["id"] for p in from_file["profiles"]])
        self.assertEqual(result["segment_count"], from_file["segment_count"])

    def test_a_nurse_is_none(self):
        result = self.analyse_json(os.path.join(VACANCIES, NONE_FILE))
        self.assertEqual(result["best"], "none", [(p["id"], p["confidence"]) for p in result["profiles"][:3]])

    def test_terminal_report_names_the_best_title(self):
        result = self.analyse_json(self.files["txt"])
        report = self.analyse(self.files["txt"]).stdout
        self.assertIn(result["best_title"], report)
        self.assertNotIn("\x1b[", report)  # NO_COLOR

    def assert_refused(self, *args, mention=None, stdin=None):
        command = [BIN, "--db", self.db, "analyse", *args]
        result = subprocess.run(command, input=stdin, capture_output=True, timeout=120,
                                env=dict(os.environ, NO_COLOR="1"))
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertNotEqual(result.returncode, 0, result.stdout[:500])
        self.assertTrue(stderr.strip(), "an error message")
        if mention:
            self.assertIn(mention, stderr)
        return stderr

    def test_errors(self):
        before = snapshot(self.db)
        missing = os.path.join(self.dir, "bestaat-niet.txt")
        self.assert_refused(missing, mention="bestaat-niet.txt")

        bad = self.write("kapot.txt", b"Je organiseert activiteiten.\nJe begeleidt vrijwilligers.\n"
                                      b"Dit is \xff\xfe geen UTF-8.\n")
        message = self.assert_refused(bad, mention="kapot.txt")
        self.assertRegex(message, r"(:3\b|line 3|regel 3)", "names the line")

        fake = os.path.join(self.dir, "geen-word.docx")
        with zipfile.ZipFile(fake, "w") as z:
            z.writestr("readme.txt", "Dit is een gewone zip, geen DOCX.")
        self.assert_refused(fake, mention="geen-word.docx")
        self.assert_refused(fake, "--format", "docx", mention="geen-word.docx")

        self.assert_refused(self.files["txt"], "--format", "odt", mention="--format")
        self.assertEqual(snapshot(self.db), before, "the database changed")

    # BUG (reported): src/cli/cmd_analyse.cpp analyses an empty or blank input and exits 0 with
    # "Not recognised ... 0 of 0 segments", while POST /api/analyse refuses it (400, "there is no
    # text to analyse", src/server/analyse_request.cpp). Remove the decorator once fixed.
    def test_empty_input_is_refused(self):
        self.assert_refused(self.write("leeg.txt", b""), mention="leeg.txt")
        self.assert_refused(self.write("wit.txt", b"  \n\t\n"), mention="wit.txt")
        self.assert_refused("-", stdin=b"")

    # Issue 13: a 245 KB DOCX expanded to 887 MB in memory. Now refused by name, before
    # inflating (the ZIP directory admits the ratio).
    def test_zip_bomb_is_refused(self):
        self.assert_refused(self.write("bom.docx", zip_bomb()), mention="bom.docx")


class AnalyseApi(AnalyseBase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Analysing is for anyone and stores nothing: an anonymous client, and the snapshot after
        # the server's start (which makes the first site admin of a database without users).
        cls.server = Server(cls.db, anonymous=True)
        cls.before = snapshot(cls.db)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        after = snapshot(cls.db)
        same = after == cls.before
        super().tearDownClass()
        if not same:
            raise AssertionError("POST /api/analyse changed the database")

    def post(self, path, raw, content_type):
        import urllib.error
        import urllib.request
        req = urllib.request.Request(self.server.url + path, data=raw, method="POST",
                                     headers={"Content-Type": content_type})
        try:
            with urllib.request.urlopen(req, timeout=60) as response:
                return response.status, response.headers.get("Content-Type"), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type"), error.read()

    def ok_json(self, answer):
        status, content_type, body = answer
        self.assertEqual(status, 200, body[:1000])
        self.assertIn("json", content_type)
        return json.loads(body)

    def problem(self, answer, status=400):
        code, content_type, body = answer
        self.assertEqual(code, status, body[:1000])
        self.assertIn("application/problem+json", content_type)
        problem = json.loads(body)
        self.assertEqual(problem["status"], status)
        self.assertTrue(problem["detail"])
        return problem

    def multipart(self, fields):
        boundary = "vakkaart-" + uuid.uuid4().hex
        parts = []
        for name, filename, content_type, data in fields:
            disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
            head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
            if content_type:
                head += f"Content-Type: {content_type}\r\n"
            parts.append(head.encode() + b"\r\n" + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return body, f"multipart/form-data; boundary={boundary}"

    def test_json_body(self):
        result = self.ok_json(self.server.request("POST", "/api/analyse", {"text": self.text}))
        self.assert_full_result(result, "gemeenschapswerker")
        cli = self.analyse_json(self.files["txt"])
        self.assertEqual([p["id"] for p in result["profiles"]], [p["id"] for p in cli["profiles"]])
        with open(self.files["md"], encoding="utf-8") as f:
            md = f.read()
        result = self.ok_json(self.server.request("POST", "/api/analyse",
                                                  {"text": md, "format": "markdown"}))
        self.assertEqual(result["best"], "gemeenschapswerker")

    def test_multipart_upload_of_the_pdf_and_docx(self):
        for ext, content_type in [("pdf", "application/pdf"), ("docx", "application/octet-stream")]:
            with self.subTest(format=ext):
                with open(self.files[ext], "rb") as f:
                    data = f.read()
                body, ct = self.multipart([("file", f"vacature.{ext}", content_type, data)])
                result = self.ok_json(self.post("/api/analyse", body, ct))
                self.assert_full_result(result, "gemeenschapswerker")
        body, ct = self.multipart([("text", None, None, self.text.encode("utf-8"))])
        self.assertEqual(self.ok_json(self.post("/api/analyse", body, ct))["best"],
                         "gemeenschapswerker")

    def test_raw_bodies(self):
        result = self.ok_json(self.post("/api/analyse", self.text.encode("utf-8"),
                                        "text/plain; charset=utf-8"))
        self.assert_full_result(result, "gemeenschapswerker")
        with open(self.files["pdf"], "rb") as f:
            result = self.ok_json(self.post("/api/analyse", f.read(), "application/pdf"))
        self.assertEqual(result["best"], "gemeenschapswerker")
        with open(self.files["html"], "rb") as f:
            result = self.ok_json(self.post("/api/analyse", f.read(), "text/html"))
        self.assertEqual(result["best"], "gemeenschapswerker")

    def test_summary_has_no_segments(self):
        result = self.ok_json(self.server.request("POST", "/api/analyse?detail=summary",
                                                  {"text": self.text}))
        self.assertEqual(result["best"], "gemeenschapswerker")
        self.assertTrue(result["profiles"])
        self.assertFalse(result.get("segments"), "no segments in a summary")
        self.problem(self.server.request("POST", "/api/analyse?detail=everything", {"text": "x y"}))

    def test_nurse_is_none(self):
        result = self.ok_json(self.server.request("POST", "/api/analyse", {"text": read(NONE_FILE)}))
        self.assertEqual(result["best"], "none")

    PROBLEM_CASES = [
        (b'{"text": "Je organiseert', "application/json", "body"),
        (b'{"tekst": "Je organiseert activiteiten."}', "application/json", "text"),
        (b'{"text": 42}', "application/json", "text"),
        (b'{"text": "Je organiseert", "format": "pdf"}', "application/json", "format"),
        (b'{"text": ""}', "application/json", "text"),
        (b'{"text": "  \\n\\t "}', "application/json", "text"),
        (b"", "text/plain", "body"),
    ]

    def test_problems(self):
        for raw, content_type, _ in self.PROBLEM_CASES:
            with self.subTest(body=raw):
                problem = self.problem(self.post("/api/analyse", raw, content_type))
                self.assertEqual(problem["code"], "invalid_argument")
        fake = zipfile_bytes()
        body, ct = self.multipart([("file", "geen-word.docx",
                                    "application/vnd.openxmlformats-officedocument."
                                    "wordprocessingml.document", fake)])
        self.problem(self.post("/api/analyse", body, ct))

    # Issue 13: 400 KB of dots took 44 s. Every text path is linear now; the bound is generous
    # (the whole request takes well under a second on two cores).
    def test_adversarial_bodies_are_answered_quickly(self):
        import time
        cases = [
            (b"." * 400_000 + b"x", "text/plain"),
            (b"<!DOCTYPE html><html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000
             + b"</body></html>", "text/html"),
            (b"Je plant; je organiseert;" + b" activiteiten met vrijwilligers" * 12_000 + b".",
             "text/plain"),
        ]
        for raw, content_type in cases:
            with self.subTest(body=raw[:30]):
                start = time.monotonic()
                code, _, body = self.post("/api/analyse", raw, content_type)
                self.assertLess(time.monotonic() - start, 10)
                self.assertIn(code, (200, 400), body[:300])

    def test_zip_bomb_is_refused(self):
        body, ct = self.multipart([("file", "bom.docx", "application/octet-stream", zip_bomb())])
        problem = self.problem(self.post("/api/analyse", body, ct), status=413)
        self.assertEqual(problem["code"], "too_large")
        self.assertEqual(problem.get("field"), "file", problem)

    # BUG (reported): the problems of POST /api/analyse have no "field" although
    # src/server/analyse_request.cpp sets Location::field: src/server/routes/api_analyse.cpp lets
    # the Error reach the server's generic exception handler (src/server/server.cpp), which drops
    # it; /api/functions and /api/crosswalks add it. Remove the decorator once fixed.
    def test_problems_name_the_field(self):
        for raw, content_type, field in self.PROBLEM_CASES:
            problem = self.problem(self.post("/api/analyse", raw, content_type))
            self.assertEqual(problem.get("field"), field, problem)


def zip_bomb():
    """A DOCX whose document part (8 MB of one letter) deflates about 1000:1."""
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>" + "a" * (8 << 20)
                   + "</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def zipfile_bytes():
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("readme.txt", "Dit is een gewone zip, geen DOCX.")
    return buffer.getvalue()


if __name__ == "__main__":
    unittest.main()
