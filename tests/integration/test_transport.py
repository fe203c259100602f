"""Transport hardening (issue 14, item 9) against the real `vakkaart serve`, one test per defect
the probe found: a chunked body past the 8 MB limit, endless headers, idle and slow connections
starving everyone, a response cache growing with invented query parameters, missing security
headers, foreign Host names, `back=` leading off-site, a function title ending the composer's
embedded JSON, and OPTIONS/405 without Allow.

Every loop is bounded and talks to 127.0.0.1 only (other 127.0.0.x addresses are used as client
source addresses, to stand for several clients). Memory is the server's resident set
(/proc/PID/status): its peak during an attack (VmHWM, reset before it) less its size before."""
import html
import json
import os
import re
import resource
import select
import socket
import subprocess
import sys
import time
import unittest
import urllib.parse
import weakref

sys.path.insert(0, os.path.dirname(__file__))
from support import BIN, BK, NOTE, Server, TempDirMixin, run  # noqa: E402

try:  # with accounts (issue 14), writes and function pages need a user's API token
    from support import tester_token  # noqa: E402
except ImportError:
    tester_token = None

MB = 1024 * 1024
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {"content-security-policy": CSP, "x-content-type-options": "nosniff",
                    "referrer-policy": "same-origin", "x-frame-options": "DENY"}
PAIR = ("BK-0338-3:15", "campagnewerker:de-eigen-deskundigheid-opbouwen:1")


def status_value(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])  # kB
    raise AssertionError(f"no {field} in /proc/{pid}/status")


class Memory:
    """The growth of a process's resident set over a block, in MB: its peak during the block
    (VmHWM, reset at the start where the kernel allows it) less its size at the start."""

    def __init__(self, pid):
        self.pid = pid

    def __enter__(self):
        self.before = status_value(self.pid, "VmRSS")
        try:
            with open(f"/proc/{self.pid}/clear_refs", "w") as f:
                f.write("5")  # resets VmHWM to the current resident set
            self.peak_field = "VmHWM"
        except OSError:
            self.peak_field = "VmRSS"  # the end of the block, then
        return self

    def __exit__(self, *exc):
        self.growth_mb = (status_value(self.pid, self.peak_field) - self.before) / 1024
        return False


def raise_open_file_limit(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))


# Bytes received past the end of a response, per socket: the start of the next response.
_received = weakref.WeakKeyDictionary()


def read_response(sock, timeout=10):
    """(status, headers with lowercase names, body) of the next response on `sock`; (None, {},
    b"") when the connection closed before a status line."""
    sock.settimeout(timeout)
    data = _received.pop(sock, b"")

    def more():
        try:
            return sock.recv(65536)
        except (ConnectionResetError, socket.timeout):
            return b""

    while b"\r\n\r\n" not in data:
        chunk = more()
        if not chunk:
            return None, {}, b""
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = more()
        if not chunk:
            break
        body += chunk
    _received[sock] = body[length:]
    return int(lines[0].split()[1]), headers, body[:length]


class TransportServer(Server):
    """`vakkaart serve` on 127.0.0.1 and a free port, with extra serve options."""

    def __init__(self, db, *options, token=None):
        self.token = token
        self.process = subprocess.Popen(
            [BIN, "--db", db, "serve", "--port", "0", *options], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"(http://[0-9.]+:(\d+))/", line)
        if not match:
            self.process.kill()
            raise AssertionError(f"serve printed {line!r}: {self.process.stderr.read()}")
        self.url, self.port = match.group(1), int(match.group(2))


