#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <set>

#include "core/error.h"
#include "search/document_data.h"
#include "search/index_writer.h"
#include "search/length_norm.h"
#include "search/query_parser.h"
#include "text/cognates.h"
#include "text/fold.h"
#include "text/foreign_words.h"
#include "text/text_utils.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace vakkaart::search {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kPartWeight = 0.3;          // a compound's parts count less than the word
constexpr double kContextWeight = 0.1;       // words of the titles above a statement
constexpr double kFrequentHeadShare = 0.04;  // see Impl::frequent
constexpr double kSynonymWeight = 0.7;
constexpr double kLightWeight = 0.5;  // light words (generic verbs) weigh half
// A word that this many statements carry as a whole needs no help from its compound parts: they
// would only add statements about something else ("groep" for "doelgroep") and long posting
// lists to merge.
constexpr Xapian::doccount kWellAttested = 20;
constexpr Xapian::termcount kWildcardLimit = 200;
constexpr Xapian::doccount kExactCountUpTo = 200;  // see Searcher::search

/// True if a place satisfies one of the profile / bk / cluster filters (others do not concern
/// places).
bool place_matches(const Place& place,
                   const std::vector<std::pair<std::string, std::string>>& filters) {
  for (const auto& [facet, value] : filters) {
    const std::string folded = text::fold(value);
    if ((facet == "profile" && place.kind == "profile" && text::fold(place.id) == folded) ||
        (facet == "cluster" && place.cluster_id == folded) ||
        (facet == "bk" && place.kind == "qualification" &&
         text::starts_with(text::fold(place.id), folded))) {
      return true;
    }
  }
  return false;
}

/// `query` OR the alternatives (combined with `op`) at a lower weight; `query` alone when there
/// are none.
Xapian::Query or_weaker(const Xapian::Query& query, Xapian::Query::op op,
                        const std::vector<Xapian::Query>& alternatives, double weight) {
  if (alternatives.empty() || weight <= 0)
    return query;
  return Xapian::Query(
      Xapian::Query::OP_OR, query,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(op, alternatives.begin(), alternatives.end()), weight));
}

/// A query item twice: `bare` without the words of the titles above a statement as a way to
/// match, `full` with them (see Searcher::search); they differ only for a word that is well
/// attested in the statements themselves.
struct ItemQuery {
  Xapian::Query bare, full;
  bool differ = false;
};

/// The items of a query by mode.
struct ItemQueries {
  std::vector<ItemQuery> required, optional, excluded;

  /// True if the `full` query of a required or optional item matches more than its `bare` one.
  bool full_matches_more() const {
    auto differ = [](const ItemQuery& q) { return q.differ; };
    return std::any_of(required.begin(), required.end(), differ) ||
           std::any_of(optional.begin(), optional.end(), differ);
  }
};

/// The Xapian query of `items` under `filters`, of their `full` queries (`with_context`) or
/// their `bare` ones.
Xapian::Query assemble(const ItemQueries& items,
                       const std::vector<std::pair<std::string, std::string>>& filters,
                       bool with_context) {
  auto pick = [&](const std::vector<ItemQuery>& parts) {
    std::vector<Xapian::Query> out;
    for (const auto& p : parts)
      out.push_back(with_context ? p.full : p.bare);
    return out;
  };
  const auto required = pick(items.required), optional = pick(items.optional);
  Xapian::Query any(Xapian::Query::OP_OR, optional.begin(), optional.end());
  Xapian::Query query =
      !required.empty()
          ? Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                          Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end()),
                          any)
      : !optional.empty() ? any
                          : Xapian::Query::MatchAll;  // filters alone: every statement they keep
  if (!items.excluded.empty()) {
    // An excluded word excludes the statements under a title with it too, in both passes.
    std::vector<Xapian::Query> excluded;
    for (const auto& p : items.excluded)
      excluded.push_back(p.full);
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }
  if (!filters.empty()) {
    std::map<std::string, std::vector<Xapian::Query>> by_facet;
    for (const auto& [facet, value] : filters) {
      by_facet[facet].emplace_back(facet_term(facet, value));
    }
    std::vector<Xapian::Query> all;
    for (auto& [facet, terms] : by_facet) {
      all.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()));
  }
  return query;
}

}  // namespace

