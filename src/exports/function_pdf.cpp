#include "exports/function_pdf.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/error.h"
#include "text/utf8.h"

namespace vakkaart::exports {

namespace {

// A4 in points, 2 cm margins all round; header and footer sit in the margins.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.69;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kContentHeight = kPageHeight - 2 * kMargin;
constexpr double kHeaderBaseline = 34;
constexpr double kFooterTop = kPageHeight - 40;

constexpr const char* kFont = "DejaVu Sans";

struct Colour {
  double r, g, b;
};

constexpr Colour kInk = {0.10, 0.10, 0.10};
constexpr Colour kAccent = {0.114, 0.306, 0.475};  // #1d4e79
constexpr Colour kGrey = {0.40, 0.40, 0.40};
constexpr Colour kMetaGrey = {0.33, 0.33, 0.33};
constexpr Colour kRule = {0.79, 0.83, 0.87};  // #c9d3dd
constexpr Colour kStrongRule = {0.36, 0.44, 0.51};
constexpr Colour kHeaderFill = {0.933, 0.949, 0.965};  // #eef2f6

/// How a run of text is set. Sizes are in points (the cairo PDF unit).
struct TextStyle {
  double size;
  bool bold = false;
  bool italic = false;
  Colour colour = kInk;
};

constexpr TextStyle kTitle = {17, true, false, kInk};
constexpr TextStyle kMeta = {8.5, false, false, kMetaGrey};
constexpr TextStyle kH2 = {12, true, false, kAccent};
constexpr TextStyle kH3 = {10.5, true, false, kAccent};
constexpr TextStyle kH4 = {9.8, true, false, kInk};
constexpr TextStyle kBody = {9.5, false, false, kInk};
constexpr TextStyle kNote = {7.8, false, true, kGrey};
constexpr TextStyle kItemNote = {8, false, true, kGrey};
constexpr TextStyle kCell = {9, false, false, kInk};
constexpr TextStyle kCellBold = {9, true, false, kInk};
constexpr TextStyle kRunning = {7.5, false, false, kGrey};

constexpr double kBulletIndent = 12;
constexpr double kCellPadX = 4;
constexpr double kCellPadY = 2.2;

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};

void unref_object(PangoLayout* layout) {
  g_object_unref(layout);
}
void unref_context(PangoContext* context) {
  g_object_unref(context);
}

using Layout = std::shared_ptr<PangoLayout>;
using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;
using Context = std::unique_ptr<PangoContext, Deleter<PangoContext, unref_context>>;

[[noreturn]] void cairo_fail(const char* what, cairo_status_t status) {
  throw Error(ErrorCode::internal, std::string("writing the pdf failed: ") + what + ": " +
                                       cairo_status_to_string(status));
}

void set_colour(cairo_t* cr, const Colour& c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/// Makes and owns pango layouts for one document.
class Typesetter {
 public:
  explicit Typesetter(PangoContext* context) : context_(context) {}

  Layout layout(const std::string& text, const TextStyle& style, double width,
                PangoAlignment align = PANGO_ALIGN_LEFT) const {
    Layout layout(pango_layout_new(context_), unref_object);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family_static(font, kFont);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    // Words break at spaces; only a word longer than the line is cut inside.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    // Pango draws garbage for invalid UTF-8 (replacement characters at least show where) and a
    // box for a control character or noncharacter (text/utf8.h), which carry nothing.
    pango_layout_set_text(layout.get(), text::without_forbidden_characters(text).c_str(), -1);
    return layout;
  }

 private:
  PangoContext* context_;
};

double height_of(const Layout& layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void show(cairo_t* cr, const Layout& layout, double x, double y, const Colour& colour) {
  set_colour(cr, colour);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
}

void rule(cairo_t* cr, double x0, double x1, double y, double width, const Colour& colour) {
  set_colour(cr, colour);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

/// One unbreakable piece of the flow, painted with its top at `y` of the content area.
struct Atom {
  double height = 0;
  double space_before = 0;
  /// Moves to the next page together with the atom after it (headings, provenance lines).
  bool keep_with_next = false;
  std::function<void(cairo_t*, double y)> paint;
  int outline_level = 0;  // 0: no bookmark
  std::string outline_text;
};

/// One atom per line of `layout`, so a paragraph can continue on the next page. `first`, if
/// set, is painted with the first line (a bullet).
void add_lines(std::vector<Atom>& atoms, const Layout& layout, double x, const Colour& colour,
               double space_before, const std::function<void(cairo_t*, double)>& first = {}) {
  PangoLayoutIter* it = pango_layout_get_iter(layout.get());
  int index = 0;
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    const double baseline =
        static_cast<double>(pango_layout_iter_get_baseline(it) - y0) / PANGO_SCALE;
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
    Atom a;
    a.height = static_cast<double>(y1 - y0) / PANGO_SCALE;
    a.space_before = index == 0 ? space_before : 0;
    const bool with_first = index == 0 && static_cast<bool>(first);
    a.paint = [layout, line, x, baseline, colour, with_first, first](cairo_t* cr, double y) {
      if (with_first)
        first(cr, y);
      set_colour(cr, colour);
      cairo_move_to(cr, x, y + baseline);
      pango_cairo_show_layout_line(cr, line);
    };
    atoms.push_back(std::move(a));
    ++index;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

// size: 134 lines, one visit per document node kind (heading, paragraph, list, table) sharing
// the page cursor; a split would pass that cursor and five layout metrics to every part. Left
// for the exports work that adds more document kinds.
/// Turns the document into atoms, in reading order.
std::vector<Atom> typeset(const FunctionDocument& doc, const Typesetter& ts) {
  std::vector<Atom> atoms;
  for (std::size_t n = 0; n < doc.nodes.size(); ++n) {
    const auto& node = doc.nodes[n];
    if (const auto* h = std::get_if<Heading>(&node)) {
      const TextStyle& style = h->level <= 1   ? kTitle
                               : h->level == 2 ? kH2
                               : h->level == 3 ? kH3
                                               : kH4;
      const double before = h->level <= 1 ? 0 : h->level == 2 ? 12 : h->level == 3 ? 7 : 5.5;
      auto layout = ts.layout(h->text, style, kContentWidth);
      Atom a;
      a.height = height_of(layout);
      a.space_before = before;
      a.keep_with_next = true;
      const bool ruled = h->level == 2;
      if (ruled)
        a.height += 3.5;  // room for the rule under a ring heading
      else if (h->level <= 1)
        a.height += 3;
      a.paint = [layout, ruled, colour = style.colour, height = a.height](cairo_t* cr, double y) {
        show(cr, layout, kMargin, y, colour);
        if (ruled)
          rule(cr, kMargin, kMargin + kContentWidth, y + height - 1.2, 0.6, kRule);
      };
      if (h->level >= 2) {
        a.outline_level = h->level - 1;
        a.outline_text = h->text;
      }
      atoms.push_back(std::move(a));
    } else if (const auto* p = std::get_if<Paragraph>(&node)) {
      if (p->style == ParagraphStyle::normal) {
        add_lines(atoms, ts.layout(p->text, kBody, kContentWidth), kMargin, kBody.colour, 3);
        continue;
      }
      const TextStyle& style = p->style == ParagraphStyle::meta ? kMeta : kNote;
      auto layout = ts.layout(p->text, style, kContentWidth);
      Atom a;
      a.height = height_of(layout) + (p->style == ParagraphStyle::note ? 1.5 : 0);
      a.space_before = p->style == ParagraphStyle::meta ? 1 : 0.5;
      // A provenance line belongs to the list under it.
      a.keep_with_next = p->style == ParagraphStyle::note;
      a.paint = [layout, colour = style.colour](cairo_t* cr, double y) {
        show(cr, layout, kMargin, y, colour);
      };
      atoms.push_back(std::move(a));
    } else if (const auto* l = std::get_if<BulletList>(&node)) {
      const double text_x = kMargin + kBulletIndent;
      const double width = kContentWidth - kBulletIndent;
      auto bullet = ts.layout("\u2022", kBody, kBulletIndent);
      for (std::size_t i = 0; i < l->items.size(); ++i) {
        const auto& item = l->items[i];
        auto text = ts.layout(item.text, kBody, width);
        Layout note = item.note.empty() ? nullptr : ts.layout(item.note, kItemNote, width);
        const double text_height = height_of(text);
        const double total = text_height + (note ? height_of(note) + 0.5 : 0);
        const double before = i == 0 ? 2 : 1.6;
        auto paint_bullet = [bullet](cairo_t* cr, double y) {
          show(cr, bullet, kMargin + 3, y, kBody.colour);
        };
        if (total + before > kContentHeight) {
          // Taller than a page: the only case where a statement may be split, line by line.
          add_lines(atoms, text, text_x, kBody.colour, before, paint_bullet);
          if (note)
            add_lines(atoms, note, text_x, kItemNote.colour, 0.5);
          continue;
        }
        Atom a;
        a.height = total;
        a.space_before = before;
        a.paint = [=](cairo_t* cr, double y) {
          paint_bullet(cr, y);
          show(cr, text, text_x, y, kBody.colour);
          if (note)
            show(cr, note, text_x, y + text_height + 0.5, kItemNote.colour);
        };
        atoms.push_back(std::move(a));
      }
      if (!atoms.empty())
        atoms.back().height += 2;  // air after the list
    } else if (const auto* t = std::get_if<Table>(&node)) {
      const std::size_t columns = t->header.size();
      std::vector<double> x(columns + 1, kMargin);
      for (std::size_t c = 0; c < columns; ++c) {
        const double share =
            c < t->widths.size() ? t->widths[c] : 1.0 / static_cast<double>(columns);
        x[c + 1] = x[c] + share * kContentWidth;
      }
      x[columns] = kMargin + kContentWidth;
      enum class Kind { header, body, total };
      auto add_row = [&](const std::vector<std::string>& cells, Kind kind, bool last_body) {
        std::vector<Layout> layouts;
        double height = 0;
        for (std::size_t c = 0; c < columns; ++c) {
          const bool numeric = c < t->numeric.size() && t->numeric[c];
          auto layout = ts.layout(
              c < cells.size() ? cells[c] : "", kind == Kind::body ? kCell : kCellBold,
              x[c + 1] - x[c] - 2 * kCellPadX, numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          height = std::max(height, height_of(layout));
          layouts.push_back(std::move(layout));
        }
        height += 2 * kCellPadY;
        Atom a;
        a.height = height;
        a.space_before = kind == Kind::header ? 3 : 0;
        a.keep_with_next = kind == Kind::header;
        a.paint = [layouts, x, kind, height, last_body](cairo_t* cr, double y) {
          if (kind == Kind::header) {
            set_colour(cr, kHeaderFill);
            cairo_rectangle(cr, x.front(), y, x.back() - x.front(), height);
            cairo_fill(cr);
          }
          for (std::size_t c = 0; c < layouts.size(); ++c)
            show(cr, layouts[c], x[c] + kCellPadX, y + kCellPadY, kInk);
          if (kind == Kind::header)
            rule(cr, x.front(), x.back(), y, 0.6, kStrongRule);
          if (kind == Kind::total)
            rule(cr, x.front(), x.back(), y, 1.0, kStrongRule);
          rule(cr, x.front(), x.back(), y + height,
               kind == Kind::header || kind == Kind::total || last_body ? 0.6 : 0.4,
               kind == Kind::body && !last_body ? kRule : kStrongRule);
        };
        atoms.push_back(std::move(a));
      };
      add_row(t->header, Kind::header, false);
      for (std::size_t r = 0; r < t->rows.size(); ++r)
        add_row(t->rows[r], Kind::body, r + 1 == t->rows.size() && t->total.empty());
      if (!t->total.empty())
        add_row(t->total, Kind::total, false);
      atoms.back().height += 4;
    }
  }
  return atoms;
}

/// Where an atom lands: its page (0-based) and the top of its box in page coordinates.
struct Placement {
  int page = 0;
  double y = 0;
};

/// Fills pages top to bottom. An atom that keeps with its successors moves to a new page when
/// the whole chain would not fit (unless the chain is taller than a page anyway).
std::vector<Placement> paginate(const std::vector<Atom>& atoms, int& pages) {
  std::vector<Placement> out(atoms.size());
  int page = 0;
  double y = 0;
  bool empty = true;
  constexpr double kSlack = 0.01;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    const Atom& a = atoms[i];
    double chain = a.height;
    if (a.keep_with_next) {
      for (std::size_t j = i + 1; j < atoms.size(); ++j) {
        chain += atoms[j].space_before + atoms[j].height;
        if (!atoms[j].keep_with_next)
          break;
      }
    }
    if (!empty) {
      const double needed = a.space_before + (chain <= kContentHeight ? chain : a.height);
      if (y + needed > kContentHeight + kSlack) {
        ++page;
        y = 0;
        empty = true;
      }
    }
    if (!empty)
      y += a.space_before;
    out[i] = {page, kMargin + y};
    y += a.height;
    empty = false;
  }
  pages = atoms.empty() ? 1 : page + 1;
  return out;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void set_metadata(cairo_surface_t* surface, const DocumentMeta& m) {
  std::string keywords;
  for (const auto& k : m.keywords)
    keywords += (keywords.empty() ? "" : ", ") + k;
  // cairo refuses the whole document for one noncharacter in its metadata ("input string not
  // valid UTF-8"); a function stored before its texts were checked may hold one.
  const auto set = [surface](cairo_pdf_metadata_t key, const std::string& value) {
    cairo_pdf_surface_set_metadata(surface, key, text::without_forbidden_characters(value).c_str());
  };
  set(CAIRO_PDF_METADATA_TITLE, m.title);
  set(CAIRO_PDF_METADATA_AUTHOR, m.author);
  set(CAIRO_PDF_METADATA_SUBJECT, m.subject);
  set(CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "vakkaart");
  // Fixed dates from the function (not "now") make the same function give the same bytes.
  const std::string created = utc_timestamp(m.created);
  const std::string modified = utc_timestamp(m.updated);
  if (!created.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
  if (!modified.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, modified.c_str());
}

}  // namespace

std::string function_to_pdf(const FunctionDocument& doc) {
  std::string bytes;
  Surface surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &bytes, kPageWidth, kPageHeight));
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
    cairo_fail("surface", status);
  set_metadata(surface.get(), doc.meta);
  Cairo cr(cairo_create(surface.get()));

  Context context(pango_cairo_create_context(cr.get()));
  // Unhinted metrics: the layout is the same at any resolution, as it should be for print.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  pango_context_set_language(context.get(), pango_language_from_string(doc.meta.language.c_str()));
  const Typesetter ts(context.get());

  // Lay out everything first: the footer's page total is known before the first page is painted.
  const std::vector<Atom> atoms = typeset(doc, ts);
  int pages = 1;
  const std::vector<Placement> placed = paginate(atoms, pages);

  auto header = ts.layout(doc.meta.title, kRunning, kContentWidth * 0.62);
  pango_layout_set_ellipsize(header.get(), PANGO_ELLIPSIZE_END);
  auto organisation = ts.layout(doc.meta.author, kRunning, kContentWidth * 0.36, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize(organisation.get(), PANGO_ELLIPSIZE_END);
  const double header_top =
      kHeaderBaseline - static_cast<double>(pango_layout_get_baseline(header.get())) / PANGO_SCALE;

  std::vector<int> outline_parents(4, CAIRO_PDF_OUTLINE_ROOT);
  std::size_t next = 0;
  for (int page = 0; page < pages; ++page) {
    show(cr.get(), header, kMargin, header_top, kRunning.colour);
    show(cr.get(), organisation, kMargin + kContentWidth * 0.64, header_top, kRunning.colour);
    rule(cr.get(), kMargin, kMargin + kContentWidth, kHeaderBaseline + 4, 0.4, kRule);
    auto footer = ts.layout(
        doc.meta.page_label + " " + std::to_string(page + 1) + " / " + std::to_string(pages),
        kRunning, kContentWidth, PANGO_ALIGN_RIGHT);
    show(cr.get(), footer, kMargin, kFooterTop, kRunning.colour);

    for (; next < atoms.size() && placed[next].page == page; ++next) {
      const Atom& a = atoms[next];
      a.paint(cr.get(), placed[next].y);
      if (a.outline_level > 0 && a.outline_level <= 3) {
        char link[96];
        std::snprintf(link, sizeof link, "page=%d pos=[%.1f %.1f]", page + 1, kMargin,
                      placed[next].y);
        const int id = cairo_pdf_surface_add_outline(
            surface.get(), outline_parents[a.outline_level - 1], a.outline_text.c_str(), link,
            a.outline_level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t{});
        outline_parents[a.outline_level] = id;
      }
    }
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
    cairo_fail("finish", status);
  return bytes;
}

}  // namespace vakkaart::exports
