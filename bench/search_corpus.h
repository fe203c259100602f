#pragma once

// A synthetic corpus for the search speed benchmark: N statements made by recombining the real
// statements (their word sequences as sentence shapes, their words as vocabulary), with facets
// spread over 500 profiles and 1,000 qualifications, and a fixed mix of queries over the same
// vocabulary. Everything is deterministic (fixed seeds), so every run and every system sees the
// same statements and queries.
//
// Statements are produced in id order, one at a time (next()), so a benchmark never has to hold
// the whole corpus. The facets of a statement are a pure function of its id (facets_of()), so a
// peer that filters after the fact (FTS5) can check them without the statement.

#include <cctype>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "search/indexed_statement.h"
#include "search_peers.h"

namespace vakkaart::bench {

inline std::vector<std::string> split_on_space(const std::string& text) {
  std::vector<std::string> out;
  std::string token;
  for (char c : text + " ") {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!token.empty())
        out.push_back(token);
      token.clear();
    } else {
      token += c;
    }
  }
  return out;
}

class SyntheticCorpus {
 public:
  static constexpr int kProfiles = 500;
  static constexpr int kQualifications = 1000;

  /// Facets of one statement: a profile (or two), or a qualification with a level.
  struct Facets {
    int profile = -1;        // 0..499, or -1
    int profile2 = -1;       // a second profile, or -1
    int qualification = -1;  // 0..999, or -1
    int level = 0;           // 3..6 for qualifications
    std::size_t kind = 0;    // index into kinds()
  };

  explicit SyntheticCorpus(const std::vector<search::IndexedStatement>& real,
                           uint32_t seed = 20240611u)
      : rng_(seed), seed_(seed) {
    std::set<std::string> kinds, contexts;
    for (const auto& s : real) {
      auto tokens = split_on_space(s.text);
      if (tokens.size() < 2)
        continue;
      for (const auto& t : tokens) {
        if (is_word(t))
          vocabulary_.push_back(t);
      }
      shapes_.push_back(std::move(tokens));
      for (const auto& term : s.filter_terms) {
        if (term.rfind("XK", 0) == 0)
          kinds.insert(term.substr(2));
      }
      contexts.insert(s.context.begin(), s.context.end());
    }
    kinds_.assign(kinds.begin(), kinds.end());
    if (kinds_.empty())
      kinds_.push_back("activity");
    contexts_.assign(contexts.begin(), contexts.end());
    if (contexts_.empty())
      contexts_.push_back("Algemeen");
  }

  /// Word tokens of the real statements, with repeats (so drawing one is frequency-weighted).
  const std::vector<std::string>& vocabulary() const { return vocabulary_; }
  /// The real statements as whitespace-separated tokens.
  const std::vector<std::vector<std::string>>& shapes() const { return shapes_; }
  const std::vector<std::string>& kinds() const { return kinds_; }

  static std::string profile_id(int k) { return "profile-" + std::to_string(k); }
  static std::string qualification_id(int q) { return "BK-" + std::to_string(1000 + q) + "-1"; }

  Facets facets_of(int64_t id) const {
    uint64_t h = mix(static_cast<uint64_t>(id) ^ (static_cast<uint64_t>(seed_) << 32));
    Facets f;
    f.kind = static_cast<std::size_t>((h >> 40) % kinds_.size());
    if (h % 4 != 0) {  // three in four: profiles
      f.profile = static_cast<int>((h >> 8) % kProfiles);
      if ((h >> 20) % 5 == 0)
        f.profile2 = static_cast<int>((f.profile + 1 + (h >> 24) % (kProfiles - 1)) % kProfiles);
    } else {
      f.qualification = static_cast<int>((h >> 8) % kQualifications);
      f.level = 3 + static_cast<int>((h >> 20) % 4);
    }
    return f;
  }

  /// Whether statement `id` has every filter of a parsed query (facets profile, bk, level,
  /// kind; values of one facet OR'ed, facets AND'ed, as vakkaart does).
  bool passes(int64_t id, const search::ParsedQuery& q) const {
    if (q.filters.empty())
      return true;
    search::IndexedStatement s;
    append_terms(facets_of(id), s.filter_terms);
    return passes_filters(s, q);
  }

  /// The next statement (ids 1, 2, 3, ...).
  search::IndexedStatement next() {
    search::IndexedStatement s;
    s.id = ++last_id_;
    const auto& shape = shapes_[pick(shapes_.size())];
    std::vector<std::string> words;
    if (coin(50)) {
      // The shape with about a third of its words replaced by real words from elsewhere.
      for (const auto& t : shape)
        words.push_back(is_word(t) && coin(33) ? vocabulary_[pick(vocabulary_.size())] : t);
    } else {
      // The first half of one statement and the second half of another.
      const auto& other = shapes_[pick(shapes_.size())];
      words.assign(shape.begin(), shape.begin() + static_cast<std::ptrdiff_t>(shape.size() / 2));
      words.insert(words.end(), other.begin() + static_cast<std::ptrdiff_t>(other.size() / 2),
                   other.end());
    }
    for (const auto& w : words)
      s.text += (s.text.empty() ? "" : " ") + w;
    s.context.push_back(contexts_[pick(contexts_.size())]);
    if (coin(50))
      s.context.push_back(contexts_[pick(contexts_.size())]);

    const Facets f = facets_of(s.id);
    append_terms(f, s.filter_terms);
    const std::string& kind = kinds_[f.kind];
    for (int p : {f.profile, f.profile2}) {
      if (p < 0)
        continue;
      search::Place place;
      place.kind = "profile";
      place.id = profile_id(p);
      place.title = "Profiel " + std::to_string(p);
      place.path = place.title + " › " + s.context[0];
      place.statement_kind = kind;
      place.cluster_id = "cluster-" + std::to_string(p % 40);
      place.main_activity = 1 + p % 7;
      s.places.push_back(place);
    }
    if (f.qualification >= 0) {
      search::Place place;
      place.kind = "qualification";
      place.id = qualification_id(f.qualification);
      place.title = "Kwalificatie " + std::to_string(f.qualification);
      place.competence = 1 + f.qualification % 6;
      place.path = place.id + " " + place.title + " › Competentie " +
                   std::to_string(place.competence) + ": " + s.context[0];
      place.statement_kind = kind;
      s.places.push_back(place);
    }
    return s;
  }

