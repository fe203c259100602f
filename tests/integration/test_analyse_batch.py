"""`vakkaart analyse --batch` end to end: a JSONL of a few thousand generated texts and a
directory of mixed files are analysed into a report directory; a run killed (SIGKILL) or
interrupted (SIGINT) after a checkpoint resumes to exactly the bytes of an uninterrupted run;
the report's numbers agree with each other and the HTML report is well-formed with its charts."""
import csv
import glob
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from support import BIN, BK, NOTE, ROOT, run  # noqa: E402

OUTPUTS = ["texts.csv", "texts.jsonl", "errors.jsonl", "summary.json", "cooccurrence.csv",
           "report.html"]
SVG = "{http://www.w3.org/2000/svg}"


def sentences():
    """Lines of the evaluation set's vacancies with a few words, and some of our own."""
    found = [
        "Je organiseert activiteiten samen met de bewoners van de wijk.",
        "Je begeleidt vrijwilligers en ondersteunt hen in hun engagement.",
        "Je voert campagne en mobiliseert mensen rond een maatschappelijk thema.",
        "Je verdedigt de belangen van werknemers in het sociaal overleg.",
        "Je programmeert voorstellingen en concerten in het cultuurcentrum.",
        "Je verzorgt wonden en dient medicatie toe aan patiënten.",
    ]
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "vacancies", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            found += [line.strip() for line in f if line.count(" ") >= 5]
    return found


def generated_texts(n, seed):
    """n texts of 5–40 sentences recombined with a fixed seed."""
    rng = random.Random(seed)
    pool = sentences()
    return ["\n".join(rng.choice(pool) for _ in range(rng.randint(5, 40))) for _ in range(n)]


def write_jsonl(path, texts, broken=False):
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            if broken and i % 500 == 17:
                f.write('{"id": "kapot", "text": \n')
                continue
            f.write(json.dumps({"id": f"v{i}", "lang": "nl", "text": text},
                               ensure_ascii=False) + "\n")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def checkpoint_records(out):
    try:
        with open(os.path.join(out, "checkpoint.json"), encoding="utf-8") as f:
            return json.load(f)["records"]
    except (OSError, ValueError):
        return -1