struct Searcher::Impl {
  Xapian::Database db;
  std::shared_ptr<const text::Analyzer> analyzer;

  bool exists(const std::string& term) const { return db.get_termfreq(term) > 0; }

  /// The query of one analyzed word: its stems and synonyms as one term for BM25, its compound
  /// parts and the word in the titles above a statement as weaker alternatives. A word that
  /// statements carry often enough to fill a page (well_attested) needs neither in its `bare`
  /// query: the parts would add statements about something else ("groep" for "doelgroep"),
  /// and the titles' posting lists are long (every statement under a title carries its words).
  ItemQuery word_query(const text::AnalyzedWord& word) const {
    std::vector<Xapian::Query> same(word.stems.begin(), word.stems.end());
    std::vector<Xapian::Query> synonyms;
    std::vector<Xapian::Query> parts(word.part_stems.begin(), word.part_stems.end());
    for (const auto& form : word.forms) {
      for (const auto& stem : synonym_stems(form))
        synonyms.emplace_back(stem);
      for (const auto& part : analyzer->parts_of(form)) {
        for (const auto& stem : synonym_stems(part, true))
          parts.emplace_back(stem);
      }
    }
    std::vector<Xapian::Query> context;
    for (const auto& stem : word.stems)
      context.emplace_back(kContextPrefix + stem);
    Xapian::Query query(Xapian::Query::OP_SYNONYM, same.begin(), same.end());
    query = or_weaker(query, Xapian::Query::OP_OR, synonyms, kSynonymWeight);
    if (well_attested(word)) {
      return {query, or_weaker(query, Xapian::Query::OP_SYNONYM, context, kContextWeight), true};
    }
    if (auto split = frequent_head_split(word)) {
      // "jeugdwerk": a statement that only says "werk" is no answer; the head only adds weight
      // to statements that also carry the modifier.
      query =
          or_weaker(query, Xapian::Query::OP_AND_MAYBE, {split->first, split->second}, kPartWeight);
    } else {
      query = or_weaker(query, Xapian::Query::OP_OR, parts, kPartWeight);
    }
    query = or_weaker(query, Xapian::Query::OP_SYNONYM, context, kContextWeight);
    return {query, query, false};
  }

  /// True if at least kWellAttested statements carry one of the word's own stems.
  bool well_attested(const text::AnalyzedWord& word) const {
    for (const auto& stem : word.stems) {
      if (db.get_termfreq(stem) >= kWellAttested)
        return true;
    }
    return false;
  }

