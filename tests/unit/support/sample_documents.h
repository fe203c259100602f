#pragma once

#include "model/framework.h"
#include "model/qualification.h"

namespace vakkaart::testing {

/// A small framework with two profiles that share one statement, nested children and an empty
/// cluster: enough to exercise every table of the store.
inline model::Framework sample_framework() {
  model::Framework f;
  f.id = "demo-2020";
  f.title = "Demo beroepenstructuur";
  f.date = "1 januari 2020";
  f.layers = {{"lerende-professional", "De lerende professional"},
              {"kernactiviteiten", "Kernactiviteiten"}};
  f.clusters = {{"de-eigen-deskundigheid-opbouwen", "lerende-professional",
                 "De eigen deskundigheid opbouwen"},
                {"orienteren-en-relaties", "kernactiviteiten", "Oriënteren en relaties"}};
  model::Profile a;
  a.id = "werker-a";
  a.title = "Werker a";
  a.framework_id = f.id;
  a.definition = "De werker a doet iets.";
  a.clusters = {
      {"de-eigen-deskundigheid-opbouwen",
       {{std::nullopt, {{"Reflecteert systematisch over het eigen professioneel handelen", {}}}}}},
      {"orienteren-en-relaties",
       {{"Verzamelen van informatie",
         {{"Bakent doelgroepen af", {{"Leeft zich in de situatie van de doelgroep in", {}}}},
          {"Raadpleegt verschillende bronnen", {}}}}}}};
  model::Profile b;
  b.id = "werker-b";
  b.title = "Werker b";
  b.framework_id = f.id;
  b.definition = "De werker b doet iets anders.";
  b.clusters = {
      {"de-eigen-deskundigheid-opbouwen",
       {{std::nullopt, {{"Reflecteert systematisch over het eigen professioneel handelen", {}}}}}},
      {"orienteren-en-relaties", {}}};
  f.profiles = {a, b};
  return f;
}

/// The sample framework with labels in English and French on every kind of text (a French one
/// only here and there, an untitled main activity without any, one text in English with a comma
/// and a quote).
inline model::Framework labelled_framework() {
  model::Framework f = sample_framework();
  f.title_labels = {{"en", "Demo occupational structure"}, {"fr", "Structure professionnelle"}};
  f.layers[0].labels = {{"en", "The learning professional"}};
  f.clusters[1].labels = {{"en", "Orienting and relations"}, {"fr", "S'orienter et relations"}};
  model::Profile& a = f.profiles[0];
  a.title_labels = {{"en", "Worker a"}};
  a.definition_labels = {{"en", "Worker a does something, \"really\"."}};
  a.clusters[0].main_activities[0].activities[0].labels = {
      {"en", "Reflects systematically on their own professional practice"}};
  model::MainActivity& gather = a.clusters[1].main_activities[0];
  gather.title_labels = {{"en", "Gathering information"}, {"fr", "Recueillir des informations"}};
  gather.activities[0].labels = {{"en", "Delimits target groups"}};
  gather.activities[0].children[0].labels = {{"fr", "Se met à la place du groupe cible"}};
  return f;
}

inline model::Qualification sample_qualification(int version = 1, bool current = true) {
  model::Qualification q;
  q.code = "BK-9999";
  q.version = version;
  q.id = q.code + "-" + std::to_string(version);
  q.current = current;
  q.title = "Demo deskundige";
  q.definition = "De demo deskundige staat in voor alles.";
  q.level = {5, 5};
  q.recognition = "versie " + std::to_string(version) + ", 2020";
  q.year = 2020;
  q.competences = {
      {1,
       "Werkt doelgroepgericht",
       {{"Stelt zich empathisch op", model::Descriptor::cognitive},
        {"Wekt geen onrealiseerbare verwachtingen", model::Descriptor::problem_solving}},
       {{"Kennis van communicatietechnieken", model::KnowledgeKind::general},
        {"Kennis van sociale wetgeving", model::KnowledgeKind::specific}}},
      {2,
       "Communiceert professioneel",
       {{"Stelt zich empathisch op", model::Descriptor::cognitive}, {"Tilt lasten", std::nullopt}},
       {{"Kennis van communicatietechnieken", model::KnowledgeKind::general}}}};
  q.environment_context = {"Het takenpakket is vrij gevarieerd."};
  q.action_context = {"Handelt volgens de wetgeving"};
  q.autonomy = {{"Het informeren van de doelgroep"}, {"De sociale wetgeving, cao’s, …"}, {}};
  q.responsibility = {"Werkt doelgroepgericht", "Communiceert professioneel"};
  q.certificates = "Er zijn geen wettelijke attesten of voorwaarden vereist.";
  q.raw_sections = {{"Onbekende sectie", {"regel een", "regel twee"}}};
  return q;
}

/// The sample with every part only some pages have: title references, scope, partial
/// qualifications, footnotes.
inline model::Qualification sample_qualification_with_parts() {
  model::Qualification q = sample_qualification();
  q.competences[1].activities[1].text = "Tilt lasten*";
  q.title_references = {
      {model::ReferenceKind::competent_fiche, "G160201", "Demo deskundige", true,
       "Deze benaming wordt gebruikt in de Competent-fiche G160201 Demo deskundige"},
      {model::ReferenceKind::sector_profile, "", "Constructiv", false,
       "Deze benaming komt niet voor in het beroepscompetentieprofiel van Constructiv"}};
  q.scope = "Eerste alinea van de afbakening.\nTweede alinea.";
  q.partial_qualifications = {{"BKD-0593-1-DBK-01", "Demo onthaal", {1}},
                              {"BKD-0593-1-DBK-02", "Demo communicatie", {1, 2}}};
  q.footnotes = {{"*", "Tot 25 kg.\nVolgens de codex.", {"competences[1].activities[1]"}}};
  return q;
}

}  // namespace vakkaart::testing
