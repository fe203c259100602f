#include <algorithm>
#include <cmath>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "analysis/input/reader_lines.h"
#include "analysis/input/readers.h"
#include "core/error.h"

namespace vakkaart::analysis::input_detail {

namespace {

void pdf_silent(const std::string&, void*) {}

void pdf_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(pdf_silent, nullptr); });
}

std::string pdf_utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

/// A line of text on a PDF page, in poppler's reading order (columns one after the other).
struct PdfLine {
  std::string text;
  double x0 = 0, x1 = 0, top = 0, bottom = 0;
  int page = 0;
  double height() const { return bottom - top; }
};

/// Rebuilds lines from poppler's words: a word continues the line when its middle lies within
/// the line's height and it does not step back to the left.
std::vector<PdfLine> pdf_page_lines(const poppler::page& page, int page_number) {
  std::vector<PdfLine> lines;
  bool space_after = false;
  for (const poppler::text_box& box : page.text_list()) {
    std::string word = pdf_utf8(box.text());
    if (word.empty())
      continue;
    const poppler::rectf r = box.bbox();
    const double top = r.y(), bottom = r.y() + r.height(), mid = (top + bottom) / 2;
    const double x0 = r.x(), x1 = r.x() + r.width();
    PdfLine* line = lines.empty() ? nullptr : &lines.back();
    const bool same_line =
        line && mid > line->top && mid < line->bottom && x0 > line->x1 - 0.5 * line->height();
    if (!same_line) {
      lines.push_back({std::move(word), x0, x1, top, bottom, page_number});
    } else {
      if (space_after || x0 - line->x1 > 0.15 * line->height())
        line->text += ' ';
      line->text += word;
      line->x1 = std::max(line->x1, x1);
      line->top = std::min(line->top, top);
      line->bottom = std::max(line->bottom, bottom);
    }
    space_after = box.has_space_after();
  }
  for (PdfLine& line : lines) {
    // clean_line drops soft hyphens; one that ends the line tells pdf_join to glue the word.
    std::string_view raw = line.text;
    while (!raw.empty() && raw.back() == ' ')
      raw.remove_suffix(1);
    const bool soft_hyphen = raw.ends_with("\u00AD");
    line.text = clean_line(line.text);
    if (soft_hyphen && !line.text.empty())
      line.text += "\u00AD";
  }
  std::erase_if(lines, [](const PdfLine& l) { return l.text.empty(); });
  return lines;
}

/// A line's text with digits folded, to recognise running headers, footers and page numbers.
std::string pdf_running_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#')
        key += '#';
    } else {
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return key;
}

bool pdf_page_number(std::string_view key) {
  return in_list(key,
                 {"#", "# / #", "#/#", "- # -", "-#-", "pagina #", "pagina # van #", "pagina #/#",
                  "page #", "page # of #", "p. #", "blz. #", "p#", "pag. #", "# van #"});
}

/// Drops page numbers and running headers/footers: lines among the first or last two of a page
/// that (digits aside) recur in that place on at least half of the pages.
void pdf_drop_running_lines(std::vector<std::vector<PdfLine>>& pages) {
  const auto edge = [](const std::vector<PdfLine>& lines, std::size_t i) {
    return i < 2 || i + 2 >= lines.size();
  };
  std::unordered_map<std::string, int> seen;
  for (const auto& lines : pages) {
    std::unordered_set<std::string> here;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (edge(lines, i))
        here.insert(pdf_running_key(lines[i].text));
    for (const std::string& key : here)
      ++seen[key];
  }
  const int pages_count = static_cast<int>(pages.size());
  for (auto& lines : pages) {
    std::vector<PdfLine> kept;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (edge(lines, i)) {
        const std::string key = pdf_running_key(lines[i].text);
        if (pdf_page_number(key))
          continue;
        const int n = seen[key];
        if (pages_count >= 2 && n >= 2 && 2 * n >= pages_count)
          continue;
      }
      kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }
}

/// "1. ", "2) ", "a) ": the length of the number that opens a numbered item (with its
/// spaces), or 0.
std::size_t pdf_number_length(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < 3 && text[i] >= '0' && text[i] <= '9')
    ++i;
  if (i == 0 && text.size() > 1 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ')')
    i = 1;
  if (i == 0 || i + 1 >= text.size() || (text[i] != '.' && text[i] != ')') || text[i + 1] != ' ')
    return 0;
  i += 2;
  while (i < text.size() && text[i] == ' ')
    ++i;
  return i < text.size() ? i : 0;
}

