"""The HTML pages as a browser without JavaScript gets them: status, language, links, the ring
view's panels against the API, static assets, and that the response cache never serves a page
from before an import."""
import html.parser
import json
import os
import re
import sys
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, ServedDatabaseMixin, run  # noqa: E402


class Page(html.parser.HTMLParser):
    """Collects what the tests look at: <html lang>, links, and the cluster panels with their
    activity texts (in document order) and whether they are hidden."""

    def __init__(self, text):
        super().__init__()
        self.lang = None
        self.links = []
        self.panels = {}  # cluster id -> {"hidden": bool, "activities": [...], "titles": [...]}
        self._panel = None
        self._depth = 0
        self._capture = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "section" and "cluster-panel" in classes:
            self._panel = {"hidden": "hidden" in a, "activities": [], "titles": []}
            self.panels[a["data-cluster"]] = self._panel
            self._depth = 0
        if self._panel is not None and tag == "section":
            self._depth += 1
        if self._panel is not None and "activity-text" in classes:
            self._capture = ("activities", "")
        if self._panel is not None and "main-activity-title" in classes:
            self._capture = ("titles", "")

    def handle_data(self, data):
        if self._capture:
            self._capture = (self._capture[0], self._capture[1] + data)

    def handle_endtag(self, tag):
        if self._capture and tag in ("span", "h3"):
            self._panel[self._capture[0]].append(self._capture[1])
            self._capture = None
        if self._panel is not None and tag == "section":
            self._depth -= 1
            if self._depth == 0:
                self._panel = None


def flatten(activities):
    out = []
    for a in activities:
        out.append(a["text"])
        out.extend(flatten(a.get("children", [])))
    return out


