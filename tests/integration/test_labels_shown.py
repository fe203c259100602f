"""Issue 18: English labels imported through a framework sheet (wording_en) show wherever the
UI shows framework text on an English page (the ring model and layer titles, search results, the
compare page with its heat maps and crosswalk rows, the analysis page and its "make a function"
list, a qualification's crosswalk targets and cluster suggestions, the composer's clusters and
source lines), each marked with its language; the Dutch page keeps the Dutch source text, and a
label with markup in it is escaped everywhere it is shown. French labels (wording_fr) show to a
French reader (?lang=fr or Accept-Language), in a page whose own words are Dutch.
"""
import json
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from support import BK, NOTE, Server, TempDirMixin, run  # noqa: E402

FRAMEWORK = "sociare-2016"
PROFILE = "gemeenschapswerker"
CLUSTER = "orienteren-en-relaties"
CLUSTER_LABEL = "Orient <script>alert(1)</script> & relate"
CLUSTER_SHOWN = "Orient &lt;script&gt;alert(1)"
ACTIVITY_LABEL = "Steers the hovercraft of the organisation"
PROFILE_LABEL = "Community worker"
# Every other titled main activity and profile gets "EN <script>…</script> " before its Dutch.
EN_PREFIX = "EN <script>alert(2)</script> "
# As shown: pages escape "/" too (&#x2F;), SVGs do not; both start so.
EN_SHOWN = "EN &lt;script&gt;alert(2)&lt;"
LAYER_LABEL = "Ring <script>alert(3)</script> one"
LAYER_SHOWN = "Ring &lt;script&gt;alert(3)&lt;&#x2F;script&gt; one"
# French labels of the profile and the cluster only (the activity has none).
PROFILE_FR = "Travailleur <fr> communautaire"
PROFILE_FR_SHOWN = "Travailleur &lt;fr&gt; communautaire"
CLUSTER_FR = "Orienter & relier"
CLUSTER_FR_SHOWN = "Orienter &amp; relier"


