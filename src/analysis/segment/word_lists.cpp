#include "analysis/segment/word_lists.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace vakkaart::analysis::segmenter_detail {

namespace {

/// Abbreviations after which a '.' never ends a sentence (lower case, final dot dropped).
/// Dotted runs of single letters (o.a., d.w.z., m.b.t., i.s.m., t.e.m.) are recognised by form.
constexpr std::string_view kAbbreviations[] = {
    "adm", "afd", "alg", "apr",  "art",  "aug",  "bijl", "bijv", "blz", "bv",  "bvb",
    "ca",  "dec", "dhr", "dr",   "drs",  "evt",  "excl", "feb",  "fig", "gem", "incl",
    "ing", "inz", "ipv", "ir",   "ism",  "ivm",  "jan",  "jl",   "jr",  "jul", "jun",
    "lic", "max", "mbt", "mevr", "min",  "mr",   "mrt",  "mw",   "nl",  "nov", "nr",
    "obv", "okt", "ong", "pag",  "prof", "resp", "sep",  "sept", "sr",  "st",  "tav",
    "tel", "tem", "vb",  "vgl",  "vnl",  "vs",   "zgn"};

/// Dotted abbreviations that often close a sentence or a list ("…, enz. Daarna"): after them
/// an upper-case word starts a new sentence.
constexpr std::string_view kClosingAbbreviations[] = {"e.a", "e.d",     "v.z.w",  "i.v.z.w",
                                                      "n.v", "b.v.b.a", "c.v.b.a"};

/// Words a wrapped line may end with but a sentence or heading does not: articles,
/// conjunctions, possessives and the prepositions that are no verb particle (so not "op",
/// "aan", "mee", "in", "uit", "voor", "bij": "Je volgt dossiers op"; nor pronouns: "Over ons").
constexpr std::string_view kFunctionWords[] = {
    "alsook", "de",   "een",    "en",    "en/of",  "evenals", "het", "jouw",
    "maar",   "met",  "naar",   "of",    "omdat",  "onze",    "per", "sinds",
    "te",     "tot",  "tussen", "uw",    "van",    "vanuit",  "via", "waarbij",
    "waarin", "want", "zoals",  "zodat", "zonder", "zowel",   "die", "om"};

/// A word of up to 8 bytes as one integer, so a list lookup is a few integer compares.
constexpr std::uint64_t seg_pack(std::string_view w) {
  std::uint64_t v = 0;
  for (char c : w)
    v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

template <std::size_t N>
constexpr std::array<std::uint64_t, N> seg_pack_all(const std::string_view (&words)[N]) {
  std::array<std::uint64_t, N> keys{};
  for (std::size_t i = 0; i < N; ++i) {
    if (words[i].size() > 8)
      throw "a list word longer than 8 bytes";  // fails the build: the lists are constexpr
    keys[i] = seg_pack(words[i]);
  }
  return keys;
}

constexpr auto kAbbreviationKeys = seg_pack_all(kAbbreviations);
constexpr auto kClosingAbbreviationKeys = seg_pack_all(kClosingAbbreviations);
constexpr auto kFunctionWordKeys = seg_pack_all(kFunctionWords);

template <std::size_t N>
bool seg_in_keys(const std::array<std::uint64_t, N>& keys, std::uint64_t key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

/// The lower-cased ASCII word s as a key; false when s is longer than 8 bytes or not ASCII.
bool seg_lower_key(std::string_view s, std::uint64_t& key) {
  if (s.empty() || s.size() > 8)
    return false;
  key = 0;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80)
      return false;
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    key = (key << 8) | static_cast<unsigned char>(c);
  }
  return true;
}

}  // namespace

bool seg_abbreviation_before(std::string_view s, std::size_t block_begin, std::size_t dot) {
  std::size_t start = dot;
  while (start > block_begin) {
    const char c = s[start - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '"' || c == '\'' || c == '/')
      break;
    if (dot - start >= 15)
      return false;
    --start;
  }
  const std::string_view token = s.substr(start, dot - start);
  if (token.empty())
    return false;
  if (token.size() == 1)
    return token[0] >= 'A' && token[0] <= 'Z';  // an initial (single lower-case letters end lists)
  // Single letters joined by dots: o.a, d.w.z, m.a.w, J.P
  bool dotted = token.size() >= 3 && token.size() % 2 == 1;
  for (std::size_t i = 0; dotted && i < token.size(); ++i) {
    const char c = static_cast<char>(token[i] | 0x20);
    dotted = i % 2 == 0 ? (c >= 'a' && c <= 'z') : token[i] == '.';
  }
  std::uint64_t key = 0;
  const bool packed = seg_lower_key(token, key);
  if (dotted)
    return !packed || !seg_in_keys(kClosingAbbreviationKeys, key);
  return packed && seg_in_keys(kAbbreviationKeys, key);
}

bool seg_ends_with_function_word(std::string_view s, std::size_t begin, std::size_t end) {
  std::size_t start = end;
  while (start > begin && s[start - 1] != ' ' && s[start - 1] != '\t')
    --start;
  std::uint64_t key = 0;
  return seg_lower_key(s.substr(start, end - start), key) && seg_in_keys(kFunctionWordKeys, key);
}

}  // namespace vakkaart::analysis::segmenter_detail