 private:
  static uint64_t mix(uint64_t x) {  // splitmix64
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
  }
  static bool is_word(const std::string& t) {
    for (char c : t) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x80 && !std::isalpha(u))
        return false;
    }
    return !t.empty();
  }
  void append_terms(const Facets& f, std::vector<std::string>& terms) const {
    terms.push_back(search::facet_term("kind", kinds_[f.kind]));
    if (f.profile >= 0) {
      terms.push_back(search::facet_term("framework", "synthetic"));
      terms.push_back(search::facet_term("profile", profile_id(f.profile)));
    }
    if (f.profile2 >= 0)
      terms.push_back(search::facet_term("profile", profile_id(f.profile2)));
    if (f.qualification >= 0) {
      const auto id = qualification_id(f.qualification);
      terms.push_back(search::facet_term("bk", id));
      terms.push_back(search::facet_term("bk", id.substr(0, id.rfind('-'))));
      terms.push_back(search::facet_term("level", std::to_string(f.level)));
    }
  }
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool coin(int percent) { return pick(100) < static_cast<std::size_t>(percent); }

  std::mt19937 rng_;
  uint32_t seed_;
  int64_t last_id_ = 0;
  std::vector<std::vector<std::string>> shapes_;
  std::vector<std::string> vocabulary_;
  std::vector<std::string> kinds_;
  std::vector<std::string> contexts_;
};

/// A fixed mix of `count` queries: judged queries (filters stripped), 1-3 real words, words with
/// a profile or qualification filter, two- or three-word phrases from real statements, and
/// prefix* queries.
inline std::vector<std::string> make_query_mix(const SyntheticCorpus& corpus,
                                               const std::vector<std::string>& judged,
                                               std::size_t count, uint32_t seed = 7u) {
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  auto lower = [](std::string w) {
    for (auto& c : w)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  };
  auto word = [&](std::size_t min_length) {
    for (;;) {
      const auto w = lower(corpus.vocabulary()[pick(corpus.vocabulary().size())]);
      if (w.size() >= min_length)
        return w;
    }
  };
  auto words = [&](std::size_t n) {
    std::string q;
    for (std::size_t i = 0; i < n; ++i)
      q += (q.empty() ? "" : " ") + word(4);
    return q;
  };
  std::vector<std::string> stripped;
  for (const auto& j : judged) {
    std::string q;
    for (const auto& token : split_on_space(j)) {
      if (token.find(':') == std::string::npos)
        q += (q.empty() ? "" : " ") + token;
    }
    if (!q.empty())
      stripped.push_back(q);
  }
  std::vector<std::string> queries;
  while (queries.size() < count) {
    const auto r = pick(100);
    if (r < 35 && !stripped.empty()) {
      queries.push_back(stripped[pick(stripped.size())]);
    } else if (r < 65) {
      queries.push_back(words(1 + pick(3)));
    } else if (r < 75) {
      const auto filter =
          pick(2) == 0
              ? "profiel:" +
                    SyntheticCorpus::profile_id(static_cast<int>(pick(SyntheticCorpus::kProfiles)))
              : "bk:" + SyntheticCorpus::qualification_id(
                            static_cast<int>(pick(SyntheticCorpus::kQualifications)));
      queries.push_back(words(1 + pick(2)) + " " + filter);
    } else if (r < 87) {
      const auto& shape = corpus.shapes()[pick(corpus.shapes().size())];
      const std::size_t n = 2 + pick(2);
      if (shape.size() < n)
        continue;
      const std::size_t start = pick(shape.size() - n + 1);
      std::string phrase;
      for (std::size_t i = start; i < start + n; ++i) {
        for (const auto& w : split_words(shape[i]))
          phrase += (phrase.empty() ? "" : " ") + lower(w);
      }
      if (phrase.find(' ') == std::string::npos)
        continue;
      queries.push_back("\"" + phrase + "\"");
    } else {
      const auto w = word(6);
      const std::size_t length = 4 + pick(2);
      // Cut on a character boundary (no UTF-8 continuation byte at the cut).
      std::size_t cut = length;
      while (cut < w.size() && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80)
        ++cut;
      queries.push_back(w.substr(0, cut) + "*");
    }
  }
  return queries;
}

}  // namespace vakkaart::bench
