#pragma once

// The two peers the search issue compares against, on the same statements and queries:
// SQLite FTS5 (unicode61 tokenizer, remove_diacritics) and Xapian with only its Dutch stemmer.
// Both get the query's words, phrases and prefixes in their own syntax and the same filters.

#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "search/indexed_statement.h"
#include "search/query_parser.h"

namespace vakkaart::bench {

/// Statement ids that carry every filter of a parsed query (same facet terms as vakkaart).
inline bool passes_filters(const search::IndexedStatement& s, const search::ParsedQuery& q) {
  std::map<std::string, bool> facet_ok;
  for (const auto& [facet, value] : q.filters) {
    const auto term = search::facet_term(facet, value);
    const bool has =
        std::find(s.filter_terms.begin(), s.filter_terms.end(), term) != s.filter_terms.end();
    facet_ok[facet] = facet_ok[facet] || has;
  }
  for (const auto& [facet, ok] : facet_ok) {
    if (!ok)
      return false;
  }
  return true;
}

/// Quotes a word for FTS5 so punctuation in it is no syntax.
inline std::string fts5_quote(const std::string& word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"')
      out += "\"\"";
    else
      out += c;
  }
  return out + "\"";
}

inline std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    const bool part =
        static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    if (part) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

class Fts5Peer {
 public:
  explicit Fts5Peer(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
      throw std::runtime_error("fts5 open");
    exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS s USING fts5(text, tokenize='unicode61 "
        "remove_diacritics 2')");
  }
  ~Fts5Peer() { sqlite3_close(db_); }
  Fts5Peer(const Fts5Peer&) = delete;
  Fts5Peer& operator=(const Fts5Peer&) = delete;

  void begin() { exec("BEGIN"); }
  void commit() { exec("COMMIT"); }
  void add(int64_t id, const std::string& text) {
    if (insert_ == nullptr) {
      sqlite3_prepare_v2(db_, "INSERT INTO s(rowid, text) VALUES (?, ?)", -1, &insert_, nullptr);
    }
    sqlite3_bind_int64(insert_, 1, id);
    sqlite3_bind_text(insert_, 2, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    sqlite3_step(insert_);
    sqlite3_reset(insert_);
  }

  /// The query in FTS5 syntax: words OR'ed, "phrases", prefix*, -word as NOT.
  static std::string to_fts5(const search::ParsedQuery& q) {
    std::string positive, negative;
    for (const auto& item : q.items) {
      std::string part;
      if (item.kind == search::QueryItem::Kind::phrase) {
        const auto words = split_words(item.text);
        std::string phrase;
        for (const auto& w : words)
          phrase += (phrase.empty() ? "" : " ") + w;
        if (!phrase.empty())
          part = fts5_quote(phrase);
      } else if (item.kind == search::QueryItem::Kind::prefix) {
        const auto words = split_words(item.text);
        if (!words.empty())
          part = fts5_quote(words[0]) + "*";
      } else {
        for (const auto& w : split_words(item.text)) {
          part += (part.empty() ? "" : " OR ") + fts5_quote(w);
        }
      }
      if (part.empty())
        continue;
      std::string& target = item.mode == search::QueryItem::Mode::excluded ? negative : positive;
      target += (target.empty() ? "" : " OR ") + part;
    }
    if (positive.empty())
      return {};
    return negative.empty() ? positive : "(" + positive + ") NOT (" + negative + ")";
  }

  /// Best-first rowids (bm25), at most `limit` after filtering by `accept`.
  template <typename Accept>
  std::vector<int64_t> search(const std::string& match, std::size_t limit, Accept accept) {
    std::vector<int64_t> ids;
    if (match.empty())
      return ids;
    if (select_ == nullptr) {
      sqlite3_prepare_v2(db_, "SELECT rowid FROM s WHERE s MATCH ? ORDER BY bm25(s) LIMIT ?", -1,
                         &select_, nullptr);
    }
    sqlite3_bind_text(select_, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(select_, 2, 2000);
    while (sqlite3_step(select_) == SQLITE_ROW && ids.size() < limit) {
      const int64_t id = sqlite3_column_int64(select_, 0);
      if (accept(id))
        ids.push_back(id);
    }
    sqlite3_reset(select_);
    return ids;
  }

  void finalize() {
    sqlite3_finalize(insert_);
    sqlite3_finalize(select_);
    insert_ = select_ = nullptr;
  }

 private:
  void exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error != nullptr ? error : "?";
      sqlite3_free(error);
      throw std::runtime_error(message);
    }
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
};

/// Xapian with only its Dutch Snowball stemmer: TermGenerator and QueryParser as documented.
class PlainXapianPeer {
 public:
  explicit PlainXapianPeer(const std::string& dir, bool open_existing = false)
      : db_(dir, open_existing ? Xapian::DB_OPEN : Xapian::DB_CREATE_OR_OVERWRITE),
        stemmer_("dutch") {
    generator_.set_stemmer(stemmer_);
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  }
  void add(const search::IndexedStatement& s) {
    Xapian::Document doc;
    generator_.set_document(doc);
    generator_.index_text(s.text);
    for (const auto& term : s.filter_terms)
      doc.add_boolean_term(term);
    db_.replace_document(static_cast<Xapian::docid>(s.id), doc);
  }
  void commit() { db_.commit(); }

  static std::string to_query_string(const search::ParsedQuery& q) {
    std::string out;
    for (const auto& item : q.items) {
      std::string part = item.text;
      if (item.kind == search::QueryItem::Kind::phrase)
        part = "\"" + part + "\"";
      if (item.kind == search::QueryItem::Kind::prefix)
        part += "*";
      if (item.mode == search::QueryItem::Mode::excluded)
        part = "-" + part;
      out += (out.empty() ? "" : " ") + part;
    }
    return out;
  }

  std::vector<int64_t> search(const search::ParsedQuery& q, std::size_t limit) {
    Xapian::QueryParser parser;
    parser.set_database(db_);
    parser.set_stemmer(stemmer_);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_OR);
    Xapian::Query query;
    try {
      query = parser.parse_query(to_query_string(q), Xapian::QueryParser::FLAG_DEFAULT |
                                                         Xapian::QueryParser::FLAG_WILDCARD |
                                                         Xapian::QueryParser::FLAG_LOVEHATE);
    } catch (const Xapian::QueryParserError&) {
      return {};
    }
    std::map<std::string, std::vector<Xapian::Query>> by_facet;
    for (const auto& [facet, value] : q.filters) {
      by_facet[facet].emplace_back(search::facet_term(facet, value));
    }
    for (auto& [facet, terms] : by_facet) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    std::vector<int64_t> ids;
    const auto mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it)
      ids.push_back(*it);
    return ids;
  }

 private:
  Xapian::WritableDatabase db_;
  Xapian::Stem stemmer_;
  Xapian::TermGenerator generator_;
};

}  // namespace vakkaart::bench