  /// A compound of content words: a separable verb ("opzetten", "samenwerken", "informeren"
  /// split as in+formeren) starts with a particle, and its "head" is the verb itself, not a
  /// frequent word that a modifier narrows.
  static bool noun_compound(const std::vector<std::string>& parts) {
    static const std::set<std::string> kParticles = {
        "aan",     "af",  "bij",    "binnen", "buiten", "door",  "in",  "mee", "na",   "om",
        "onder",   "op",  "over",   "samen",  "tegen",  "terug", "toe", "uit", "vast", "voor",
        "vooruit", "weg", "achter", "her",    "ver",    "be",    "ont", "ge",  "er"};
    if (parts.size() < 2)
      return false;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      if (parts[i].size() < 3 || kParticles.count(parts[i]))
        return false;
    }
    return true;
  }

  /// Stems of one compound part (its derived stems included) and of its synonyms.
  std::vector<std::string> part_terms(const std::string& part) const {
    std::vector<std::string> terms = synonym_stems(part, true);
    // Its derived stems too: the head "werking" of "vrijwilligerswerking" also matches "werkt"
    // (werken), which is frequent, so the modifier must carry the match.
    for (const auto& w : analyzer->analyze(part))
      terms.insert(terms.end(), w.stems.begin(), w.stems.end());
    return terms;
  }

  /// A head is frequent when at least one statement in kFrequentHeadShare carries it ("werk",
  /// "beleid", "medewerker"): matching it alone says little about what was asked.
  bool frequent(const std::vector<std::string>& terms) const {
    Xapian::doccount most = 0;
    for (const auto& t : terms)
      most = std::max(most, db.get_termfreq(t));
    return most > 0 && most >= db.get_doccount() * kFrequentHeadShare;
  }

  /// For a compound whose head is frequent: (modifiers, head) queries; nothing otherwise.
  std::optional<std::pair<Xapian::Query, Xapian::Query>> frequent_head_split(
      const text::AnalyzedWord& word) const {
    const auto parts = analyzer->parts_of(word.forms[0]);
    if (!noun_compound(parts))
      return std::nullopt;
    const auto head = part_terms(parts.back());
    if (!frequent(head))
      return std::nullopt;
    std::vector<std::string> modifiers;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      const auto terms = part_terms(parts[i]);
      modifiers.insert(modifiers.end(), terms.begin(), terms.end());
    }
    return std::make_pair(Xapian::Query(Xapian::Query::OP_OR, modifiers.begin(), modifiers.end()),
                          Xapian::Query(Xapian::Query::OP_OR, head.begin(), head.end()));
  }

  /// What of a word matched nothing in the index: the word itself when nothing of it did, the
  /// modifiers of a compound whose frequent head alone would match ("jeugd" of "jeugdwerk").
  std::vector<std::string> unmatched_of(const text::AnalyzedWord& word) const {
    for (const auto& stem : word.stems) {
      if (exists(stem))
        return {};
    }
    for (const auto& form : word.forms) {
      for (const auto& stem : synonym_stems(form)) {
        if (exists(stem))
          return {};
      }
    }
    const auto parts = analyzer->parts_of(word.forms[0]);
    if (noun_compound(parts) && frequent(part_terms(parts.back()))) {
      std::vector<std::string> missing;
      for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        const auto terms = part_terms(parts[i]);
        if (std::none_of(terms.begin(), terms.end(), [&](const auto& t) { return exists(t); }))
          missing.push_back(parts[i]);
      }
      return missing;
    }
    for (const auto& part : word.part_stems) {
      if (exists(part))
        return {};
    }
    return {word.forms[0]};
  }

  /// Stems of the synonyms of a folded word; of an inflected query word's group too (see
  /// Analyzer::inflected_synonyms_of) unless it is a compound part.
  std::vector<std::string> synonym_stems(const std::string& folded, bool part = false) const {
    std::vector<std::string> stems;
    const auto& synonyms =
        part ? analyzer->synonyms_of(folded) : analyzer->inflected_synonyms_of(folded);
    for (const auto& synonym : synonyms) {
      for (const auto& w : analyzer->analyze(synonym)) {
        stems.insert(stems.end(), w.stems.begin(), w.stems.end());
      }
    }
    return stems;
  }

  /// True if any term the word could match is in the index.
  bool known(const text::AnalyzedWord& word) const {
    for (const auto& stem : word.stems) {
      if (exists(stem))
        return true;
    }
    for (const auto& form : word.forms) {
      for (const auto& stem : synonym_stems(form)) {
        if (exists(stem))
          return true;
      }
    }
    for (const auto& part : word.part_stems) {
      if (exists(part))
        return true;
    }
    return false;
  }

  /// Words of an item; a misspelt word (nothing in the index) is replaced by Xapian's spelling
  /// suggestion, and the replacement is recorded for "bedoelde je …".
  std::vector<ItemQuery> words_query(const std::string& text,
                                     std::map<std::string, std::string>& corrections,
                                     std::vector<std::string>* unmatched,
                                     std::vector<ForeignWord>* foreign) {
    std::vector<ItemQuery> queries;
    for (auto& word : analyzer->analyze(text, text::SeparatedVerbs::join)) {
      if (word.stopword)
        continue;
      bool is_known = known(word);
      const std::string typed = text.substr(word.begin, word.end - word.begin);
      if (!is_known) {
        // "communication", "coordinate", "creatif": the Dutch word of the same root, when the
        // statements use it, answers for it (and the page says which word it searched).
        for (const auto& cognate : text::dutch_cognates(word.forms[0])) {
          auto dutch = analyzer->analyze(cognate, text::SeparatedVerbs::join);
          if (dutch.size() == 1 && !dutch[0].stopword && known(dutch[0])) {
            corrections[typed] = cognate;
            word = std::move(dutch[0]);
            is_known = true;
            break;
          }
        }
      }
      std::optional<std::string> language;
      if (!is_known)
        language = text::ForeignWords::shared().language_of(typed);
      if (language && foreign)
        foreign->push_back({typed, *language});
      if (!is_known && !language) {
        const std::string suggestion = db.get_spelling_suggestion(word.forms[0], 2);
        if (!suggestion.empty()) {
          auto corrected = analyzer->analyze(suggestion, text::SeparatedVerbs::join);
          if (!corrected.empty()) {
            corrections[typed] = suggestion;
            word = std::move(corrected[0]);
          }
        }
      }
      if (unmatched) {
        for (auto& missing : unmatched_of(word))
          unmatched->push_back(std::move(missing));
      }
      auto query = word_query(word);
      if (analyzer->is_light(word.forms[0])) {
        // "geven", "maken", "opvolgen": they carry little of what is asked.
        auto light = [](const Xapian::Query& q) {
          return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, kLightWeight);
        };
        query = {light(query.bare), light(query.full), query.differ};
      }
      queries.push_back(std::move(query));
    }
    return queries;
  }

  Xapian::Query phrase_query(const std::string& text) const {
    std::vector<Xapian::Query> positions;
    const auto words = analyzer->analyze(text, text::SeparatedVerbs::join);
    for (const auto& w : words) {
      if (w.stopword)
        continue;
      // Any stem of the word at its position: "werving en selectie" finds "werven en selecteren".
      positions.emplace_back(Xapian::Query::OP_OR, w.stems.begin(), w.stems.end());
    }
    if (positions.empty())
      return {};
    if (positions.size() == 1)
      return positions[0];
    return Xapian::Query(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(),
                         static_cast<Xapian::termcount>(words.size()));
  }

  Xapian::Query prefix_query(const std::string& prefix) const {
    // Over the words as written: "begeleid*" expands to begeleidt, begeleiding, ...
    // Indexed words are cut at kMaxFormBytes, so a longer prefix is cut the same way.
    const std::string folded = text::fold(prefix);
    return Xapian::Query(
        Xapian::Query::OP_WILDCARD,
        kWordPrefix + std::string(text::truncate_utf8(folded, text::kMaxFormBytes)), kWildcardLimit,
        Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
};

Searcher::Searcher(const std::string& index_dir, std::shared_ptr<const text::Analyzer> analyzer)
    : impl_(std::make_unique<Impl>()) {
  try {
    impl_->db = Xapian::Database(index_dir);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::not_found, "no search index: " + e.get_description(),
                {index_dir, 0, ""});
  }
  impl_->analyzer = std::move(analyzer);
}