class LabelsShownTest(TempDirMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        run("import", NOTE, BK, db=self.db)
        rows = self.framework_sheet_rows(FRAMEWORK)
        rows[0].append("wording_fr")  # after wording_en, as the sheet format orders them
        for r in rows[1:]:
            r.append("")
        profile = next(i for i, r in enumerate(rows) if r[:2] == [PROFILE, "profile"])
        rows[profile][5] = PROFILE_LABEL
        rows[profile][6] = PROFILE_FR
        cluster = next(i for i, r in enumerate(rows)
                       if r[1] == "cluster" and r[0].endswith("/" + CLUSTER))
        rows[cluster][5] = CLUSTER_LABEL
        rows[cluster][6] = CLUSTER_FR
        self.cluster_dutch = rows[cluster][4]
        activity = next(i for i, r in enumerate(rows)
                        if r[1] == "activity" and r[0].startswith(f"{PROFILE}/{CLUSTER}/"))
        rows[activity][5] = ACTIVITY_LABEL
        self.activity_dutch = rows[activity][4]
        # The analysis text: the profile's own activities.
        self.profile_texts = [r[4] for r in rows
                              if r[1] == "activity" and r[0].startswith(PROFILE + "/")]
        for r in rows[1:]:
            if (r[1] == "main_activity" and r[4]) or (r[1] == "profile" and r[0] != PROFILE):
                r[5] = EN_PREFIX + r[4]
        layers = [r for r in rows if r[1] == "layer"]
        layers[0][5] = LAYER_LABEL
        self.labelled_layer_dutch = layers[0][4]
        self.unlabelled_layers = [r[0] for r in layers[1:]]
        self.assertIn("replaced", self.import_sheet_rows(rows).stdout)
        self.other = next(r[0] for r in rows[1:] if r[1] == "profile" and r[0] != PROFILE)
        self.server = Server(self.db)

    def tearDown(self):
        self.server.stop()
        super().tearDown()

    def page(self, path, lang=None, accept_language=None):
        """The page in `lang` (?lang=), or in the one an Accept-Language header prefers."""
        sep = "&" if "?" in path else "?"
        headers = {"Accept-Language": accept_language} if accept_language else {}
        status, _, body = self.server.get(f"{path}{sep}lang={lang}" if lang else path, headers)
        self.assertEqual(status, 200, body[:300])
        text = body.decode("utf-8")
        self.assertNotIn("<script>alert", text)
        return text

    def test_the_ring_model_of_the_profile_page(self):
        en = self.page(f"/profiles/{PROFILE}", "en")
        self.assertIn(f"Ring model of {PROFILE_LABEL}", en)
        self.assertIn(f'lang="en" aria-label="{CLUSTER_SHOWN}', en)
        # Clusters without a label keep their Dutch title in the ring, marked as Dutch.
        self.assertIn('data-count="', en)
        self.assertIn('lang="nl" aria-label="', en)
        nl = self.page(f"/profiles/{PROFILE}", "nl")
        self.assertNotIn("Orient", nl)
        self.assertNotIn(PROFILE_LABEL, nl)
        self.assertIn(f'lang="nl" aria-label="{self.cluster_dutch}', nl)

    def test_accept_language_picks_the_labels_when_the_url_names_no_language(self):
        en = self.page(f"/profiles/{PROFILE}", accept_language="en-GB,en;q=0.9,nl;q=0.5")
        self.assertIn('<html lang="en">', en)
        self.assertIn(f'<h1 lang="en">{PROFILE_LABEL}</h1>', en)
        self.assertIn(f'lang="en" aria-label="{CLUSTER_SHOWN}', en)
        nl = self.page(f"/profiles/{PROFILE}", accept_language="nl-BE,nl;q=0.9")
        self.assertIn('<html lang="nl">', nl)
        self.assertNotIn(PROFILE_LABEL, nl)
        self.assertNotIn("Orient", nl)

    def test_a_french_reader_sees_the_french_labels_in_a_dutch_page(self):
        for fr in [self.page(f"/profiles/{PROFILE}", "fr"),
                   self.page(f"/profiles/{PROFILE}", accept_language="fr-BE, fr;q=0.9, en;q=0.5")]:
            # The interface has no French: its words and the page are Dutch...
            self.assertIn('<html lang="nl">', fr)
            self.assertIn("Ringmodel van ", fr)
            # ...the labels French where they exist, each marked so.
            self.assertIn('data-label-lang="fr"', fr)
            self.assertIn(f'<h1 lang="fr">{PROFILE_FR_SHOWN}</h1>', fr)
            self.assertIn(f'lang="fr" aria-label="{CLUSTER_FR_SHOWN}', fr)
            # The activity has no French label: Dutch, marked as Dutch; English never shows.
            self.assertIn(f'<span class="activity-text" lang="nl">', fr)
            self.assertNotIn('<span class="activity-text" lang="fr">', fr)
            for english in [PROFILE_LABEL, ACTIVITY_LABEL, "Orient &lt;script", "EN &lt;script"]:
                self.assertNotIn(english, fr)
        search = self.page("/search?q=hovercraft", "fr")
        self.assertIn(f'<span lang="fr">{PROFILE_FR_SHOWN}</span> › '
                      f'<span lang="fr">{CLUSTER_FR_SHOWN}</span>', search)
        self.assertNotIn(ACTIVITY_LABEL, search)
        # The English reader still gets English.
        self.assertNotIn(PROFILE_FR_SHOWN, self.page(f"/profiles/{PROFILE}", "en"))

    def test_search_results_show_the_label_and_the_places_in_the_readers_language(self):
        en = self.page("/search?q=hovercraft", "en")
        self.assertIn(f'lang="en">{ACTIVITY_LABEL}</a>', en)
        self.assertIn(f'<span lang="en">{PROFILE_LABEL}</span> › <span lang="en">{CLUSTER_SHOWN}',
                      en)
        nl = self.page("/search?q=hovercraft", "nl")
        self.assertNotIn(ACTIVITY_LABEL, nl)
        self.assertIn('class="result-link"', nl)
        self.assertIn(f'<span lang="nl">{PROFILE.capitalize()}</span>', nl)
        # The API keeps the Dutch source text.
        status, _, body = self.server.get("/api/search?q=hovercraft&lang=en")
        self.assertEqual(status, 200)
        self.assertEqual([r["text"] for r in json.loads(body)["results"]], [self.activity_dutch])

    def test_the_compare_page(self):
        path = f"/compare?item={PROFILE}&item={self.other}"
        en = self.page(path, "en")
        self.assertIn(f'lang="en">{PROFILE_LABEL}</a></th>', en)
        self.assertIn(f'<span class="group-title" lang="en">{CLUSTER_SHOWN}', en)
        self.assertIn(f'<span class="statement-text" lang="en">{ACTIVITY_LABEL}</span>', en)
        self.assertIn('<span class="statement-text" lang="nl">', en)
        nl = self.page(path, "nl")
        self.assertNotIn(PROFILE_LABEL, nl)
        self.assertNotIn(ACTIVITY_LABEL, nl)
        self.assertNotIn("Orient", nl)

    def test_the_compare_pages_crosswalk_rows(self):
        # Between two profiles: both ends, each with its profile and cluster before it.
        path = f"/compare?item={PROFILE}&item={self.other}"
        en = self.page(path, "en")
        self.assertRegex(en, r'<span class="crosswalk-context"><span lang="en">' + PROFILE_LABEL
                         + r'</span> · <span lang="[a-z]+">[^<]*</span></span> <a class="crosswalk-'
                         r'source" href="[^"]*" lang="en">' + re.escape(EN_SHOWN))
        self.assertRegex(en, r'<span class="crosswalk-context"><span lang="en">' + re.escape(EN_SHOWN)
                         + r'[^<]*</span>( · <span lang="[a-z]+">[^<]*</span>)?</span> <a class="'
                         r'crosswalk-target" href="[^"]*" lang="en">' + re.escape(EN_SHOWN))
        nl = self.page(path, "nl")
        self.assertIn(f'<span class="crosswalk-context"><span lang="nl">{PROFILE.capitalize()}', nl)
        self.assertNotRegex(nl, r'class="crosswalk-(source|target)" href="[^"]*" lang="en"')
        # A competence in a cluster row: the main activity it aligns with and its profile.
        path = f"/compare?item={PROFILE}&item=BK-0338-3"
        en = self.page(path, "en")
        self.assertRegex(en, r'<span class="crosswalk-context"><span lang="en">' + PROFILE_LABEL
                         + r'</span></span> <a class="crosswalk-target" href="[^"]*" lang="en">'
                         + re.escape(EN_SHOWN))
        nl = self.page(path, "nl")
        self.assertIn(f'<span class="crosswalk-context"><span lang="nl">{PROFILE.capitalize()}'
                      '</span></span> <a class="crosswalk-target"', nl)
        self.assertNotIn(PROFILE_LABEL, nl)

    def test_the_compare_pages_heat_maps_of_all_items(self):
        # The map of every profile and qualification, with or without a choice.
        for path in ["/compare", f"/compare?item={PROFILE}&item={self.other}"]:
            en = self.page(path, "en")
            self.assertRegex(en, rf'<text class="label" lang="en" [^>]*>{PROFILE_LABEL}</text>')
            # A long label is cut, named in full in its <title>.
            self.assertRegex(en, r'<text class="label" lang="en" [^>]*>(<title>[^<]*</title>)?'
                                 + re.escape(EN_SHOWN[:8]))
            # Qualifications have no labels and stay Dutch.
            self.assertRegex(en, r'/qualifications/[^"]*"><text class="label" lang="nl" ')
            nl = self.page(path, "nl")
            self.assertNotIn(PROFILE_LABEL, nl)
            self.assertNotIn("EN &lt;script", nl)
            self.assertRegex(nl, rf'<text class="label" lang="nl" [^>]*>{PROFILE.capitalize()}')

    def analyse(self, lang):
        text = ". ".join(self.profile_texts) + "."
        status, _, body = self.server.request(
            "POST", f"/analyse?lang={lang}", raw=urllib.parse.urlencode({"text": text}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 200, body[:300])
        page = body.decode("utf-8")
        self.assertNotIn("<script>alert", page)
        return page

    def test_the_analysis_page(self):
        en = self.analyse("en")
        self.assertRegex(en, rf'class="verdict"[^\n]*lang="en">{PROFILE_LABEL}</a>')
        self.assertIn(f'<span lang="en">{PROFILE_LABEL}</span></figcaption>', en)
        self.assertIn(f'lang="en">{PROFILE_LABEL}</a> <span class="badge">', en)
        # A sentence's places: the profile and its cluster, each in its language.
        self.assertIn(f'<span lang="en">{PROFILE_LABEL}</span> › <span lang="en">{CLUSTER_SHOWN}',
                      en)
        # The ring of the best profile shows the cluster's label.
        self.assertIn(f'lang="en" aria-label="{CLUSTER_SHOWN}', en)
        # "Make a function of this": the main activities it would take and their clusters.
        self.assertRegex(en, r'<li data-ref="[^"]*"><span lang="en">' + re.escape(EN_SHOWN))
        self.assertRegex(en, r'<li data-ref="[^"]*"><span lang="[a-z]+">[^<]*</span> '
                             r'<span class="badge" lang="en">' + re.escape(CLUSTER_SHOWN))
        nl = self.analyse("nl")
        self.assertRegex(nl, r'<li data-ref="[^"]*"><span lang="nl">')
        self.assertNotRegex(nl, r'<li data-ref="[^"]*"><span lang="en">')
        self.assertNotIn(PROFILE_LABEL, nl)
        self.assertNotIn("Orient", nl)
        self.assertNotIn("EN &lt;script", nl)
        self.assertIn(f'<span lang="nl">{PROFILE.capitalize()}</span> › <span lang="nl">', nl)

    def test_the_qualification_pages_crosswalk_targets_and_cluster_suggestions(self):
        en = self.page("/qualifications/BK-0338-3", "en")
        # Crosswalk targets: the main activity and its profile, labelled.
        self.assertRegex(en, rf'<a class="crosswalk-target" href="[^"]*" lang="en">{re.escape(EN_SHOWN)}')
        self.assertRegex(en, rf'<span class="crosswalk-context"><span lang="en">{re.escape(EN_SHOWN)}'
                             rf'|<span class="crosswalk-context"><span lang="en">{re.escape(PROFILE_LABEL)}')
        # Cluster suggestions: the main activities within and their profiles, labelled.
        self.assertRegex(en, rf'<li><span lang="en">{re.escape(EN_SHOWN)}[^<]*</span> <span class="profiles">'
                             rf'\(<span lang="en">')
        nl = self.page("/qualifications/BK-0338-3", "nl")
        self.assertNotIn("EN &lt;script", nl)
        self.assertNotIn(PROFILE_LABEL, nl)
        self.assertIn('<a class="crosswalk-target" href="', nl)
        self.assertRegex(nl, r'<a class="crosswalk-target" href="[^"]*" lang="nl">')

    def test_the_profile_pages_layer_titles(self):
        en = self.page(f"/profiles/{PROFILE}", "en")
        self.assertIn(f'<span lang="en">{LAYER_SHOWN}</span>', en)
        # A ring without a label: the interface's own English name for it.
        names = json.load(open(os.path.join(os.path.dirname(__file__), "..", "..", "web", "i18n",
                                            "en.json"), encoding="utf-8"))["layers"]
        for layer in self.unlabelled_layers:
            self.assertIn(f'<span lang="en">{names[layer]}</span>', en)
        nl = self.page(f"/profiles/{PROFILE}", "nl")
        self.assertNotIn("Ring &lt;script", nl)
        self.assertIn('<p class="cluster-meta"><span lang="nl">', nl)

    def test_the_start_pages_profile_cards_and_the_composers_source_picker(self):
        card = '<span class="card-title" lang="{}">{}</span>'
        en = self.page("/", "en")
        self.assertIn(card.format("en", PROFILE_LABEL), en)
        fr = self.page("/", "fr")
        self.assertIn(card.format("fr", PROFILE_FR_SHOWN), fr)
        # The other profiles have an English label only: Dutch, marked as Dutch, for French.
        self.assertRegex(fr, r'<span class="card-title" lang="nl">[A-Z][a-z -]+</span>')
        self.assertNotIn("EN &lt;script", fr)
        nl = self.page("/", "nl")
        self.assertIn(card.format("nl", PROFILE.capitalize()), nl)
        self.assertNotIn(PROFILE_LABEL, nl)
        # The composer's picker gets the labels to choose from (composer_source.js, shownText).
        status, _, body = self.server.request("POST", "/api/functions",
                                              {"title": "Coördinator", "organisation": "X"})
        self.assertEqual(status, 201, body)
        page = self.page(f"/functions/{json.loads(body)['function']['id']}", "en")
        sources = re.search(r'id="function-sources">(.*?)</script>', page, re.S).group(1)
        profile = next(p for p in json.loads(sources)["profiles"] if p["id"] == PROFILE)
        self.assertEqual(profile["title_labels"]["en"], PROFILE_LABEL)

    def test_the_composers_cluster_titles(self):
        status, _, body = self.server.request("POST", "/api/functions",
                                              {"title": "Stafmedewerker", "organisation": "X"})
        self.assertEqual(status, 201, body)
        f = json.loads(body)["function"]
        status, _, body = self.server.request(
            "POST", f"/api/functions/{f['id']}/edits",
            {"version": f["version"],
             "edits": [{"op": "add_block", "source": f"{PROFILE}:{CLUSTER}:1"}]})
        self.assertEqual(status, 200, body)
        en = self.page(f"/functions/{f['id']}", "en")
        self.assertIn(f'<h4 class="cluster-title" lang="en">{CLUSTER_SHOWN}', en)
        # The block's source line: its profile and cluster labelled, the page's words English.
        self.assertIn(f'<p class="provenance" lang="en">Source: <span lang="en">{PROFILE_LABEL}'
                      f'</span> · <span lang="en">{CLUSTER_SHOWN}', en)
        self.assertIn('</span> · <span lang="en">main activity 1</span></p>', en)
        # The script's view names the profile's labels for its own source lines.
        self.assertRegex(en, r'"source_title_labels":\{[^<]*"' + PROFILE
                         + r'":\{"en":"' + PROFILE_LABEL + '","fr":')
        nl = self.page(f"/functions/{f['id']}", "nl")
        self.assertIn(f'<h4 class="cluster-title" lang="nl">{self.cluster_dutch}</h4>', nl)
        self.assertIn(f'<p class="provenance" lang="nl">Bron: <span lang="nl">{PROFILE.capitalize()}'
                      f'</span> · <span lang="nl">{self.cluster_dutch}</span>', nl)
        fr = self.page(f"/functions/{f['id']}", "fr")
        self.assertIn(f'<p class="provenance" lang="nl">Bron: <span lang="fr">{PROFILE_FR_SHOWN}'
                      f'</span> · <span lang="fr">{CLUSTER_FR_SHOWN}</span>', fr)


if __name__ == "__main__":
    unittest.main()