class AnalyseBatch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="vakkaart-batch-")
        cls.db = os.path.join(cls.dir, "batch.db")
        run("import", NOTE, BK, db=cls.db)
        cls.jsonl = os.path.join(cls.dir, "texts.jsonl")
        write_jsonl(cls.jsonl, generated_texts(3000, 11))
        cls.clean = os.path.join(cls.dir, "clean")
        cls.clean_run = run("analyse", "--batch", cls.jsonl, "--out", cls.clean, "--threads", "2",
                            db=cls.db)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def out(self, name):
        path = os.path.join(self.dir, name)
        shutil.rmtree(path, ignore_errors=True)
        return path

    def assert_same_outputs(self, a, b):
        for name in OUTPUTS:
            self.assertEqual(read(os.path.join(a, name)), read(os.path.join(b, name)), name)

    def start(self, out, *extra):
        env = dict(os.environ, NO_COLOR="1")
        env.pop("VAKKAART_DB", None)
        return subprocess.Popen(
            [BIN, "--db", self.db, "analyse", "--batch", self.jsonl, "--out", out,
             "--threads", "1", "--checkpoint-every", "50", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)

    def wait_for_checkpoint(self, process, out, at_least):
        deadline = time.time() + 120
        while checkpoint_records(out) < at_least:
            self.assertIsNone(process.poll(), "the run ended before a checkpoint was seen")
            self.assertLess(time.time(), deadline)
            time.sleep(0.01)

    def test_the_summary_on_stdout(self):
        out = self.clean_run.stdout
        self.assertIn("3,000 texts analysed", out)
        self.assertIn("top profiles:", out)
        self.assertIn(os.path.join(self.clean, "report.html"), out)
        self.assertEqual(self.clean_run.stderr, "")  # no progress bar without a terminal

    def test_per_text_rows_in_input_order(self):
        rows = list(csv.reader(io.StringIO(read(os.path.join(self.clean, "texts.csv"))
                                           .decode("utf-8"), newline="")))
        self.assertEqual(rows[0][:5], ["id", "best", "best_confidence", "fit", "segments"])
        self.assertEqual(rows[0][-1], "clusters")
        self.assertEqual([r[0] for r in rows[1:]], [f"v{i}" for i in range(3000)])
        with open(os.path.join(self.clean, "texts.jsonl"), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        self.assertEqual([j["id"] for j in lines], [f"v{i}" for i in range(3000)])
        for row, j in zip(rows[1:], lines):
            self.assertEqual(row[1], j["best"])
            self.assertLessEqual(len(j["profiles"]), 3)
            present = [c["id"] for c in j["clusters"] if c["present"]]
            self.assertEqual(row[-1], ";".join(present))

    def test_summary_counts_and_lift_agree(self):
        with open(os.path.join(self.clean, "summary.json"), encoding="utf-8") as f:
            summary = json.load(f)
        n = summary["texts"]
        self.assertEqual(n, 3000)
        self.assertEqual(summary["errors"], 0)
        self.assertEqual(sum(p["texts"] for p in summary["profiles"]), n)
        self.assertIn("none", [p["id"] for p in summary["profiles"]])
        # Recount from the rows: distribution, cluster counts, pairs.
        with open(os.path.join(self.clean, "texts.jsonl"), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        best = {}
        for j in lines:
            best[j["best"]] = best.get(j["best"], 0) + 1
        for p in summary["profiles"]:
            self.assertEqual(p["texts"], best.get(p["id"], 0), p["id"])
        cooc = summary["cooccurrence"]
        ids = cooc["clusters"]
        present = [set(c["id"] for c in j["clusters"] if c["present"]) for j in lines]
        for a, ida in enumerate(ids):
            count_a = sum(ida in s for s in present)
            self.assertEqual(cooc["texts"][a][a], count_a)
            for b, idb in enumerate(ids):
                if a == b:
                    self.assertIsNone(cooc["lift"][a][b])
                    continue
                both = sum(ida in s and idb in s for s in present)
                self.assertEqual(cooc["texts"][a][b], both)
                count_b = cooc["texts"][b][b]
                if count_a and count_b:
                    self.assertAlmostEqual(cooc["lift"][a][b], both * n / (count_a * count_b),
                                           places=3)
                else:
                    self.assertIsNone(cooc["lift"][a][b])
        self.assertTrue(any(c["texts"] > 0 for c in summary["clusters"]))
        with open(os.path.join(self.clean, "cooccurrence.csv"), encoding="utf-8",
                  newline="") as f:
            pairs = list(csv.DictReader(f))
        self.assertEqual(len(pairs), len(ids) * (len(ids) - 1) // 2)
        for p in pairs:
            a, b = ids.index(p["cluster_a"]), ids.index(p["cluster_b"])
            self.assertEqual(int(p["texts_both"]), cooc["texts"][a][b])
            if p["lift"]:
                self.assertAlmostEqual(float(p["lift"]), cooc["lift"][a][b], places=3)

    def test_the_html_report_is_well_formed_with_its_charts(self):
        html = read(os.path.join(self.clean, "report.html")).decode("utf-8")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        root = ET.fromstring(html[html.index("<html"):])
        svgs = list(root.iter(SVG + "svg"))
        self.assertEqual(len(svgs), 3)
        for svg in svgs:
            self.assertEqual(svg.get("role"), "img")
            self.assertTrue(svg.get("aria-label"))
            self.assertIsNotNone(svg.find(SVG + "title"))
        cells = [r for r in root.iter(SVG + "rect") if r.get("data-lift") is not None]
        self.assertTrue(cells)
        for cell in cells:
            self.assertIsNotNone(cell.find(SVG + "title"))

    def test_a_killed_run_resumes_to_the_same_bytes(self):
        out = self.out("killed")
        process = self.start(out)
        self.wait_for_checkpoint(process, out, 300)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        done = checkpoint_records(out)
        self.assertGreaterEqual(done, 300)
        self.assertLess(done, 3000, "the run finished before it was killed")
        self.assertFalse(os.path.exists(os.path.join(out, "report.html")))
        resumed = run("analyse", "--batch", self.jsonl, "--out", out, "--threads", "2",
                      db=self.db)
        self.assertIn(f"resumed after {done:,}", resumed.stdout)
        self.assert_same_outputs(self.clean, out)

    def test_an_interrupted_run_saves_a_checkpoint_and_resumes(self):
        # The interrupt races the run's last texts: a run that finished first is tried again
        # (never skipped), and five in a row is a failure.
        for _ in range(5):
            out = self.out("interrupted")
            process = self.start(out)
            self.wait_for_checkpoint(process, out, 100)
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=60)
            if process.returncode != 0:
                break
        self.assertNotEqual(process.returncode, 0, "five runs finished before the interrupt")
        self.assertEqual(process.returncode, 1)
        self.assertIn("interrupted", stderr)
        self.assertIn("run the same command again", stderr)
        self.assertGreaterEqual(checkpoint_records(out), 100)
        run("analyse", "--batch", self.jsonl, "--out", out, db=self.db)
        self.assert_same_outputs(self.clean, out)
        # Run again: nothing is redone, the same report.
        again = run("analyse", "--batch", self.jsonl, "--out", out, db=self.db)
        self.assertIn("resumed after 3,000", again.stdout)
        self.assert_same_outputs(self.clean, out)

    def test_a_changed_input_is_refused_until_restarted(self):
        jsonl = os.path.join(self.dir, "changing.jsonl")
        write_jsonl(jsonl, generated_texts(200, 5))
        out = self.out("changing")
        first = run("analyse", "--batch", jsonl, "--out", out, db=self.db)
        self.assertEqual(first.returncode, 0)
        with open(jsonl, "a", encoding="utf-8") as f:
            f.write(json.dumps({"text": "Je voert campagne rond het klimaat."}) + "\n")
        refused = run("analyse", "--batch", jsonl, "--out", out, db=self.db, check=False)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("changed since the checkpoint", refused.stderr)
        self.assertIn("--restart", refused.stderr)
        restarted = run("analyse", "--batch", jsonl, "--out", out, "--restart", db=self.db)
        self.assertIn("201 texts analysed", restarted.stdout)

    def test_bad_lines_are_listed_and_make_the_exit_status_non_zero(self):
        jsonl = os.path.join(self.dir, "broken.jsonl")
        write_jsonl(jsonl, generated_texts(1200, 7), broken=True)
        out = self.out("broken")
        result = run("analyse", "--batch", jsonl, "--out", out, db=self.db, check=False)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("3 of 1,200 records could not be analysed", result.stderr)
        self.assertIn(f"{jsonl}:18: not JSON", result.stderr)
        self.assertIn("1,197 texts analysed", result.stdout)
        with open(os.path.join(out, "errors.jsonl"), encoding="utf-8") as f:
            errors = [json.loads(line) for line in f]
        self.assertEqual([e["line"] for e in errors], [18, 518, 1018])
        self.assertEqual({e["code"] for e in errors}, {"parse_error"})
        with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
            summary = json.load(f)
        self.assertEqual((summary["texts"], summary["errors"]), (1197, 3))

    def test_a_directory_of_mixed_files(self):
        src = os.path.join(self.dir, "docs")
        shutil.rmtree(src, ignore_errors=True)
        texts = generated_texts(40, 3)
        expected = []
        for i, text in enumerate(texts):
            sub = ["", "noord", "zuid/oost"][i % 3]
            os.makedirs(os.path.join(src, sub), exist_ok=True)
            kind = i % 3
            name = os.path.join(sub, f"vacature-{i:02d}." + ["txt", "md", "html"][kind])
            body = text if kind == 0 else (
                "# Vacature\n\n" + "\n".join("- " + s for s in text.split("\n")) if kind == 1
                else "<!DOCTYPE html><html><body><h1>Vacature</h1><ul>" +
                "".join(f"<li>{s}</li>" for s in text.split("\n")) + "</ul></body></html>")
            with open(os.path.join(src, name), "w", encoding="utf-8") as f:
                f.write(body)
            expected.append(name.replace(os.sep, "/"))
        with open(os.path.join(src, "lees-mij.json"), "w") as f:
            f.write("{}")  # not a supported file: not read
        out = self.out("docs-report")
        result = run("analyse", "--batch", src, "--out", out, "--threads", "2", db=self.db)
        self.assertIn("40 texts analysed", result.stdout)
        with open(os.path.join(out, "texts.jsonl"), encoding="utf-8") as f:
            ids = [json.loads(line)["id"] for line in f]

        def order(path):
            return path.split("/")
        self.assertEqual(ids, sorted(expected, key=order))
        self.assertEqual(read(os.path.join(out, "errors.jsonl")), b"")
        ET.fromstring(read(os.path.join(out, "report.html")).decode("utf-8").split("\n", 1)[1])

    def test_option_errors(self):
        no_out = run("analyse", "--batch", self.jsonl, db=self.db, check=False)
        self.assertEqual(no_out.returncode, 2)
        self.assertIn("--out", no_out.stderr)
        missing = run("analyse", "--batch", os.path.join(self.dir, "nope.jsonl"), "--out",
                      self.out("nope"), db=self.db, check=False)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("nope.jsonl", missing.stderr)


if __name__ == "__main__":
    unittest.main()