bool pdf_ends_sentence(std::string_view text) {
  const char32_t last = last_code_point(text);
  return last == '.' || last == '!' || last == '?' || last == 0x2026 || last == ';' || last == ':';
}

/// Longer "words" are not looked up to tell a line-break hyphen from a compound's.
constexpr std::size_t kPdfMaxWordBytes = 64;

/// Joins the lines of a paragraph. A hyphen at the end of a line stays (Dutch writes compounds
/// with hyphens: "sociaal-culturele") unless it is a soft hyphen, or the document spells the
/// joined word without it elsewhere.
void pdf_join(std::string& paragraph, std::string_view next,
              const std::unordered_set<std::string>& words) {
  std::size_t start = 0;
  const char32_t last = last_code_point(paragraph, &start);
  if (last == 0xAD) {
    paragraph.erase(start);
    paragraph += next;
    return;
  }
  if (last == '-' && paragraph.size() >= 2 && starts_lower(next)) {
    std::size_t prev_start = 0;
    const char32_t before =
        last_code_point(std::string_view(paragraph).substr(0, start), &prev_start);
    if (is_letter_code_point(before)) {
      // Look back a word's length at most: a paragraph of one endless "word" joined line by
      // line would otherwise be searched from its end to its start at every line.
      const std::size_t horizon = start > kPdfMaxWordBytes ? start - kPdfMaxWordBytes : 0;
      std::size_t word_start = start;
      while (word_start > horizon && paragraph[word_start - 1] != ' ')
        --word_start;
      const std::string head = paragraph.substr(word_start, start - word_start);
      const std::string_view tail = next.substr(0, next.find(' '));
      std::string joined = head + std::string(tail);
      while (!joined.empty() &&
             std::string_view(".,;:!?)").find(joined.back()) != std::string_view::npos)
        joined.pop_back();
      if (words.count(joined) && !words.count(head + "-" + joined.substr(head.size())))
        paragraph.erase(start);
      paragraph += next;
      return;
    }
  }
  paragraph += ' ';
  paragraph += next;
}

/// The words of a document (punctuation trimmed), to tell a hyphenated line break from a
/// compound's hyphen.
std::unordered_set<std::string> pdf_word_set(const std::vector<std::vector<PdfLine>>& pages) {
  std::unordered_set<std::string> words;
  for (const auto& lines : pages) {
    for (const PdfLine& line : lines) {
      std::string_view t = line.text;
      while (!t.empty()) {
        const std::size_t sp = t.find(' ');
        std::string_view w = t.substr(0, sp);
        while (!w.empty() && std::string_view("\"'(").find(w.front()) != std::string_view::npos)
          w.remove_prefix(1);
        while (!w.empty() &&
               std::string_view(".,;:!?)\"'").find(w.back()) != std::string_view::npos)
          w.remove_suffix(1);
        if (!w.empty())
          words.emplace(w);
        if (sp == std::string_view::npos)
          break;
        t.remove_prefix(sp + 1);
      }
    }
  }
  return words;
}

/// The usual distance from one line's top to the next on a page (median over lines of the same
/// height), the yardstick for paragraph gaps.
double pdf_line_pitch(const std::vector<PdfLine>& lines) {
  std::vector<double> pitches;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const PdfLine &a = lines[i - 1], &b = lines[i];
    const double pitch = b.top - a.top;
    if (pitch > 0 && pitch < 3 * a.height() && std::abs(a.height() - b.height()) < 0.1 * a.height())
      pitches.push_back(pitch);
  }
  if (pitches.empty())
    return lines.empty() ? 0 : 1.2 * lines.front().height();
  const auto middle = pitches.begin() + static_cast<std::ptrdiff_t>(pitches.size() / 2);
  std::nth_element(pitches.begin(), middle, pitches.end());
  return *middle;
}

