#include "analysis/segmenter.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/segment/chars.h"
#include "analysis/segment/lines.h"
#include "analysis/segment/word_lists.h"

namespace vakkaart::analysis {

// File-local names sit in their own namespace too: unity builds batch this file with others.
namespace segmenter_detail {
namespace {

/// A list item up to this many words stays one segment even if it holds several sentences.
constexpr int kLongItemWords = 30;

/// Words a line must have to continue on a next line that starts lower case (fewer: a list of
/// short lines, "teamspeler / flexibel").
constexpr int kWrapMinWords = 4;
constexpr int kTelegramWrapMinWords = 8;

/// Headings are at most this many words.
constexpr int kHeadingWords = 8;

class Segmenter {
 public:
  Segmenter(std::string_view text, std::vector<Segment>& out) : s_(text), out_(out) {}

  void run() {
    thread_local std::vector<Line> lines;
    thread_local std::vector<std::uint32_t> candidates;
    lines.clear();
    candidates.clear();
    for (std::size_t i = 0; i <= s_.size();) {
      const void* nl = i < s_.size() ? std::memchr(s_.data() + i, '\n', s_.size() - i) : nullptr;
      const std::size_t end =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - s_.data()) : s_.size();
      lines.push_back(seg_read_line(s_, i, end, candidates));
      i = end + 1;
    }
    lines_ = &lines;
    candidates_ = &candidates;
    telegram_ = is_telegram();

    for (std::size_t i = 0; i < lines.size();) {
      if (lines[i].blank) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j + 1 < lines.size() && joins(j, lines[i].bullet))
        ++j;
      block(i, j);
      i = j + 1;
    }
  }

 private:
  const Line& line(std::size_t i) const { return (*lines_)[i]; }
  std::size_t line_count() const { return lines_->size(); }

  /// The 0-based line holding byte `pos`; positions are asked for in increasing order.
  std::size_t line_at(std::size_t pos) {
    while (line_cursor_ + 1 < line_count() && line(line_cursor_ + 1).start <= pos)
      ++line_cursor_;
    return line_cursor_;
  }

  /// Telegram style: many short lines without punctuation; then each line is a segment.
  bool is_telegram() const {
    int plain = 0, short_plain = 0;
    for (const Line& l : *lines_) {
      if (l.blank || l.bullet)
        continue;
      ++plain;
      short_plain += seg_short_plain(l) && l.words <= 6;
    }
    return short_plain >= 3 && 2 * short_plain >= plain;
  }

  /// Whether sentence-final punctuation at s_[p] (of `len` bytes) ends a sentence in the block
  /// [block_begin, block_end). Sets `after` past the punctuation (and closing quotes) and
  /// `next` to where the next sentence starts.
  bool boundary(std::size_t block_begin, std::size_t block_end, std::size_t p, std::size_t len,
                std::size_t& after, std::size_t& next) const {
    const bool dot = len == 1 && s_[p] == '.';
    std::size_t q = p + len;
    // Runs of punctuation ("?!", "...") and closing quotes stay with the sentence.
    for (;;) {
      if (q < block_end && (s_[q] == '.' || s_[q] == '!' || s_[q] == '?')) {
        ++q;
      } else if (q < block_end && seg_ellipsis_at(s_, q)) {
        q += 3;
      } else if (std::size_t c = q < block_end ? seg_closing_at(s_, q) : 0; c > 0) {
        q += c;
      } else {
        break;
      }
    }
    const bool ellipsis = len == 3 || (dot && q >= p + 3 && seg_has(s_, p, "..."));
    after = q;
    std::size_t r = q;
    while (r < block_end && seg_is_blank_byte(s_[r]))
      ++r;
    next = r;
    if (r == block_end)
      return true;
    if (r == q)
      return false;  // no space after: 3.5, 1.500, www.x.be, info@x.be, o.a.
    std::size_t clen = 1;
    const CharKind k = seg_kind(seg_decode(s_, r, clen));
    if (!(k == CharKind::upper || k == CharKind::digit || seg_opening_at(s_, r)))
      return false;
    if (dot && !ellipsis && q == p + 1 && seg_abbreviation_before(s_, block_begin, p))
      return false;
    return true;
  }