Searcher::~Searcher() = default;

std::string Searcher::content_version() const {
  return impl_->db.get_metadata("content_version");
}
std::string Searcher::format() const {
  return impl_->db.get_metadata("format");
}

std::vector<std::string> Searcher::vocabulary() const {
  std::vector<std::string> words;
  for (auto it = impl_->db.spellings_begin(); it != impl_->db.spellings_end(); ++it) {
    words.push_back(*it);
  }
  return words;
}

// size: 139 lines, the one sequential pass from query to results (parse, expand, enquire, facets,
// snippets, suggestion) over shared Xapian state; assembling the Xapian query is its own step
// (assemble), the snippets are the next to cut out.
SearchResponse Searcher::search(const SearchRequest& request) {
  SearchResponse response;
  response.query = request.query;
  ParsedQuery parsed = parse_query(request.query);
  response.notes = parsed.notes;
  for (const auto& [key, value] : request.filters) {
    const std::string facet = canonical_facet(key);
    if (facet.empty()) {
      throw Error(ErrorCode::invalid_argument, "unknown filter \"" + key + "\"", {"", 0, key});
    }
    parsed.filters.emplace_back(facet, value);
  }

  std::map<std::string, std::string> corrections;
  ItemQueries items;
  for (const auto& item : parsed.items) {
    std::vector<ItemQuery> parts;
    switch (item.kind) {
      case QueryItem::Kind::words:
        parts = impl_->words_query(
            item.text, corrections,
            item.mode == QueryItem::Mode::excluded ? nullptr : &response.unmatched,
            item.mode == QueryItem::Mode::excluded ? nullptr : &response.foreign_words);
        break;
      case QueryItem::Kind::phrase:
        if (auto q = impl_->phrase_query(item.text); !q.empty())
          parts.push_back({q, q, false});
        break;
      case QueryItem::Kind::prefix:
        parts.push_back({impl_->prefix_query(item.text), impl_->prefix_query(item.text), false});
        break;
    }
    auto& target = item.mode == QueryItem::Mode::required   ? items.required
                   : item.mode == QueryItem::Mode::excluded ? items.excluded
                                                            : items.optional;
    target.insert(target.end(), parts.begin(), parts.end());
  }
  // Filters alone ("cluster:communiceren", "profiel:campagnewerker -media") list what they keep.
  const bool browse = items.required.empty() && items.optional.empty();
  if (browse && parsed.filters.empty()) {
    if (!parsed.items.empty()) {
      response.notes.emplace_back(
          "the query has only stop words or exclusions; nothing to look for");
    }
    return response;
  }
  // First the `bare` queries: a well-attested word without the words of the titles above a
  // statement (their posting lists are long: every statement under a title carries its words).
  // Only when that leaves the page short do statements that match through their titles alone
  // count ("netwerken" for the sub-activities under "Netwerken"); on a full page such a
  // statement, weighed at kContextWeight, would rank below the statements that carry the word.
  const Xapian::Query query = assemble(items, parsed.filters, false);
  if (!corrections.empty()) {
    std::string suggestion = request.query;
    for (const auto& [typed, corrected] : corrections) {
      const auto at = suggestion.find(typed);
      if (at != std::string::npos)
        suggestion.replace(at, typed.size(), corrected);
    }
    response.suggestion = suggestion;
  }

  std::vector<std::string> prefixes;  // of prefix* items, for highlighting
  for (const auto& item : parsed.items) {
    if (item.kind == QueryItem::Kind::prefix && item.mode != QueryItem::Mode::excluded)
      prefixes.push_back(text::fold(item.text));
  }
  // The terms of the query, once: a hit's words are highlighted when one of their stems is one
  // of them. Every stem of a hit's text is a term of its document (indexed from the same text
  // by the same analyzer), so this is what Enquire::get_matching_terms gives, without reading
  // and inflating each hit's term list.
  std::set<std::string> query_terms;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    if ((*t).size() <= kMaxIndexedTermBytes)
      query_terms.insert(*t);
  }
  Xapian::Enquire enquire(impl_->db);
  enquire.set_weighting_scheme(length_normalised_bm25());
  enquire.set_query(query);
  if (browse)
    enquire.set_sort_by_value(kStoreOrderSlot, false);
  const std::size_t limit = std::min<std::size_t>(request.limit, 1000);
  // With tight weight bounds (length_norm.h) the matcher stops as soon as its page cannot
  // change, and the total becomes an estimate; counting the first kExactCountUpTo matches keeps
  // "7 resultaten" exact where a user would notice, at the cost of reading that many postings.
  const auto first = static_cast<Xapian::doccount>(request.offset);
  const auto size = static_cast<Xapian::doccount>(limit);
  const auto check = std::max<Xapian::doccount>(kExactCountUpTo, first + size);
  Xapian::MSet mset = enquire.get_mset(first, size, check);
  if (mset.size() < limit && items.full_matches_more()) {
    enquire.set_query(assemble(items, parsed.filters, true));
    mset = enquire.get_mset(first, size, check);
  }
  response.total = mset.get_matches_estimated();
  response.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto data = decode_document_data(it.get_document().get_value(kDocumentDataSlot));
    SearchHit hit;
    hit.statement_id = data.id;
    hit.text = std::move(data.text);
    hit.score = it.get_weight();
    hit.places = std::move(data.places);
    // Places the filters asked for come first: "profiel:campagnewerker" shows the campagnewerker
    // place of a statement before the other profiles that share it.
    std::stable_partition(hit.places.begin(), hit.places.end(),
                          [&](const Place& place) { return place_matches(place, parsed.filters); });
    std::size_t at = 0;
    for (const auto& word : impl_->analyzer->analyze(hit.text, text::SeparatedVerbs::join)) {
      bool hit_word = false;
      for (const auto& prefix : prefixes) {
        for (const auto& form : word.forms)
          hit_word = hit_word || text::starts_with(form, prefix);
      }
      for (const auto& s : word.stems)
        hit_word = hit_word || query_terms.count(s) != 0;
      for (const auto& s : word.part_stems)
        hit_word = hit_word || query_terms.count(s) != 0;
      if (!hit_word || word.stopword)
        continue;
      hit.highlights.emplace_back(word.begin, word.end);
      hit.snippet += text::escape_markup(std::string_view(hit.text).substr(at, word.begin - at));
      hit.snippet += "<mark>" +
                     text::escape_markup(
                         std::string_view(hit.text).substr(word.begin, word.end - word.begin)) +
                     "</mark>";
      at = word.end;
    }
    hit.snippet += text::escape_markup(std::string_view(hit.text).substr(at));
    response.results.push_back(std::move(hit));
  }
  if (request.facets) {
    const Xapian::MSet all = enquire.get_mset(0, 1000);
    for (auto it = all.begin(); it != all.end(); ++it) {
      const auto data = decode_document_data(it.get_document().get_value(kDocumentDataSlot));
      std::set<std::string> counted;  // count a statement once per facet value
      for (const auto& p : data.places) {
        for (const auto& key : {p.kind + "\x1f" + p.id, "cluster\x1f" + p.cluster_id,
                                "kind\x1f" + p.statement_kind}) {
          if (key.back() == '\x1f' || !counted.insert(key).second)
            continue;
          const auto sep = key.find('\x1f');
          response.facets[key.substr(0, sep)][key.substr(sep + 1)]++;
        }
      }
    }
  }
  return response;
}

std::string search_response_to_json(const SearchResponse& r, int indent) {
  Json results = Json::array();
  for (const auto& hit : r.results) {
    Json places = Json::array();
    for (const auto& p : hit.places)
      places.push_back(Json::parse(place_to_json(p)));
    Json highlights = Json::array();
    for (const auto& [b, e] : hit.highlights)
      highlights.push_back({b, e});
    results.push_back({{"statement_id", hit.statement_id},
                       {"text", hit.text},
                       {"score", hit.score},
                       {"places", places},
                       {"snippet", hit.snippet},
                       {"highlights", highlights}});
  }
  Json j = {
      {"query", r.query}, {"total", r.total}, {"total_exact", r.total_exact}, {"results", results}};
  j["suggestion"] = r.suggestion ? Json(*r.suggestion) : Json(nullptr);
  j["notes"] = r.notes;
  j["unmatched"] = r.unmatched;
  Json foreign = Json::array();
  for (const auto& f : r.foreign_words)
    foreign.push_back({{"word", f.word}, {"language", f.language}});
  j["foreign_words"] = foreign;
  if (!r.facets.empty())
    j["facets"] = r.facets;
  return indent < 0 ? j.dump() : j.dump(indent) + "\n";
}

}  // namespace vakkaart::search
