#pragma once

#include <functional>
#include <string>
#include <vector>

#include "exchange/rdf_graph.h"
#include "model/alignment.h"
#include "model/framework.h"
#include "model/qualification.h"

namespace vakkaart::exchange {

/// A label in one language. `preferred`: skos:prefLabel (at most one per language); else
/// skos:altLabel.
struct SkosLabel {
  std::string language;
  std::string text;
  bool preferred = true;
};

/// How a SKOS export names things and which labels it writes.
struct SkosOptions {
  /// IRIs are `<base_url>/<path>` (the server passes its public URL); empty gives
  /// `urn:vakkaart:<path>`, which needs no host and so keeps a file export host-independent.
  std::string base_url;
  /// The language of the model's own texts (its titles are Dutch).
  std::string language = "nl";
  /// Labels in further languages (or alternative labels) of a concept, by its key
  /// (docs/formats/skos.md: "layer:F:L", "profile:P", "main-activity:P:C:N", "competence:Q:N",
  /// …). Empty: the model's own texts only. They are added after the model's own label.
  std::function<std::vector<SkosLabel>(const std::string& key)> more_labels;
};

/// The IRI of a main activity or competence by its crosswalk ref ("P:C:N", "Q:N").
std::string skos_ref_iri(const SkosOptions& options, const std::string& ref);

/// A framework as a skos:ConceptScheme: layers and profiles are its top concepts; clusters are
/// narrower than their layer; main activities narrower than their profile and their cluster;
/// sub-activities narrower than the activity above them. Alignments whose source is in the
/// scheme become skos:exactMatch / closeMatch / relatedMatch; rejected ones are left out.
RdfGraph framework_to_skos(const model::Framework& framework,
                           const std::vector<model::Alignment>& alignments,
                           const SkosOptions& options = {});

/// The framework's scheme with its layers and clusters and this one profile.
RdfGraph profile_to_skos(const model::Framework& framework, const model::Profile& profile,
                         const std::vector<model::Alignment>& alignments,
                         const SkosOptions& options = {});

/// A qualification version as a scheme of its own: competences are its top concepts, their
/// activities and knowledge items narrower than them. Its scope is the scheme's skos:scopeNote;
/// the notes under its title, as the page writes them, are skos:notes of the scheme; a footnote
/// ("<mark> <text>") is a skos:note of each concept whose text carries its mark, or of the
/// scheme when no concept does; each partial qualification is a skos:Collection (skos:notation
/// its code) with its competences as skos:members; a withdrawn qualification's scheme,
/// concepts and collections are owl:deprecated true.
RdfGraph qualification_to_skos(const model::Qualification& qualification,
                               const std::vector<model::Alignment>& alignments,
                               const SkosOptions& options = {});

}  // namespace vakkaart::exchange
