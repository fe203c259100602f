"""`vakkaart analyse` and `POST /api/analyse` end to end on the bundled note and BK: a vacancy of
the evaluation set read as text, Markdown, HTML, DOCX and PDF (the last two made with
LibreOffice) gives the same best profile; stdin; an unrelated job gives "none"; bad input is
refused with a clear message; the API's JSON, multipart and raw bodies, `?detail=summary` and
its problems; and the analysis never writes to the database."""
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse
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
        # Without the per-address limit: these tests send more analyses a minute than it allows
        # (RateLimitTest in test_accounts.py tests the limit).
        cls.server = Server(cls.db, anonymous=True, args=("--analyse-per-minute", "0"))
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

    def test_a_plain_text_body_in_the_charset_it_names(self):
        utf8 = self.ok_json(self.post("/api/analyse", self.text.encode("utf-8"),
                                      "text/plain; charset=utf-8"))
        latin = self.text.encode("cp1252", errors="strict")
        self.assertNotEqual(latin, self.text.encode("utf-8"), "the text has accented letters")
        for charset in ["iso-8859-1", "ISO-8859-1", "windows-1252", '"latin1"']:
            with self.subTest(charset=charset):
                result = self.ok_json(self.post("/api/analyse", latin,
                                                f"text/plain; charset={charset}"))
                self.assertEqual(result["best"], utf8["best"])
                self.assertEqual(result["segments"], utf8["segments"], "the same text")
        problem = self.problem(self.post("/api/analyse", latin, "text/plain"))
        self.assertEqual(problem["code"], "encoding_error", "no charset named: UTF-8 it must be")
        problem = self.problem(self.post("/api/analyse", latin, "text/plain; charset=koi8-r"),
                               415)
        self.assertIn("koi8-r", problem["detail"])

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
        # An empty file chosen is named as such (a form with no file chosen sends no name).
        body, ct = self.multipart([("file", "leeg.txt", "text/plain", b"")])
        problem = self.problem(self.post("/api/analyse", body, ct))
        self.assertEqual(problem.get("field"), "file", problem)
        self.assertIn("leeg.txt", problem["detail"])


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def multipart_body(fields):
    """(body, content type) of a multipart form: fields are (name, filename, type, bytes)."""
    boundary = "vakkaart-" + uuid.uuid4().hex
    parts = []
    for name, filename, content_type, data in fields:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"'
                                                     if filename is not None else "")
        head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        parts.append(head.encode() + b"\r\n" + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), \
        f"multipart/form-data; boundary={boundary}"