  /// Whether line j + 1 continues the block that line j is in.
  bool joins(std::size_t j, bool bullet_block) const {
    const Line& l = line(j);
    const Line& n = line(j + 1);
    if (n.blank || n.bullet || l.all_caps)
      return false;
    switch (l.ending) {
      case LineEnd::sentence: {
        const char c = s_[l.punct];
        if (c == '!' || c == '?')
          return false;
        const bool ellipsis =
            c != '.' || (l.punct >= 2 && s_[l.punct - 1] == '.' && s_[l.punct - 2] == '.');
        if (ellipsis)
          return n.lower_start;  // "samen met…\nvrijwilligers"
        // A '.' at the end of a line ends the sentence unless it closes an abbreviation.
        return l.punct + 1 == l.end && seg_abbreviation_before(s_, l.text_begin, l.punct);
      }
      case LineEnd::colon:
      case LineEnd::semicolon:
        return false;
      case LineEnd::comma:
        return true;
      case LineEnd::hyphen:
        return n.lower_start;
      case LineEnd::none:
        break;
    }
    if (l.function_end)
      return true;
    if (n.lower_start && l.words >= (telegram_ ? kTelegramWrapMinWords : kWrapMinWords))
      return true;
    // An indented line under a list item continues it (plain text wrapped by hand).
    return bullet_block && n.indented && !n.upper_start;
  }

  /// Whether the single-line block at line i is a heading.
  bool heading(std::size_t i) const {
    const Line& l = line(i);
    if (l.bullet)
      return false;
    if (l.all_caps || l.ending == LineEnd::colon)
      return true;
    // "Wat ga je doen?" over a list: a question that titles the items below it.
    if (l.ending == LineEnd::sentence && s_[l.punct] == '?' && l.words <= kHeadingWords &&
        i + 1 < line_count() && line(i + 1).bullet)
      return true;
    if (!seg_short_plain(l) || !l.upper_start)
      return false;
    bool later = false;
    for (std::size_t k = i + 1; k < line_count() && !later; ++k)
      later = !line(k).blank;
    if (!later)
      return false;
    // In a run of short lines ("Teamspeler / Flexibel / Stressbestendig") each is an item.
    // (An all-caps line beside it is a title, not one of the run.)
    if (i > 0 && seg_short_plain(line(i - 1)) && !line(i - 1).all_caps)
      return false;
    if (i + 1 < line_count() && seg_short_plain(line(i + 1)) && !line(i + 1).all_caps)
      return false;
    return true;
  }

  /// Splits the block of lines first..last into sentences (list items stay whole unless long).
  void block(std::size_t first, std::size_t last) {
    const Line& head = line(first);
    const bool bullet = head.bullet;
    const std::size_t begin = head.text_begin;
    const std::size_t end = line(last).end;
    int words = 0;
    for (std::size_t k = first; k <= last; ++k)
      words += line(k).words;
    const bool sentences = !bullet || words > kLongItemWords;
    const bool heading_line = first == last && heading(first);
    // A block ending in ':' (a list intro) ends in a heading segment, whatever precedes it.
    const bool colon_end = !bullet && line(last).ending == LineEnd::colon;
    const bool clean = first == last && head.clean;

    const std::vector<std::uint32_t>& cands = *candidates_;
    while (cand_cursor_ < cands.size() && cands[cand_cursor_] < begin)
      ++cand_cursor_;
    std::size_t piece = begin;
    std::size_t run_end = begin;  // candidates before this lie in a run already read
    bool piece_bullet = bullet;
    for (; cand_cursor_ < cands.size() && cands[cand_cursor_] < end; ++cand_cursor_) {
      const std::size_t p = cands[cand_cursor_];
      if (p < piece)
        continue;  // inside punctuation already taken ("?!", "...")
      std::size_t len = 1;
      if (static_cast<unsigned char>(s_[p]) == 0xE2) {
        if (!seg_ellipsis_at(s_, p)) {
          // "Taken: • plannen • organiseren": each bullet starts an item.
          const std::size_t g = seg_inline_bullet_at(s_, p);
          if (p > piece && seg_is_space_byte(s_[p - 1]) && p + g < end &&
              seg_is_space_byte(s_[p + g])) {
            emit(piece, p, piece_bullet, false, clean);
            piece = p + g;
            while (piece < end && seg_is_blank_byte(s_[piece]))
              ++piece;
            piece_bullet = true;
          }
          continue;
        }
        len = 3;
      }
      if (!sentences || p < run_end)
        continue;
      std::size_t after = 0, next = 0;
      if (!boundary(begin, end, p, len, after, next)) {
        // The rest of this run of punctuation ends no sentence either (boundary() reads the
        // same run and what follows it); skipping it keeps "......x" linear.
        run_end = after;
        continue;
      }
      const bool final_piece = next >= end;
      emit(piece, after, piece_bullet,
           final_piece && (colon_end || (heading_line && piece == head.text_begin)), clean);
      piece = next;
    }
    emit(piece, end, piece_bullet, colon_end || (heading_line && piece == head.text_begin), clean);
  }

