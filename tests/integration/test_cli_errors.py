"""A mistyped argument is a usage error: exit status 2 and one line on stderr that names the
argument, never "internal error" (exit 3) and never a change to the database. The table holds
every numeric argument and id of the CLI with the inputs a fault probe tried: words where
numbers belong, numbers beyond any int, 1e999, ids of the wrong kind."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import BIN, BK, NOTE, run, snapshot  # noqa: E402

HUGE = "99999999999999999999"  # beyond 64 bits
BIG = "99999999999"  # beyond 32 bits

# (arguments, the argument the message must name); FID is the function made in setUpClass.
USAGE_ERRORS = [
    (["function", "weight", "FID", "b1", "abc"], "weight"),
    (["function", "weight", "FID", "b1", "1e999"], "weight"),
    (["function", "weight", "FID", "b1", "10%"], "weight"),
    (["function", "weight", "FID", "b1", ""], "weight"),
    (["function", "weight", "FID", "b1", "101"], "weight"),
    (["function", "weight", "FID", "b1", "nan"], "weight"),
    (["function", "weight", "FID", "b99999999999999", "10"], "block"),
    (["function", "weight", "FID", "i1", "10"], "block"),
    (["function", "weight", "FID", "b-1", "10"], "block"),
    (["function", "reword", "FID", "i99999999999999", "tekst"], "item"),
    (["function", "reword", "FID", "b1", "tekst"], "item"),
    (["function", "remove", "FID", "b99999999999999"], "part"),
    (["function", "remove", "FID", "x7"], "part"),
    (["function", "remove", "FID", "i"], "part"),
    (["function", "add", "FID", "gemeenschapswerker:communiceren:1", "--items", "1,x," + BIG],
     "items"),
    (["function", "add", "FID", "gemeenschapswerker:communiceren:1", "--items", BIG], "items"),
    (["function", "add", "FID", "gemeenschapswerker:communiceren:1", "--items", "-1"], "items"),
    (["function", "add", "FID", "gemeenschapswerker:communiceren:abc"], "source"),
    (["function", "add", "FID", "gemeenschapswerker:communiceren:" + HUGE], "source"),
    (["function", "add", "FID", "BK-0338-3:x"], "source"),
    (["function", "add", "FID", "BK-0338-3:" + BIG], "source"),
    (["function", "add", "FID", "BK-0338-3:1", "--expect-version", "abc"], "--expect-version"),
    (["function", "add", "FID", "BK-0338-3:1", "--expect-version", BIG], "--expect-version"),
    (["function", "add", "FID", "BK-0338-3:1", "--expect-version", "1e999"], "--expect-version"),
    (["function", "delete", "FID", "--expect-version", "-1"], "--expect-version"),
    (["function", "show", "FID", "--version", "abc"], "--version"),
    (["function", "show", "FID", "--version", HUGE], "--version"),
    (["function", "export", "FID", "--format", "md", "-o", "OUT", "--version", "0"], "--version"),
    (["function", "set", "FID", "--status", "klaar"], "--status"),
    (["search", "werk", "--limit", "abc"], "--limit"),
    (["search", "werk", "--limit", "1e999"], "--limit"),
    (["search", "werk", "--limit", HUGE], "--limit"),
    (["search", "werk", "--limit", "0"], "--limit"),
    (["analyse", "JOB", "--top", "abc"], "--top"),
    (["analyse", "JOB", "--top", BIG], "--top"),
    (["analyse", "--batch", "JOB", "--out", "OUT", "--threads", "abc"], "--threads"),
    (["analyse", "--batch", "JOB", "--out", "OUT", "--threads", "-1"], "--threads"),
    (["analyse", "--batch", "JOB", "--out", "OUT", "--checkpoint-every", HUGE],
     "--checkpoint-every"),
    (["crosswalk", "confirm", "BK-0338-3:x", "gemeenschapswerker:communiceren:1"], "source"),
    (["crosswalk", "confirm", "BK-0338-3:" + BIG, "gemeenschapswerker:communiceren:1"], "source"),
    (["crosswalk", "reject", "BK-0338-3:1", "gemeenschapswerker:communiceren:" + HUGE], "target"),
    (["list", "nummers"], "what"),
    (["serve", "--port", "abc"], "--port"),
    (["serve", "--threads", "abc"], "--threads"),
]

# Still wrong, in files other work on this issue owns (src/cli/cmd_serve.cpp): a port or a
# thread count out of range starts a server (port 99999 wraps around) or fails with exit 1.
# Expected failures, so the suite turns red the day they are fixed and this list must move up.
SERVE_USAGE_ERRORS = [
    (["serve", "--port", "99999"], "--port"),
    (["serve", "--port", "-1"], "--port"),
    (["serve", "--threads", "-5"], "--threads"),
]


class CliUsageErrors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="vakkaart-cli-errors-")
        cls.db = os.path.join(cls.dir, "test.db")
        run("import", NOTE, BK, db=cls.db)
        cls.fid = run("function", "new", "Proef", db=cls.db).stdout.strip()
        cls.job = os.path.join(cls.dir, "job.txt")
        with open(cls.job, "w", encoding="utf-8") as f:
            f.write("Je begeleidt vrijwilligers en organiseert activiteiten in de buurt.\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def arguments(self, args):
        names = {"FID": self.fid, "JOB": self.job, "OUT": os.path.join(self.dir, "out")}
        return [names.get(a, a) for a in args]

    def refuse(self, args, mention, timeout=60):
        """Runs the CLI on bad arguments and checks the answer is a one-line usage error."""
        command = [BIN, "--db", self.db] + self.arguments(args)
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                env=dict(os.environ, NO_COLOR="1"))
        self.assertNotIn("internal error", result.stderr)
        self.assertEqual(result.returncode, 2, result.stderr)
        lines = result.stderr.strip().split("\n")
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn(mention, lines[0])
        self.assertEqual(result.stdout, "")

    def test_every_bad_argument_is_a_one_line_usage_error(self):
        before = snapshot(self.db)
        for args, mention in USAGE_ERRORS:
            with self.subTest(args=args):
                self.refuse(args, mention)
        self.assertEqual(snapshot(self.db), before, "a refused command changed the database")

    def test_serve_refuses_a_port_or_thread_count_out_of_range(self):
        for args, mention in SERVE_USAGE_ERRORS:
            try:
                self.refuse(args, mention, timeout=5)
            except subprocess.TimeoutExpired:
                self.fail(f"{args}: the server started")


if __name__ == "__main__":
    unittest.main()