class AnalysePageAndFunction(unittest.TestCase):
    """The page /analyse (issue 17): refused input comes back on the form, beside its field, in
    the page's language, never as an error page; a pasted text and a file are both read and the
    page says so; the figures are words of the page's language; "Maak hier een functie van"
    creates the function for an editor and for no one else, from sources checked against the
    structure (never trusted), and opens the composer."""

    EDITOR = "redacteur@example.org"
    EDITOR_PASSWORD = "redacteur-wachtwoord-1"

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="vakkaart-it-analyse-page-")
        cls.db = os.path.join(cls.dir, "test.db")
        try:
            run("import", *sorted(glob.glob(os.path.join(SOURCES, "*.txt"))), db=cls.db)
            # TESTER: a curator of demo, so also an editor. Every test posts several analyses.
            cls.server = Server(cls.db, args=("--analyse-per-minute", "0"))
            run("user", "add", "lezer@example.org", "--org", "demo", "--role", "reader",
                db=cls.db)
            cls.reader_token = run("token", "create", "lezer@example.org", "--name", "lezer",
                                   db=cls.db).stdout.strip()
            subprocess.run([BIN, "--db", cls.db, "user", "add", cls.EDITOR, "--org", "demo",
                            "--role", "editor", "--password-stdin"], input=cls.EDITOR_PASSWORD,
                           text=True, capture_output=True, check=True, timeout=120)
        except BaseException:
            shutil.rmtree(cls.dir, ignore_errors=True)
            raise
        cls.text = read(GW_FILE)
        parts = urllib.parse.urlsplit(cls.server.url)
        cls.host, cls.port = parts.hostname, parts.port

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def send(self, method, path, body=None, content_type=None, token=None, headers=None):
        """(status, headers, body text); redirects are answers, not followed."""
        import http.client
        h = dict(headers or {})
        if content_type:
            h["Content-Type"] = content_type
        if token:
            h["Authorization"] = f"Bearer {token}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body, h)
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def analyse_page(self, fields, path="/analyse", token=None, headers=None):
        body, content_type = multipart_body(fields)
        return self.send("POST", path, body, content_type, token, headers)

    def text_field(self, text):
        return ("text", None, None, text.encode("utf-8"))

    def form_post(self, fields, token=None, headers=None, path="/analyse/function"):
        return self.send("POST", path, urllib.parse.urlencode(fields),
                         "application/x-www-form-urlencoded", token, headers)

    def api_json(self, method, path, fields=None, token=None):
        body, content_type = multipart_body(fields) if fields else (None, None)
        status, _, text = self.send(method, path, body, content_type, token or self.server.token)
        self.assertEqual(status, 200, text[:500])
        return json.loads(text)

    @staticmethod
    def without_the_text(page):
        """The page without what the visitor wrote (textarea) and the sentences quoted from it."""
        page = re.sub(r"<textarea.*?</textarea>", "", page, flags=re.S)
        return re.sub(r'<ol class="analyse-segments".*?</ol>', "", page, flags=re.S)

    def draft_form(self, page):
        form = re.search(r'<form class="make-function".*?</form>', page, re.S)
        self.assertTrue(form, "the result page offers 'Maak hier een functie van'")
        form = form.group(0)
        value = lambda name: html.unescape(  # noqa: E731
            re.search(rf'name="{name}"[^>]*value="([^"]*)"', form).group(1))
        sources = [html.unescape(s) for s in re.findall(r'name="source" value="([^"]*)"', form)]
        return value("candidate"), value("title"), sources

    def function_count(self):
        return len(self.api_json("GET", "/api/functions")["functions"])

    def test_an_empty_form_is_refused_on_the_form(self):
        empty_file = ("file", "", "application/octet-stream", b"")
        for path, words in [("/analyse", "Er is geen tekst om te analyseren"),
                            ("/analyse?lang=en", "There is no text to analyse")]:
            with self.subTest(path=path):
                status, headers, page = self.analyse_page([self.text_field("  \n"), empty_file],
                                                          path)
                self.assertEqual(status, 400, page[:300])
                self.assertTrue(headers["Content-Type"].startswith("text/html"))
                self.assertIn('<form class="analyse-form"', page)
                error = re.search(r'<p class="form-error" id="analyse-error"[^>]*>([^<]*)</p>', page)
                self.assertTrue(error, "the error is on the form")
                self.assertIn(words, error.group(1))
                self.assertRegex(page, r'<textarea id="analyse-text"[^>]*aria-invalid="true"')
                self.assertNotIn('class="analyse-result"', page)

    def test_an_unreadable_upload_is_refused_on_the_form_and_the_text_is_kept(self):
        typed = "Je organiseert activiteiten voor de buurt."
        status, _, page = self.analyse_page(
            [self.text_field(typed), ("file", "geen-word.docx", DOCX_TYPE, zipfile_bytes())])
        self.assertEqual(status, 400, page[:300])
        self.assertRegex(page, r'<input id="analyse-file"[^>]*aria-invalid="true"')
        error = re.search(r'<p class="form-error" id="analyse-error"[^>]*>([^<]*)</p>', page)
        self.assertTrue(error)
        self.assertIn("geen-word.docx", error.group(1))
        self.assertIn("kan niet gelezen worden", error.group(1))
        self.assertIn(typed, page, "what was typed is still in the form")
        # The same upload alone: the error is the file's, in English on ?lang=en.
        status, _, page = self.analyse_page(
            [("file", "geen-word.docx", DOCX_TYPE, zipfile_bytes())], "/analyse?lang=en")
        self.assertEqual(status, 400)
        self.assertIn("The file geen-word.docx cannot be read", page)
        # A DOCX that would unpack far too large: 413, on the form as well.
        status, _, page = self.analyse_page([("file", "bom.docx", DOCX_TYPE, zip_bomb())])
        self.assertEqual(status, 413)
        self.assertRegex(page, r'<p class="form-error" id="analyse-error"[^>]*>Dit is te groot')

    def test_a_pasted_text_and_a_file_are_both_read(self):
        pasted = "Je begeleidt vrijwilligers bij het organiseren van buurtactiviteiten."
        file = ("file", "vacature.txt", "text/plain", self.text.encode("utf-8"))
        status, _, page = self.analyse_page([self.text_field(pasted), file])
        self.assertEqual(status, 200, page[:300])
        self.assertIn("Gelezen: de geplakte tekst en het bestand vacature.txt.", page)
        first = re.search(r'<li id="segment-1"[^>]*>\s*<p class="segment-text">(.*?)</p>', page, re.S)
        self.assertIn("vrijwilligers", first.group(1), "the pasted text comes first")
        alone = self.api_json("POST", "/api/analyse", [file])
        both = self.api_json("POST", "/api/analyse", [self.text_field(pasted), file])
        self.assertEqual(both["segment_count"], alone["segment_count"] + 1,
                         "the API reads both as well")
        status, _, page = self.analyse_page([file], "/analyse?lang=en")
        self.assertIn("Read: the file vacature.txt.", page)

    def test_the_figures_are_words_of_the_page(self):
        status, _, page = self.analyse_page([self.text_field(self.text)])
        self.assertEqual(status, 200)
        dutch = self.without_the_text(page)
        self.assertRegex(dutch, r"\d+ van de \d+ zinnen herkend; de beroepenstructuur verklaart "
                                r"\d+% van de tekst\.")
        self.assertNotRegex(dutch, r"\bpassing\b")
        status, _, page = self.analyse_page([self.text_field(self.text)], "/analyse?lang=en")
        english = self.without_the_text(page)
        self.assertRegex(english, r"\d+ of the \d+ sentences recognised; the occupational "
                                  r"structure explains \d+% of the text\.")
        for dutch_words in ["passing", "zinnen herkend", "verklaart", "Gelezen", "Maak hier"]:
            self.assertNotRegex(english, rf"\b{dutch_words}\b")

    # A vacancy whose sentence about needs matches an Oriënteren statement weakly (39.9%): the
    # ring said 0% for that cluster while the list of missing core activities left it out.
    NEIGHBOURHOOD = (
        "Medewerker vrijwilligerswerking en buurtprojecten (m/v/x)\n"
        "Voor ons buurthuis in Gent zoeken we een enthousiaste collega die samen met bewoners "
        "activiteiten opzet.\n"
        "Je werft, begeleidt en coacht vrijwilligers en zorgt voor een goede onthaal van "
        "nieuwkomers.\n"
        "Je detecteert de noden en behoeften van de buurtbewoners en vertaalt die naar concrete "
        "projecten.\n"
        "Je organiseert en begeleidt socioculturele activiteiten en volgt de planning en het "
        "budget op.\n"
        "Je bouwt een netwerk uit met lokale partners, scholen en het OCMW.\n"
        "Je communiceert over onze werking via sociale media en de nieuwsbrief.\n"
        "Je rapporteert over de resultaten en schrijft mee aan subsidiedossiers.\n"
        "Je reflecteert over je eigen handelen en volgt bijscholing.\n")

    def test_the_missing_core_list_is_what_the_ring_leaves_uncounted(self):
        result = self.api_json("POST", "/api/analyse", [self.text_field(self.NEIGHBOURHOOD)])
        best = result["profiles"][0]
        self.assertEqual(best["id"], result["best"])
        core = [c for c in best["clusters"] if c["ring"] == "kernactiviteiten"]
        missing = {m["cluster"] for m in result["missing_core"]}
        for cluster in core:
            if cluster["matched"] < cluster["total"]:
                self.assertIn(cluster["id"], missing, cluster)
            else:
                self.assertNotIn(cluster["id"], missing, cluster)
        self.assertEqual(len(result["missing_core"]),
                         sum(c["total"] - c["matched"] for c in core))
        # A match counts exactly from the coverage threshold on, and the page says which do not.
        weak = [m for s in result["segments"] for m in s["matches"] if not m["counts"]]
        self.assertTrue(weak)
        for s in result["segments"]:
            for m in s["matches"]:
                self.assertEqual(m["counts"], m["score"] >= 0.4, m)
        status, _, page = self.analyse_page([self.text_field(self.NEIGHBOURHOOD)])
        self.assertEqual(status, 200)
        self.assertIn("zwak: telt niet mee voor de dekking", page)
        self.assertNotRegex(page, r'class="weak"><span class="score">4\d%')

    def test_an_editor_turns_the_analysis_into_a_function(self):
        # Anonymous: a way to sign in that comes back here, and no form.
        status, _, page = self.analyse_page([self.text_field(self.text)])
        self.assertEqual(status, 200)
        self.assertRegex(html.unescape(page), r'href="/sign-in\?next=(%2F|/)analyse"')
        self.assertNotIn('class="make-function"', page)
        # A reader is told why not.
        status, _, page = self.analyse_page([self.text_field(self.text)], token=self.reader_token)
        self.assertIn("alleen redacteurs en beheerders maken functies", page)
        self.assertNotIn('class="make-function"', page)

        status, _, page = self.analyse_page([self.text_field(self.text)], token=self.server.token)
        candidate, title, sources = self.draft_form(page)
        expected = self.api_json("POST", "/api/analyse", [self.text_field(self.text)])
        best = expected["profiles"][0]
        self.assertEqual(candidate, best["id"])
        matched = [m["ref"] for m in best["main_activities"] if m["matched"] > 0]
        self.assertEqual(sources, matched, "one block per main activity that comes up")
        self.assertEqual(len(sources), best["matched"], "the headline's count")
        self.assertTrue(title)

        status, headers, text = self.form_post(
            [("candidate", candidate), ("title", title)] + [("source", s) for s in sources],
            token=self.server.token)
        self.assertEqual(status, 303, text[:500])
        location = re.fullmatch(r"/functions/([a-z0-9-]+)", headers["Location"])
        self.assertTrue(location, headers["Location"])
        made = self.api_json("GET", f"/api/functions/{location.group(1)}")["function"]
        self.assertEqual(made["title"], title)
        refs = [b["source"]["ref"] for b in made["blocks"] if b["source"]]
        for s in sources:
            self.assertEqual(refs.count(s), 1, f"{s} is one block")
        self.assertEqual(len(refs), len(set(refs)))
        status, _, _ = self.send("GET", headers["Location"], token=self.server.token)
        self.assertEqual(status, 200, "the composer opens")

        # A title is stored text: the composer shows it as text, never as markup.
        hostile = '<img src=x onerror="alert(1)"> & co'
        status, headers, _ = self.form_post(
            [("candidate", candidate), ("title", hostile), ("source", sources[0])],
            token=self.server.token)
        self.assertEqual(status, 303)
        _, _, composer = self.send("GET", headers["Location"], token=self.server.token)
        self.assertNotIn("<img src=x", composer)
        self.assertIn("&lt;img src=x", composer)

    def test_what_the_form_names_is_checked_and_only_editors_write(self):
        status, _, page = self.analyse_page([self.text_field(self.text)], token=self.server.token)
        candidate, title, sources = self.draft_form(page)
        before = self.function_count()
        cases = [
            ([("candidate", candidate), ("title", title), ("source", "gemeenschapswerker:x:99")],
             400, "gemeenschapswerker:x:99"),
            ([("candidate", "geen-profiel"), ("title", title), ("source", sources[0])],
             400, "geen-profiel"),
            ([("candidate", candidate), ("title", title)], 400, "at least one"),
            ([("candidate", candidate), ("title", "  "), ("source", sources[0])], 400, "title"),
            ([("candidate", candidate), ("title", "x" * 201), ("source", sources[0])], 413,
             "200 characters"),
            # (101 different ones: the server reads a repeated name=value pair once.)
            ([("candidate", candidate), ("title", title)]
             + [("source", f"{candidate}:x:{n}") for n in range(101)], 413, "at most 100"),
        ]
        for fields, want, words in cases:
            with self.subTest(fields=fields[:3]):
                status, headers, text = self.form_post(fields, token=self.server.token)
                self.assertEqual(status, want, text[:300])
                self.assertTrue(headers["Content-Type"].startswith("text/html"))
                self.assertIn(words, html.unescape(text))
        fields = [("candidate", candidate), ("title", title), ("source", sources[0])]
        self.assertEqual(self.form_post(fields)[0], 401, "anonymous")
        self.assertEqual(self.form_post(fields, token=self.reader_token)[0], 403, "a reader")
        self.assertEqual(self.function_count(), before, "nothing was made")

    def test_a_session_sends_its_csrf_token_and_this_sites_origin(self):
        origin = self.server.url
        status, headers, _ = self.form_post(
            [("email", self.EDITOR), ("password", self.EDITOR_PASSWORD)], path="/sign-in",
            headers={"Origin": origin})
        self.assertEqual(status, 303)
        cookie = re.search(r"vakkaart_session=([^;]+)", headers["Set-Cookie"]).group(0)
        _, _, account = self.send("GET", "/account", headers={"Cookie": cookie})
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', account).group(1)
        session = {"Cookie": cookie, "Origin": origin}
        status, _, page = self.analyse_page(
            [("csrf_token", None, None, csrf.encode()), self.text_field(self.text)],
            headers=session)
        self.assertEqual(status, 200, page[:300])
        candidate, title, sources = self.draft_form(page)
        self.assertIn(f'name="csrf_token" value="{csrf}"', page)
        fields = [("candidate", candidate), ("title", title)] + [("source", s) for s in sources]
        self.assertEqual(self.form_post(fields, headers=session)[0], 403, "no CSRF token")
        self.assertEqual(self.form_post(fields + [("csrf_token", csrf)],
                                        headers={"Cookie": cookie,
                                                 "Origin": "http://evil.example"})[0],
                         403, "another site")
        status, headers, _ = self.form_post(fields + [("csrf_token", csrf)], headers=session)
        self.assertEqual(status, 303)
        self.assertRegex(headers["Location"], r"^/functions/[a-z0-9-]+$")


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