  /// Whether s_[begin, end) holds a letter.
  bool has_letter(std::size_t begin, std::size_t end) const {
    for (std::size_t i = begin; i < end;) {
      const std::uint8_t b = kByteClass[static_cast<unsigned char>(s_[i])];
      if (b & (kByteLower | kByteUpper))
        return true;
      std::size_t len = 1;
      if (static_cast<unsigned char>(s_[i]) >= 0x80 &&
          seg_is_letter(seg_kind(seg_decode(s_, i, len))))
        return true;
      i += len;
    }
    return false;
  }

  /// The segment's text with white space collapsed; returns its number of words.
  int collapse(std::size_t begin, std::size_t end, bool clean, std::string& text) const {
    if (clean) {
      // One line with single ASCII spaces (what extract_text writes): copy it as it is.
      text.assign(s_.data() + begin, end - begin);
      return 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
    }
    text.reserve(end - begin);
    int words = 0;
    for (std::size_t i = begin; i < end;) {
      // A run of non-space bytes: one word, copied at once.
      std::size_t j = i;
      while (j < end) {
        const auto c = static_cast<unsigned char>(s_[j]);
        if (!kRunStop[c]) {
          ++j;
          continue;
        }
        if (c < 0x80)
          break;
        std::size_t len = 1;
        if (seg_kind(seg_decode(s_, j, len)) == CharKind::space)
          break;
        j += len;
      }
      if (j > i) {
        text.append(s_, i, j - i);
        ++words;
        i = j;
      }
      // White space: one space, or none inside a word broken with a hyphen over two lines
      // ("sociaal-\nculturele").
      bool newline = false;
      while (i < end) {
        const auto c = static_cast<unsigned char>(s_[i]);
        if (c < 0x80) {
          if (!kRunStop[c])
            break;
          newline |= c == '\n';
          ++i;
          continue;
        }
        std::size_t len = 1;
        if (seg_kind(seg_decode(s_, i, len)) != CharKind::space)
          break;
        i += len;
      }
      if (i < end) {
        const std::size_t n = text.size();
        const bool glued = newline && n >= 2 && text[n - 1] == '-' && text[n - 2] != ' ' &&
                           s_[i] >= 'a' && s_[i] <= 'z';
        if (glued)
          --words;
        else
          text += ' ';
      }
    }
    return words;
  }

  /// Adds the segment s_[begin, end) (trimmed), split further if it runs on past the word
  /// limit. `clean`: the range lies in one line spaced by single ASCII spaces.
  void emit(std::size_t begin, std::size_t end, bool bullet, bool heading, bool clean,
            bool may_split = true) {
    while (begin < end && seg_is_blank_byte(s_[begin]))
      ++begin;
    while (end > begin && seg_is_blank_byte(s_[end - 1]))
      --end;
    if (begin == end || !has_letter(begin, end))
      return;
    Segment seg;
    const int words = collapse(begin, end, clean, seg.text);
    if (words > kMaxSegmentWords && may_split) {
      split_long(begin, end, bullet, clean);
      return;
    }
    seg.begin = begin;
    seg.end = end;
    seg.line = static_cast<int>(line_at(begin)) + 1;
    seg.bullet = bullet;
    seg.heading = heading;
    out_.push_back(std::move(seg));
  }

