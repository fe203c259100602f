#include "exports/function_document.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "text/text_utils.h"

namespace vakkaart::exports {

namespace {

/// The fixed words of a function document, per language.
struct Labels {
  const char* function_profile;
  const char* organisation;
  const char* status;
  const char* draft;
  const char* final;
  const char* version;
  const char* created;
  const char* updated;
  const char* ring_model;
  const char* purpose;
  const char* context;
  const char* weights;
  const char* block;
  const char* cluster;
  const char* share;
  const char* total;
  const char* original;
  const char* source;
  const char* own_text;
  const char* main_activity;
  const char* competence;
  const char* version_word;
  const char* other;
  const char* unplaced;
  const char* knowledge;
  const char* page;
  const char* months[12];
};

constexpr Labels kDutch = {"Functieprofiel",
                           "Organisatie",
                           "Status",
                           "ontwerp",
                           "definitief",
                           "Versie",
                           "Aangemaakt",
                           "Bijgewerkt",
                           "Ringmodel",
                           "Doel",
                           "Context",
                           "Tijdsbesteding",
                           "Blok",
                           "Cluster",
                           "Tijd (%)",
                           "Totaal",
                           "Oorspronkelijk",
                           "Bron",
                           "Eigen tekst van de organisatie",
                           "hoofdactiviteit",
                           "competentie",
                           "versie",
                           "Overige",
                           "Niet ingedeeld",
                           "Kennis",
                           "pagina",
                           {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                            "augustus", "september", "oktober", "november", "december"}};

constexpr Labels kEnglish = {"Function profile",
                             "Organisation",
                             "Status",
                             "draft",
                             "final",
                             "Version",
                             "Created",
                             "Updated",
                             "Ring model",
                             "Purpose",
                             "Context",
                             "Time allocation",
                             "Block",
                             "Cluster",
                             "Time (%)",
                             "Total",
                             "Original",
                             "Source",
                             "Own text of the organisation",
                             "main activity",
                             "competence",
                             "version",
                             "Other",
                             "Not placed",
                             "Knowledge",
                             "page",
                             {"January", "February", "March", "April", "May", "June", "July",
                              "August", "September", "October", "November", "December"}};

const std::string kSeparator = " \u00b7 ";  // middle dot between parts of one line

/// "2024-03-05T10:00:00Z" -> "5 maart 2024"; anything else is shown as it is.
std::string display_date(const std::string& iso, const Labels& labels) {
  int year = 0, month = 0, day = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return iso;
  return std::to_string(day) + " " + labels.months[month - 1] + " " + std::to_string(year);
}

/// Whole percentages without decimals; others with one, using the language's decimal mark.
std::string format_weight(double weight, bool english) {
  const double rounded = std::round(weight * 10) / 10;
  if (std::fabs(rounded - std::round(rounded)) < 1e-9)
    return std::to_string(static_cast<long long>(std::llround(rounded)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", rounded);
  std::string s = buf;
  if (!english)
    std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

/// Splits free text into paragraphs at line breaks, dropping blank lines.
std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  for (auto line : text::split(text, '\n')) {
    auto trimmed = text::trim(line);
    if (!trimmed.empty())
      out.emplace_back(trimmed);
  }
  return out;
}

std::string cluster_title(const model::Framework* framework, const std::string& cluster_id) {
  if (framework) {
    if (const auto* c = framework->find_cluster(cluster_id))
      return c->title;
  }
  return cluster_id;
}

/// "Bron: Gemeenschapswerker · Afwegen - kiezen - ontwerpen · hoofdactiviteit 2 (versie …)".
std::string provenance(const model::FunctionBlock& block, const model::Framework* framework,
                       const Labels& labels) {
  if (!block.source)
    return labels.own_text;
  const auto& s = *block.source;
  std::string line = std::string(labels.source) + ": ";
  line += s.item_title.empty() ? s.ref : s.item_title;
  std::string unit;
  if (s.kind == model::SourceKind::profile) {
    if (!s.cluster_id.empty())
      line += kSeparator + cluster_title(framework, s.cluster_id);
    unit = labels.main_activity;
  } else {
    if (!s.item_id.empty())
      line += " (" + s.item_id + ")";
    unit = labels.competence;
  }
  if (s.position > 0) {
    line += kSeparator + unit + " " + std::to_string(s.position);
    // The source's own title only adds something once the block heading was reworded.
    if (!s.title.empty() && s.title != block.title)
      line += ": " + s.title;
  }
  // A profile's version is a content fingerprint, which tells a reader nothing: name the
  // framework edition instead. A qualification's version is its own number.
  if (s.kind == model::SourceKind::profile) {
    if (framework && framework->id == s.framework_id && !framework->title.empty())
      line +=
          " (" + framework->title + (framework->date.empty() ? "" : ", " + framework->date) + ")";
  } else if (!s.version.empty()) {
    line += " (" + std::string(labels.version_word) + " " + s.version + ")";
  }
  return line;
}

void add_block(FunctionDocument& doc, const model::FunctionBlock& block,
               const model::Framework* framework, const Labels& labels,
               const ExportOptions& options) {
  doc.nodes.emplace_back(Heading{4, block.title});
  if (options.sources)
    doc.nodes.emplace_back(Paragraph{provenance(block, framework, labels), ParagraphStyle::note});
  // What the job does, then (for a competence) what it needs to know: two lists, not one.
  BulletList activities, knowledge;
  for (const auto& item : block.items) {
    ListItem li{item.text(), ""};
    if (options.originals && item.wording && !item.is_own() && *item.wording != item.original)
      li.note = std::string(labels.original) + ": " + item.original;
    (item.kind == "knowledge" ? knowledge : activities).items.push_back(std::move(li));
  }
  if (!activities.items.empty())
    doc.nodes.emplace_back(std::move(activities));
  if (!knowledge.items.empty()) {
    doc.nodes.emplace_back(Paragraph{labels.knowledge, ParagraphStyle::note});
    doc.nodes.emplace_back(std::move(knowledge));
  }
}

/// Blocks of one cluster, in the function's block order.
using Group = std::vector<const model::FunctionBlock*>;

/// Groups by the framework's rings and clusters in model order; returns the blocks left over.
Group add_blocks_by_framework(FunctionDocument& doc, const model::FunctionProfile& f,
                              const model::Framework& framework, const Labels& labels,
                              const ExportOptions& options) {
  std::map<std::string, Group> by_cluster;
  Group rest;
  for (const auto& b : f.blocks) {
    const auto* c = b.cluster_id.empty() ? nullptr : framework.find_cluster(b.cluster_id);
    if (c && framework.find_layer(c->layer_id))
      by_cluster[c->id].push_back(&b);
    else
      rest.push_back(&b);
  }
  for (const auto& layer : framework.layers) {
    bool layer_shown = false;
    for (const auto& cluster : framework.clusters) {
      auto it = by_cluster.find(cluster.id);
      if (cluster.layer_id != layer.id || it == by_cluster.end())
        continue;
      if (!layer_shown) {
        doc.nodes.emplace_back(Heading{2, layer.title});
        layer_shown = true;
      }
      doc.nodes.emplace_back(Heading{3, cluster.title});
      for (const auto* b : it->second)
        add_block(doc, *b, &framework, labels, options);
    }
  }
  return rest;
}

/// Groups by the blocks' own layer and cluster ids, in order of first appearance.
Group add_blocks_by_ids(FunctionDocument& doc, const model::FunctionProfile& f,
                        const Labels& labels, const ExportOptions& options) {
  std::vector<std::string> layers;
  std::map<std::string, std::vector<std::string>> clusters;  // per layer, first appearance
  std::map<std::pair<std::string, std::string>, Group> groups;
  Group rest;
  for (const auto& b : f.blocks) {
    if (b.layer_id.empty() || b.cluster_id.empty()) {
      rest.push_back(&b);
      continue;
    }
    if (std::find(layers.begin(), layers.end(), b.layer_id) == layers.end())
      layers.push_back(b.layer_id);
    auto& cs = clusters[b.layer_id];
    if (std::find(cs.begin(), cs.end(), b.cluster_id) == cs.end())
      cs.push_back(b.cluster_id);
    groups[{b.layer_id, b.cluster_id}].push_back(&b);
  }
  for (const auto& layer : layers) {
    doc.nodes.emplace_back(Heading{2, layer});
    for (const auto& cluster : clusters[layer]) {
      doc.nodes.emplace_back(Heading{3, cluster});
      for (const auto* b : groups[{layer, cluster}])
        add_block(doc, *b, nullptr, labels, options);
    }
  }
  return rest;
}

/// Blocks outside the model, under "Overige", grouped by the cluster id they name (if any).
void add_other_blocks(FunctionDocument& doc, const Group& rest, const Labels& labels,
                      const ExportOptions& options) {
  if (rest.empty())
    return;
  doc.nodes.emplace_back(Heading{2, labels.other});
  std::vector<std::string> order;
  std::map<std::string, Group> by_cluster;
  for (const auto* b : rest) {
    if (!by_cluster.count(b->cluster_id))
      order.push_back(b->cluster_id);
    by_cluster[b->cluster_id].push_back(b);
  }
  for (const auto& cluster : order) {
    // A heading level 3 keeps the outline regular: blocks are always level 4.
    doc.nodes.emplace_back(Heading{3, cluster.empty() ? std::string(labels.unplaced) : cluster});
    for (const auto* b : by_cluster[cluster])
      add_block(doc, *b, nullptr, labels, options);
  }
}

Table weights_table(const model::FunctionProfile& f, const model::Framework* framework,
                    const Labels& labels, bool english) {
  Table t;
  t.header = {labels.block, labels.cluster, labels.share};
  t.widths = {0.55, 0.33, 0.12};
  t.numeric = {false, false, true};
  double sum = 0;
  for (const auto& b : f.blocks) {
    if (!b.weight)
      continue;
    sum += *b.weight;
    std::string cluster = b.cluster_id.empty() ? "\u2013" : cluster_title(framework, b.cluster_id);
    t.rows.push_back({b.title, cluster, format_weight(*b.weight, english)});
  }
  t.total = {labels.total, "", format_weight(sum, english)};
  return t;
}

}  // namespace

FunctionDocument build_function_document(const model::FunctionProfile& f,
                                         const model::Framework* framework,
                                         const std::string& lang) {
  ExportOptions options;
  options.lang = lang;
  return build_function_document(f, framework, options);
}

FunctionDocument build_function_document(const model::FunctionProfile& f,
                                         const model::Framework* framework,
                                         const ExportOptions& options) {
  const bool english = options.lang == "en";
  const Labels& labels = english ? kEnglish : kDutch;
  FunctionDocument doc;
  auto& meta = doc.meta;
  meta.title = f.title;
  meta.author = f.organisation;
  meta.status = f.status == model::FunctionStatus::final ? labels.final : labels.draft;
  meta.version = f.version;
  meta.created = f.created;
  meta.updated = f.updated;
  meta.language = english ? "en" : "nl";
  meta.page_label = labels.page;
  {
    auto purpose = paragraphs_of(f.purpose);
    meta.subject = purpose.empty() ? labels.function_profile : text::collapse_whitespace(f.purpose);
  }
  meta.keywords.push_back(text::to_lower(labels.function_profile));
  auto add_keyword = [&](const std::string& k) {
    if (!k.empty() &&
        std::find(meta.keywords.begin(), meta.keywords.end(), k) == meta.keywords.end())
      meta.keywords.push_back(k);
  };
  add_keyword(f.organisation);
  if (framework)
    add_keyword(framework->title);
  for (const auto& b : f.blocks) {
    if (b.source)
      add_keyword(b.source->item_title);
  }

  doc.nodes.emplace_back(Heading{1, f.title});
  if (!f.organisation.empty()) {
    doc.nodes.emplace_back(
        Paragraph{std::string(labels.organisation) + ": " + f.organisation, ParagraphStyle::meta});
  }
  doc.nodes.emplace_back(Paragraph{std::string(labels.status) + ": " + meta.status + kSeparator +
                                       labels.version + " " + std::to_string(f.version),
                                   ParagraphStyle::meta});
  std::string dates;
  if (!f.created.empty())
    dates = std::string(labels.created) + ": " + display_date(f.created, labels);
  if (!f.updated.empty() && f.updated != f.created) {
    dates +=
        (dates.empty() ? "" : kSeparator) + labels.updated + ": " + display_date(f.updated, labels);
  }
  if (!dates.empty())
    doc.nodes.emplace_back(Paragraph{dates, ParagraphStyle::meta});
  if (framework && !framework->title.empty()) {
    doc.nodes.emplace_back(
        Paragraph{std::string(labels.ring_model) + ": " + framework->title, ParagraphStyle::meta});
  }

  for (const auto& [label, body] :
       {std::pair{labels.purpose, &f.purpose}, std::pair{labels.context, &f.context}}) {
    auto paragraphs = paragraphs_of(*body);
    if (paragraphs.empty())
      continue;
    doc.nodes.emplace_back(Heading{2, label});
    for (auto& p : paragraphs)
      doc.nodes.emplace_back(Paragraph{std::move(p), ParagraphStyle::normal});
  }

  const bool weighted =
      std::any_of(f.blocks.begin(), f.blocks.end(), [](const auto& b) { return b.weight; });
  if (weighted && options.weights) {
    doc.nodes.emplace_back(Heading{2, labels.weights});
    doc.nodes.emplace_back(weights_table(f, framework, labels, english));
  }

  const Group rest = framework ? add_blocks_by_framework(doc, f, *framework, labels, options)
                               : add_blocks_by_ids(doc, f, labels, options);
  add_other_blocks(doc, rest, labels, options);
  return doc;
}

std::string utc_timestamp(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3)
    return "";
  if (iso.size() >= 19)
    std::sscanf(iso.c_str() + 10, "T%2d:%2d:%2d", &h, &mi, &sec);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, sec);
  return buf;
}

}  // namespace vakkaart::exports