class PagesTest(ServedDatabaseMixin, unittest.TestCase):
    def page(self, path, status=200):
        code, ctype, body = self.server.get(path)
        self.assertEqual(code, status, path)
        self.assertEqual(ctype, "text/html; charset=utf-8", path)
        return Page(body.decode("utf-8"))

    def api(self, path):
        code, _, body = self.server.get(path)
        self.assertEqual(code, 200, path)
        return json.loads(body)

    def test_every_page_answers_in_dutch_and_in_english(self):
        for path in ["/", "/profiles/gemeenschapswerker", "/profiles/gemeenschapswerker/print",
                     "/qualifications/BK-0338-3", "/qualifications/BK-0338",
                     "/compare", "/compare?item=gemeenschapswerker&item=BK-0338-3",
                     "/search", "/search?q=vrijwilligersbeleid"]:
            with self.subTest(path=path):
                self.assertEqual(self.page(path).lang, "nl")
                english = self.page(path + ("&" if "?" in path else "?") + "lang=en")
                self.assertEqual(english.lang, "en")
                # Every page link of an English page stays English (API and assets aside).
                for link in english.links:
                    if link.startswith("/") and not link.startswith(("/api/", "/static/")) \
                            and "hreflang" not in link:
                        if link.split("?")[0].split("#")[0] == path.split("?")[0] and \
                                "lang=en" not in link:
                            continue  # the switch back to Dutch
                        self.assertIn("lang=en", link, f"{link} on {path}")

    def test_source_dates_and_versions_on_english_pages_are_marked_dutch(self):
        # Source text is kept as written, so a screen reader must read it as Dutch.
        start = self.server.get("/?lang=en")[2].decode("utf-8")
        self.assertIn('<span class="source-date" lang="nl">6 juli 2016</span>', start)
        bk = self.server.get("/qualifications/BK-0338-3?lang=en")[2].decode("utf-8")
        self.assertIn('<span class="recognition" lang="nl">versie 3, 2020</span>', bk)

    def anonymous_get(self, path, cookie=None, accept_language=None):
        """(status, headers, text) without the tester's token, so the response cache takes part."""
        headers = {"Cookie": cookie} if cookie else {}
        if accept_language is not None:
            headers["Accept-Language"] = accept_language
        req = urllib.request.Request(self.server.url + path, headers=headers)
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")

    def test_the_start_page_names_the_three_tasks_and_its_counts_agree_with_the_ring(self):
        _, _, body = self.server.get("/")
        text = body.decode("utf-8")
        for task in ["Een functie samenstellen", "Een vacature of tekst analyseren",
                     "Beroepen en kwalificaties verkennen"]:
            self.assertIn(task, text)
        # One noun per count, in the right number ("1 Beroepenstructuren" was wrong).
        self.assertIn('<span class="count">1 beroepenstructuur</span>', text)
        self.assertIn('<span class="count">1 beroepskwalificatie</span>', text)
        self.assertIn('<span class="count">5 beroepsprofielen</span>', text)
        cards = re.findall(r'href="([^"]*profiles[^"]*)".*?main-activity-count" data-count="(\d+)"'
                           r'.*?activity-count" data-count="(\d+)"', text, re.S)
        self.assertEqual(len(cards), 5)
        for href, main_count, count in cards:
            profile_id = href.replace("&#x2F;", "/").split("/")[-1]
            with self.subTest(profile=profile_id):
                _, _, page = self.server.get("/profiles/" + profile_id)
                page = page.decode("utf-8")
                ring = re.findall(r'<a class="seg[^"]*" id="seg-[^"]*" href="[^"]*" '
                                  r'data-cluster="[^"]*" data-count="(\d+)"', page)
                self.assertEqual(sum(map(int, ring)), int(count))
                self.assertIn(f'class="count activities" data-count="{count}"', page)
                self.assertIn(f'class="count main-activities" data-count="{main_count}"', page)
                api = self.api("/api/profiles/" + profile_id)
                self.assertEqual(int(count), sum(len(flatten(ma["activities"]))
                                                 for c in api["clusters"]
                                                 for ma in c["main_activities"]))

    def test_the_ring_has_a_legend_and_a_list_of_its_clusters_in_both_languages(self):
        for lang, words in [("nl", ["Wat de ringen en kleuren betekenen", "Kernactiviteiten",
                                    "Ondersteunende activiteiten", "Clusters van dit beroep"]),
                            ("en", ["What the rings and colours mean", "Core activities",
                                    "Supporting activities", "Clusters of this profession"])]:
            with self.subTest(lang=lang):
                _, _, page = self.server.get(f"/profiles/campagnewerker?lang={lang}")
                page = page.decode("utf-8")
                for word in words:
                    self.assertIn(word, page)
                self.assertIn('id="ring-legend"', page)
                # The list links every cluster the ring draws.
                ring = set(re.findall(r'id="seg-([^"]*)"', page))
                listed = set(re.findall(r'cluster=([a-z0-9-]+)[^"]*" lang="nl">', page))
                self.assertEqual(ring, listed)
        _, _, english = self.server.get("/profiles/campagnewerker?cluster=communiceren&lang=en")
        # The ring's name is the interface's own English word, marked as English (issue 18).
        self.assertIn('<span lang="en">Supporting activities</span> ·', english.decode("utf-8"))

    def test_the_language_choice_is_kept_in_a_cookie_and_the_cache_keeps_them_apart(self):
        # A Dutch start page in the cache first, so a mix-up would show.
        _, _, dutch = self.anonymous_get("/")
        self.assertIn('<html lang="nl">', dutch)
        _, headers, english = self.anonymous_get("/?lang=en")
        self.assertIn('<html lang="en">', english)
        cookie = headers.get("Set-Cookie")
        self.assertRegex(cookie, r"^vakkaart_lang=en; Path=/; SameSite=Lax; Max-Age=\d+")
        for path in ["/", "/profiles/campagnewerker", "/search"]:
            with self.subTest(path=path):
                _, headers, page = self.anonymous_get(path, cookie="vakkaart_lang=en")
                self.assertIn('<html lang="en">', page)
                self.assertIsNone(headers.get("Set-Cookie"))
                # The way back to Dutch names it, or the cookie would keep English.
                self.assertRegex(page, r'class="lang-switch" href="[^"]*lang=nl"')
        _, headers, page = self.anonymous_get("/?lang=nl", cookie="vakkaart_lang=en")
        self.assertIn('<html lang="nl">', page)
        self.assertTrue(headers.get("Set-Cookie").startswith("vakkaart_lang=nl;"))
        _, _, page = self.anonymous_get("/", cookie="vakkaart_lang=xx")
        self.assertIn('<html lang="nl">', page)

    def test_without_a_choice_the_browsers_accept_language_picks_the_language(self):
        # Twice round, so the second answers come from the response cache: one visitor's
        # language never reaches another.
        cases = [("en", "en"), ("nl-BE,nl;q=0.9", "nl"), ("en-GB,en;q=0.9,nl;q=0.8", "en"),
                 ("nl;q=0.4, en-US;q=0.6", "en"), ("de-DE, en;q=0", "nl"),
                 # French: labels in French where they exist, the interface in Dutch.
                 ("fr-BE, fr;q=0.9, en;q=0.5", "nl"),
                 # Malformed: never an error, Dutch.
                 (";;q=,;,en;q=x,=,\u00ff", "nl"), ("en;" + "q=0.5," * 300, "en")]
        for _ in range(2):
            for header, lang in cases:
                with self.subTest(header=header[:40]):
                    status, headers, page = self.anonymous_get(
                        "/search?q=werk", accept_language=header.encode("utf-8").decode("latin-1"))
                    self.assertEqual(status, 200)
                    self.assertIn(f'<html lang="{lang}">', page)
                    self.assertEqual(headers.get("Content-Language"), lang)
                    vary = [v.strip() for v in headers.get("Vary", "").split(",")]
                    self.assertIn("Accept-Language", vary)
                    self.assertIn("Cookie", vary)
        # A choice in the URL or the cookie outranks the browser's; a URL naming its language
        # does not vary by the headers.
        _, headers, page = self.anonymous_get("/search?q=werk&lang=nl", accept_language="en")
        self.assertIn('<html lang="nl">', page)
        self.assertNotIn("Accept-Language", headers.get("Vary", ""))
        _, _, page = self.anonymous_get("/search?q=werk", cookie="vakkaart_lang=nl",
                                        accept_language="en")
        self.assertIn('<html lang="nl">', page)
        _, _, page = self.anonymous_get("/search?q=werk", cookie="vakkaart_lang=en",
                                        accept_language="nl")
        self.assertIn('<html lang="en">', page)
        # A page that negotiates SKOS by Accept says so too.
        _, headers, _ = self.anonymous_get("/profiles/campagnewerker", accept_language="en")
        vary = [v.strip() for v in headers.get("Vary", "").split(",")]
        self.assertEqual(sorted(vary), ["Accept", "Accept-Language", "Cookie"])

    def test_a_cluster_link_shows_exactly_that_cluster_as_the_store_has_it(self):
        profile = self.api("/api/profiles/campagnewerker")
        for cluster in profile["clusters"]:
            page = self.page(f"/profiles/campagnewerker?cluster={cluster['id']}")
            visible = [cid for cid, p in page.panels.items() if not p["hidden"]]
            self.assertEqual(visible, [cluster["id"]])
            panel = page.panels[cluster["id"]]
            expected = [t for ma in cluster["main_activities"] for t in flatten(ma["activities"])]
            self.assertEqual(panel["activities"], expected)
            self.assertEqual(panel["titles"],
                             [ma["title"] for ma in cluster["main_activities"] if ma["title"]])
        plain = self.page("/profiles/campagnewerker")
        self.assertTrue(all(p["hidden"] for p in plain.panels.values()))
        printed = self.page("/profiles/campagnewerker/print")
        self.assertEqual(len(printed.panels), len(profile["clusters"]))
        self.assertFalse(any(p["hidden"] for p in printed.panels.values()))

    def test_the_compare_page_opens_with_a_summary_and_places_competences_in_cluster_rows(self):
        path = "/compare?item=campagnewerker&item=belangenbehartiger&item=BK-0338-3"
        alignments = [a for a in self.api("/api/crosswalks?source=BK-0338-3"
                                          "&target=campagnewerker,belangenbehartiger")["alignments"]
                      if a["source"]["kind"] == "competence"]
        self.assertTrue(alignments)
        text = self.server.get(path)[2].decode("utf-8")
        where = [text.index(f'id="{part}"') for part in ("summary", "details", "similarity")]
        self.assertEqual(where, sorted(where), "summary, details, heat maps")
        self.assertIn('class="heatmap-small"', text[where[0]:where[1]])
        groups = re.findall(r'<details class="group"[^>]*>', text)
        self.assertGreater(len(groups), 5)
        self.assertFalse([g for g in groups if re.search(r"\sopen[\s>]", g)], "groups start closed")
        # The technical names only inside the explanation of the measures.
        outside = re.sub(r'<details class="method".*?</details>', "", text, flags=re.S)
        for word in ("Jaccard", "TF-IDF", "cosinus"):
            self.assertIn(word, text)
            self.assertNotIn(word, outside)
        # Each competence alignment sits in the row of its target's cluster, not in a list.
        rows = {}
        for chunk in text.split('<details class="group" ')[1:]:
            rows[re.search(r'data-group="([^"]*)"', chunk).group(1)] = chunk
        for a in alignments:
            cluster = a["target"]["ref"].split(":")[1]
            self.assertIn(f'data-source="{a["source"]["ref"]}" data-target="{a["target"]["ref"]}" '
                          f'data-type="{a["type"]}"', rows[cluster])
        listed = text[text.index('id="crosswalk"'):text.index('id="similarity"')]
        self.assertNotIn('data-source="BK-0338-3:', listed)
        english = self.server.get(path + "&lang=en")[2].decode("utf-8")
        for words in ("Summary", "Cluster by cluster", "competences of Syndicaal deskundige"):
            self.assertIn(words, english)

    def test_stored_text_on_the_compare_page_is_escaped(self):
        with open(BK, encoding="utf-8") as f:
            text = f.read().replace("BK-0338", "BK-0996").replace(
                "Syndicaal deskundige", "Syndicaal <b>deskundige</b>")
        run("import", self.write("BK-0996-3.txt", text), db=self.db)
        page = self.server.get("/compare?item=BK-0996-3&item=campagnewerker")[2].decode("utf-8")
        self.assertIn("&lt;b&gt;deskundige", page)
        self.assertNotIn("<b>deskundige", page)

    def test_unknown_things_are_html_404_pages(self):
        for path in ["/profiles/nobody", "/profiles/campagnewerker?cluster=nothing",
                     "/qualifications/BK-0000-1", "/qualifications/BK-0338-3?tab=nope",
                     "/compare?item=nobody&item=campagnewerker", "/no/such/page",
                     "/static/none.css"]:
            with self.subTest(path=path):
                self.page(path, status=404)
                # Said in the reader's language; the English library message only below it,
                # marked as English and as the technical message.
                body = self.server.get(path)[2].decode()
                self.assertIn("Deze pagina bestaat niet", body)
                self.assertRegex(body, r'Technische melding:</span> <span lang="en">')
                english = self.server.get(path + ("&" if "?" in path else "?") + "lang=en")[2]
                self.assertIn("This page does not exist", english.decode())

    def test_assets_are_embedded_and_cached_by_content_hash(self):
        _, _, body = self.server.get("/")
        css = re.search(r'href="([^"]*app\.css\?v=[0-9a-f]+)"', body.decode().replace("&#x2F;", "/"))
        self.assertIsNotNone(css)
        code, ctype, content = self.server.get(css.group(1))
        self.assertEqual((code, ctype), (200, "text/css; charset=utf-8"))
        self.assertIn(b".cluster-panel", content)
        self.assertEqual(self.server.get("/static/none.css")[0], 404)
        # A missing asset is the site's 404 page, which never repeats the raw bytes of a path:
        # the message leaves it out, the link to the other language percent-encodes it.
        code, ctype, body = self.server.get("/static/nergens%00%01.js")
        self.assertEqual((code, ctype), (404, "text/html; charset=utf-8"))
        self.assertIn("Deze pagina bestaat niet".encode(), body)
        self.assertNotIn(b"\x00", body)
        self.assertNotIn(b"\x01", body)
        self.assertIn(b"nergens%00%01.js?lang=en", body)
        detail = re.search(rb'class="error-detail">(.*?)</p>', body, re.S).group(1)
        self.assertNotIn(b"nergens", detail)
        # A path no route answers is named in the problem, encoded as it came.
        code, ctype, body = self.server.get("/api/nergens%00%01%C3")
        self.assertEqual(code, 404)
        self.assertIn("problem+json", ctype)
        self.assertIn("/api/nergens%00%01%C3", json.loads(body)["detail"])

    def test_a_compressed_answer_is_never_served_to_a_client_that_did_not_ask(self):
        import gzip
        import urllib.request
        # httplib compresses text/* (the pages); it leaves "application/json; charset=…" alone.
        for path in ["/profiles/gemeenschapswerker", "/search?q=vrijwilligersbeleid"]:
            request = urllib.request.Request(self.server.url + path,
                                             headers={"Accept-Encoding": "gzip",
                                                      **self.server.auth_headers()})
            with urllib.request.urlopen(request, timeout=10) as response:
                zipped = response.read()
                self.assertEqual(response.headers.get("Content-Encoding"), "gzip")
            for _ in range(2):  # the second one comes from the cache
                code, _, plain = self.server.get(path)
                self.assertEqual(code, 200)
                self.assertEqual(plain, gzip.decompress(zipped), path)

    def test_an_import_while_serving_is_seen_at_once(self):
        before = self.api("/api/health")
        self.assertNotIn("BK-0999", self.server.get("/")[2].decode())
        with open(BK, encoding="utf-8") as f:
            text = f.read().replace("BK-0338", "BK-0999")
        run("import", self.write("BK-0999-3.txt", text), db=self.db)
        after = self.api("/api/health")
        self.assertEqual(after["qualifications"], before["qualifications"] + 1)
        self.assertIn("BK-0999", self.server.get("/")[2].decode())


if __name__ == "__main__":
    unittest.main()