  /// Splits a run-on segment at the ';', else the " - ", else the ", " nearest its middle (by
  /// words), else at the middle word.
  void split_long(std::size_t begin, std::size_t end, bool bullet, bool clean) {
    thread_local std::vector<std::size_t> word_starts;
    word_starts.clear();
    bool in_word = false;
    for (std::size_t i = begin; i < end; ++i) {
      const bool space = seg_is_blank_byte(s_[i]);
      if (!space && !in_word)
        word_starts.push_back(i);
      in_word = !space;
    }
    if (word_starts.size() < 2) {
      emit(begin, end, bullet, false, clean, false);
      return;
    }
    const std::size_t middle = word_starts.size() / 2;
    // A very long run-on is cut in its middle half only, so that the halves shrink
    // geometrically: a break near one end would cut off a few words per round, quadratic work.
    const std::size_t reach = word_starts.size() > 4 * static_cast<std::size_t>(kMaxSegmentWords)
                                  ? word_starts.size() / 4
                                  : SIZE_MAX;
    // For each kind of break, the word after the break nearest the middle.
    std::size_t best[3] = {0, 0, 0};
    std::size_t best_distance[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (std::size_t w = 1; w < word_starts.size(); ++w) {
      std::size_t e = word_starts[w];  // back over the space to the end of the word before
      while (e > word_starts[w - 1] && seg_is_blank_byte(s_[e - 1]))
        --e;
      const char last = s_[e - 1];
      const std::size_t ws = word_starts[w - 1];
      const bool dash =
          (e - ws == 1 && s_[ws] == '-') || (e - ws == 3 && seg_has(s_, ws, "\u2013"));
      int kind = -1;
      if (last == ';')
        kind = 0;
      else if (dash)
        kind = 1;
      else if (last == ',')
        kind = 2;
      if (kind < 0)
        continue;
      const std::size_t d = w > middle ? w - middle : middle - w;
      if (d <= reach && d < best_distance[kind]) {
        best_distance[kind] = d;
        best[kind] = w;
      }
    }
    std::size_t cut = middle;
    for (int kind = 0; kind < 3; ++kind) {
      if (best_distance[kind] != SIZE_MAX) {
        cut = best[kind];
        break;
      }
    }
    const std::size_t right_begin = word_starts[cut];
    std::size_t left_end = right_begin;
    // A dash standing alone between two clauses belongs to neither.
    if (const std::size_t ws = word_starts[cut - 1];
        (s_[ws] == '-' && seg_is_blank_byte(s_[ws + 1])) ||
        (seg_has(s_, ws, "\u2013") && seg_is_blank_byte(s_[ws + 3])))
      left_end = ws;
    emit(begin, left_end, bullet, false, clean);
    emit(right_begin, end, bullet, false, clean);
  }

  std::string_view s_;
  std::vector<Segment>& out_;
  const std::vector<Line>* lines_ = nullptr;
  const std::vector<std::uint32_t>* candidates_ = nullptr;
  std::size_t line_cursor_ = 0;
  std::size_t cand_cursor_ = 0;
  bool telegram_ = false;
};

}  // namespace
}  // namespace segmenter_detail

std::vector<Segment> segment_text(std::string_view text) {
  // Offsets are kept in 32 bits: extracted texts are far below 4 GiB (kMaxInputBytes).
  if (text.size() > UINT32_MAX)
    text = text.substr(0, UINT32_MAX);
  std::vector<Segment> out;
  out.reserve(text.size() / 80 + 4);
  segmenter_detail::Segmenter(text, out).run();
  return out;
}

}  // namespace vakkaart::analysis