class TransportTest(TempDirMixin, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise_open_file_limit(4096)

    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        self.token = tester_token(self.db) if tester_token else None
        self.server = TransportServer(self.db, token=self.token)
        self.host = f"127.0.0.1:{self.server.port}"
        self.sockets = []

    def tearDown(self):
        for s in self.sockets:
            s.close()
        self.server.stop()
        super().tearDown()

    def connect(self, source="127.0.0.1"):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((source, 0))
        s.connect(("127.0.0.1", self.server.port))
        self.sockets.append(s)
        return s

    def raw(self, request, source="127.0.0.1"):
        s = self.connect(source)
        s.sendall(request)
        return read_response(s)

    def get(self, path, headers="", version="HTTP/1.1", host=None):
        host_line = "" if host == "" else f"Host: {host or self.host}\r\n"
        return self.raw(f"GET {path} {version}\r\n{host_line}{headers}Connection: close\r\n\r\n"
                        .encode())

    def credentials(self):
        """The header line that signs a request in, where the server has accounts."""
        return f"Authorization: Bearer {self.token}\r\n" if self.token else ""

    def memory(self):
        return Memory(self.server.process.pid)

    def stream_until_answered(self, sock, piece, limit):
        """Sends `piece` up to `limit` times, stopping as soon as the server answers (or
        closes); returns the bytes sent."""
        sent = 0
        for _ in range(limit):
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            try:
                sock.sendall(piece)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        return sent

    def assert_security_headers(self, headers, what):
        for name, value in SECURITY_HEADERS.items():
            self.assertEqual(headers.get(name), value, f"{name} on {what}")

    # 1. The body limit holds for chunked bodies, while they are read.

    def test_a_1_gb_chunked_body_is_refused_at_the_limit(self):
        with self.memory() as memory:
            s = self.connect()
            s.sendall(f"POST /api/functions HTTP/1.1\r\nHost: {self.host}\r\n"
                      "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      .encode())
            chunk = b"%x\r\n" % MB + b" " * MB + b"\r\n"
            sent = self.stream_until_answered(s, chunk, 1024)  # at most 1 GB
            status, headers, body = read_response(s)
        print(f"\n  chunked body: refused after {sent / MB:.0f} MB sent, server RSS growth "
              f"{memory.growth_mb:.1f} MB", file=sys.stderr)
        self.assertEqual(status, 413, body[:200])
        self.assertEqual(json.loads(body)["code"], "too_large")
        self.assertLess(sent, 64 * MB)
        self.assertLess(memory.growth_mb, 64)
        self.assertEqual(self.get("/api/health")[0], 200)

    def test_a_declared_1_gb_body_and_a_compressed_body_are_refused_unread(self):
        status, _, _ = self.raw(f"POST /api/functions HTTP/1.1\r\nHost: {self.host}\r\n"
                                f"Content-Type: application/json\r\nContent-Length: {1024 * MB}"
                                "\r\n\r\n".encode())
        self.assertEqual(status, 413)
        status, _, _ = self.raw(f"POST /api/analyse HTTP/1.1\r\nHost: {self.host}\r\n"
                                "Content-Type: application/json\r\nContent-Encoding: gzip\r\n"
                                "Content-Length: 4\r\n\r\nxxxx".encode())
        self.assertEqual(status, 415)
        status, _, _ = self.raw(f"POST /api/analyse HTTP/1.1\r\nHost: {self.host}\r\n"
                                "Transfer-Encoding: gzip\r\n\r\n".encode())
        self.assertEqual(status, 501)

    # 2. Header count and size are capped.

    def test_endless_headers_are_refused_with_431(self):
        with self.memory() as memory:
            s = self.connect()
            s.sendall(f"GET / HTTP/1.1\r\nHost: {self.host}\r\n".encode())
            lines = b"".join(b"X-Header-%d: value\r\n" % i for i in range(100))
            sent = self.stream_until_answered(s, lines, 100)  # 10,000 headers
            many = read_response(s)[0]
            s = self.connect()
            s.sendall(f"GET / HTTP/1.1\r\nHost: {self.host}\r\nX-Huge: ".encode())
            huge_sent = self.stream_until_answered(s, b"a" * MB, 1024)  # one 1 GB line
            huge = read_response(s)[0]
        print(f"\n  headers: refused after {sent // 1024} kB of headers and {huge_sent / MB:.0f} "
              f"MB of one header line, server RSS growth {memory.growth_mb:.1f} MB",
              file=sys.stderr)
        self.assertEqual((many, huge), (431, 431))
        self.assertLess(huge_sent, 64 * MB)
        self.assertLess(memory.growth_mb, 16)
        # Exactly what a browser sends is fine.
        self.assertEqual(self.get("/", "Accept: text/html\r\nAccept-Language: nl\r\n")[0], 200)

    # 3. Idle and slow clients do not starve the others.

    def test_a_client_is_served_while_500_connections_sit_idle(self):
        with self.memory() as memory:
            for i in range(500):
                # 20 client addresses with 25 connections each, under the cap of 32 per address;
                # every other one sends a head that never ends.
                s = self.connect(f"127.0.0.{10 + i % 20}")
                if i % 2:
                    s.sendall(f"GET / HTTP/1.1\r\nHost: {self.host}\r\nX-Slow: ".encode())
            latencies = []
            for path in ["/api/health", "/", "/profiles/campagnewerker"] * 7:
                start = time.monotonic()
                status = self.get(path)[0]
                latencies.append(time.monotonic() - start)
                self.assertEqual(status, 200, path)
        latencies.sort()
        print(f"\n  500 idle connections: {len(latencies)} requests, median "
              f"{latencies[len(latencies) // 2] * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms;"
              f" server RSS growth {memory.growth_mb:.1f} MB", file=sys.stderr)
        self.assertLess(latencies[-1], 2.0)
        self.assertLess(memory.growth_mb, 32)

    def test_one_address_holds_at_most_32_connections(self):
        for _ in range(40):
            self.connect("127.0.0.200")
        refused = []
        for s in self.sockets[32:]:
            refused.append(read_response(s, timeout=5)[0])
        self.assertEqual(refused, [429] * 8)
        readable, _, _ = select.select(self.sockets[:32], [], [], 0.2)
        self.assertEqual(readable, [])  # the first 32 are kept
        self.assertEqual(self.get("/api/health")[0], 200)  # another address is served
        for s in self.sockets:
            s.close()
        self.sockets = []
        time.sleep(0.3)
        self.assertEqual(self.raw(f"GET /api/health HTTP/1.1\r\nHost: {self.host}\r\n\r\n"
                                  .encode(), "127.0.0.200")[0], 200)
        # This machine's own address (a reverse proxy on it, a load test) is not capped.
        local = [self.connect("127.0.0.1") for _ in range(40)]
        readable, _, _ = select.select(local, [], [], 0.3)
        self.assertEqual(readable, [])
        self.assertEqual(self.get("/api/health")[0], 200)

    def test_a_connection_serves_requests_in_turn_and_is_closed_when_idle(self):
        s = self.connect()
        # Three requests at once (pipelined), one with a body: each answered, in order.
        s.sendall(f"GET /api/health HTTP/1.1\r\nHost: {self.host}\r\n\r\n"
                  f"POST /api/nothing HTTP/1.1\r\nHost: {self.host}\r\nContent-Length: 5\r\n"
                  f"\r\nhello"
                  f"GET /api/profiles HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        statuses = [read_response(s)[0] for _ in range(3)]
        self.assertEqual(statuses, [200, 404, 200])
        s.sendall(f"GET /api/health HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        status, headers, _ = read_response(s)
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("keep-alive"), "timeout=2, max=1000")
        start = time.monotonic()
        s.settimeout(5)
        self.assertEqual(s.recv(100), b"")
        self.assertLess(time.monotonic() - start, 3)

    def test_a_head_or_body_that_does_not_arrive_is_dropped(self):
        head = self.connect()
        head.sendall(f"GET / HTTP/1.1\r\nHost: {self.host}\r\nX-Slow: ".encode())
        body = self.connect()
        body.sendall(f"POST /api/analyse HTTP/1.1\r\nHost: {self.host}\r\n"
                     "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\""
                     .encode())
        start = time.monotonic()
        self.assertEqual(read_response(body, timeout=15)[0], 408)
        head.settimeout(15)
        self.assertEqual(head.recv(100), b"")  # a head is not a request yet: no answer
        self.assertLess(time.monotonic() - start, 12)

    # 4. The response cache keys on known parameters only.

    def test_unknown_parameters_do_not_grow_the_response_cache(self):
        page = "/profiles/campagnewerker"
        status, _, body = self.get(page)
        self.assertEqual(status, 200)
        with self.memory() as memory:
            for i in range(300):
                status, _, again = self.get(f"{page}?utm_source=probe{i}&x={i}")
                self.assertEqual(status, 200)
        print(f"\n  300 URLs with invented parameters ({len(body) // 1024} kB page): server RSS "
              f"growth {memory.growth_mb:.1f} MB", file=sys.stderr)
        self.assertEqual(again, body)  # the clean request's page, links without utm_source
        self.assertLess(memory.growth_mb, 16)

    def test_a_write_drops_the_cached_answers_it_changes(self):
        url = "/api/crosswalks?status=confirmed&utm=1"
        self.assertEqual(json.loads(self.get(url)[2])["count"], 0)
        self.assertEqual(json.loads(self.get(url)[2])["count"], 0)  # now from the cache
        code, _, _ = self.server.request("POST", "/api/crosswalks/decisions",
                                         {"source": PAIR[0], "target": PAIR[1],
                                          "decision": "confirmed", "author": "An"})
        self.assertEqual(code, 200)
        self.assertEqual(json.loads(self.get(url)[2])["count"], 1)
        self.assertEqual(json.loads(self.get("/api/crosswalks?utm=2&status=confirmed")[2])
                         ["count"], 1)

    # 5. Security headers on every response; Host names the server is not configured for.

    def test_every_response_carries_the_security_headers(self):
        _, _, page = self.get("/")
        css = html.unescape(re.search(rb'href="([^"]*app\.css[^"]*)"', page).group(1).decode())
        requests = {
            "page": self.get("/"), "cached page": self.get("/"), "api": self.get("/api/health"),
            "404 api": self.get("/api/nothing"), "404 page": self.get("/nothing"),
            "static file": self.get(css), "421": self.get("/", host="evil.example"),
            "405": self.raw(f"DELETE /api/profiles HTTP/1.1\r\nHost: {self.host}\r\n\r\n"
                            .encode()),
            "204": self.raw(f"OPTIONS /api/profiles HTTP/1.1\r\nHost: {self.host}\r\n\r\n"
                            .encode()),
            "413": self.raw(f"POST /api/analyse HTTP/1.1\r\nHost: {self.host}\r\n"
                            f"Content-Length: {64 * MB}\r\n\r\n".encode()),
            "431": self.get("/", "".join(f"X-{i}: y\r\n" for i in range(200))),
        }
        expected = {"page": 200, "cached page": 200, "api": 200, "404 api": 404, "404 page": 404,
                    "static file": 200, "421": 421, "405": 405, "204": 204, "413": 413,
                    "431": 431}
        for what, (status, headers, _) in requests.items():
            self.assertEqual(status, expected[what], what)
            self.assert_security_headers(headers, what)

    def test_a_host_not_configured_is_refused_with_421(self):
        port = self.server.port
        for host in ["evil.example", f"evil.example:{port}", "localhost:1", f"127.0.0.2:{port}"]:
            status, headers, body = self.get("/api/health", host=host)
            self.assertEqual(status, 421, host)
            self.assertEqual(json.loads(body)["code"], "misdirected_request")
        self.assertEqual(self.get("/", host="evil.example")[1]["content-type"],
                         "text/html; charset=utf-8")
        for host in [f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}",
                     f"LocalHost.:{port}"]:
            self.assertEqual(self.get("/api/health", host=host)[0], 200, host)
        self.assertEqual(self.get("/api/health", host="")[0], 400)
        self.assertEqual(self.get("/api/health", version="HTTP/1.0", host="")[0], 200)
        self.assertEqual(self.get("/api/health", f"Host: {self.host}\r\n")[0], 400)  # two

    def test_the_public_url_and_allowed_hosts_are_answered(self):
        self.server.stop()
        self.server = TransportServer(self.db, "--public-url", "https://vakkaart.example.org",
                                      "--allowed-host", "intranet.local:8443",
                                      "--allowed-host", "wiki.local", token=self.token)
        self.host = f"127.0.0.1:{self.server.port}"
        for host, status in [("vakkaart.example.org", 200), ("vakkaart.example.org:443", 200),
                             ("intranet.local:8443", 200), ("intranet.local", 421),
                             ("wiki.local:8080", 200), ("other.example.org", 421)]:
            self.assertEqual(self.get("/api/health", host=host)[0], status, host)

    def test_serve_checks_its_site_options_and_warns_on_every_address(self):
        bad = run("serve", "--port", "0", "--public-url", "vakkaart.example.org", db=self.db,
                  check=False)
        self.assertEqual(bad.returncode, 2, bad.stderr)
        self.assertIn("--public-url", bad.stderr)
        bad = run("serve", "--port", "0", "--allowed-host", "a b", db=self.db, check=False)
        self.assertEqual(bad.returncode, 2, bad.stderr)
        # The port is taken on 127.0.0.1, so serving on every address fails right after the
        # warning: nothing listens beyond loopback, even for a moment.
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = str(taken.getsockname()[1])
            exposed = run("serve", "--host", "0.0.0.0", "--port", port, db=self.db, check=False)
            with_url = run("serve", "--host", "0.0.0.0", "--port", port, "--public-url",
                           "https://vakkaart.example.org", db=self.db, check=False)
        self.assertEqual(exposed.returncode, 1, exposed.stderr)
        self.assertIn("warning: listening on every address (0.0.0.0) without --public-url",
                      exposed.stderr)
        self.assertNotIn("warning", with_url.stderr)

    # 6. back= on the crosswalk form; 7. JSON embedded in the composer.

    def test_back_follows_only_paths_of_this_site(self):
        for back, location in [("/qualifications/BK-0338-3#crosswalk-15",
                                "/qualifications/BK-0338-3#crosswalk-15"),
                               ("/\t/evil.example", "/"), ("//evil.example", "/"),
                               ("/\\evil.example", "/"), ("https://evil.example/", "/"),
                               ("/\r\n/evil.example", "/")]:
            form = urllib.parse.urlencode({"source": PAIR[0], "target": PAIR[1],
                                           "decision": "none", "back": back}).encode()
            status, headers, _ = self.raw(
                f"POST /crosswalks/decide HTTP/1.1\r\nHost: {self.host}\r\n{self.credentials()}"
                "Content-Type: "
                f"application/x-www-form-urlencoded\r\nContent-Length: {len(form)}\r\n\r\n"
                .encode() + form)
            self.assertEqual((status, headers.get("location")), (303, location), repr(back))

    def test_a_title_that_looks_like_markup_stays_text_in_the_composer(self):
        title = "<!--<script>alert(1)</script> </script><script>alert(2)</script> \u2028&amp;"
        code, _, body = self.server.request("POST", "/api/functions",
                                            {"title": title, "framework": "sociare-2016"})
        self.assertEqual(code, 201, body)
        fid = json.loads(body)["function"]["id"]
        status, _, page = self.get(f"/functions/{fid}", self.credentials())
        self.assertEqual(status, 200)
        self.assertNotIn(b"<script>alert", page)
        embedded = re.search(rb'<script type="application/json" id="function-data">(.*?)</script>',
                             page, re.S).group(1)
        self.assertEqual(json.loads(embedded)["function"]["title"], title)
        listing = self.get("/functions", self.credentials())[2]
        texts = re.search(rb'<script type="application/json" id="function-texts">(.*?)</script>',
                          listing, re.S).group(1)
        json.loads(texts)

    # 8. OPTIONS and 405 with Allow, from the route table.

    def test_options_and_wrong_methods_answer_with_allow(self):
        def send(method, path):
            return self.raw(f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n"
                            "Content-Length: 0\r\n\r\n".encode())

        status, headers, _ = send("OPTIONS", "/api/profiles")
        self.assertEqual((status, headers.get("allow")), (204, "GET, HEAD, OPTIONS"))
        status, headers, _ = send("OPTIONS", "/api/functions")
        self.assertEqual((status, headers.get("allow")), (204, "GET, HEAD, POST, OPTIONS"))
        for method, path, allow in [("DELETE", "/api/profiles", "GET, HEAD, OPTIONS"),
                                    ("GET", "/crosswalks/decide", "POST, OPTIONS"),
                                    ("PUT", "/", "GET, HEAD, OPTIONS"),
                                    ("TRACE", "/api/health", "GET, HEAD, OPTIONS")]:
            status, headers, body = send(method, path)
            self.assertEqual((status, headers.get("allow")), (405, allow), f"{method} {path}")
        self.assertEqual(json.loads(send("DELETE", "/api/profiles")[2])["code"],
                         "method_not_allowed")
        for method in ["OPTIONS", "GET", "DELETE", "TRACE"]:
            status, headers, _ = send(method, "/api/no/such/route")
            self.assertEqual((status, headers.get("allow")), (404, None), method)


if __name__ == "__main__":
    unittest.main()