/// Assembles paragraphs from lines. Lines belong to one paragraph when no gap, column change
/// or font size change separates them and the text agrees: the next line starts lower case
/// after a line that does not end a sentence, or the line runs to the right margin.
std::string pdf_paragraphs(std::vector<std::vector<PdfLine>>& pages) {
  const std::unordered_set<std::string> words = pdf_word_set(pages);
  LineWriter w;
  std::string paragraph;
  bool item = false;            // the paragraph is a list item
  double paragraph_x0 = 0;      // left edge of the paragraph's first line (an item's bullet)
  bool pending_bullet = false;  // a bullet drawn apart from its text, on a line of its own
  double pending_bullet_x0 = 0;
  const PdfLine* prev = nullptr;

  const auto flush = [&] {
    if (!paragraph.empty()) {
      if (item)
        w.begin_item();
      w.text(paragraph);
      item ? w.end_item() : w.end_line();
    }
    paragraph.clear();
    item = false;
  };

  for (auto& lines : pages) {
    const double pitch = pdf_line_pitch(lines);
    // The width of the runs of lines (blocks without gaps): a line reaching its block's right
    // edge was wrapped there.
    std::vector<double> run_left(lines.size()), run_right(lines.size());
    double page_left = 1e9, page_right = -1e9;
    for (const PdfLine& l : lines) {
      page_left = std::min(page_left, l.x0);
      page_right = std::max(page_right, l.x1);
    }
    const auto gap_between = [&](const PdfLine& a, const PdfLine& b) {
      const double step = b.top - a.top;
      return step < 0.3 * a.height() || step > 1.35 * pitch + 0.5 ||
             std::abs(a.height() - b.height()) > 0.15 * std::max(a.height(), b.height());
    };
    for (std::size_t i = 0; i < lines.size();) {
      std::size_t j = i + 1;
      while (j < lines.size() && !gap_between(lines[j - 1], lines[j]))
        ++j;
      double left = 1e9, right = -1e9;
      for (std::size_t k = i; k < j; ++k) {
        left = std::min(left, lines[k].x0);
        right = std::max(right, lines[k].x1);
      }
      for (std::size_t k = i; k < j; ++k) {
        run_left[k] = left;
        run_right[k] = right;
      }
      i = j;
    }

    for (std::size_t i = 0; i < lines.size(); ++i) {
      PdfLine& line = lines[i];
      std::string_view text = line.text;
      const std::size_t glyph = bullet_marker_length(text);
      if (glyph > 0 && glyph == text.size()) {
        flush();
        pending_bullet = true;
        pending_bullet_x0 = line.x0;
        prev = &line;
        continue;
      }
      const std::size_t marker = glyph > 0 ? glyph : pdf_number_length(text);
      const bool starts_item = marker > 0 || pending_bullet;
      bool join = false;
      if (prev && !paragraph.empty() && !starts_item && last_code_point(paragraph) != ':') {
        const bool lower = starts_lower(text) && !pdf_ends_sentence(paragraph);
        if (prev->page != line.page) {
          join = lower;
        } else if (!gap_between(*prev, line)) {
          const double run_width = run_right[i] - run_left[i];
          const bool wide =
              prev->x1 >= run_right[i] - std::max(0.1 * run_width, 2 * prev->height()) &&
              run_width >= 0.35 * (page_right - page_left);
          const bool flush_left = std::abs(line.x0 - paragraph_x0) < prev->height();
          if (item)
            join = line.x0 > paragraph_x0 + 0.5 * prev->height() || lower;
          else
            join = lower || (wide && flush_left);
        }
      }
      if (!join) {
        flush();
        paragraph_x0 = line.x0;
        item = starts_item;
        text.remove_prefix(marker);
        if (pending_bullet)
          paragraph_x0 = std::min(paragraph_x0, pending_bullet_x0);
        pending_bullet = false;
        paragraph = std::string(text);
      } else {
        pdf_join(paragraph, text, words);
      }
      prev = &line;
    }
  }
  flush();
  return w.finish();
}

}  // namespace

std::string read_pdf(std::string_view bytes, const std::string& file_name) {
  pdf_init_once();
  const Location where{file_name, 0, ""};
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    throw Error(ErrorCode::parse_error, "cannot open this PDF (damaged or not a PDF)", where);
  if (doc->is_locked())
    throw Error(ErrorCode::parse_error, "this PDF is encrypted (password protected)", where);
  std::vector<std::vector<PdfLine>> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page)
      pages.push_back(pdf_page_lines(*page, i));
  }
  pdf_drop_running_lines(pages);
  return pdf_paragraphs(pages);
}

}  // namespace vakkaart::analysis::input_detail
